"""Creating a case through the pages, and reading it back per role."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client

from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Case, Document, ExactLocation

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NEW_CASE = {
    "legal_name": "Чувиляев Александр Петрович",
    "other_names": "Aleksandr CHUVILYAEV\nTschuwiljajew",
    "birth_date": "1994-03-08",
    "birth_place": "Омск",
    "citizenships": ["RU"],
    "contact_channel": "Signal",
    "contact_handle": "+7 900 000-00-00",
    "contact_protocol": "Кодовое слово: ласточка",
    "country": "KZ",
    "coarse_place": "Алматы",
    "exact_address": "ул. Абая, 1",
    "note": "Ушёл из части в мае.",
}


def _create(client: Client) -> Case:
    response = client.post("/cases/new", NEW_CASE)
    assert response.status_code == 302
    return Case.objects.get(reference=response["Location"].rsplit("/", 1)[1])


def test_caseworker_creates_a_case_and_is_assigned(world: World) -> None:
    caseworker = world.users["caseworker"]
    client = sign_in(Client(), caseworker)
    case = _create(client)
    assert list(case.assignees.all()) == [caseworker]
    page = client.get(f"/cases/{case.reference}").content.decode()
    for text in (
        "Чувиляев Александр Петрович",
        "Tschuwiljajew",
        "Омск",
        "Алматы",
        "Кодовое слово: ласточка",
        "Ушёл из части в мае.",
        "1994-03-08",
    ):
        assert text in page
    assert 'lang="ru"' in page
    assert "Chuviliaev Aleksandr Petrovich" in page  # the passport spelling beside it
    assert "ул. Абая" not in page  # the exact address stays in its compartment
    assert AuditEntry.objects.filter(action="case.create", target_ref=case.reference).exists()


def test_invalid_case_form_explains_and_saves_nothing(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    before = Case.objects.count()
    response = client.post("/cases/new", NEW_CASE | {"birth_date": "08.03.94", "country": "QQ"})
    assert response.status_code == 200
    assert b"Enter a valid date" in response.content
    assert b"Select a valid choice" in response.content
    assert Case.objects.count() == before


def test_only_an_assigned_caseworker_reveals_the_exact_location(world: World) -> None:
    case = _create(sign_in(Client(), world.users["caseworker"]))
    assigned = sign_in(Client(), world.users["caseworker"])
    response = assigned.post(f"/cases/{case.reference}/location")
    assert "ул. Абая, 1" in response.content.decode()
    assert (
        AuditEntry.objects.filter(
            action="case.reveal_exact_location", target_ref=case.reference
        ).count()
        == 1
    )
    for persona in ("coordinator", "vetting", "colleague", "outsider_caseworker", "auditor"):
        other = sign_in(Client(), world.users[persona])
        assert other.post(f"/cases/{case.reference}/location").status_code == 404, persona
    assert Client().post(f"/cases/{case.reference}/location").status_code == 302
    assert ExactLocation.objects.filter(case=case).count() == 1


def test_notes_and_documents_round_trip(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    case = _create(client)
    client.post(f"/cases/{case.reference}/notes", {"text": "Second interview done."})
    upload = io.BytesIO(PDF)
    upload.name = "Военный билет.pdf"
    client.post(f"/cases/{case.reference}/documents", {"title": "Military ID", "file": upload})
    page = client.get(f"/cases/{case.reference}").content.decode()
    assert "Second interview done." in page
    document = Document.objects.get(case=case)
    link = re.search(rf"/cases/{case.reference}/documents/[0-9a-f-]+", page).group(0)
    download = client.get(link)
    assert download.content == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Военный" not in download["Content-Disposition"]
    assert document.meta["filename"] == "Военный билет.pdf"


def test_upload_of_other_file_types_is_refused(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    case = _create(client)
    upload = io.BytesIO(b"<html><script>alert(1)</script></html>")
    upload.name = "page.pdf"
    response = client.post(
        f"/cases/{case.reference}/documents", {"title": "x", "file": upload}, follow=True
    )
    assert "Only PDF, JPEG and PNG" in response.content.decode()
    assert not Document.objects.filter(case=case).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 302),
        ("colleague", 404),
        ("coordinator", 302),
        ("vetting", 404),
        ("auditor", 404),
        ("outsider_coordinator", 404),
    ],
)
def test_who_may_upload_documents(world: World, persona: str, status: int) -> None:
    upload = io.BytesIO(PDF)
    upload.name = "a.pdf"
    client = sign_in(Client(), world.users[persona])
    response = client.post(
        f"/cases/{world.case.reference}/documents", {"title": "x", "file": upload}
    )
    assert response.status_code == status
    assert Document.objects.filter(case=world.case).count() == (1 if status == 302 else 0)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 302),
        ("colleague", 404),
        ("coordinator", 302),
        ("vetting", 302),
        ("liaison", 404),
        ("outsider_caseworker", 404),
    ],
)
def test_who_may_add_notes(world: World, persona: str, status: int) -> None:
    client = sign_in(Client(), world.users[persona])
    response = client.post(f"/cases/{world.case.reference}/notes", {"text": "n"})
    assert response.status_code == status
    assert world.case.notes.count() == (1 if status == 302 else 0)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 200),
        ("coordinator", 200),
        ("vetting", 403),
        ("auditor", 403),
        ("outsider_coordinator", 200),
    ],
)
def test_who_may_open_the_new_case_form(world: World, persona: str, status: int) -> None:
    assert sign_in(Client(), world.users[persona]).get("/cases/new").status_code == status
