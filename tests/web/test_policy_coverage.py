"""Every route is in the access policy, and the policy names no route that does not exist."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from safepassage.apps.access.policy import POLICY
from safepassage.apps.api.api import api
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


def _api_paths() -> list[tuple[str, list[str], set[str]]]:
    """Per django-ninja URL: the name Django resolves it to, its other names, its methods.

    django-ninja registers one Django route per operation on the same path; Django always
    resolves the first, so the policy is keyed by that name (plus the method).
    """
    found = []
    for bound in api._get_bound_routers():  # type: ignore[attr-defined]
        for path_view in bound.path_operations.values():
            names = [f"{api.urls_namespace}:{op.url_name}" for op in path_view.operations]
            methods = {m for op in path_view.operations for m in op.methods}
            found.append((names[0], names[1:], methods))
    return found


def _required_keys() -> set[str]:
    keys = _route_names(list(get_resolver().url_patterns))
    for name, shadowed, methods in _api_paths():
        keys -= set(shadowed)  # never resolved: the path resolves to ``name``
        if len(methods) > 1:
            keys.discard(name)
            keys |= {f"{name} {method}" for method in methods}
    return keys


def test_every_route_and_method_has_a_policy_entry() -> None:
    missing = sorted(_required_keys() - POLICY.keys())
    assert not missing, f"routes without a policy entry: {missing}"


def test_policy_has_no_stale_entries() -> None:
    stale = sorted(POLICY.keys() - _required_keys())
    assert not stale, f"policy entries for routes that do not exist: {stale}"


def test_a_route_missing_from_the_policy_is_refused_for_everyone(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get("/people").status_code == 200
    monkeypatch.delitem(POLICY, "accounts:members")
    assert client.get("/people").status_code == 404
    assert AuditEntry.objects.filter(action="access.unlisted_route").exists()


def test_an_undeclared_method_on_a_multi_method_url_is_refused(world: World) -> None:
    from safepassage.apps.accounts.models import Membership
    from safepassage.apps.accounts.tokens import issue_token

    token = issue_token(Membership.objects.get(user=world.users["coordinator"]), "t")
    response = Client().delete("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action="access.unlisted_route").exists()
