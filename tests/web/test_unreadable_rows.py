"""One row that does not open fails alone: the list or page still answers, that row says so.

A ciphertext moved to another row fails to open (its envelope is bound to its row). Every
page and API answer that opens many rows shows that row as "this entry could not be opened"
and keeps the rest; the failure is in the audit trail (ids only), in the log at ERROR
(table and row id only), and on the coordinators' Attention page, once until read.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from typing import Any

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import (
    Case,
    Contact,
    Deployment,
    Document,
    FamilyMember,
    Identity,
    Location,
    Note,
    Notification,
    PersonName,
    ServiceRecord,
    StageTransition,
)
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.safety.actions import Assessment, record_assessment
from safepassage.apps.safety.flagging import flag_cases_for_risk_rise
from safepassage.apps.safety.models import CaseFlag
from safepassage.cores.crypto import CryptoError

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

NOTICE = "this entry could not be opened"
SECRET = "Чувиляев-secret"  # the value whose ciphertext is moved into the victim's row


def _case(world: World, name: str, place: str) -> Case:
    case = create_case(
        world.org,
        NewCase(legal_name=name, country="KZ", coarse_place=place, birth_place=place, note=name),
        actor=None,
        assign_to=[world.users["caseworker"]],
    )
    ServiceRecord.objects.create(
        case=case, service={"kind": "mobilised"}, desertion={"place": place}, exposure={}
    )
    for model in (Deployment, FamilyMember):
        model.objects.create(case=case, details={"place": place, "relation": "brother"})
    Document.objects.create(
        case=case,
        title=name,
        meta={"content_type": "application/pdf", "size": 3},
        blob_name=uuid.uuid4().hex,
    )
    StageTransition.objects.create(
        case=case, from_stage="intake", to_stage="vetting", actor_id=None, reason=name
    )
    CaseFlag.objects.create(case=case, kind="country_risk_rose", reason={"country": "KZ"})
    return case


@pytest.fixture
def pair(world: World) -> tuple[Case, Case]:
    """A readable case holding the secret, and a victim whose rows are about to be swapped."""
    return _case(world, SECRET, "Алматы-secret"), _case(world, "Петров Пётр", "Ереван")


MOVABLE: list[tuple[Any, str]] = [
    (PersonName, "full_name"),
    (Identity, "birth_place"),
    (Contact, "channel"),
    (Location, "coarse_place"),
    (ServiceRecord, "desertion"),
    (Deployment, "details"),
    (FamilyMember, "details"),
    (Note, "text"),
    (Document, "title"),
    (StageTransition, "reason"),
    (CaseFlag, "reason"),
]


def _move(model: Any, column: str, source: Case, victim: Case) -> None:
    envelope = model.objects.filter(case=source).values_list(column, flat=True).first()
    model.objects.filter(case=victim).update(**{column: envelope})


def _api_get(world: World, path: str) -> Any:
    membership = Membership.objects.get(user=world.users["caseworker"])
    token = issue_token(membership, "t")
    return Client().get(path, headers={"Authorization": f"Bearer {token}"})


def _failures(victim: Case) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="crypto.open_failed", target_ref=victim.reference))


@pytest.mark.parametrize(("model", "column"), MOVABLE, ids=[m.__name__ for m, _ in MOVABLE])
def test_case_page_shows_the_moved_row_as_unreadable_and_the_rest(
    world: World, pair: tuple[Case, Case], model: Any, column: str, caplog: Any
) -> None:
    source, victim = pair
    _move(model, column, source, victim)
    caplog.set_level(logging.DEBUG)
    client = sign_in(Client(raise_request_exception=False), world.users["caseworker"])
    response = client.get(f"/cases/{victim.reference}")
    assert response.status_code == 200
    page = response.content.decode()
    assert NOTICE in page
    assert "Петров Пётр" in page  # the victim's other rows still open
    assert SECRET not in page
    assert "Алматы-secret" not in page
    (entry,) = _failures(victim)
    assert entry.detail["table"] == model._meta.db_table
    row = model.objects.filter(case=victim).values_list("pk", flat=True).first()
    assert entry.detail["row"] == str(row)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [f"sealed row could not be opened: {model._meta.db_table} {row}"]
    assert SECRET not in caplog.text
    assert "Петров" not in caplog.text


def test_case_list_answers_with_one_unreadable_name(
    world: World, pair: tuple[Case, Case], caplog: Any
) -> None:
    source, victim = pair
    _move(PersonName, "full_name", source, victim)
    caplog.set_level(logging.DEBUG)
    client = sign_in(Client(raise_request_exception=False), world.users["coordinator"])
    response = client.get("/cases/")
    assert response.status_code == 200
    page = response.content.decode()
    assert NOTICE in page
    assert SECRET in page
    assert page.count(SECRET) == 1
    assert len(_failures(victim)) == 1
    assert victim.reference not in caplog.text  # the log names the row, not the case


def test_coordinators_are_told_once_until_they_read_it(
    world: World, pair: tuple[Case, Case]
) -> None:
    source, victim = pair
    _move(Note, "text", source, victim)
    client = sign_in(Client(raise_request_exception=False), world.users["caseworker"])
    for _ in range(3):
        assert client.get(f"/cases/{victim.reference}").status_code == 200
    told = Notification.objects.filter(kind="record_unreadable", case=victim)
    assert [n.user for n in told] == [world.users["coordinator"]]
    assert len(_failures(victim)) == 3  # every failed opening is audited


def test_api_list_and_detail_answer_with_the_row_marked_unreadable(
    world: World, pair: tuple[Case, Case]
) -> None:
    source, victim = pair
    _move(PersonName, "full_name", source, victim)
    _move(Location, "country", source, victim)
    listing = _api_get(world, "/api/v1/cases?country=KZ")
    assert listing.status_code == 200
    assert [c["reference"] for c in listing.json()] == [source.reference]
    detail = _api_get(world, f"/api/v1/cases/{victim.reference}")
    assert detail.status_code == 200
    body = detail.json()
    assert body["names"] == [{"unreadable": True}]
    assert body["country"] == {"unreadable": True}
    assert SECRET not in detail.content.decode()


def test_case_list_filtered_by_country_skips_an_unreadable_country(
    world: World, pair: tuple[Case, Case]
) -> None:
    source, victim = pair
    _move(Location, "country", source, victim)
    client = sign_in(Client(raise_request_exception=False), world.users["coordinator"])
    response = client.get("/cases/?country=KZ")
    assert response.status_code == 200
    assert source.reference in response.content.decode()
    assert victim.reference not in response.content.decode()
    assert _failures(victim)[0].detail["table"] == "cases_location"


def test_the_notice_is_translated(world: World, pair: tuple[Case, Case]) -> None:
    source, victim = pair
    _move(Note, "text", source, victim)
    client = sign_in(Client(raise_request_exception=False), world.users["caseworker"])
    page = client.get(f"/cases/{victim.reference}", headers={"Accept-Language": "ru"})
    assert page.status_code == 200
    assert "эту запись не удалось открыть" in page.content.decode().lower()


def test_an_unreadable_row_is_never_written_back(world: World, pair: tuple[Case, Case]) -> None:
    source, victim = pair
    _move(Note, "text", source, victim)
    (note,) = opened(Note.objects.filter(case=victim))
    assert note.unreadable
    assert str(note.text) == NOTICE
    with pytest.raises(CryptoError):
        note.save()


def test_the_risk_scan_skips_and_reports_an_unreadable_country(
    world: World, pair: tuple[Case, Case], caplog: Any
) -> None:
    source, victim = pair
    _move(Location, "country", source, victim)
    base = {"sources": ["https://example.org/"], "rationale": "t"}
    record_assessment(
        Assessment("KZ", "high", datetime.date(2022, 10, 1), **base),
        actor=world.users["coordinator"],
    )
    rise = record_assessment(
        Assessment("KZ", "very_high", datetime.date(2022, 11, 1), **base),
        actor=world.users["coordinator"],
    )
    caplog.set_level(logging.DEBUG)
    assert flag_cases_for_risk_rise("KZ", rise) == 1  # the source case; the victim is skipped
    assert [e.detail["table"] for e in _failures(victim)] == ["cases_location"]
    assert "Петров" not in caplog.text
    assert victim.reference not in caplog.text
