"""Case operations of API v1: the same actions, checks and scoping as the pages."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts import clock
from safepassage.apps.cases.lifecycle.actions import move_case
from safepassage.apps.cases.lifecycle.labels import label, working
from safepassage.apps.cases.lifecycle.machine import MoveRefused
from safepassage.apps.cases.lifecycle.procedure import (
    DeadlineUnavailable,
    EventDateRefused,
    EventDetails,
    record_event,
    triggers_for,
)
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.models import Case, Deadline
from safepassage.apps.cases.record.dates import DatesRefused
from safepassage.apps.cases.record.presenters import ShownName, present_case
from safepassage.apps.cases.registry.actions import NewCase, create_case_as
from safepassage.apps.cases.registry.listing import filtered, page_of
from safepassage.apps.cases.registry.lookup import case_in_scope, record_case_view
from safepassage.apps.cases.transfer.importer import ImportRow, IsoDate
from safepassage.apps.cases.transfer.records import NEW_CASE_FIELDS
from safepassage.apps.vault.fields import Unreadable

router = Router(tags=["cases"])


class CaseOut(Schema):
    reference: str
    stage: str
    pathway: str
    updated_at: datetime.datetime


class CaseFilters(Schema):
    stage: Stage | None = None
    pathway: Pathway | None = None
    country: str | None = None
    caseworker: int | None = None
    overdue: bool = False
    page: int = 1


class DeadlineOut(Schema):
    """``title`` and ``working`` are in the request's language (Accept-Language);
    ``rule_id`` is for programs, never for display."""

    reference: str
    rule_id: str
    title: str
    act_by: datetime.date | None
    due: datetime.date | None
    state: str
    verified: bool
    working: list[str]


class MoveIn(Schema):
    target: Stage
    reason: str = Field(min_length=1, max_length=2000)


class EventIn(Schema):
    """An event; the optional details use the codes the procedure offers (court seat
    "DE-BY", manner of notice, track "l921_1", date the claim was made)."""

    trigger: str
    occurred_on: IsoDate
    court_seat: str = Field("", max_length=16)
    notified_by: str = Field("", max_length=40)
    track: str = Field("", max_length=24)
    claim_date: IsoDate | None = None


class Problem(Schema):
    detail: str


def _out(case: Case) -> CaseOut:
    return CaseOut(
        reference=case.reference, stage=case.stage, pathway=case.pathway, updated_at=case.updated_at
    )


@router.get(
    "/cases",
    response=list[CaseOut],
    url_name="case_list",
    summary="Cases visible to the token, filtered, 50 per page",
)
def case_list(request: HttpRequest, filters: Query[CaseFilters]) -> list[CaseOut]:
    data = filters.dict()
    access = access_of(request)
    cases = filtered(Case.objects.visible_to(access), data, access.organisation)
    page = page_of(cases, (data.get("country") or "").upper(), filters.page)
    return [_out(c) for c in page.cases]


@router.post(
    "/cases",
    response={201: CaseOut, 422: Problem},
    url_name="case_create",
    summary="Create a case (same fields as the import format)",
)
def case_create(request: HttpRequest, body: ImportRow) -> Status[Any]:
    access = access_of(request)
    if body.stage != Stage.INTAKE:
        # Stages are reached through guarded moves (vetting sign-offs...), never at creation.
        return Status(422, Problem(detail="a new case starts at intake; move it afterwards"))
    data = {k: v for k, v in body.model_dump().items() if k in NEW_CASE_FIELDS}
    try:
        case = create_case_as(access, NewCase(**data))
    except DatesRefused as refusal:
        return Status(422, Problem(detail=" ".join(refusal.messages)))
    return Status(201, _out(case))


@router.get(
    "/cases/{reference}",
    response=dict[str, Any],
    url_name="case_detail",
    summary="One case with its record, opened",
)
def case_detail(request: HttpRequest, reference: str) -> dict[str, Any]:
    case = case_in_scope(request, reference)
    record_case_view(request, case, via="api")
    view = present_case(case, actor_id=access_of(request).user.pk)
    identity, location = view["identity"], view["location"]
    return {
        **_out(case).dict(),
        "names": [_name(n) for n in view["names"]],
        "birth_date": _plain(identity.birth_date if identity else None),
        "country": _plain(location.country if location else None),
        "coarse_place": _plain(location.coarse_place if location else None),
        "service": _plain(view["service"]),
        "desertion": _plain(view["desertion"]),
        "exposure": _plain(view["exposure"]),
        "deployments": [{"id": d.id, **_plain(d.data)} for d in view["deployments"]],
        "deadlines": [_deadline(d).dict() for d in view["deadlines"]],
        "events": sorted(triggers_for(case.pathway)),
    }


UNREADABLE_OUT = {"unreadable": True}  # a row that did not open (see cases.record.opening)


def _plain(value: Any) -> Any:
    return UNREADABLE_OUT if isinstance(value, Unreadable) else value


def _name(name: ShownName) -> dict[str, Any]:
    if name.unreadable:
        return UNREADABLE_OUT
    return {"name": name.text, "kind": name.kind, "script": name.script_code}


@router.post(
    "/cases/{reference}/move",
    response={200: CaseOut, 409: Problem},
    url_name="case_move",
    summary="Move to another stage (guards apply)",
)
def case_move(request: HttpRequest, reference: str, body: MoveIn) -> Any:
    case = case_in_scope(request, reference)
    try:
        move_case(case, body.target, body.reason, actor=access_of(request).user)
    except MoveRefused as refusal:
        return Status(409, Problem(detail=str(refusal)))
    return Status(200, _out(case))


@router.post(
    "/cases/{reference}/events",
    response={200: list[DeadlineOut], 422: Problem},
    url_name="case_event",
    summary="Record a procedure event; returns deadlines",
)
def case_event(request: HttpRequest, reference: str, body: EventIn) -> Any:
    case = case_in_scope(request, reference)
    if body.trigger not in triggers_for(case.pathway):
        return Status(422, Problem(detail="this event does not belong to the case's pathway"))
    try:
        details = EventDetails(body.court_seat, body.notified_by, body.track, body.claim_date)
        actor_id = access_of(request).user.pk
        record_event(case, body.trigger, body.occurred_on, actor_id=actor_id, details=details)
    except EventDateRefused as refusal:
        return Status(422, Problem(detail=str(refusal.message)))
    except DeadlineUnavailable:
        return Status(422, Problem(detail="no version of a deadline rule applies from that date"))
    return Status(200, [_deadline(d) for d in case.deadlines.filter(met_at__isnull=True)])


def _deadline(row: Deadline) -> DeadlineOut:
    return DeadlineOut(
        reference=row.case.reference,
        rule_id=row.rule_id,
        title=label("rule", row.rule_id),
        act_by=row.act_by,
        due=row.due,
        state=row.state,
        verified=row.verified,
        working=working(row.steps),
    )


@router.get(
    "/deadlines",
    response=list[DeadlineOut],
    url_name="deadline_list",
    summary="Open deadlines of visible cases within a horizon",
)
def deadline_list(request: HttpRequest, days: int = 30) -> list[DeadlineOut]:
    access = access_of(request)
    limit = clock.today_for(access.organisation) + datetime.timedelta(days=max(0, min(days, 365)))
    rows = (
        Deadline.objects.filter(
            case__in=Case.objects.visible_to(access),
            met_at__isnull=True,
            act_by__lte=limit,
        )
        .select_related("case")
        .order_by("act_by")[:500]
    )
    return [_deadline(r) for r in rows]
