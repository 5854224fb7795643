"""The deadline calculator: one rule, one event, and what is known about it.

The event brings its date and, when the caseworker knows them, the manner of notice
(``notified_by``: the period starts from the date the law deems), the track the
decision follows (``track``: an OQTF under L911-1, L921-1 or L921-2), the court's
seat (``court_seat``: its local holidays) and the date the claim was made
(``claim_date``: whether the EU Pact applies). The version in force on the
notification date is taken; a Pact version applies only to claims made from the
Pact's start, and with no claim date both regimes are computed and act-by is the
earlier. With no track (and no default), every track is computed and act-by is the
earliest. Each calculation runs twice (``_run.Run``): as the data reads, and strictly;
``conservative`` is the strict date, never later than ``due``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from ._run import Run
from .calendars import aware_utc
from .errors import NoVersionInForceError, UnknownTrackError
from .i18n import describe_step
from .model import (
    DeadlineResult,
    DeadlineState,
    NonWorkingDays,
    Rule,
    Step,
    Suspension,
    Unit,
)
from .rules import RuleSet, default_ruleset
from .seats import seat_jurisdiction


@dataclass(frozen=True)
class _Event:
    day: date  # the notification date the law deems
    recorded: date  # where the strict pass starts: the deemed date only if verified
    instant: datetime | None
    suspensions: tuple[Suspension, ...]
    on: date
    seat: str | None


@dataclass(frozen=True)
class _Outcome:
    due: date | None
    conservative: date | None
    steps: tuple[Step, ...]
    due_at: datetime | None = None


def _step(code: str, **params: object) -> Step:
    values = {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in params.items()}
    return Step(code, values, describe_step(Step(code, values), "en"))


def _hours(rule: Rule, event: _Event) -> _Outcome:
    """A period in hours: from the instant if known, else from the start of the day."""
    ignored = tuple(
        _step("suspension_hours", start=item.start, kind=item.kind) for item in event.suspensions
    )
    if event.instant is not None and event.day == event.instant.date():
        due_at = event.instant + timedelta(hours=rule.length)
        steps = (_step("add_hours", hours=rule.length, due_at=due_at.isoformat()), *ignored)
        return _Outcome(due_at.date(), due_at.date(), steps, due_at)
    span = timedelta(days=math.ceil(rule.length / 24) - 1)
    last = event.day + span
    steps = (_step("hours_date_only", hours=rule.length, date=last), *ignored)
    # Act-by from where the strict pass starts (the recorded date if the deemed one is
    # unverified), as for periods in days.
    return _Outcome(last, min(last, event.recorded + span), steps)


def _once(rule: Rule, event: _Event) -> _Outcome:
    """One version (one track) computed both ways."""
    if rule.unit is Unit.HOURS:
        return _hours(rule, event)
    seat = rule.fixed_seat or event.seat
    main = Run(rule, lenient=True, record=True, seat=seat)
    due = main.run(event.day, event.suspensions, event.on)
    strict = Run(rule, lenient=False, record=False, seat=seat)
    conservative = strict.run(event.recorded, event.suspensions, event.on)
    if due is not None and conservative is not None:
        conservative = min(conservative, due)
    return _Outcome(due, conservative, tuple(main.steps))


def _seat_steps(rule: Rule, given: str | None) -> list[Step]:
    if rule.non_working is not NonWorkingDays.EXTEND:
        return []
    if rule.fixed_seat is not None:
        if given is not None and given != rule.fixed_seat:
            return [_step("seat_fixed", seat=rule.fixed_seat, given=given)]
        return [_step("seat", seat=rule.fixed_seat)]
    return [_step("seat", seat=given)] if given else [_step("seat_none")]


def _tracked(rule: Rule, event: _Event, track: str | None) -> tuple[_Outcome, str | None]:
    """The outcome for the chosen track, or the earliest over all tracks."""
    if not rule.tracks:
        return _once(rule, event), None
    chosen = track or rule.default_track
    if chosen is not None:
        try:
            branch = rule.track(chosen)
        except KeyError:
            names = ", ".join(t.name for t in rule.tracks)
            raise UnknownTrackError(f"no track {chosen!r}; known: {names}") from None
        outcome = _once(_with_track(rule, branch.name), event)
        head = _step("track" if track else "track_default", track=branch.name, rule_id=rule.id)
        return replace(outcome, steps=(head, *outcome.steps)), branch.name
    results = [(t.name, _once(_with_track(rule, t.name), event)) for t in rule.tracks]
    dated = [(n, o) for n, o in results if o.conservative is not None]
    name, first = min(dated or results, key=lambda item: item[1].conservative or date.max)
    head = _step("track_unknown", track=name, rule_id=rule.id, date=first.conservative or "")
    return replace(first, steps=(head, *first.steps)), None


def _with_track(rule: Rule, name: str) -> Rule:
    branch = rule.track(name)
    return replace(
        rule,
        length=branch.length,
        unit=branch.unit,
        counting=branch.counting,
        legal_basis=branch.legal_basis,
        text_verified=rule.text_verified and branch.text_verified,
    )


def _regime(
    rules: RuleSet, rule: Rule, claim_date: date | None
) -> tuple[Rule, Rule | None, list[Step]]:
    """The version a claim's date selects; the other candidate when it is unknown."""
    if rule.regime != "pact":
        return rule, None, []
    earlier = rules.previous(rule)
    start = rule.effective_from
    if claim_date is None:
        if earlier is None:
            return rule, None, [_step("regime_pact_only", start=start)]
        return rule, earlier, []
    if claim_date >= start:
        return rule, None, [_step("regime_pact", claim_date=claim_date, start=start)]
    if earlier is None or earlier.regime == "pact":
        raise NoVersionInForceError(
            f"{rule.id} is a rule of the EU Pact; a claim made before {start} stays "
            "under the earlier law"
        )
    return earlier, None, [_step("regime_old", claim_date=claim_date, start=start)]


def _notice(
    rules: RuleSet, rule_id: str, recorded: date, manner: str | None
) -> tuple[date, date, list[Step]]:
    """(deemed date, strict start, steps) for the manner of notice."""
    if manner is None:
        return recorded, recorded, []
    jurisdiction = rules.versions(rule_id)[0].jurisdiction
    spec = rules.manner(jurisdiction, manner)
    deemed = spec.deemed(recorded)
    if spec.text_verified or deemed == recorded:
        return deemed, deemed, [_step("notice", manner=manner, recorded=recorded, deemed=deemed)]
    steps = [_step("notice_unverified", manner=manner, recorded=recorded, deemed=deemed)]
    return deemed, recorded, steps


def compute_deadline(
    rule_id: str,
    trigger: date | datetime,
    *,
    on: date | None = None,
    suspensions: Iterable[Suspension] = (),
    ruleset: RuleSet | None = None,
    court_seat: str | None = None,
    notified_by: str | None = None,
    track: str | None = None,
    claim_date: date | None = None,
) -> DeadlineResult:
    """Compute a deadline and its working.

    ``trigger`` is the date of the event (an aware datetime for rules in hours gives
    the hour; a plain date counts them from the start of that day, the safe reading).
    ``on`` is the date the calculation is made as of (default: today, UTC); requests
    or decisions dated after it are not yet known. Raises ``UnknownRuleError``,
    ``NoVersionInForceError``, ``UnknownTrackError``, or ``ValueError`` / ``KeyError``
    for a seat or manner that does not exist.
    """
    rules = ruleset or default_ruleset()
    on = on or datetime.now(UTC).date()
    instant = aware_utc(trigger, "trigger") if isinstance(trigger, datetime) else None
    recorded = trigger.date() if isinstance(trigger, datetime) else trigger
    day, strict_start, notice_steps = _notice(rules, rule_id, recorded, notified_by)
    rule, other, regime_steps = _regime(rules, rules.version(rule_id, day), claim_date)
    if court_seat is not None and seat_jurisdiction(court_seat) != rule.jurisdiction:
        raise ValueError(f"court seat {court_seat!r} is not in {rule.jurisdiction}")
    event = _Event(day, strict_start, instant, tuple(suspensions), on, court_seat)
    outcome, used_track = _tracked(rule, event, track)
    if other is not None:
        alternative, _ = _tracked(other, event, track)
        earliest = min(
            (d for d in (outcome.conservative, alternative.conservative) if d), default=None
        )
        regime_steps = [
            _step("regime_unknown", start=rule.effective_from, date=earliest or "",
                  pact=outcome.conservative or "", old=alternative.conservative or "")
        ]  # fmt: skip
        outcome = replace(outcome, conservative=earliest)
    steps = [
        _step("rule", rule_id=rule.id, effective_from=rule.effective_from,
              data_version=rule.data_version, legal_basis=rule.legal_basis),
        *regime_steps,
        *notice_steps,
        _step("trigger", trigger=rule.trigger, date=day, counting=rule.counting.value),
        *_seat_steps(rule, court_seat),
        *outcome.steps,
    ]  # fmt: skip
    due, conservative = outcome.due, outcome.conservative
    if due is not None and conservative is not None and conservative != due:
        steps.append(_step("conservative", date=conservative, due=due))
    return DeadlineResult(
        rule=rule.ref,
        title=rule.title,
        kind=rule.kind,
        trigger_date=day,
        on=on,
        state=DeadlineState.SUSPENDED if due is None else DeadlineState.RUNNING,
        due=due,
        conservative=conservative,
        steps=tuple(steps),
        verified=rule.verified,
        due_at=outcome.due_at,
        track=used_track,
        court_seat=court_seat,
        notified_by=notified_by,
    )
