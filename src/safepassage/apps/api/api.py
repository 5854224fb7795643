"""API version 1. Each operation is a plain function: check, call, serialise.

Authentication and the policy check happen in ``AccessPolicyMiddleware`` before
django-ninja runs; ``BearerToken`` only declares the scheme in the OpenAPI schema
and hands the already-built access context to the operation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Schema
from ninja.security import HttpBearer

import safepassage
from safepassage.apps.audit.actions import record
from safepassage.apps.cases.models import Case


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return getattr(request, "access", None)


api = NinjaAPI(
    title="SafePassage API",
    version="1",
    urls_namespace="api-1",
    docs_url=None,  # the interactive docs page loads third-party assets; the schema is enough
    auth=BearerToken(),
)


class RootOut(Schema):
    service: str
    version: str
    organisation: str | None
    role: str


class CaseOut(Schema):
    reference: str
    stage: str
    pathway: str
    updated_at: datetime


def _case_out(case: Case) -> CaseOut:
    return CaseOut(
        reference=case.reference,
        stage=case.stage,
        pathway=case.pathway,
        updated_at=case.updated_at,
    )


@api.get("/", response=RootOut, url_name="root", summary="Who the token acts as")
def root(request: HttpRequest) -> RootOut:
    access = request.auth  # type: ignore[attr-defined]
    return RootOut(
        service="safepassage",
        version=safepassage.__version__,
        organisation=access.organisation.slug if access.organisation else None,
        role=",".join(sorted(access.roles)),
    )


@api.get(
    "/cases", response=list[CaseOut], url_name="case_list", summary="Cases visible to the token"
)
def case_list(request: HttpRequest, stage: str | None = None) -> list[CaseOut]:
    access = request.auth  # type: ignore[attr-defined]
    cases = Case.objects.visible_to(access)
    if stage:
        cases = cases.filter(stage=stage)
    return [_case_out(c) for c in cases.order_by("-updated_at", "reference")[:500]]


@api.get("/cases/{reference}", response=CaseOut, url_name="case_detail", summary="One case")
def case_detail(request: HttpRequest, reference: str) -> CaseOut:
    access = request.auth  # type: ignore[attr-defined]
    case = Case.objects.visible_to(access).filter(reference=reference).first()
    if case is None:
        raise Http404
    record(
        "case.view",
        actor_id=access.user.pk,
        organisation_id=access.organisation_id,
        target_type="case",
        target_ref=case.reference,
        detail={"via": "api"},
    )
    return _case_out(case)
