"""Properties that hold for every rule and date: never before the trigger, suspensions never
make a deadline earlier, extended deadlines land on working days, conservative ≤ due."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.procedures import (
    NonWorkingDays,
    Suspension,
    Unit,
    add_months,
    compute_deadline,
    default_ruleset,
    is_working_day,
    next_working_day,
)

ON = date(2040, 1, 1)
DAY_RULES = [
    rid
    for rid in default_ruleset().ids()
    if default_ruleset().versions(rid)[0].unit is not Unit.HOURS
    and not default_ruleset().versions(rid)[0].tracks
    and default_ruleset().versions(rid)[0].effective_from <= date(2024, 2, 1)
]
days = st.dates(min_value=date(2024, 2, 1), max_value=date(2032, 12, 31))  # all rules in force


@given(rule_id=st.sampled_from(DAY_RULES), trigger=days)
def test_due_never_before_trigger(rule_id: str, trigger: date) -> None:
    """Every rule's due and conservative dates fall after the trigger, conservative first."""
    result = compute_deadline(rule_id, trigger, on=ON)
    assert result.due is not None
    assert result.conservative is not None
    assert trigger < result.conservative <= result.due


@given(rule_id=st.sampled_from(DAY_RULES), trigger=days)
def test_extended_rules_end_on_working_days(rule_id: str, trigger: date) -> None:
    """Where the rule (verified or not) moves off weekends and holidays, due is a working day."""
    result = compute_deadline(rule_id, trigger, on=ON)
    rule = default_ruleset().version(rule_id, trigger)
    if rule.non_working is NonWorkingDays.EXTEND:
        assert result.due is not None
        assert is_working_day(result.due, rule.jurisdiction)


@given(
    trigger=days,
    offset=st.integers(min_value=0, max_value=40),
    length=st.integers(min_value=0, max_value=200),
)
def test_suspension_never_makes_cnda_earlier(trigger: date, offset: int, length: int) -> None:
    """Adding a legal-aid suspension, timely or not, never brings the CNDA deadline forward."""
    plain = compute_deadline("fr.cnda_appeal", trigger, on=ON)
    start = trigger + timedelta(days=offset)
    suspended = compute_deadline(
        "fr.cnda_appeal",
        trigger,
        on=ON,
        suspensions=[Suspension(start, start + timedelta(days=length))],
    )
    assert plain.due is not None
    assert suspended.due is not None
    assert suspended.due >= plain.due


@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_next_working_day_is_working_and_not_earlier(day: date) -> None:
    """Moving forward off a holiday or weekend lands on a working day, within a week."""
    for jurisdiction in ("FR", "DE"):
        moved = next_working_day(day, jurisdiction)
        assert is_working_day(moved, jurisdiction)
        assert day <= moved < day + timedelta(days=7)


@given(day=days, months=st.integers(min_value=0, max_value=48))
def test_add_months_keeps_day_or_month_end(day: date, months: int) -> None:
    """Adding months keeps the day number, or gives the last day of a shorter month."""
    result, clamped = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    if clamped:
        assert result.day < day.day
        assert (result + timedelta(days=1)).day == 1
    else:
        assert result.day == day.day
