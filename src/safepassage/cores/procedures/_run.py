"""One pass of the deadline calculation over one effective rule version.

``lenient`` applies every convention as the data file reads it; the strict pass drops
each convention that is unverified (or whose rule text is unverified) and could only
make the date later, and reads a legal-aid restart from the earlier notification.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .calendars import add_months, add_working_days, non_working_code
from .i18n import describe_step
from .model import Counting, NonWorkingDays, Rule, Step, Suspension, Unit


class Run:
    """One pass; ``steps`` holds the working when ``record`` is set."""

    def __init__(self, rule: Rule, *, lenient: bool, record: bool, seat: str | None) -> None:
        self.rule, self.lenient, self.record, self.seat = rule, lenient, record, seat
        self.steps: list[Step] = []

    def ok(self, verified: bool) -> bool:
        """Whether a convention applies in this pass."""
        return self.lenient or (verified and self.rule.text_verified)

    def step(self, code: str, **params: object) -> None:
        if self.record:
            values = {k: _text(v) for k, v in params.items()}
            self.steps.append(Step(code, values, describe_step(Step(code, values), "en")))

    def nominal_end(self, trigger: date) -> date:
        rule = self.rule
        if rule.unit is Unit.MONTHS:
            end, clamped = add_months(trigger, rule.length)
        elif rule.unit is Unit.WORKING_DAYS:
            end, clamped = add_working_days(trigger, rule.length, rule.jurisdiction), False
        else:
            days = rule.length * (7 if rule.unit is Unit.WEEKS else 1)
            end, clamped = trigger + timedelta(days=days), False
        self.step("add_period", length=rule.length, unit=rule.unit.value, date=end)
        if clamped:
            self.step("month_end", date=end)
        if rule.counting is Counting.FRANC and self.ok(rule.counting_verified):
            end += timedelta(days=1)
            self.step("franc_last_day", date=end)
        elif rule.counting is Counting.STRICTLY_WITHIN and not (
            self.lenient and not rule.counting_verified
        ):
            end -= timedelta(days=1)
            self.step("strictly_within", date=end)
        return end

    def _skip(self, item: Suspension, trigger: date, end: date, on: date) -> bool:
        """Record why a suspension does not count; True if it is skipped."""
        spec = self.rule.suspension
        if spec is None or item.kind != spec.kind:
            self.step("suspension_not_applicable", start=item.start, kind=item.kind)
            return True
        if item.start > on:
            self.step("suspension_future", start=item.start, on=on)
            return True
        window_end = trigger + timedelta(days=spec.window_days)
        if item.start > window_end:
            self.step(
                "suspension_too_late",
                start=item.start,
                window_days=spec.window_days,
                window_end=window_end,
            )
            return True
        if item.start > end:
            self.step("suspension_after_expiry", start=item.start)
            return True
        return not (self.lenient or spec.verified)

    def suspend(
        self, trigger: date, end: date, suspensions: Iterable[Suspension], on: date
    ) -> date | None:
        """Apply the first suspension that counts; None while it is open."""
        applied = False
        for item in sorted(suspensions, key=lambda s: s.start):
            if item.start < trigger:
                raise ValueError(f"suspension starts {item.start}, before the trigger {trigger}")
            if applied:
                self.step("suspension_repeat", start=item.start)
                continue
            if self._skip(item, trigger, end, on):
                continue
            applied = True
            remaining = (end - max(item.start, trigger + timedelta(days=1))).days
            self.step("suspension_start", start=item.start, remaining_days=remaining)
            known = [d for d in (item.end, item.lawyer_notified) if d is not None and d <= on]
            # The strict pass restarts from the earlier notification, so a lawyer's notice
            # restarts it even while the applicant's is not known yet.
            if (item.end is None or item.end > on) and (self.lenient or not known):
                self.step("suspension_open", start=item.start, on=on)
                return None
            if self.lenient:
                restart = max(known)
                end = restart + timedelta(days=1 + remaining)
            else:
                restart = min(known)
                end = restart + timedelta(days=remaining)
            lawyer = item.lawyer_notified if item.lawyer_notified in known else None
            self.step(
                "suspension_end" if self.lenient else "suspension_end_early",
                end=item.end,
                lawyer_notified=lawyer or "",
                restart=restart,
                remaining_days=remaining,
                date=end,
            )
        return end

    def non_working(self, end: date) -> date:
        rule = self.rule
        reason = non_working_code(end, rule.jurisdiction, self.seat)
        if reason is None:
            return end
        if rule.non_working is NonWorkingDays.NONE:
            self.step("not_extended", date=end, reason=reason)
            return end
        if not self.ok(rule.non_working_verified):
            return end
        while reason is not None:
            following = end + timedelta(days=1)
            self.step("moved_non_working", date=end, reason=reason, to=following)
            end, reason = following, non_working_code(following, rule.jurisdiction, self.seat)
        return end

    def run(self, trigger: date, suspensions: Iterable[Suspension], on: date) -> date | None:
        end = self.suspend(trigger, self.nominal_end(trigger), suspensions, on)
        return None if end is None else self.non_working(end)


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
