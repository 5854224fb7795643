"""Check-in timing: ok, due, overdue within grace, escalate one second past it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from safepassage.cores.procedures import (
    CheckInSchedule,
    CheckInState,
    NaiveDatetimeError,
    overdue,
    status,
)

EVERY_48H = CheckInSchedule(interval=timedelta(hours=48), grace=timedelta(hours=12))
LAST = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DUE = LAST + timedelta(hours=48)
ESCALATE = DUE + timedelta(hours=12)
SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (LAST, CheckInState.OK),
        (DUE - SECOND, CheckInState.OK),
        (DUE, CheckInState.DUE),  # exactly at due: due, not yet late
        (DUE + SECOND, CheckInState.OVERDUE),
        (DUE + timedelta(hours=6), CheckInState.OVERDUE),  # within grace
        (ESCALATE, CheckInState.OVERDUE),  # the last instant of grace
        (ESCALATE + SECOND, CheckInState.ESCALATE),  # one second past grace
    ],
)
def test_states(now: datetime, state: CheckInState) -> None:
    """The state follows due_at and escalate_at to the second."""
    result = status(EVERY_48H, LAST, now)
    assert result.state is state
    assert (result.due_at, result.escalate_at) == (DUE, ESCALATE)


def test_late_by_and_next_change() -> None:
    """late_by counts from due_at; changes_at says when to look again."""
    ok = status(EVERY_48H, LAST, LAST + timedelta(hours=1))
    assert ok.late_by == timedelta(0)
    assert ok.changes_at == DUE
    late = status(EVERY_48H, LAST, DUE + timedelta(hours=3))
    assert late.late_by == timedelta(hours=3)
    assert late.changes_at is not None
    assert late.changes_at > ESCALATE
    assert status(EVERY_48H, LAST, ESCALATE + SECOND).changes_at is None


def test_reminder_window() -> None:
    """With remind_before the due state opens that long before due_at."""
    schedule = CheckInSchedule(timedelta(hours=48), timedelta(hours=12), timedelta(hours=6))
    assert status(schedule, LAST, DUE - timedelta(hours=6)).state is CheckInState.DUE
    assert status(schedule, LAST, DUE - timedelta(hours=6) - SECOND).state is CheckInState.OK


def test_zero_grace_escalates_immediately_after_due() -> None:
    """Without grace, one second late is an escalation."""
    schedule = CheckInSchedule(timedelta(hours=24), timedelta(0))
    assert (
        status(schedule, LAST, LAST + timedelta(hours=24) + SECOND).state is CheckInState.ESCALATE
    )


def test_other_time_zones_are_converted_to_utc() -> None:
    """An aware time in Almaty (UTC+5) is the same instant in UTC."""
    almaty = timezone(timedelta(hours=5))
    result = status(EVERY_48H, LAST.astimezone(almaty), DUE.astimezone(almaty))
    assert result.state is CheckInState.DUE
    assert result.due_at.tzinfo is UTC


@pytest.mark.parametrize("which", ["last", "now"])
def test_naive_datetimes_raise(which: str) -> None:
    """A naive datetime is refused, whichever argument it is."""
    naive = datetime(2026, 3, 1, 12, 0)
    last, now = (naive, DUE) if which == "last" else (LAST, naive)
    with pytest.raises(NaiveDatetimeError):
        status(EVERY_48H, last, now)


@pytest.mark.parametrize(
    ("interval", "grace", "remind"),
    [
        (timedelta(0), timedelta(hours=1), timedelta(0)),
        (timedelta(hours=1), timedelta(hours=-1), timedelta(0)),
        (timedelta(hours=1), timedelta(0), timedelta(hours=2)),
    ],
)
def test_invalid_schedules(interval: timedelta, grace: timedelta, remind: timedelta) -> None:
    """Zero intervals, negative grace and reminders longer than the interval are refused."""
    with pytest.raises(ValueError, match=r"must|cannot"):
        CheckInSchedule(interval, grace, remind)


def test_overdue_list_most_urgent_first() -> None:
    """Escalations first (longest missed first), then overdue ones; people on time are left out."""
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    daily = CheckInSchedule(timedelta(hours=24), timedelta(hours=6))
    entries = [
        ("on-time", EVERY_48H, now - timedelta(hours=10)),
        ("overdue", EVERY_48H, now - timedelta(hours=50)),
        ("escalate-recent", daily, now - timedelta(hours=31)),
        ("escalate-old", EVERY_48H, now - timedelta(hours=100)),
    ]
    result = overdue(entries, now)
    assert [key for key, _ in result] == ["escalate-old", "escalate-recent", "overdue"]
    assert [s.state for _, s in result] == [
        CheckInState.ESCALATE,
        CheckInState.ESCALATE,
        CheckInState.OVERDUE,
    ]


def test_overdue_needs_aware_now() -> None:
    """The overdue list refuses a naive now."""
    with pytest.raises(NaiveDatetimeError):
        overdue([("x", EVERY_48H, LAST)], datetime(2026, 3, 10))
