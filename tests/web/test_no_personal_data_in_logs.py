"""A scripted session leaves no personal data in logs, console output or the audit trail."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from safepassage.apps.audit.models import AuditEntry

from .conftest import PASSWORD, World, current_code, sign_in

pytestmark = pytest.mark.django_db

CANARIES = ["canary-user-Жуков", "canary-pass-Kx93", "Чувиляев-canary", "canary-token-77"]


def test_scripted_session_logs_nothing_personal(
    world: World, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    anonymous = Client()
    anonymous.post("/login", {"username": CANARIES[0], "password": CANARIES[1], "code": "123456"})
    anonymous.get(f"/cases/{CANARIES[2]}")
    anonymous.get(f"/{CANARIES[2]}")
    Client().get("/api/v1/cases", headers={"Authorization": f"Bearer sp_{CANARIES[3]}_x"})
    user = world.users["coordinator"]
    staff = Client()
    staff.post(
        "/login", {"username": "coordinator", "password": PASSWORD, "code": current_code(user)}
    )
    staff.post("/people/invite", {"username": "canary-invitee", "role": "caseworker"})
    staff.post("/people/invite", {"username": CANARIES[2], "role": "caseworker"})  # invalid
    staff.get(f"/cases/{CANARIES[2]}")
    staff.get("/cases/?stage=" + CANARIES[2])
    sign_in(Client(), world.users["caseworker"]).get(f"/cases/{world.unassigned_case.reference}")
    staff.post("/logout")

    captured = capfd.readouterr()
    haystacks = {
        "logs": caplog.text,
        "stdout": captured.out,
        "stderr": captured.err,
        "audit": " ".join(
            f"{e.action} {e.target_type} {e.target_ref} {e.detail}"
            for e in AuditEntry.objects.all()
        ),
    }
    for where, text in haystacks.items():
        for canary in [*CANARIES, "canary-invitee", PASSWORD]:
            assert canary not in text, f"{canary!r} leaked into {where}"
    assert AuditEntry.objects.filter(action="account.sign_in", outcome="failed").exists()


def test_an_unexpected_error_logs_its_class_and_route_only(
    world: World, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(case: object, **_: object) -> object:
        raise ValueError("Чувиляев Александр, ул. Абая 1")  # a message that quotes data

    monkeypatch.setattr("safepassage.apps.cases.registry.views.present_case", explode)
    client = sign_in(Client(raise_request_exception=False), world.users["coordinator"])
    response = client.get(f"/cases/{world.case.reference}")
    assert response.status_code == 500
    assert "unhandled ValueError in cases:detail" in caplog.text
    assert "Чувиляев" not in caplog.text
    assert "Абая" not in caplog.text
