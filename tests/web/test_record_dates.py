"""Dates in a case record that make sense, checked alike by the forms, the API and the
importer; a refused form keeps what was typed (also a refused stage move and a long note)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.cases.models import (
    Case,
    ConsentRecord,
    Deployment,
    Identity,
    Note,
    ServiceRecord,
    StageTransition,
)
from safepassage.apps.cases.record.dates import RecordDates, date_problems
from safepassage.apps.cases.record.editing import save_section
from safepassage.cli import main

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
D = datetime.date


@pytest.mark.parametrize(
    ("section", "values", "dates", "expected"),
    [
        ("identity", {"birth_date": D(2099, 1, 1)}, RecordDates(), "cannot be in the future"),
        ("identity", {"birth_date": D(1800, 5, 5)}, RecordDates(), "before 1900"),
        ("service", {"service_started": "2040-01-01"}, RecordDates(), "cannot be in the future"),
        ("deployment", {"start": "1700-01-01"}, RecordDates(), "before 1900"),
        ("desertion", {"date": "2035-01-01"}, RecordDates(), "cannot be in the future"),
        ("consent", {"given_on": "2027-01-01"}, RecordDates(), "cannot be in the future"),
        ("route", {"entry_date": "2026-06-02"}, RecordDates(), "cannot be in the future"),
        (
            "service",
            {"service_started": "2010-01-01"},
            RecordDates(birth=D(2000, 1, 1), service_started=D(2010, 1, 1)),
            "before he was 16",
        ),
        (
            "deployment",
            {"start": "2012-01-01"},
            RecordDates(birth=D(2000, 1, 1), deployments=(D(2012, 1, 1),)),
            "deployment cannot be before he was 16",
        ),
        (
            "desertion",
            {"date": "2019-01-01"},
            RecordDates(service_started=D(2020, 1, 1), left_army=D(2019, 1, 1)),
            "before his service started",
        ),
        (
            "identity",
            {"birth_date": D(2010, 1, 1)},
            RecordDates(birth=D(2010, 1, 1), service_started=D(2022, 1, 1)),
            "before he was 16",
        ),
    ],
)
def test_dates_that_make_no_sense(
    section: str, values: dict[str, Any], dates: RecordDates, expected: str
) -> None:
    problems = date_problems(section, values, dates, TODAY)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("section", "values", "dates"),
    [
        ("identity", {"birth_date": D(1990, 2, 28)}, RecordDates(birth=D(1990, 2, 28))),
        ("identity", {"birth_date": TODAY}, RecordDates()),
        ("document_held", {"valid_until": "2031-01-01"}, RecordDates()),  # the future is meant
        ("route", {"status_expires": "2027-01-01"}, RecordDates()),
        (
            "service",
            {"service_started": "2016-02-29"},
            RecordDates(birth=D(2000, 2, 29), service_started=D(2016, 3, 1)),
        ),
        (
            "desertion",
            {"date": "2020-01-01"},
            RecordDates(service_started=D(2020, 1, 1), left_army=D(2020, 1, 1)),
        ),
        # An old inconsistency between service and birth does not block a deployment.
        (
            "deployment",
            {"start": "2023-01-01"},
            RecordDates(birth=D(2010, 1, 1), service_started=D(2011, 1, 1)),
        ),
    ],
)
def test_dates_that_make_sense(section: str, values: dict[str, Any], dates: RecordDates) -> None:
    assert date_problems(section, values, dates, TODAY) == []


def _edit(client: Client, world: World, section: str, data: dict[str, object]) -> Any:
    return client.post(f"/cases/{world.case.reference}/edit/{section}", data)


@pytest.mark.parametrize(
    ("section", "data", "expected"),
    [
        ("identity", {"birth_date": "2099-01-01"}, "cannot be in the future"),
        ("identity", {"birth_date": "1800-01-01"}, "before 1900"),
        ("service", {"kind": "contract", "service_started": "2040-01-01"}, "in the future"),
        ("deployment", {"start": "1700-01-01", "place": "Бахмут"}, "before 1900"),
        ("desertion", {"kind": "awol", "date": "2035-01-01"}, "cannot be in the future"),
    ],
)
def test_the_record_sections_refuse_and_keep_what_was_typed(
    world: World, section: str, data: dict[str, str], expected: str
) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = _edit(client, world, section, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page
    typed = next(v for k, v in data.items() if k != "kind")
    assert f'value="{typed}"' in page
    assert not Identity.objects.filter(case=world.case).exists()
    assert not ServiceRecord.objects.filter(case=world.case).exists()
    assert not Deployment.objects.filter(case=world.case).exists()


def test_service_and_deployments_come_after_his_sixteenth_birthday(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    assert _edit(client, world, "identity", {"birth_date": "2000-06-01"}).status_code == 302
    early = _edit(client, world, "service", {"kind": "contract", "service_started": "2015-01-01"})
    assert "Service cannot start before he was 16." in early.content.decode()
    assert _edit(client, world, "service", {"kind": "contract", "service_started": "2019-01-01"})
    deployment = _edit(client, world, "deployment", {"start": "2016-05-31", "place": "Бахмут"})
    assert "before he was 16" in deployment.content.decode()
    assert not Deployment.objects.filter(case=world.case).exists()
    left = _edit(client, world, "desertion", {"kind": "awol", "date": "2018-01-01"})
    assert "before his service started" in left.content.decode()
    # Correcting the birth date later cannot contradict the service already recorded.
    later = _edit(client, world, "identity", {"birth_date": "2005-01-01"})
    assert "Service cannot start before he was 16." in later.content.decode()
    assert Identity.objects.get(case=world.case).birth_date == datetime.date(2000, 6, 1)


def test_a_corrected_entry_is_checked_too(world: World) -> None:
    consent = ConsentRecord.objects.create(
        case=world.case,
        scope="dossier",
        details={"scope": "dossier", "given_on": "2026-01-10", "channel": "Signal"},
    )
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/cases/{world.case.reference}/entries/consent/{consent.pk}",
        {"scope": "dossier", "given_on": "2099-01-10", "channel": "Signal"},
    )
    assert "cannot be in the future" in response.content.decode()
    consent.refresh_from_db()
    assert consent.details["given_on"] == "2026-01-10"


def test_the_messages_are_in_the_readers_language(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    ru = client.post(
        f"/cases/{world.case.reference}/edit/identity",
        {"birth_date": "2099-01-01"},
        HTTP_ACCEPT_LANGUAGE="ru",
    ).content.decode()
    assert "Дата рождения: не может быть в будущем." in ru
    fr = client.post(
        f"/cases/{world.case.reference}/edit/identity",
        {"birth_date": "1800-01-01"},
        HTTP_ACCEPT_LANGUAGE="fr",
    ).content.decode()
    assert "Date de naissance : une date antérieure à 1900" in fr


def test_save_section_refuses_for_every_caller(world: World) -> None:
    from safepassage.apps.cases.record.dates import DatesRefused

    with pytest.raises(DatesRefused):
        save_section(
            world.case,
            "identity",
            {"birth_date": datetime.date(2099, 1, 1), "birth_place": "", "citizenships": []},
            actor_id=world.users["caseworker"].pk,
        )


def test_a_new_case_with_a_future_birth_date_is_refused_keeping_the_form(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        "/cases/new",
        {"legal_name": "Чувиляев Иван", "country": "KZ", "birth_date": "2099-01-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "cannot be in the future" in page
    assert 'value="Чувиляев Иван"' in page
    assert Case.objects.count() == 3  # the world's three


def test_the_api_refuses_a_birth_date_before_1900(world: World) -> None:
    membership = Membership.objects.get(user=world.users["caseworker"])
    headers = {"Authorization": f"Bearer {issue_token(membership, 'test')}"}
    body = {"legal_name": "Ivanov", "country": "KZ", "birth_date": "1800-01-01"}
    answer = Client().post("/api/v1/cases", body, content_type="application/json", headers=headers)
    assert answer.status_code == 422
    assert "before 1900" in answer.json()["detail"]
    assert Case.objects.count() == 3


def test_the_importer_refuses_a_future_birth_date_by_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cases.jsonl"
    rows = [
        {"legal_name": "Ivanov", "country": "KZ", "birth_date": "1990-01-01"},
        {"legal_name": "Petrov", "country": "KZ", "birth_date": "2099-01-01"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code = main(["cases", "import", str(path), "--organisation", "org-a", "--dry-run"])
    assert code == 1
    err = capsys.readouterr().err
    assert "line 2: Date of birth: cannot be in the future." in err
    assert "2099" not in err
    assert Case.objects.count() == 3


def test_a_refused_stage_move_keeps_the_typed_reason(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    reason = "Проверка завершена, переходим к адвокации"
    response = client.post(
        f"/cases/{world.case.reference}/move", {"target": "advocacy", "reason": reason}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f">{reason}</textarea>" in page
    assert '<option value="advocacy"' in page
    assert not StageTransition.objects.filter(case=world.case).exists()


def test_an_over_long_note_keeps_its_text(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    text = "Записал со слов " + "x" * 20001
    response = client.post(f"/cases/{world.case.reference}/notes", {"text": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert "nothing was saved" in page
    assert text in page
    assert not Note.objects.filter(case=world.case).exists()
