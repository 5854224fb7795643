"""Editing the sealed sections of a case: validation, nothing saved on error, per role."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.cases.models import (
    ConsentRecord,
    Deployment,
    FamilyMember,
    PersonName,
    ServiceRecord,
)

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
