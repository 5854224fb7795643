"""The JSON API: bearer tokens bound to one membership, the same policy and scoping."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token

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
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/cases",
        "/api/v1/cases/{reference}",
        "/api/v1/cases/{reference}/move",
        "/api/v1/cases/{reference}/events",
        "/api/v1/deadlines",
        "/api/v1/cases/{reference}/check-in",
        "/api/v1/check-ins/overdue",
        "/api/v1/cases/{reference}/hits",
        "/api/v1/cases/{reference}/hits/{hit_id}/decision",
    }
    for path in schema["paths"].values():
        for operation in path.values():
            assert operation["security"] == [{"BearerToken": []}]
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


def _post(path: str, token: str, body: object) -> object:
    return Client().post(
        path, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def test_create_move_and_events_through_the_api(world: World) -> None:
    token = _token_for(world, "caseworker")
    created = _post(
        "/api/v1/cases",
        token,
        {"legal_name": "Чувиляев", "country": "KZ", "pathway": "fr_asylum_visa"},
    )
    assert created.status_code == 201
    ref = created.json()["reference"]
    detail = _get(f"/api/v1/cases/{ref}", token).json()
    assert detail["names"][0] == {"name": "Чувиляев", "kind": "Legal name", "script": "cyrillic"}
    assert detail["country"] == "KZ"
    assert "atda_issued" in detail["events"]
    refused = _post(f"/api/v1/cases/{ref}/move", token, {"target": "advocacy", "reason": "x"})
    assert refused.status_code == 409
    moved = _post(f"/api/v1/cases/{ref}/move", token, {"target": "triage", "reason": "called"})
    assert moved.json()["stage"] == "triage"
    deadlines = _post(
        f"/api/v1/cases/{ref}/events",
        token,
        {"trigger": "atda_issued", "occurred_on": "2026-03-02"},
    ).json()
    assert any(d["rule_id"] == "fr.ofpra_filing" and d["act_by"] == "2026-03-23" for d in deadlines)
    wrong = _post(
        f"/api/v1/cases/{ref}/events",
        token,
        {"trigger": "bamf_decision_served", "occurred_on": "2026-03-02"},
    )
    assert wrong.status_code == 422


def test_invalid_body_is_rejected_with_field_names(world: World) -> None:
    token = _token_for(world, "caseworker")
    response = _post("/api/v1/cases", token, {"legal_name": "", "country": "XX1"})
    assert response.status_code == 422
    fields = {tuple(e["loc"])[-1] for e in response.json()["detail"]}
    assert {"legal_name", "country"} <= fields


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 201),
        ("coordinator", 201),
        ("vetting", 403),
        ("auditor", 403),
        ("liaison", 403),
        ("outsider_coordinator", 201),
    ],
)
def test_who_may_create_cases_through_the_api(world: World, persona: str, status: int) -> None:
    response = _post(
        "/api/v1/cases", _token_for(world, persona), {"legal_name": "X", "country": "AM"}
    )
    assert response.status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 200),
        ("colleague", 404),
        ("coordinator", 200),
        ("vetting", 200),
        ("outsider_coordinator", 404),
        ("liaison", 404),
    ],
)
def test_who_may_move_through_the_api(world: World, persona: str, status: int) -> None:
    response = _post(
        f"/api/v1/cases/{world.case.reference}/move",
        _token_for(world, persona),
        {"target": "third_country", "reason": "r"},
    )
    assert response.status_code == status


def test_deadlines_endpoint_is_scoped(world: World) -> None:
    assert _get("/api/v1/deadlines", _token_for(world, "caseworker")).status_code == 200
    assert _get("/api/v1/deadlines", _token_for(world, "vetting")).status_code == 403
    assert _get("/api/v1/deadlines").status_code == 401


def test_check_in_and_overdue_through_the_api(world: World) -> None:
    import datetime

    from safepassage.apps.safety.actions import set_schedule
    from safepassage.apps.safety.models import CheckInSchedule

    token = _token_for(world, "caseworker")
    ref = world.case.reference
    assert _post(f"/api/v1/cases/{ref}/check-in", token, {}).status_code == 409
    set_schedule(world.case, interval_hours=48, grace_hours=12, actor=world.users["coordinator"])
    CheckInSchedule.objects.filter(case=world.case).update(
        started_at=timezone.now() - datetime.timedelta(days=5), last_check_in_at=None
    )
    late = _get("/api/v1/check-ins/overdue", token).json()
    assert [row["reference"] for row in late] == [ref]
    assert late[0]["state"] == "escalate"
    checked = _post(f"/api/v1/cases/{ref}/check-in", token, {})
    assert checked.json()["state"] == "ok"
    assert _get("/api/v1/check-ins/overdue", token).json() == []
    colleague = _token_for(world, "colleague")
    assert _post(f"/api/v1/cases/{ref}/check-in", colleague, {}).status_code == 404
    assert _get("/api/v1/check-ins/overdue", _token_for(world, "auditor")).status_code == 403


def test_schema_declares_the_answers_given_before_an_operation_runs(world: World) -> None:
    """Found by schemathesis (make assure): 401/403/404/422/503 were answered, undeclared."""
    schema = Client().get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            answers = operation["responses"]
            assert {"401", "403", "503"} <= set(answers)
            assert ("404" in answers) == ("{reference}" in path)
            if operation.get("parameters") or operation.get("requestBody"):
                ref = answers["422"]["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/InputProblem"
    detail = schema["components"]["schemas"]["InputProblem"]["properties"]["detail"]
    assert {option["type"] for option in detail["anyOf"]} == {"string", "array"}


def test_both_kinds_of_422_fit_the_declared_input_problem(world: World) -> None:
    token = _token_for(world, "caseworker")
    missing = _post("/api/v1/cases", token, {})
    assert missing.status_code == 422
    assert isinstance(missing.json()["detail"], list)  # django-ninja's list of problems
    later_stage = _post(
        "/api/v1/cases", token, {"legal_name": "Чувиляев", "country": "KZ", "stage": "vetting"}
    )
    assert later_stage.status_code == 422
    assert isinstance(later_stage.json()["detail"], str)  # the operation's own sentence


def test_schema_lists_the_country_codes_a_case_accepts(world: World) -> None:
    """Found by schemathesis: any string was schema-valid, then refused with 422."""
    schema = Client().get("/api/v1/openapi.json").json()
    country = schema["components"]["schemas"]["ImportRow"]["properties"]["country"]
    assert "KZ" in country["enum"]
    assert "" not in country["enum"]
    token = _token_for(world, "caseworker")
    assert _post("/api/v1/cases", token, {"legal_name": "A", "country": ""}).status_code == 422


@pytest.mark.parametrize("date", [0, 1990, 1.5, "0", "1990", True])
def test_a_number_is_not_a_date(world: World, date: object) -> None:
    """Found by schemathesis: pydantic read 0 as 1970-01-01 (seconds since 1970)."""
    token = _token_for(world, "caseworker")
    body = {"legal_name": "A", "country": "KZ", "birth_date": date}
    answer = _post("/api/v1/cases", token, body)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] == "birth_date"
    event = {"trigger": "x", "occurred_on": date}
    moved = _post(f"/api/v1/cases/{world.case.reference}/events", token, event)
    assert moved.status_code == 422
    assert _post("/api/v1/cases", token, body | {"birth_date": "1990-05-01"}).status_code == 201
