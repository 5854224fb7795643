"""The deadline calculator: one rule version, one trigger, optional suspensions.

The calculation runs twice. The first run reads the rule as written in its data file
and records every step; the second turns off each convention marked unverified that
could only make the date later (the *jours francs* extra day, the move off a weekend
or holiday, an unverified suspension) and gives ``conservative``. When both agree the
result is simply verified.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from .calendars import add_months, add_working_days, aware_utc, non_working_reason
from .errors import NaiveDatetimeError
from .model import (
    Counting,
    DeadlineResult,
    DeadlineState,
    NonWorkingDays,
    Rule,
    Step,
    Suspension,
    Unit,
)
from .rules import RuleSet, default_ruleset

_UNIT_WORDS = {
    Unit.DAYS: ("day", "days"),
    Unit.WORKING_DAYS: ("working day", "working days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.HOURS: ("hour", "hours"),
}
_COUNTING_TEXT = {
    Counting.DAY_AFTER: "day not counted",
    Counting.FRANC: "day not counted: jours francs",
    Counting.STRICTLY_WITHIN: "day not counted; act before the anniversary",
    Counting.HOURS: "counted hour to hour",
}


def _span(length: int, unit: Unit) -> str:
    singular, plural = _UNIT_WORDS[unit]
    return f"{length} {singular if length == 1 else plural}"


class _Run:
    """One pass of the calculation; ``lenient`` applies unverified conventions too."""

    def __init__(self, rule: Rule, lenient: bool, record: bool) -> None:
        self.rule, self.lenient, self.record = rule, lenient, record
        self.steps: list[Step] = []

    def step(self, code: str, text: str, **params: object) -> None:
        if self.record:
            self.steps.append(Step(code, {k: str(v) for k, v in params.items()}, text))

    def nominal_end(self, trigger: date) -> date:
        rule = self.rule
        span = _span(rule.length, rule.unit)
        if rule.unit is Unit.MONTHS:
            end, clamped = add_months(trigger, rule.length)
            self.step("add_period", f"{span} → {end}", length=rule.length, unit=rule.unit, date=end)
            if clamped:
                self.step("month_end", f"no such day that month: the last day, {end}", date=end)
        elif rule.unit is Unit.WORKING_DAYS:
            end = add_working_days(trigger, rule.length, rule.jurisdiction)
            self.step("add_period", f"{span} → {end}", length=rule.length, unit=rule.unit, date=end)
        else:
            days = rule.length * (7 if rule.unit is Unit.WEEKS else 1)
            end = trigger + timedelta(days=days)
            self.step("add_period", f"{span} → {end}", length=rule.length, unit=rule.unit, date=end)
        if rule.counting is Counting.FRANC and (self.lenient or rule.counting_verified):
            end += timedelta(days=1)
            self.step("franc_last_day", f"last day not counted (jours francs) → {end}", date=end)
        elif rule.counting is Counting.STRICTLY_WITHIN and not (
            self.lenient and not rule.counting_verified
        ):
            end -= timedelta(days=1)
            self.step("strictly_within", f"must be before the anniversary → {end}", date=end)
        return end

    def suspend(
        self, trigger: date, end: date, suspensions: Iterable[Suspension], on: date
    ) -> date | None:
        """Apply the suspensions; None while one is open."""
        spec = self.rule.suspension
        applied = False
        for item in sorted(suspensions, key=lambda s: s.start):
            if item.start < trigger:
                raise ValueError(f"suspension starts {item.start}, before the trigger {trigger}")
            if spec is None or item.kind != spec.kind:
                self.step(
                    "suspension_not_applicable",
                    f"{item.kind} on {item.start}: this rule has no such suspension; ignored",
                    start=item.start,
                    kind=item.kind,
                )
                continue
            if applied:
                self.step(
                    "suspension_repeat",
                    f"another {item.kind} request on {item.start}: only the first counts",
                    start=item.start,
                )
                continue
            if item.start > on:
                self.step(
                    "suspension_future",
                    f"{item.kind} dated {item.start}, after {on}: not taken into account",
                    start=item.start,
                    on=on,
                )
                continue
            window_end = trigger + timedelta(days=spec.window_days)
            if item.start > window_end:
                self.step(
                    "suspension_too_late",
                    f"legal aid requested {item.start}, after the {spec.window_days}-day window "
                    f"closed on {window_end}: no suspension",
                    start=item.start,
                    window_end=window_end,
                )
                continue
            if item.start > end:
                self.step(
                    "suspension_after_expiry",
                    f"{item.start} is after the deadline {end}: ignored",
                    start=item.start,
                )
                continue
            if not (self.lenient or spec.verified):
                continue
            applied = True
            remaining = (end - max(item.start, trigger + timedelta(days=1))).days
            self.step(
                "suspension_start",
                f"Legal aid requested {item.start} (within {spec.window_days} days): clock "
                f"suspended with {remaining} days remaining",
                start=item.start,
                remaining_days=remaining,
                window_end=window_end,
            )
            if item.end is None or item.end > on:
                self.step(
                    "suspension_open",
                    f"no decision on the request known on {on}: suspended, no due date yet",
                    start=item.start,
                    on=on,
                )
                return None
            end = item.end + timedelta(days=1 + remaining)
            self.step(
                "suspension_end",
                f"Decision notified {item.end}: clock resumes the next day, "
                f"{remaining} days → {end}",
                end=item.end,
                remaining_days=remaining,
                date=end,
            )
        return end

    def non_working(self, end: date) -> date:
        rule = self.rule
        reason = non_working_reason(end, rule.jurisdiction)
        if reason is None:
            return end
        if rule.non_working is NonWorkingDays.NONE:
            self.step(
                "not_extended",
                f"{end} is a {reason}; this rule is not extended",
                date=end,
                reason=reason,
            )
            return end
        if not (self.lenient or rule.non_working_verified):
            return end
        while reason is not None:
            following = end + timedelta(days=1)
            self.step(
                "moved_non_working",
                f"{end} is a {reason}: moved to {following}",
                date=end,
                reason=reason,
                to=following,
            )
            end, reason = following, non_working_reason(following, rule.jurisdiction)
        return end

    def run(self, trigger: date, suspensions: Iterable[Suspension], on: date) -> date | None:
        end = self.suspend(trigger, self.nominal_end(trigger), suspensions, on)
        return None if end is None else self.non_working(end)


def _hours(rule: Rule, instant: datetime | None, suspensions: Iterable[Suspension]) -> list[Step]:
    if instant is None:
        raise NaiveDatetimeError(f"{rule.id} counts in hours: give an aware datetime trigger")
    due_at = instant + timedelta(hours=rule.length)
    steps = [
        Step(
            "add_hours",
            {"hours": str(rule.length), "due_at": due_at.isoformat()},
            f"{rule.length} hours → {due_at.isoformat()}",
        )
    ]
    for item in suspensions:
        steps.append(
            Step(
                "suspension_not_applicable",
                {"start": item.start.isoformat(), "kind": item.kind},
                f"{item.kind} on {item.start}: not applicable to a period in hours",
            )
        )
    return steps


def compute_deadline(
    rule_id: str,
    trigger: date | datetime,
    *,
    on: date | None = None,
    suspensions: Iterable[Suspension] = (),
    ruleset: RuleSet | None = None,
) -> DeadlineResult:
    """Compute a deadline and its working.

    ``trigger`` is the date of the triggering event (an aware datetime for rules in
    hours). The rule version is the one in force on the trigger date. ``on`` is the
    date the calculation is made as of (default: today, UTC): suspension requests or
    decisions dated after it are not yet known. ``ruleset`` defaults to the shipped
    data files.
    """
    rules = ruleset or default_ruleset()
    on = on or datetime.now(UTC).date()
    instant: datetime | None = None
    if isinstance(trigger, datetime):
        instant = aware_utc(trigger, "trigger")
        day = trigger.date()
    else:
        day = trigger
    rule = rules.version(rule_id, day)
    suspensions = tuple(suspensions)
    steps = [
        Step(
            "rule",
            {
                "rule_id": rule.id,
                "effective_from": rule.effective_from.isoformat(),
                "data_version": rule.data_version,
            },
            f"Rule {rule.id}, version in force from {rule.effective_from} ({rule.legal_basis})",
        ),
        Step(
            "trigger",
            {"trigger": rule.trigger, "date": day.isoformat(), "counting": rule.counting.value},
            f"{rule.trigger} {day} ({_COUNTING_TEXT[rule.counting]})",
        ),
    ]
    due_at: datetime | None = None
    if rule.unit is Unit.HOURS:
        steps += _hours(rule, instant, suspensions)
        due_at = (instant or datetime.min.replace(tzinfo=UTC)) + timedelta(hours=rule.length)
        due: date | None = due_at.date()
        conservative = due
    else:
        main = _Run(rule, lenient=True, record=True)
        due = main.run(day, suspensions, on)
        steps += main.steps
        conservative = _Run(rule, lenient=False, record=False).run(day, suspensions, on)
        if due is not None and conservative is not None:
            conservative = min(conservative, due)
            if conservative != due:
                steps.append(
                    Step(
                        "conservative",
                        {"date": conservative.isoformat(), "due": due.isoformat()},
                        f"Act by {conservative}: part of this rule's reading is unverified; "
                        f"{due} only if it holds",
                    )
                )
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
        due_at=due_at,
    )
