"""Which cases have a missed check-in right now, for the case list's "only overdue" filter."""

from __future__ import annotations

import datetime

from django.db.models import Q

from safepassage.apps.access.context import AccessContext
from safepassage.apps.safety.models import CheckInSchedule
from safepassage.cores.procedures import checkins
from safepassage.cores.procedures.checkins import CheckInState

LATE = {CheckInState.OVERDUE, CheckInState.ESCALATE}


def overdue_schedules(
    access: AccessContext, now: datetime.datetime
) -> tuple[list[tuple[CheckInSchedule, checkins.CheckInStatus]], int]:
    """Missed check-ins of the cases this user looks after, most urgent first, and how many
    schedules are active (for the page and the API alike)."""
    schedules = list(CheckInSchedule.objects.active().visible_to(access).select_related("case"))
    return checkins.overdue(((s, s.timing(), s.anchor()) for s in schedules), now), len(schedules)


def overdue_cases_q(now: datetime.datetime) -> Q:
    """Cases whose active schedule is overdue or escalated (timing from the procedures core)."""
    late = [
        schedule.case_id
        for schedule in CheckInSchedule.objects.active().iterator(chunk_size=2000)
        if schedule.status(now).state in LATE
    ]
    return Q(pk__in=late)
