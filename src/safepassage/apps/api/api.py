"""API version 1. Each operation is a plain function: check, call, serialise.

Authentication and the policy check happen in ``AccessPolicyMiddleware`` before
django-ninja runs; ``BearerToken`` only declares the scheme in the OpenAPI schema
and hands the already-built access context to the operation.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.security import HttpBearer

import safepassage
from safepassage.apps.access.context import access_of
from safepassage.apps.api.cases import router as cases_router
from safepassage.apps.api.openapi import declare_common_answers
from safepassage.apps.api.safety import router as safety_router
from safepassage.apps.api.vetting import router as vetting_router


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return getattr(request, "access", None)


class SafePassageAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return declare_common_answers(super().get_openapi_schema(**kwargs))


api = SafePassageAPI(
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
    user: str  # the token owner's display name (or username)


@api.get("/", response=RootOut, url_name="root", summary="Who the token acts as")
def root(request: HttpRequest) -> RootOut:
    access = access_of(request)
    return RootOut(
        service="safepassage",
        version=safepassage.__version__,
        organisation=access.organisation.slug if access.organisation else None,
        role=",".join(sorted(access.roles)),
        user=access.user.shown_name,
    )


api.add_router("", cases_router)
api.add_router("", safety_router)
api.add_router("", vetting_router)
