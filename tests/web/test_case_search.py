"""Finding a person by any spelling: one search box, references in any letter case, names
in any script through the names core, within what the reader may see; no name in a URL."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.cases.models import Case, PersonName
from safepassage.apps.cases.registry import name_index
from safepassage.apps.vault import keystore

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _name(case: Case, text: str, kind: str = "legal") -> PersonName:
    return PersonName.objects.create(case=case, kind=kind, full_name=text)


def _find(client: Client, query: str) -> str:
    response = client.post("/cases/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def named(world: World) -> World:
    _name(world.case, "Czuwiliajew Aleksandr")
    _name(world.unassigned_case, "Иванов Пётр")
    _name(world.other_case, "Чувиляев Иван")
    return world


@pytest.mark.parametrize("query", ["Чувиляев", "Chuvilyaev", "czuwiliajew", "Tchouviliaev"])
def test_any_spelling_finds_the_case(named: World, query: str) -> None:
    page = _find(sign_in(Client(), named.users["coordinator"]), query)
    assert named.case.reference in page
    assert named.unassigned_case.reference not in page


def test_every_word_must_match(named: World) -> None:
    client = sign_in(Client(), named.users["coordinator"])
    assert named.case.reference in _find(client, "Александр Чувиляев")
    assert named.case.reference not in _find(client, "Чувиляев Пётр")


def test_results_respect_the_access_policy(named: World) -> None:
    caseworker = sign_in(Client(), named.users["caseworker"])
    assert named.unassigned_case.reference not in _find(caseworker, "Иванов")
    outsider = sign_in(Client(), named.users["outsider_coordinator"])
    page = _find(outsider, "Czuwiliajew")
    assert named.other_case.reference in page  # their own Чувиляев
    assert named.case.reference not in page


def test_a_reference_in_any_case_opens_the_case(named: World) -> None:
    client = sign_in(Client(), named.users["caseworker"])
    reference = named.case.reference
    found = client.post("/cases/", {"q": reference.lower().replace("-", "")})
    assert found["Location"] == f"/cases/{reference}"
    by_address = client.get("/cases/", {"q": reference.lower()})
    assert by_address["Location"] == f"/cases/{reference}"
    # Someone else's reference finds nothing, as a missing one would.
    nothing = _find(sign_in(Client(), named.users["outsider_caseworker"]), reference)
    assert "No cases." in nothing


def test_a_name_in_the_address_is_ignored(named: World) -> None:
    client = sign_in(Client(), named.users["coordinator"])
    page = client.get("/cases/", {"q": "Иванов"}).content.decode()
    assert named.case.reference in page  # the whole list: the name was not searched
    assert 'value="Иванов"' not in page


def test_a_corrected_name_is_found_by_its_new_spelling(named: World) -> None:
    client = sign_in(Client(), named.users["coordinator"])
    assert named.unassigned_case.reference in _find(client, "Ivanov")
    row = PersonName.objects.get(case=named.unassigned_case)
    client.post(
        f"/cases/{named.unassigned_case.reference}/entries/name/{row.pk}",
        {"full_name": "Сидоров Пётр", "kind": "legal"},
    )
    assert named.unassigned_case.reference in _find(client, "Sidorov")
    assert named.unassigned_case.reference not in _find(client, "Ivanov")


def test_the_header_has_the_search_box_for_case_readers(named: World) -> None:
    page = sign_in(Client(), named.users["vetting"]).get("/").content.decode()
    assert 'id="header-search"' in page
    assert (
        'id="header-search"'
        not in sign_in(Client(), named.users["auditor"]).get("/").content.decode()
    )


def test_sealing_empties_the_index(named: World) -> None:
    _find(sign_in(Client(), named.users["coordinator"]), "Чувиляев")
    assert name_index._indexes
    ring = keystore.keyring()
    keystore.drop()
    try:
        assert not name_index._indexes
    finally:
        keystore.install(ring)
