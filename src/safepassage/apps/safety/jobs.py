"""The background worker's jobs: plain functions of ``now`` that return how much they did.

To add a job, write a function ``def my_job(now: datetime) -> int`` and decorate it with
``@job("my_job")`` (``needs_keys=True`` if it opens sealed fields), in this module or in
one imported by :func:`load_jobs`. ``safepassage worker`` runs them all, in order;
a job that needs keys is skipped while the process is sealed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from safepassage.apps.safety.actions import escalate
from safepassage.apps.safety.models import CheckInSchedule
from safepassage.cores.procedures.checkins import CheckInState

JobFunction = Callable[[datetime.datetime], int]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction
    needs_keys: bool = False


JOBS: list[Job] = []


def job(name: str, *, needs_keys: bool = False) -> Callable[[JobFunction], JobFunction]:
    """Register a function as a worker job (once per name)."""

    def register(function: JobFunction) -> JobFunction:
        if all(existing.name != name for existing in JOBS):
            JOBS.append(Job(name, function, needs_keys))
        return function

    return register


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
    from safepassage.apps.safety.flagging import flag_pending_assessments

    return flag_pending_assessments(now)


def load_jobs() -> list[Job]:
    """Every registered job; import modules that register more jobs here."""
    import importlib

    for module in ("safepassage.apps.audit.jobs", "safepassage.apps.cases.reminders"):
        importlib.import_module(module)  # each registers its jobs with @job

    return list(JOBS)
