"""Safety check-ins for people in hiding: timing only.

The caseworker records that he checked in (a quick action that stores the instant);
this module says when the next check-in is due, when a missed one must be escalated
to the coordinator, and who is overdue. Nothing here, nor anywhere in SafePassage,
sends anything to the person: contact happens through the agreed safe channel, by a
person.

States, for ``due_at = last + interval`` and ``escalate_at = due_at + grace``:
``ok`` before ``due_at - remind_before``; ``due`` from then up to and including
``due_at``; ``overdue`` after ``due_at`` up to and including ``escalate_at`` (missed,
within grace); ``escalate`` once ``escalate_at`` has passed. All instants are aware
datetimes, compared in UTC; naive ones raise ``NaiveDatetimeError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from .calendars import aware_utc

K = TypeVar("K")


class CheckInState(StrEnum):
    """Where a person's check-in stands."""

    OK = "ok"
    DUE = "due"
    OVERDUE = "overdue"
    ESCALATE = "escalate"


@dataclass(frozen=True)
class CheckInSchedule:
    """Check in every ``interval``; escalate when one is missed by more than ``grace``.

    ``remind_before`` opens the ``due`` window that long before the due time (zero by
    default, so ``due`` is then only the due instant itself).
    """

    interval: timedelta
    grace: timedelta
    remind_before: timedelta = timedelta(0)

    def __post_init__(self) -> None:
        if self.interval <= timedelta(0):
            raise ValueError("interval must be positive")
        if self.grace < timedelta(0) or self.remind_before < timedelta(0):
            raise ValueError("grace and remind_before must not be negative")
        if self.remind_before > self.interval:
            raise ValueError("remind_before cannot exceed the interval")


@dataclass(frozen=True)
class CheckInStatus:
    """The state at ``now`` and the instants that define it.

    ``late_by`` is how long past ``due_at`` (zero when not late); ``changes_at`` is
    when the state will next change (None once escalated), for scheduling reminders.
    """

    state: CheckInState
    last_check_in: datetime
    due_at: datetime
    escalate_at: datetime
    now: datetime
    late_by: timedelta
    changes_at: datetime | None


def status(schedule: CheckInSchedule, last_check_in: datetime, now: datetime) -> CheckInStatus:
    """The check-in state at ``now``. For someone who never checked in, pass the
    instant his schedule started."""
    last = aware_utc(last_check_in, "last_check_in")
    now = aware_utc(now, "now")
    due_at = last + schedule.interval
    escalate_at = due_at + schedule.grace
    remind_at = due_at - schedule.remind_before
    changes_at: datetime | None
    if now < remind_at:
        state, changes_at = CheckInState.OK, remind_at
    elif now <= due_at:
        state, changes_at = CheckInState.DUE, due_at + timedelta(microseconds=1)
    elif now <= escalate_at:
        state, changes_at = CheckInState.OVERDUE, escalate_at + timedelta(microseconds=1)
    else:
        state, changes_at = CheckInState.ESCALATE, None
    late_by = max(now - due_at, timedelta(0))
    return CheckInStatus(state, last, due_at, escalate_at, now, late_by, changes_at)


def overdue(
    entries: Iterable[tuple[K, CheckInSchedule, datetime]], now: datetime
) -> list[tuple[K, CheckInStatus]]:
    """Who has missed a check-in (``overdue`` or ``escalate``), most urgent first.

    ``entries`` are ``(case_id, schedule, last_check_in)``. Sorted by ``escalate_at``
    (escalations, which passed theirs, come first, the longest-missed first), then by
    ``due_at``.
    """
    late: list[tuple[K, CheckInStatus]] = []
    for key, schedule, last in entries:
        result = status(schedule, last, now)
        if result.state in (CheckInState.OVERDUE, CheckInState.ESCALATE):
            late.append((key, result))
    late.sort(key=lambda item: (item[1].escalate_at, item[1].due_at))
    return late
