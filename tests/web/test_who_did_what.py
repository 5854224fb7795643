"""Who did what: display names on notes, history, sign-offs, documents, the audit trail and
tokens, chosen by each user; the audit trail narrowed by person, case, action and date."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership, User
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.lifecycle.actions import move_case
from safepassage.apps.cases.registry.actions import add_document, add_note

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _name(world: World, persona: str, name: str) -> Client:
    client = sign_in(Client(), world.users[persona])
    response = client.post("/account/display-name", {"display_name": name})
    assert response.status_code == 302
    return client


def test_each_user_chooses_a_display_name_on_the_account_page(world: World) -> None:
    client = _name(world, "caseworker", "  Мария   К. ")
    assert User.objects.get(pk=world.users["caseworker"].pk).display_name == "Мария К."
    page = client.get("/account").content.decode()
    assert 'value="Мария К."' in page
    entry = AuditEntry.objects.filter(action="account.set_display_name").latest("seq")
    assert entry.actor_id == world.users["caseworker"].pk
    assert "Мария" not in str(entry.detail)  # the name itself is never audited


def test_a_refused_display_name_keeps_what_was_typed(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    too_long = "Я" * 61
    response = client.post("/account/display-name", {"display_name": too_long})
    assert response.status_code == 400
    assert too_long in response.content.decode()
    control = client.post("/account/display-name", {"display_name": "Ann\u200bB"})
    assert "control characters" in control.content.decode()
    assert User.objects.get(pk=world.users["caseworker"].pk).display_name == ""


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_everyone_signed_in_may_set_their_own_name_only(world: World, persona: str) -> None:
    client = Client() if persona == "anonymous" else sign_in(Client(), world.users[persona])
    response = client.post("/account/display-name", {"display_name": "Someone"})
    if persona == "anonymous":
        assert response["Location"] == "/login"
        assert not User.objects.filter(display_name="Someone").exists()
    else:
        assert response.status_code == 302
        assert list(User.objects.filter(display_name="Someone")) == [world.users[persona]]


def test_the_case_page_names_who_wrote_moved_signed_and_uploaded(world: World) -> None:
    _name(world, "caseworker", "Мария К.")
    _name(world, "vetting", "Jean V.")
    coordinator = _name(world, "coordinator", "Coordinatrice Anne")
    caseworker = User.objects.get(pk=world.users["caseworker"].pk)
    add_note(world.case, "first call", actor=caseworker)
    add_document(
        world.case,
        "Military ID",
        io.BytesIO(PDF),
        filename="a.pdf",
        content_type="application/pdf",
        actor=caseworker,
    )
    move_case(world.case, "third_country", "back to hiding", actor=world.users["coordinator"])
    vetting = sign_in(Client(), world.users["vetting"])
    vetting.post(f"/cases/{world.case.reference}/signoff", {"outcome": "recommended", "note": "ok"})
    page = coordinator.get(f"/cases/{world.case.reference}").content.decode()
    assert "user#" not in page
    assert page.count("Мария К.") >= 3  # note, document, assigned to
    assert "Coordinatrice Anne" in page  # the stage history's actor
    assert "Jean V.:" in page  # the sign-off


def test_a_removed_account_shows_as_its_id(world: World) -> None:
    ghost = User.objects.create_user("ghost", "x" * 16)
    add_note(world.case, "from a departed colleague", actor=ghost)
    ghost_id = ghost.pk
    ghost.delete()
    page = sign_in(Client(), world.users["coordinator"]).get(f"/cases/{world.case.reference}")
    assert f"user#{ghost_id}" in page.content.decode()


def test_the_audit_trail_shows_names_and_narrows_by_person_case_action_and_date(
    world: World,
) -> None:
    coordinator = _name(world, "coordinator", "Anne C.")
    _name(world, "caseworker", "Мария К.")
    add_note(world.case, "x", actor=world.users["caseworker"])
    add_note(world.unassigned_case, "y", actor=world.users["coordinator"])
    page = coordinator.get("/audit/").content.decode()
    assert "user#" not in page
    assert "Мария К." in page
    mine = coordinator.get("/audit/", {"person": world.users["caseworker"].pk}).content.decode()
    assert "account.set_display_name" in mine
    assert world.unassigned_case.reference not in mine
    by_case = coordinator.get("/audit/", {"case": world.case.reference.lower()}).content.decode()
    assert world.case.reference in by_case
    assert world.unassigned_case.reference not in by_case
    by_action = coordinator.get("/audit/", {"action": "case.add_note"}).content.decode()
    assert "account.set_display_name</td>" not in by_action
    assert by_action.count("case.add_note</td>") == 2
    tomorrow = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)).date()
    empty = coordinator.get("/audit/", {"since": tomorrow.isoformat()}).content.decode()
    assert "No entries." in empty
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    until_today = coordinator.get("/audit/", {"until": today}).content.decode()
    assert "case.add_note</td>" in until_today


def test_the_audit_trail_offers_only_this_organisations_people(world: World) -> None:
    _name(world, "outsider_caseworker", "Outsider Olga")
    page = sign_in(Client(), world.users["coordinator"]).get("/audit/").content.decode()
    assert "Outsider Olga" not in page
    assert "caseworker" in page


def test_the_api_says_whose_token_it_is(world: World) -> None:
    _name(world, "caseworker", "Мария К.")
    membership = Membership.objects.get(user=world.users["caseworker"])
    token = issue_token(membership, "laptop")
    answer = Client().get("/api/v1/", headers={"Authorization": f"Bearer {token}"}).json()
    assert answer["user"] == "Мария К."
