"""Enforces the policy table on every routed request, before the view runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from safepassage.apps.access.context import AccessContext, attach_access, roles_in
from safepassage.apps.access.policy import POLICY
from safepassage.apps.accounts.models import User
from safepassage.apps.accounts.sessions import SESSION_ORGANISATION
from safepassage.apps.accounts.tokens import authenticate_bearer
from safepassage.apps.audit.actions import record
from safepassage.apps.vault import keystore

API_PREFIX = "/api/"


def _deny(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        messages = {401: "authentication required", 403: "forbidden", 404: "not found"}
        return JsonResponse({"detail": messages[status]}, status=status)
    template = {401: "shell/404.html", 403: "shell/403.html", 404: "shell/404.html"}[status]
    return render(request, template, status=status)


def _sealed_response(request: HttpRequest) -> HttpResponse | None:
    """Case operations wait for the unseal; everything else keeps working."""
    if keystore.is_unsealed():
        return None
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "server sealed"}, status=503)
    return render(request, "shell/503_sealed.html", status=503)


class AccessPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        name = match.view_name if match else ""
        # A URL serving several methods (an API collection: GET lists, POST creates) has one
        # row per method, "name METHOD"; a URL with one method has one row, "name".
        rule = POLICY.get(f"{name} {request.method}") or POLICY.get(name)
        if rule is None:
            record("access.unlisted_route", outcome="denied", detail={"route": name[:64]})
            return _deny(request, 404)
        if rule.public:
            return None
        is_api = request.path.startswith(API_PREFIX)
        if is_api:
            token_membership = authenticate_bearer(request)
            if token_membership is None:
                return _deny(request, 401)
            user: Any = token_membership.user
            request.user = user
            organisation_id: int | None = token_membership.organisation_id
            token_role: str | None = token_membership.role
        else:
            user = request.user
            if not isinstance(user, User):
                return redirect("accounts:login")
            organisation_id = request.session.get(SESSION_ORGANISATION)
            token_role = None
        organisation, role_set = roles_in(user, organisation_id)
        if token_role is not None:
            # A token acts with its own membership's role only, never the user's others.
            role_set = frozenset({token_role})
        attach_access(request, AccessContext(user, organisation, role_set, rule))
        if rule.allows(role_set):
            return _sealed_response(request) if rule.needs_keys else None
        record(
            "access.denied",
            actor_id=user.pk,
            organisation_id=organisation.pk if organisation else None,
            outcome="denied",
            detail={"action": rule.action},
        )
        return _deny(request, 404 if rule.record else 403)
