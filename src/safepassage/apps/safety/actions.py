"""Writes for safety: schedules, check-ins, risk assessments and flags.

Shared by the views, the worker's jobs, the demo loader and the tests. Audit entries
carry case references and row ids only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safepassage.apps.accounts.models import User
from safepassage.apps.audit.actions import record, record_case
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.notifications import coordinators_of, notify
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.safety.models import (
    RATING_RANK,
    CaseFlag,
    CheckIn,
    CheckInChannel,
    CheckInNote,
    CheckInSchedule,
    CountryRisk,
    Flagging,
)


class NoActiveSchedule(Exception):
    """A check-in was recorded for a case without an active schedule."""


def _actor_id(actor: User | None) -> int | None:
    return actor.pk if actor else None


def set_schedule(
    case: Case,
    *,
    interval_hours: int,
    grace_hours: int,
    actor: User | None,
    now: datetime.datetime | None = None,
) -> CheckInSchedule:
    """Start or change a case's schedule. A (re)start counts as the first check-in time."""
    now = now or timezone.now()
    with transaction.atomic():
        schedule = CheckInSchedule.objects.select_for_update().filter(case=case).first()
        if schedule is None:
            schedule = CheckInSchedule(case=case, started_at=now)
        elif not schedule.active:
            schedule.started_at, schedule.escalated_at = now, None
        schedule.interval_hours, schedule.grace_hours = interval_hours, grace_hours
        schedule.active = True
        schedule.save()
        record_case(
            "safety.schedule_set",
            case,
            actor_id=_actor_id(actor),
            detail={"interval_hours": interval_hours, "grace_hours": grace_hours},
        )
    return schedule


def stop_schedule(case: Case, *, actor: User | None) -> None:
    with transaction.atomic():
        stopped = CheckInSchedule.objects.filter(case=case, active=True).update(active=False)
        if stopped:
            record_case("safety.schedule_stop", case, actor_id=_actor_id(actor))


MAX_NOTE = 500
MAX_AGE = datetime.timedelta(days=30)
CLOCK_SLACK = datetime.timedelta(minutes=5)  # a phone's clock a little ahead is not the future


class CheckInRefused(ValueError):
    """A check-in the rules refuse; ``message`` is for the reader, in their language."""

    def __init__(self, message: str) -> None:
        super().__init__("check-in refused")
        self.message = message


def check_check_in(at: datetime.datetime, note: str, now: datetime.datetime) -> None:
    """The one rule for the page and the API: not in the future, at most 30 days ago, and
    a short note."""
    if at > now + CLOCK_SLACK:
        raise CheckInRefused(_("A check-in cannot be in the future."))
    if at < now - MAX_AGE:
        raise CheckInRefused(_("A check-in more than 30 days ago cannot be recorded here."))
    if len(note) > MAX_NOTE:
        raise CheckInRefused(_("The note of a check-in has at most 500 characters."))


def record_check_in(
    case: Case,
    *,
    actor: User | None,
    at: datetime.datetime | None = None,
    channel: str = CheckInChannel.UNKNOWN,
    note: str = "",
    duress: bool = False,
) -> CheckIn:
    """He checked in: log who recorded it, when, how, and whether he signalled duress.

    A check-in later than the last one clears any escalation. Duress raises a flag on the
    case and tells every coordinator of the organisation at once, in the same transaction.
    """
    now = timezone.now()
    at = at or now
    check_check_in(at, note, now)
    with transaction.atomic():
        schedule = CheckInSchedule.objects.select_for_update().filter(case=case, active=True)
        current = schedule.first()
        if current is None:
            raise NoActiveSchedule
        if current.last_check_in_at is None or at > current.last_check_in_at:
            schedule.update(last_check_in_at=at, escalated_at=None)
        check_in = CheckIn.objects.create(
            case=case, at=at, actor_id=_actor_id(actor), channel=channel, duress=duress
        )
        if note:
            CheckInNote.objects.create(case=case, check_in=check_in, text=note)
        detail = {"channel": channel, "duress": duress, "note": bool(note)}
        record_case("safety.check_in", case, actor_id=_actor_id(actor), detail=detail)
        if duress:
            _alert_duress(case, check_in)
    return check_in


def _alert_duress(case: Case, check_in: CheckIn) -> None:
    CaseFlag.objects.create(case=case, kind="check_in_duress", reason={"check_in": check_in.pk})
    notified = notify(coordinators_of(case.organisation_id), "check_in_duress", case)
    record_case("safety.duress_alert", case, detail={"notified": notified})


def escalate(schedule: CheckInSchedule, now: datetime.datetime) -> bool:
    """Notify the organisation's coordinators once per missed period; False if already done."""
    case = schedule.case
    with transaction.atomic():
        claimed = CheckInSchedule.objects.filter(
            pk=schedule.pk, active=True, escalated_at__isnull=True
        ).update(escalated_at=now)
        if not claimed:
            return False
        notified = notify(coordinators_of(case.organisation_id), "check_in_escalated", case)
        record_case("safety.check_in_escalated", case, detail={"notified": notified})
    return True


@dataclass(frozen=True)
class Assessment:
    country: str
    rating: str
    effective_on: datetime.date
    sources: list[str]
    rationale: str


def record_assessment(data: Assessment, *, actor: User | None) -> CountryRisk:
    """Add a new assessment; when it raises the current rating, flagging is left to the worker."""
    with transaction.atomic():
        current = CountryRisk.objects.select_for_update().current_for(data.country)
        previous = current.rating if current else ""
        becomes_current = current is None or data.effective_on >= current.effective_on
        rose = (
            becomes_current and bool(previous) and RATING_RANK[data.rating] > RATING_RANK[previous]
        )
        row = CountryRisk.objects.create(
            country=data.country,
            rating=data.rating,
            previous_rating=previous if becomes_current else "",
            effective_on=data.effective_on,
            sources="\n".join(data.sources),
            rationale=data.rationale,
            recorded_by=actor,
            flagging=Flagging.PENDING if rose else Flagging.NONE,
        )
        record(
            "safety.risk_assess",
            actor_id=_actor_id(actor),
            target_type="country_risk",
            target_ref=str(row.pk),
            detail={"country": data.country, "rating": data.rating, "rose": rose},
        )
    return row


def raise_flag(case: Case, assessment: CountryRisk) -> bool:
    """Flag one case for review after a rise; idempotent per case and assessment."""
    for flag in opened(CaseFlag.objects.filter(case=case, kind="country_risk_rose")):
        if (
            not getattr(flag, "unreadable", False)
            and flag.reason.get("assessment") == assessment.pk
        ):
            return False
    reason = {
        "assessment": assessment.pk,
        "country": assessment.country,
        "from": assessment.previous_rating,
        "to": assessment.rating,
    }
    with transaction.atomic():
        CaseFlag.objects.create(case=case, kind="country_risk_rose", reason=reason)
        readers = list(case.assignees.filter(is_active=True).order_by("pk"))
        notify(readers or coordinators_of(case.organisation_id), "case_flagged", case)
        record_case("safety.flag_raise", case, detail={"kind": "country_risk_rose"})
    return True


def resolve_flag(flag: CaseFlag, *, actor: User) -> None:
    with transaction.atomic():
        resolved = CaseFlag.objects.filter(pk=flag.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by_id=actor.pk
        )
        if resolved:
            record_case(
                "safety.flag_resolve", flag.case, actor_id=actor.pk, detail={"kind": flag.kind}
            )
