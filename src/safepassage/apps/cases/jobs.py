"""Deadline reminders for the background worker: once per deadline, a few days ahead.

Assigned caseworkers are told; a case with nobody assigned goes to its coordinators.
Reminders name the case by reference only (the Attention page), and need no keys.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Deadline
from safepassage.apps.cases.notifications import coordinators_of, notify
from safepassage.apps.jobs.registry import job

REMIND_DAYS_AHEAD = 5


@job("remind_deadlines")
def remind_deadlines(now: datetime.datetime) -> int:
    """Notify about open deadlines due within five days (or already passed), once each."""
    limit = now.date() + datetime.timedelta(days=REMIND_DAYS_AHEAD)
    due = Deadline.objects.filter(
        met_at__isnull=True, reminded_at__isnull=True, act_by__isnull=False, act_by__lte=limit
    ).select_related("case")
    sent = 0
    for deadline in due.iterator(chunk_size=500):
        with transaction.atomic():
            claimed = Deadline.objects.filter(pk=deadline.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue  # another worker took it
            case = deadline.case
            people = list(case.assignees.filter(is_active=True)) or coordinators_of(
                case.organisation_id
            )
            notify(people, "deadline_due", case)
            record_case(
                "case.deadline_reminder",
                case,
                detail={"rule": deadline.rule_id[:64], "people": len(people)},
            )
        sent += 1
    return sent
