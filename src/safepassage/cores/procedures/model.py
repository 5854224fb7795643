"""The records of the procedures core: rules, suspensions, steps and results.

All of them are frozen dataclasses with plain fields (dates, strings, ints), so the
Django side can store them as they are or as JSON (``Step.as_dict``,
``DeadlineResult.as_dict``) and show them later exactly as computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Unit(StrEnum):
    """The unit a rule's length is written in."""

    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


class Counting(StrEnum):
    """How the period is counted from the triggering event.

    ``day_after``: the day of the event is not counted, the last day is (French CPC
    art. 641; German BGB §§ 187(1), 188). ``franc``: *jours francs*, neither the day of
    the event nor the last day is counted, so one day more (French administrative
    litigation). ``strictly_within``: the act must happen *before* the anniversary
    ("dans un délai inférieur à"), and document validity ends the day before it.
    ``hours``: from the instant of the event, hour to hour.
    """

    DAY_AFTER = "day_after"
    FRANC = "franc"
    STRICTLY_WITHIN = "strictly_within"
    HOURS = "hours"


class NonWorkingDays(StrEnum):
    """What happens when the last day is a Saturday, Sunday or public holiday."""

    EXTEND = "extend"  # moved to the next working day
    NONE = "none"  # the date stands


class Kind(StrEnum):
    """Who the deadline binds, which tells the UI how to present it."""

    APPLICANT = "applicant_deadline"  # the person (or his lawyer) must act by then
    AUTHORITY = "authority_deadline"  # an authority should act by then; no sanction on him
    VALIDITY = "validity"  # a document or status expires
    DEEMED = "deemed_notification"  # a date on which a notice counts as received


class DeadlineState(StrEnum):
    """Whether a computed deadline has a date."""

    RUNNING = "running"
    SUSPENDED = "suspended"  # an open suspension: no due date yet


@dataclass(frozen=True)
class SuspensionRule:
    """How a rule's clock is suspended, e.g. by a legal-aid request.

    A suspension counts only if it starts within ``window_days`` of the trigger (the
    trigger day not counted, no weekend extension of the window: the safer reading).
    Once the suspending decision is notified, the clock restarts the next day for the
    days that were left.
    """

    kind: str
    window_days: int
    verified: bool
    legal_basis: str
    sources: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Track:
    """One branch of a rule whose period depends on the event (an OQTF's track, a
    Dublin decision notified with or without detention), chosen on the event."""

    name: str
    length: int
    unit: Unit
    counting: Counting
    legal_basis: str
    sources: tuple[str, ...]
    quote: str
    text_verified: bool


@dataclass(frozen=True)
class Rule:
    """One version of one procedure rule, as read from a data file.

    ``text_verified`` is True only when the operative sentence (``quote``) was read in
    the official text (Légifrance, EUR-Lex, gesetze-im-internet.de); otherwise the
    act-by date drops every convention that could only make it later. ``regime`` is
    "pact" for versions of the EU Pact, which apply to claims made from its start
    (``claim_date``). ``fixed_seat`` names the one court that hears the case (the
    CNDA sits in Montreuil), so a seat given on the event is ignored.
    """

    id: str
    jurisdiction: str
    title: str
    kind: Kind
    trigger: str
    length: int
    unit: Unit
    counting: Counting
    counting_verified: bool
    non_working: NonWorkingDays
    non_working_verified: bool
    effective_from: date
    effective_to: date | None
    legal_basis: str
    sources: tuple[str, ...]
    note: str
    pathways: tuple[str, ...]
    stage: str
    data_version: str
    source_file: str
    suspension: SuspensionRule | None = None
    quote: str = ""
    text_verified: bool = False
    tracks: tuple[Track, ...] = ()
    default_track: str | None = None
    regime: str | None = None
    fixed_seat: str | None = None

    def track(self, name: str) -> Track:
        """The named track; ``KeyError`` if the rule has no such track."""
        for track in self.tracks:
            if track.name == name:
                return track
        raise KeyError(name)

    def in_force(self, day: date) -> bool:
        """Whether this version applies to an event on ``day`` (both ends inclusive)."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    @property
    def verified(self) -> bool:
        """False when any convention of this rule is marked unverified."""
        suspension_ok = self.suspension is None or self.suspension.verified
        return (
            self.text_verified
            and all(track.text_verified for track in self.tracks)
            and self.counting_verified
            and self.non_working_verified
            and suspension_ok
            and "[unverified]" not in self.note
        )

    @property
    def ref(self) -> RuleRef:
        """The reference to store with a case decision."""
        return RuleRef(self.id, self.effective_from, self.data_version)


@dataclass(frozen=True)
class RuleRef:
    """Which rule version was applied: keep this with every case decision."""

    rule_id: str
    effective_from: date
    data_version: str

    def __str__(self) -> str:
        return f"{self.rule_id}@{self.effective_from.isoformat()} (data {self.data_version})"


@dataclass(frozen=True)
class Suspension:
    """A suspension interval: a request on ``start``, decided (notified) on ``end``.

    ``end=None`` means not decided yet: the deadline is then *suspended, no due date
    yet*, never a guessed date. ``lawyer_notified`` is the day the legal-aid decision
    reached the appointed lawyer: the clock restarts from the later notification
    (CAA Toulouse, 22TL00387), and act-by from the earlier one.
    """

    start: date
    end: date | None = None
    kind: str = "legal_aid"
    lawyer_notified: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"suspension ends ({self.end}) before it starts ({self.start})")
        if self.lawyer_notified is not None and self.lawyer_notified < self.start:
            raise ValueError("the lawyer cannot be notified before the request")


@dataclass(frozen=True)
class Step:
    """One line of a calculation's working: a code and parameters for the UI to
    translate, and an English default ``text``."""

    code: str
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"code": self.code, "params": dict(self.params), "text": self.text}


@dataclass(frozen=True)
class DeadlineResult:
    """A computed deadline with its working.

    ``due`` is the last day to act as the rule is read; ``conservative`` is the
    earliest date any unverified reading could give (equal to ``due`` when the rule
    is fully verified): caseworkers should act by ``act_by``. Both are ``None`` while
    a suspension is open (``state == SUSPENDED``). ``due_at`` is set for rules in
    hours.
    """

    rule: RuleRef
    title: str
    kind: Kind
    trigger_date: date
    on: date
    state: DeadlineState
    due: date | None
    conservative: date | None
    steps: tuple[Step, ...]
    verified: bool
    due_at: datetime | None = None
    track: str | None = None
    court_seat: str | None = None
    notified_by: str | None = None

    @property
    def rule_id(self) -> str:
        """The id of the applied rule."""
        return self.rule.rule_id

    @property
    def act_by(self) -> date | None:
        """The date to work to: the conservative one."""
        return self.conservative

    def days_left(self, today: date) -> int | None:
        """Days from ``today`` to ``act_by`` (negative once passed; None if suspended)."""
        return None if self.act_by is None else (self.act_by - today).days

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (dates as ISO strings)."""
        return {
            "rule_id": self.rule.rule_id,
            "rule_effective_from": self.rule.effective_from.isoformat(),
            "data_version": self.rule.data_version,
            "title": self.title,
            "kind": self.kind.value,
            "trigger_date": self.trigger_date.isoformat(),
            "on": self.on.isoformat(),
            "state": self.state.value,
            "due": self.due.isoformat() if self.due else None,
            "conservative": self.conservative.isoformat() if self.conservative else None,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "verified": self.verified,
            "track": self.track,
            "court_seat": self.court_seat,
            "notified_by": self.notified_by,
            "steps": [step.as_dict() for step in self.steps],
        }
