"""Correcting and removing the repeatable entries of a case record, and refusing empty ones."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import (
    Case,
    ConsentRecord,
    Deployment,
    Document,
    FamilyMember,
    Identity,
    Note,
    PersonName,
)
from safepassage.apps.cases.registry.actions import add_document, add_note
from safepassage.apps.cases.registry.watchers import unwatch_records, watch_records
from safepassage.apps.vault import blobs

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def heard() -> Iterator[list[tuple[str, str]]]:
    """What apps above cases hear through ``watch_records`` (reference, section)."""
    calls: list[tuple[str, str]] = []

    def listener(case: Case, what: str) -> None:
        calls.append((case.reference, what))

    watch_records(listener)
    yield calls
    unwatch_records(listener)


def _base(world: World) -> str:
    return f"/cases/{world.case.reference}/entries"


def _deployment(case: Case, **details: Any) -> Deployment:
    return Deployment.objects.create(case=case, details={"place": "Бахмут", **details})


def _last(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).latest("seq")


def test_an_all_empty_deployment_is_refused_and_nothing_is_added(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    empty = {"start": "", "end": "", "place": "", "subunit": "", "role": ""}
    response = client.post(f"/cases/{world.case.reference}/edit/deployment", empty, follow=True)
    page = response.content.decode()
    assert "Saved." not in page
    assert "an empty deployment is not saved" in page
    assert not Deployment.objects.filter(case=world.case).exists()
    spaces = client.post(
        f"/cases/{world.case.reference}/edit/deployment", {"place": "   ", "role": " "}
    )
    assert spaces.status_code == 200
    assert not Deployment.objects.filter(case=world.case).exists()


def test_the_empty_deployment_refusal_is_in_russian_for_a_russian_reader(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/cases/{world.case.reference}/edit/deployment", {"place": ""}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert "пустая командировка не сохраняется" in response.content.decode()


def test_a_deployment_is_corrected_audited_and_watchers_hear_of_it(
    world: World, heard: list[tuple[str, str]]
) -> None:
    row = _deployment(world.case, start="2023-01-01")
    client = sign_in(Client(), world.users["caseworker"])
    form = client.get(f"{_base(world)}/deployment/{row.pk}").content.decode()
    assert "Бахмут" in form  # the form opens filled in
    response = client.post(
        f"{_base(world)}/deployment/{row.pk}",
        {"start": "2023-02-01", "end": "2023-06-01", "place": "Авдеевка", "role": "driver"},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.details["place"] == "Авдеевка"
    assert row.details["start"] == "2023-02-01"
    entry = _last("case.edit_entry")
    assert entry.detail == {"section": "deployment", "entry": str(row.pk)}
    assert entry.actor_id == world.users["caseworker"].pk
    assert heard == [(world.case.reference, "deployment")]


def test_a_refused_correction_keeps_what_was_typed_and_changes_nothing(world: World) -> None:
    row = _deployment(world.case)
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"{_base(world)}/deployment/{row.pk}",
        {"start": "2023-05-01", "end": "2023-01-01", "place": "Угледар"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "cannot end before it starts" in page
    assert 'value="Угледар"' in page
    row.refresh_from_db()
    assert row.details["place"] == "Бахмут"
    assert not AuditEntry.objects.filter(action="case.edit_entry").exists()


def test_removing_needs_a_reason_and_is_audited_with_it(
    world: World, heard: list[tuple[str, str]]
) -> None:
    row = _deployment(world.case)
    client = sign_in(Client(), world.users["caseworker"])
    confirm = client.get(f"{_base(world)}/deployment/{row.pk}/remove").content.decode()
    assert "Бахмут" in confirm
    assert "Entered by mistake" in confirm
    refused = client.post(f"{_base(world)}/deployment/{row.pk}/remove", {})
    assert refused.status_code == 200
    assert Deployment.objects.filter(pk=row.pk).exists()
    made_up = client.post(f"{_base(world)}/deployment/{row.pk}/remove", {"reason": "boredom"})
    assert made_up.status_code == 200
    assert Deployment.objects.filter(pk=row.pk).exists()
    done = client.post(
        f"{_base(world)}/deployment/{row.pk}/remove", {"reason": "duplicate"}, follow=True
    )
    assert "Entry removed." in done.content.decode()
    assert not Deployment.objects.filter(pk=row.pk).exists()
    entry = _last("case.remove_entry")
    assert entry.detail == {"section": "deployment", "entry": str(row.pk), "reason": "duplicate"}
    assert heard == [(world.case.reference, "deployment")]
    again = client.post(f"{_base(world)}/deployment/{row.pk}/remove", {"reason": "duplicate"})
    assert again.status_code == 404


def test_the_case_page_offers_correct_and_remove_on_each_entry(world: World) -> None:
    row = _deployment(world.case)
    FamilyMember.objects.create(case=world.case, details={"relation": "mother"})
    client = sign_in(Client(), world.users["caseworker"])
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert f"{_base(world)}/deployment/{row.pk}/remove" in page
    family = FamilyMember.objects.get(case=world.case)
    assert f"{_base(world)}/family/{family.pk}" in page
    vetting = sign_in(Client(), world.users["vetting"])
    assert "/entries/" not in vetting.get(f"/cases/{world.case.reference}").content.decode()


def test_names_are_corrected_and_the_last_legal_name_stays(world: World) -> None:
    legal = PersonName.objects.create(case=world.case, kind="legal", full_name="Чувиляев Иван")
    spelling = PersonName.objects.create(
        case=world.case, kind="transliteration", position=1, full_name="Czuwiliajew"
    )
    client = sign_in(Client(), world.users["coordinator"])
    client.post(f"{_base(world)}/name/{spelling.pk}", {"full_name": "Chuvilyaev", "kind": "alias"})
    spelling.refresh_from_db()
    assert (spelling.full_name, spelling.kind) == ("Chuvilyaev", "alias")
    refused = client.post(f"{_base(world)}/name/{legal.pk}/remove", {"reason": "mistake"})
    assert "keeps at least one legal name" in refused.content.decode()
    demoted = client.post(
        f"{_base(world)}/name/{legal.pk}", {"full_name": "Чувиляев Иван", "kind": "alias"}
    )
    assert "keeps at least one legal name" in demoted.content.decode()
    assert PersonName.objects.get(pk=legal.pk).kind == "legal"
    client.post(f"{_base(world)}/name/{spelling.pk}/remove", {"reason": "duplicate"})
    assert list(PersonName.objects.filter(case=world.case)) == [legal]


def test_family_consent_and_documents_held_are_corrected_and_removed(world: World) -> None:
    member = FamilyMember.objects.create(case=world.case, details={"relation": "mother"})
    consent = ConsentRecord.objects.create(
        case=world.case,
        scope="dossier",
        details={"scope": "dossier", "given_on": "2026-01-10", "channel": "Signal"},
    )
    Identity.objects.create(
        case=world.case,
        citizenships=[],
        documents=[
            {"type": "internal_passport", "number": "", "status": "held", "valid_until": None},
            {"type": "military_id", "number": "", "status": "confiscated", "valid_until": None},
        ],
    )
    client = sign_in(Client(), world.users["caseworker"])
    client.post(f"{_base(world)}/family/{member.pk}", {"relation": "wife", "whereabouts": "Омск"})
    client.post(
        f"{_base(world)}/consent/{consent.pk}",
        {"scope": "research", "given_on": "2026-01-11", "channel": "in person"},
    )
    client.post(f"{_base(world)}/document_held/1", {"type": "military_id", "status": "lost"})
    member.refresh_from_db()
    consent.refresh_from_db()
    assert member.details["whereabouts"] == "Омск"
    assert consent.scope == "research"
    assert consent.details["channel"] == "in person"
    statuses = [d["status"] for d in Identity.objects.get(case=world.case).documents]
    assert statuses == ["held", "lost"]
    client.post(f"{_base(world)}/document_held/0/remove", {"reason": "wrong_case"})
    left = Identity.objects.get(case=world.case).documents
    assert [d["type"] for d in left] == ["military_id"]
    assert client.get(f"{_base(world)}/document_held/1").status_code == 404
    client.post(f"{_base(world)}/family/{member.pk}/remove", {"reason": "mistake"})
    client.post(f"{_base(world)}/consent/{consent.pk}/remove", {"reason": "withdrawn"})
    assert not FamilyMember.objects.filter(case=world.case).exists()
    assert not ConsentRecord.objects.filter(case=world.case).exists()


def test_a_note_is_changed_by_its_author_or_a_coordinator_only(world: World) -> None:
    note = add_note(world.case, "позвонить матери", actor=world.users["caseworker"])
    other = add_note(world.case, "from the coordinator", actor=world.users["coordinator"])
    author = sign_in(Client(), world.users["caseworker"])
    author.post(f"{_base(world)}/note/{note.pk}", {"text": "позвонить отцу"})
    assert Note.objects.get(pk=note.pk).text == "позвонить отцу"
    assert author.get(f"{_base(world)}/note/{other.pk}").status_code == 404
    refused = author.post(f"{_base(world)}/note/{other.pk}/remove", {"reason": "mistake"})
    assert refused.status_code == 404
    assert Note.objects.filter(pk=other.pk).exists()
    page = author.get(f"/cases/{world.case.reference}").content.decode()
    assert f"/note/{note.pk}/remove" in page
    assert f"/note/{other.pk}/remove" not in page
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"{_base(world)}/note/{note.pk}/remove", {"reason": "wrong_case"})
    assert not Note.objects.filter(pk=note.pk).exists()


def test_an_over_long_correction_of_a_note_keeps_its_text(world: World) -> None:
    note = add_note(world.case, "short", actor=world.users["caseworker"])
    client = sign_in(Client(), world.users["caseworker"])
    long_text = "Ж" * 20001
    response = client.post(f"{_base(world)}/note/{note.pk}", {"text": long_text})
    assert response.status_code == 200
    assert long_text in response.content.decode()
    assert Note.objects.get(pk=note.pk).text == "short"


def test_a_document_is_retitled_and_its_removal_deletes_the_encrypted_file(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    document = add_document(
        world.case,
        "Military ID",
        io.BytesIO(PDF),
        filename="a.pdf",
        content_type="application/pdf",
        actor=world.users["caseworker"],
    )
    path = blobs.blob_root() / document.blob_name[:2] / document.blob_name
    assert path.exists()
    client = sign_in(Client(), world.users["caseworker"])
    client.post(f"{_base(world)}/document/{document.pk}", {"title": "Военный билет"})
    assert Document.objects.get(pk=document.pk).title == "Военный билет"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{_base(world)}/document/{document.pk}/remove", {"reason": "mistake"})
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not path.exists()


@pytest.mark.parametrize(
    "address",
    ["/entries/passwords/1", "/entries/deployment/not-a-uuid", "/entries/document_held/x"],
)
def test_unknown_kinds_and_ids_answer_404(world: World, address: str) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    assert client.get(f"/cases/{world.case.reference}{address}").status_code == 404


def test_an_entry_of_another_case_answers_404(world: World) -> None:
    row = _deployment(world.unassigned_case)
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get(f"{_base(world)}/deployment/{row.pk}").status_code == 404
    removal = client.post(f"{_base(world)}/deployment/{row.pk}/remove", {"reason": "mistake"})
    assert removal.status_code == 404
    assert Deployment.objects.filter(pk=row.pk).exists()


EXPECTED = dict.fromkeys(PERSONAS, 404) | {"caseworker": 200, "coordinator": 200}


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
@pytest.mark.parametrize("suffix", ["", "/remove"])
def test_who_may_correct_or_remove_an_entry(world: World, persona: str, suffix: str) -> None:
    row = _deployment(world.case, start=datetime.date(2023, 1, 1).isoformat())
    client = Client() if persona == "anonymous" else sign_in(Client(), world.users[persona])
    address = f"{_base(world)}/deployment/{row.pk}{suffix}"
    assert client.get(address).status_code == EXPECTED.get(persona, 302)
    posted = client.post(address, {"reason": "mistake", "place": "Изюм"})
    allowed = persona in {"caseworker", "coordinator"}
    left = Deployment.objects.filter(pk=row.pk).first()
    assert (left is None) == (allowed and suffix == "/remove")
    if left is not None:
        assert (left.details["place"] == "Изюм") == (allowed and suffix == "")
    if persona == "anonymous":
        assert posted["Location"] == "/login"


def test_the_api_shows_each_deployment_with_its_id(world: World) -> None:
    row = _deployment(world.case)
    membership = Membership.objects.get(user=world.users["coordinator"])
    headers = {"Authorization": f"Bearer {issue_token(membership, 'test')}"}
    answer = Client().get(f"/api/v1/cases/{world.case.reference}", headers=headers).json()
    assert answer["deployments"] == [{"id": str(row.pk), "place": "Бахмут"}]
