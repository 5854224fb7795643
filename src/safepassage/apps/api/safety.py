"""Safety operations of API v1: record a check-in, list missed check-ins."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.registry.lookup import case_in_scope
from safepassage.apps.safety.actions import NoActiveSchedule, record_check_in
from safepassage.apps.safety.listing import overdue_schedules
from safepassage.apps.safety.models import CheckInSchedule

router = Router(tags=["safety"])


class CheckInOut(Schema):
    reference: str
    state: str
    due_at: datetime.datetime
    escalate_at: datetime.datetime


class Problem(Schema):
    detail: str


def _out(schedule: CheckInSchedule, now: datetime.datetime) -> CheckInOut:
    status = schedule.status(now)
    return CheckInOut(
        reference=schedule.case.reference,
        state=str(status.state),
        due_at=status.due_at,
        escalate_at=status.escalate_at,
    )


@router.post(
    "/cases/{reference}/check-in",
    response={200: CheckInOut, 409: Problem},
    url_name="case_check_in",
    summary="He checked in (nothing is sent to him)",
)
def case_check_in(request: HttpRequest, reference: str) -> Any:
    access = access_of(request)
    case = case_in_scope(request, reference)
    try:
        record_check_in(case, actor=access.user)
    except NoActiveSchedule:
        return Status(409, Problem(detail="this case has no active check-in schedule"))
    schedule = CheckInSchedule.objects.select_related("case").get(case=case)
    return Status(200, _out(schedule, timezone.now()))


@router.get(
    "/check-ins/overdue",
    response=list[CheckInOut],
    url_name="checkins_overdue",
    summary="Missed check-ins of visible cases, most urgent first",
)
def checkins_overdue(request: HttpRequest) -> list[CheckInOut]:
    access = access_of(request)
    now = timezone.now()
    late, _ = overdue_schedules(access, now)
    return [_out(schedule, now) for schedule, _ in late]
