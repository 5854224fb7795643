"""Regressions found in the security review: each one a request that used to go wrong."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Case, ProcedureEvent

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _api(world: World, persona: str, path: str, body: object) -> object:
    token = issue_token(Membership.objects.filter(user=world.users[persona]).first(), "t")
    return Client().post(
        path, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def test_the_api_cannot_create_a_case_past_intake(world: World) -> None:
    before = Case.objects.count()
    response = _api(
        world,
        "caseworker",
        "/api/v1/cases",
        {"legal_name": "X", "country": "KZ", "stage": "visa_travel"},
    )
    assert response.status_code == 422
    assert Case.objects.count() == before


def test_imported_cases_past_intake_say_so_in_their_history(world: World) -> None:
    from safepassage.apps.cases.models import StageTransition
    from safepassage.apps.cases.transfer.importer import ImportRow
    from safepassage.apps.cases.transfer.records import write_rows

    (ref,) = write_rows(world.org, [(1, ImportRow(legal_name="Y", country="AM", stage="vetting"))])
    transition = StageTransition.objects.get(case__reference=ref)
    assert (transition.from_stage, transition.to_stage) == ("intake", "vetting")


@pytest.mark.parametrize("day", ["2020-01-01", "1999-12-31", "0001-01-01"])
def test_event_dates_no_rule_covers_get_a_message_not_a_500(world: World, day: str) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/cases/{world.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": day},
        follow=True,
    )
    assert response.status_code == 200
    assert not ProcedureEvent.objects.filter(case=world.case).exists()
    api = _api(
        world,
        "caseworker",
        f"/api/v1/cases/{world.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": day},
    )
    assert api.status_code == 422


def test_old_legal_aid_request_gets_a_message(world: World) -> None:
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
    assert not world.case.suspensions.exists()


@pytest.mark.parametrize("path", ["/cases/?page=²", "/cases/deadlines?days=²"])
def test_unicode_digits_in_numbers_are_ignored(world: World, path: str) -> None:
    assert sign_in(Client(), world.users["coordinator"]).get(path).status_code == 200
    client = sign_in(Client(), world.users["coordinator"])
    assert client.post("/account/organisation", {"organisation": "²"}).status_code == 404


def test_notifications_of_a_former_organisation_disappear(world: World) -> None:
    from safepassage.apps.cases.notifications import notify

    caseworker = world.users["caseworker"]
    notify([caseworker], "case_flagged", world.case)
    client = sign_in(Client(), caseworker)
    assert world.case.reference in client.get("/safety/attention/").content.decode()
    Membership.objects.filter(user=caseworker).delete()
    assert world.case.reference not in client.get("/safety/attention/").content.decode()


def test_a_shredded_case_leaves_the_country_cache(world: World) -> None:
    from safepassage.apps.cases.registry import country_index as country_index
    from safepassage.apps.cases.registry.actions import NewCase, create_case, delete_case

    case = create_case(world.org, NewCase(legal_name="Z", country="KG"), actor=None)
    assert country_index.countries_of([case.pk]) == {case.pk: "KG"}
    pk = case.pk
    delete_case(case, actor=None)
    assert pk not in country_index._cache


def test_an_overlong_move_reason_is_refused_by_the_api(world: World) -> None:
    response = _api(
        world,
        "coordinator",
        f"/api/v1/cases/{world.case.reference}/move",
        {"target": "third_country", "reason": "x" * 2001},
    )
    assert response.status_code == 422
