"""Case list filters: stage, pathway, caseworker, overdue, and the sealed country."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.procedure import record_event
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.editing import save_section
from safepassage.apps.cases.registry.actions import NewCase, create_case

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _refs(client: Client, query: str) -> set[str]:
    body = client.get(f"/cases/?{query}").content.decode()
    return {c.reference for c in Case.objects.all() if c.reference in body}


def test_country_filter_opens_sealed_countries(world: World) -> None:
    in_kz = create_case(world.org, NewCase(legal_name="А", country="KZ"), actor=None)
    in_am = create_case(world.org, NewCase(legal_name="Б", country="AM"), actor=None)
    client = sign_in(Client(), world.users["coordinator"])
    assert _refs(client, "country=KZ") == {in_kz.reference}
    assert "<td>А</td>" in client.get("/cases/?country=KZ").content.decode()
    assert _refs(client, "country=AM") == {in_am.reference}
    # Moving him changes the filter at once (the cached country is keyed by its envelope).
    save_section(in_kz, "location", {"country": "AM", "coarse_place": ""}, actor_id=1)
    assert _refs(client, "country=AM") == {in_kz.reference, in_am.reference}
    assert _refs(client, "country=KZ") == set()


def test_caseworker_stage_and_pathway_filters(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    caseworker = world.users["caseworker"].pk
    assert _refs(client, f"caseworker={caseworker}") == {world.case.reference}
    assert _refs(client, "stage=intake") == {world.unassigned_case.reference}
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    assert _refs(client, "pathway=fr_asylum_visa") == {world.case.reference}


def test_overdue_filter_finds_missed_deadlines(world: World) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    record_event(
        world.case, "atda_issued", datetime.date.today() - datetime.timedelta(days=60), actor_id=1
    )
    client = sign_in(Client(), world.users["coordinator"])
    assert _refs(client, "overdue=on") == {world.case.reference}


def test_bad_filter_values_are_ignored_with_the_form_explaining(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    response = client.get("/cases/?stage=nonsense&country=ZZ&page=abc")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_another_organisations_cases_never_appear(world: World) -> None:
    client = sign_in(Client(), world.users["outsider_coordinator"])
    assert world.other_case.reference in client.get("/cases/").content.decode()
    assert _refs(client, "") == {world.other_case.reference}


def test_overdue_filter_finds_missed_check_ins(world: World) -> None:
    from django.utils import timezone

    from safepassage.apps.safety.actions import set_schedule

    set_schedule(
        world.unassigned_case,
        interval_hours=48,
        grace_hours=12,
        actor=world.users["coordinator"],
        now=timezone.now() - datetime.timedelta(days=4),
    )
    client = sign_in(Client(), world.users["coordinator"])
    assert _refs(client, "overdue=on") == {world.unassigned_case.reference}


def test_listing_names_is_audited(world: World) -> None:
    from safepassage.apps.audit.models import AuditEntry

    sign_in(Client(), world.users["coordinator"]).get("/cases/")
    assert AuditEntry.objects.filter(action="case.list").exists()


@pytest.mark.parametrize("path", ["/cases/?page=²", "/cases/deadlines?days=²"])
def test_unicode_digits_in_numbers_are_ignored(world: World, path: str) -> None:
    """int() accepts '²' and Arabic-Indic digits; the pages read ASCII digits only."""
    assert sign_in(Client(), world.users["coordinator"]).get(path).status_code == 200
    client = sign_in(Client(), world.users["coordinator"])
    assert client.post("/account/organisation", {"organisation": "²"}).status_code == 404
