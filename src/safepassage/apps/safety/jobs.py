"""Safety's worker jobs: escalate missed check-ins, flag cases after a risk rise."""

from __future__ import annotations

import datetime

from safepassage.apps.jobs.registry import job
from safepassage.apps.safety.actions import escalate
from safepassage.apps.safety.flagging import flag_pending_assessments
from safepassage.apps.safety.models import CheckInSchedule
from safepassage.cores.procedures.checkins import CheckInState


@job("escalate_missed_check_ins")
def escalate_missed_check_ins(now: datetime.datetime) -> int:
    """Tell the coordinators about every check-in missed beyond its grace, once per period."""
    escalated = 0
    candidates = CheckInSchedule.objects.active().filter(escalated_at__isnull=True)
    for schedule in candidates.select_related("case").iterator(chunk_size=500):
        if schedule.status(now).state == CheckInState.ESCALATE and escalate(schedule, now):
            escalated += 1
    return escalated


@job("flag_cases_after_risk_rise", needs_keys=True)
def flag_cases_after_risk_rise(now: datetime.datetime) -> int:
    """Open every open case's sealed country and flag those in a country whose risk rose."""
    return flag_pending_assessments(now)
