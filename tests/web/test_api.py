"""The JSON API: bearer tokens bound to one membership, the same policy and scoping."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.api.tokens import issue_token

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _token_for(world: World, persona: str) -> str:
    membership = Membership.objects.filter(user=world.users[persona]).first()
    assert membership is not None
    return issue_token(membership, "test")


def _get(path: str, token: str | None = None) -> object:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return Client().get(path, headers=headers)


def test_anonymous_gets_401(world: World) -> None:
    for path in ("/api/v1/", "/api/v1/cases", f"/api/v1/cases/{world.case.reference}"):
        assert _get(path).status_code == 401


def test_a_made_up_or_revoked_token_gets_401(world: World) -> None:
    assert _get("/api/v1/", "sp_deadbeef_notreal").status_code == 401
    token = _token_for(world, "coordinator")
    assert _get("/api/v1/", token).status_code == 200
    client = sign_in(Client(), world.users["coordinator"])
    prefix = token.split("_")[1]
    assert client.post(f"/account/tokens/{prefix}/revoke").status_code == 302
    assert _get("/api/v1/", token).status_code == 401


def test_root_says_who_the_token_acts_as(world: World) -> None:
    body = _get("/api/v1/", _token_for(world, "vetting")).json()
    assert body["organisation"] == "org-a"
    assert body["role"] == "vetting_officer"


def test_case_list_is_scoped_like_the_pages(world: World) -> None:
    refs = {c["reference"] for c in _get("/api/v1/cases", _token_for(world, "caseworker")).json()}
    assert refs == {world.case.reference}
    refs = {c["reference"] for c in _get("/api/v1/cases", _token_for(world, "coordinator")).json()}
    assert refs == {world.case.reference, world.unassigned_case.reference}


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 200),
        ("colleague", 404),
        ("coordinator", 200),
        ("vetting", 200),
        ("auditor", 404),
        ("trustee", 404),
        ("liaison", 404),
        ("outsider_coordinator", 404),
        ("outsider_caseworker", 404),
    ],
)
def test_case_detail_per_persona(world: World, persona: str, status: int) -> None:
    response = _get(f"/api/v1/cases/{world.case.reference}", _token_for(world, persona))
    assert response.status_code == status


def test_openapi_schema_declares_bearer_auth_and_every_operation(world: World) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) == {"/api/v1/", "/api/v1/cases", "/api/v1/cases/{reference}"}
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"


def test_token_is_shown_once_and_stored_as_digest(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    membership = Membership.objects.get(user=world.users["coordinator"])
    created = client.post("/account/tokens", {"label": "laptop", "membership": membership.pk})
    token = created.content.decode().split('class="secret">')[1].split("<")[0]
    assert token.startswith("sp_")
    assert _get("/api/v1/", token).status_code == 200
    assert token.encode() not in client.get("/account/tokens").content
    from safepassage.apps.accounts.models import ApiToken

    assert not ApiToken.objects.filter(digest=token).exists()
