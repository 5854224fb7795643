"""Procedure events and legal-aid requests with dates no rule covers: a message, nothing saved."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import ProcedureEvent

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

NO_RULE = "No version of a deadline rule applies from that date"
TOO_OLD = "That date is too far in the past for a procedure event."


@pytest.mark.parametrize(
    ("day", "message"),
    [("2020-01-01", NO_RULE), ("1999-12-31", TOO_OLD), ("0001-01-01", TOO_OLD)],
)
def test_an_event_date_no_rule_covers_gets_a_message(world: World, day: str, message: str) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/cases/{world.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": day},
        follow=True,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProcedureEvent.objects.filter(case=world.case).exists()


def test_a_future_event_gets_a_message(world: World) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/cases/{world.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": "2999-01-01"},
        follow=True,
    )
    assert "An event cannot be in the future." in response.content.decode()
    assert not ProcedureEvent.objects.filter(case=world.case).exists()


def test_an_old_legal_aid_request_gets_a_message(world: World) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    client = sign_in(Client(), world.users["caseworker"])
    client.post(
        f"/cases/{world.case.reference}/events",
        {"trigger": "ofpra_decision_notified", "occurred_on": "2026-01-05"},
    )
    response = client.post(
        f"/cases/{world.case.reference}/suspensions", {"requested_on": "2015-01-01"}, follow=True
    )
    assert response.status_code == 200
    assert NO_RULE in response.content.decode()
    assert not world.case.suspensions.exists()
