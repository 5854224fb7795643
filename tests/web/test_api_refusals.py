"""What the API refuses, and that each refusal names the reason and writes nothing."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Case, ProcedureEvent, StageTransition

from .conftest import World

pytestmark = pytest.mark.django_db


def _post(world: World, persona: str, path: str, body: object) -> Any:
    membership = Membership.objects.filter(user=world.users[persona]).first()
    assert membership is not None
    token = issue_token(membership, "t")
    return Client().post(
        path, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def test_a_case_cannot_be_created_past_intake(world: World) -> None:
    before = Case.objects.count()
    response = _post(
        world,
        "caseworker",
        "/api/v1/cases",
        {"legal_name": "X", "country": "KZ", "stage": "visa_travel"},
    )
    assert response.status_code == 422
    assert "starts at intake" in response.json()["detail"]
    assert Case.objects.count() == before


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2020-01-01", "no version of a deadline rule applies"),
        ("1999-12-31", "too far in the past"),
        ("2999-01-01", "cannot be in the future"),
    ],
)
def test_an_event_date_no_rule_covers_is_refused(world: World, day: str, message: str) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    response = _post(
        world,
        "caseworker",
        f"/api/v1/cases/{world.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": day},
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not ProcedureEvent.objects.filter(case=world.case).exists()


def test_an_overlong_move_reason_is_refused(world: World) -> None:
    response = _post(
        world,
        "coordinator",
        f"/api/v1/cases/{world.case.reference}/move",
        {"target": "third_country", "reason": "x" * 2001},
    )
    assert response.status_code == 422
    assert "reason" in {tuple(error["loc"])[-1] for error in response.json()["detail"]}
    assert not StageTransition.objects.filter(case=world.case, to_stage="third_country").exists()


def test_a_422_never_echoes_or_logs_the_values_it_refuses(
    world: World, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    """django-ninja drops pydantic's ``input`` from 422 bodies; nothing is logged either way."""
    caplog.set_level(logging.DEBUG)
    values = ["Чувиляев-canary", "Алматы-canary", "31.12.1990-canary", "в/ч canary"]
    body = {
        "legal_name": values[0] * 50,  # too long
        "country": values[1],
        "birth_date": values[2],
        "unit_number": values[3],
        "other_names": [{"nested": values[0]}],
        "Петров-key-canary": values[1],  # an unknown key: its name comes back in "loc"
    }
    response = _post(world, "caseworker", "/api/v1/cases", body)
    assert response.status_code == 422
    text = json.dumps(response.json(), ensure_ascii=False)
    captured = capfd.readouterr()
    for value in values:
        assert value not in text
    assert "Петров-key-canary" in text  # echoed to the submitter, who sent it: allowed
    for value in [*values, "Петров-key-canary"]:
        for where in (caplog.text, captured.out, captured.err):
            assert value not in where
