"""The value types of the testimony core: interviews, dates, claims, findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENGINE_VERSION = "testimony-v1"

LANGUAGES = ("ru", "en", "fr")

#: Key events of an account, in the order they usually happen.
EVENTS = (
    "contract_signed",
    "called_up",
    "deployment_start",
    "deployment_end",
    "wounded",
    "leave",
    "left_unit",
    "crossed_border",
    "arrived",
)

#: Facts that are not dates. ``place`` is extracted but not compared.
FACTS = ("unit_number", "unit_name", "rank", "service_kind")

#: Every field a finding can be about, and every key a ``record`` may hold.
FIELDS = FACTS + EVENTS

#: Claim kinds in the output: the facts, ``place``, ``date`` (every date mention) and ``event``.
CLAIM_KINDS = (*FACTS, "place", "date", "event")

SEVERITIES = ("high", "medium", "low")
FINDING_KINDS = ("contradiction", "timeline", "omission")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as an interval of days: what was said and how precise it was.

    ``precision`` is one of ``day``, ``part`` (early, mid or late in a month or year),
    ``month``, ``season``, ``year`` or ``relative`` (so many days or weeks after another date).
    """

    start: dt.date
    end: dt.date
    precision: str

    @property
    def label(self) -> str:
        """A short, language-neutral rendering: 2023-03-03, 2023-03, 2023 or a range."""
        if self.start == self.end:
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def gap_days(self, other: DateValue) -> int:
        """Days between the two intervals; 0 when they overlap."""
        if self.end < other.start:
            return (other.start - self.end).days
        if other.end < self.start:
            return (self.start - other.end).days
        return 0

    def to_json(self) -> dict[str, str]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "precision": self.precision,
        }


#: How far apart two dates may be before they disagree, by the coarser precision.
DATE_SLACK_DAYS = {
    "day": 3,
    "part": 7,
    "month": 7,
    "relative": 7,
    "season": 15,
    "year": 30,
}


def date_slack(a: DateValue, b: DateValue) -> int:
    """Tolerance between two dates, depending on how precise each one is."""
    return max(DATE_SLACK_DAYS.get(a.precision, 7), DATE_SLACK_DAYS.get(b.precision, 7))


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview or note: its id, date, language and text."""

    id: str
    date: dt.date
    language: str
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact read from a text, with the quote and the character span it came from.

    ``text[span[0]:span[1]] == quote`` always holds. ``date`` is set for ``date`` claims
    and for ``event`` claims tied to a date.
    """

    interview: str
    kind: str
    value: str
    quote: str
    span: tuple[int, int]
    date: DateValue | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "interview": self.interview,
            "kind": self.kind,
            "value": self.value,
            "quote": self.quote,
            "span": [self.span[0], self.span[1]],
        }
        if self.date is not None:
            out["date"] = self.date.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """One side of a finding: which source said what, in its own words.

    ``span`` locates the quote in that source's text (``None`` for an absence), so a page
    can highlight it in the transcript.
    """

    interview: str
    value: str
    quote: str
    span: tuple[int, int] | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "interview": self.interview,
            "value": self.value,
            "quote": self.quote,
        }
        if self.span is not None:
            out["span"] = [self.span[0], self.span[1]]
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a vetting officer must look at, with the quotes side by side."""

    kind: str
    field: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...]
    rule: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
            "evidence": [e.to_json() for e in self.evidence],
            "rule": self.rule,
        }


@dataclass(slots=True)
class Source:
    """What one interview (or the structured record) says, grouped by field.

    ``facts`` maps a fact field to its claims; ``dates`` maps an event to the claims that
    tie it to a date; ``mentioned`` holds every event named at all, dated or not;
    ``near_date`` holds events named, without a tied date, in a sentence that has one
    (the date may be theirs).
    """

    id: str
    date: dt.date | None
    is_record: bool = False
    facts: dict[str, list[Claim]] = field(default_factory=dict)
    dates: dict[str, list[Claim]] = field(default_factory=dict)
    mentioned: set[str] = field(default_factory=set)
    near_date: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Report:
    """The result of a check: every claim and every finding."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    version: str = ENGINE_VERSION

    def to_json(self) -> dict[str, object]:
        return {
            "version": self.version,
            "claims": [c.to_json() for c in self.claims],
            "findings": [f.to_json() for f in self.findings],
        }
