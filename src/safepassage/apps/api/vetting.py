"""Vetting operations of API v1: a case's screening hits, and a decision on one of them."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.record.opening import opened, opened_one
from safepassage.apps.cases.registry.lookup import case_in_scope, record_case_view
from safepassage.apps.vetting.decisions import DecisionRefused, decide, screening_up_to_date
from safepassage.apps.vetting.models import CaseScreening, Hit

router = Router(tags=["vetting"])


class HitOut(Schema):
    id: uuid.UUID
    state: str
    changed_since_decision: bool
    list: str
    version: int
    entity_id: str
    score: float
    decision: str
    more: int
    explanation: dict[str, Any]
    entity: dict[str, Any]
    reason: str
    decided_at: datetime.datetime | None


class HitsOut(Schema):
    reference: str
    screened_at: datetime.datetime | None
    up_to_date: bool
    hits: list[HitOut]


class DecisionIn(Schema):
    state: str
    reason: str


class Problem(Schema):
    detail: str


def _hit(hit: Hit) -> HitOut:
    details = hit.details
    return HitOut(
        id=hit.pk,
        state=hit.state,
        changed_since_decision=hit.changed_since_decision,
        list=details.get("list", ""),
        version=int(details.get("version_number") or 0),
        entity_id=details.get("entity_id", ""),
        score=float(details.get("score") or 0),
        decision=details.get("decision", ""),
        more=int(details.get("more") or 0),
        explanation=details.get("explanation", {}),
        entity=details.get("entity", {}),
        reason=hit.reason if hit.decided_at else "",
        decided_at=hit.decided_at,
    )


@router.get(
    "/cases/{reference}/hits", response=HitsOut, url_name="case_hits", summary="Screening hits"
)
def case_hits(request: HttpRequest, reference: str) -> HitsOut:
    case = case_in_scope(request, reference)
    record_case_view(request, case, via="api")
    actor_id = access_of(request).user.pk
    rows = opened(Hit.objects.filter(case=case, active=True), actor_id=actor_id)
    screening = CaseScreening.objects.filter(case=case).first()
    return HitsOut(
        reference=case.reference,
        screened_at=screening.screened_at if screening else None,
        up_to_date=screening_up_to_date(case),
        hits=[_hit(h) for h in rows if not h.unreadable],
    )


@router.post(
    "/cases/{reference}/hits/{hit_id}/decision",
    response={200: HitOut, 422: Problem},
    url_name="hit_decide",
    summary="Decide a hit: not_same, same or needs_info, with a reason",
)
def hit_decide(request: HttpRequest, reference: str, hit_id: uuid.UUID, body: DecisionIn) -> Any:
    case = case_in_scope(request, reference)
    actor_id = access_of(request).user.pk
    hit = opened_one(Hit.objects.filter(case=case, pk=hit_id).first(), actor_id=actor_id)
    if hit is None or hit.unreadable:
        raise Http404
    try:
        decide(hit, body.state, body.reason, actor_id=actor_id)
    except DecisionRefused as refused:
        return Status(422, Problem(detail=str(refused)))
    return Status(200, _hit(hit))
