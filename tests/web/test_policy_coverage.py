"""Every route is in the access policy, and the policy names no route that does not exist."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from safepassage.apps.access.policy import POLICY
from safepassage.apps.audit.models import AuditEntry

from .conftest import World, sign_in


def _route_names(patterns: list[object], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _route_names(list(pattern.url_patterns), inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"unnamed route {pattern.pattern} cannot be in the policy"
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_route_has_a_policy_entry() -> None:
    routes = _route_names(list(get_resolver().url_patterns))
    missing = sorted(routes - POLICY.keys())
    assert not missing, f"routes without a policy entry: {missing}"


def test_policy_has_no_stale_entries() -> None:
    routes = _route_names(list(get_resolver().url_patterns))
    stale = sorted(POLICY.keys() - routes)
    assert not stale, f"policy entries for routes that do not exist: {stale}"


def test_a_route_missing_from_the_policy_is_refused_for_everyone(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get("/people").status_code == 200
    monkeypatch.delitem(POLICY, "accounts:members")
    assert client.get("/people").status_code == 404
    assert AuditEntry.objects.filter(action="access.unlisted_route").exists()
