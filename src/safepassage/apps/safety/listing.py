"""Which cases have a missed check-in right now, for the case list's "only overdue" filter."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from safepassage.apps.safety.models import CheckInSchedule
from safepassage.cores.procedures.checkins import CheckInState

LATE = {CheckInState.OVERDUE, CheckInState.ESCALATE}


def overdue_cases_q() -> Q:
    """Cases whose active schedule is overdue or escalated (timing from the procedures core)."""
    now = timezone.now()
    late = [
        schedule.case_id
        for schedule in CheckInSchedule.objects.active().iterator(chunk_size=2000)
        if schedule.status(now).state in LATE
    ]
    return Q(pk__in=late)
