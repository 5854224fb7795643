"""Editing the sealed sections of a case: validation, nothing saved on error, per role."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.models import (
    ConsentRecord,
    Deployment,
    FamilyMember,
    PersonName,
    ServiceRecord,
)
from safepassage.apps.cases.registry import country_index
from safepassage.apps.cases.registry.actions import NewCase, create_case, delete_case

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _edit(client: Client, world: World, section: str, data: dict[str, object]) -> object:
    return client.post(f"/cases/{world.case.reference}/edit/{section}", data)


def test_military_service_round_trip(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = _edit(
        client,
        world,
        "service",
        {
            "kind": "mobilised",
            "unit_name": "155-я бригада морской пехоты",
            "unit_number": "30926",
            "rank": "младший сержант",
        },
    )
    assert response.status_code == 302
    assert ServiceRecord.objects.get(case=world.case).service["unit_number"] == "30926"
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert "155-я бригада морской пехоты" in page
    assert "в/ч 30926" in page


def test_invalid_unit_number_is_explained_and_nothing_saved(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = _edit(client, world, "service", {"kind": "contract", "unit_number": "30926A"})
    assert response.status_code == 200
    assert "digits only" in response.content.decode()
    assert not ServiceRecord.objects.filter(case=world.case).exists()


def test_deployment_cannot_end_before_it_starts(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    bad = _edit(
        client, world, "deployment", {"start": "2023-05-01", "end": "2023-01-01", "place": "Херсон"}
    )
    assert "cannot end before it starts" in bad.content.decode()
    assert not Deployment.objects.filter(case=world.case).exists()
    good = _edit(
        client,
        world,
        "deployment",
        {
            "start": "2023-01-01",
            "end": "2023-05-01",
            "place": "Херсонская область",
            "role": "driver",
        },
    )
    assert good.status_code == 302
    assert Deployment.objects.get(case=world.case).details["place"] == "Херсонская область"


def test_family_consent_and_names_are_added(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    _edit(
        client,
        world,
        "family",
        {"relation": "mother", "whereabouts": "Саратов", "pressure": "2024-02: visit by police"},
    )
    _edit(
        client,
        world,
        "consent",
        {"scope": "dossier", "given_on": "2026-01-10", "channel": "Signal"},
    )
    _edit(client, world, "name", {"full_name": "Czuwiliajew", "kind": "transliteration"})
    assert FamilyMember.objects.get(case=world.case).details["whereabouts"] == "Саратов"
    assert ConsentRecord.objects.get(case=world.case).scope == "dossier"
    assert PersonName.objects.get(case=world.case).full_name == "Czuwiliajew"


def test_unknown_section_is_404(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    assert client.get(f"/cases/{world.case.reference}/edit/passwords").status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 302),
        ("coordinator", 302),
        ("colleague", 404),
        ("vetting", 404),
        ("liaison", 404),
        ("outsider_coordinator", 404),
    ],
)
def test_who_may_edit(world: World, persona: str, status: int) -> None:
    client = sign_in(Client(), world.users[persona])
    response = _edit(client, world, "family", {"relation": "wife"})
    assert response.status_code == status
    assert FamilyMember.objects.filter(case=world.case).count() == (1 if status == 302 else 0)
    assert Client().post(f"/cases/{world.case.reference}/edit/family").status_code == 302


def test_contact_documents_held_and_route(world: World) -> None:
    from safepassage.apps.cases.models import Contact, Identity, Location

    client = sign_in(Client(), world.users["caseworker"])
    _edit(client, world, "contact", {"channel": "Signal", "handle": "+7 900", "protocol": "х"})
    _edit(client, world, "document_held", {"type": "internal_passport", "status": "held"})
    _edit(client, world, "document_held", {"type": "foreign_passport", "status": "confiscated"})
    bad = _edit(client, world, "route", {"entry_document": "rocket", "stay_status": "unknown"})
    assert "Select a valid choice" in bad.content.decode()
    _edit(
        client,
        world,
        "route",
        {
            "entry_date": "2024-02-01",
            "entry_point": "Маштаково",
            "entry_document": "internal_passport",
            "stay_status": "visa_free",
            "status_expires": "2024-05-01",
        },
    )
    assert Contact.objects.get(case=world.case).handle == "+7 900"
    documents = Identity.objects.get(case=world.case).documents
    assert [d["status"] for d in documents] == ["held", "confiscated"]
    route = Location.objects.get(case=world.case).route
    assert route["entry_point"] == "Маштаково"
    assert route["status_expires"] == "2024-05-01"
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert "Маштаково" in page
    assert "onfiscated" in page  # the status, as a code or its translated label


def test_coordinator_deletes_a_case_by_typing_its_reference(world: World) -> None:
    from safepassage.apps.audit.models import AuditEntry
    from safepassage.apps.cases.models import Case, CaseKey

    ref, pk = world.case.reference, world.case.pk
    caseworker = sign_in(Client(), world.users["caseworker"])
    assert caseworker.post(f"/cases/{ref}/delete", {"reference": ref}).status_code == 404
    outsider = sign_in(Client(), world.users["outsider_coordinator"])
    assert outsider.post(f"/cases/{ref}/delete", {"reference": ref}).status_code == 404
    coordinator = sign_in(Client(), world.users["coordinator"])
    wrong = coordinator.post(f"/cases/{ref}/delete", {"reference": "SP-XXXX-XXXX"})
    assert "not this case&#x27;s reference" in wrong.content.decode()
    assert Case.objects.filter(pk=pk).exists()
    assert coordinator.post(f"/cases/{ref}/delete", {"reference": ref.lower()}).status_code == 302
    assert Case.objects.filter(pk=pk).exists()  # requested; a second coordinator confirms
    second = User.objects.create_user("second-coordinator")
    Membership.objects.create(user=second, organisation=world.org, role=Role.COORDINATOR)
    assert (
        sign_in(Client(), second).post(f"/cases/{ref}/delete", {"reference": ref}).status_code
        == 302
    )
    assert not Case.objects.filter(pk=pk).exists()
    assert not CaseKey.objects.filter(case_id=pk).exists()
    assert AuditEntry.objects.filter(action="case.shred", target_ref=ref).exists()


def test_a_shredded_case_leaves_the_country_cache(world: World) -> None:
    case = create_case(world.org, NewCase(legal_name="Z", country="KG"), actor=None)
    assert country_index.countries_of([case.pk]) == {case.pk: "KG"}
    pk = case.pk
    delete_case(case, actor=None)
    assert country_index.countries_of([pk]) == {}
