"""Vetting pages: who may use each route, the Screening panel, decisions, list imports."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from safepassage.apps.accounts.models import Membership, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.vetting.models import Hit, HitState, ListedEntity, ListVersion

from .conftest import PERSONAS, World, sign_in
from .vetting_helpers import import_sample, new_case, run_worker

pytestmark = pytest.mark.django_db

OK, DENIED, HIDDEN, LOGIN, NOT_ALLOWED = 200, 403, 404, 302, 405
COORDINATORS = dict.fromkeys(PERSONAS, DENIED) | {
    "coordinator": OK,
    "outsider_coordinator": OK,
    "anonymous": LOGIN,
}
MATRIX: dict[str, dict[str, int]] = {
    "/vetting/lists/": COORDINATORS,
    "/vetting/lists/import": COORDINATORS,
    "/vetting/lists/{version}/remove": COORDINATORS
    | {"coordinator": NOT_ALLOWED, "outsider_coordinator": NOT_ALLOWED},
    "/vetting/queue": dict.fromkeys(PERSONAS, DENIED) | {"vetting": OK, "anonymous": LOGIN},
    "/vetting/case/{case}/hits/{hit}/decide": dict.fromkeys(PERSONAS, HIDDEN)
    | {"vetting": NOT_ALLOWED, "anonymous": LOGIN},
}
BORN = datetime.date(1990, 4, 12)


def _client(world: World, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        sign_in(client, world.users[persona])
    return client


def _hit_on_case(world: World) -> Hit:
    import_sample()
    case = new_case(world.org, "Sasha Czuwiliajew", BORN)
    run_worker()
    return Hit.objects.get(case=case)


@pytest.mark.parametrize("template", list(MATRIX))
@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_vetting_route_answers_each_persona_as_the_policy_says(
    world: World, template: str, persona: str
) -> None:
    hit = _hit_on_case(world)
    path = template.format(
        version=ListVersion.objects.get().pk, case=hit.case.reference, hit=hit.pk
    )
    response = _client(world, persona).get(path)
    assert response.status_code == MATRIX[template][persona]


def _decide(client: Client, hit: Hit, state: str = "not_same", reason: str = "Seen docs") -> int:
    path = f"/vetting/case/{hit.case.reference}/hits/{hit.pk}/decide"
    return client.post(path, {"state": state, "reason": reason}).status_code


def test_only_a_vetting_officer_of_the_case_organisation_decides(world: World) -> None:
    hit = _hit_on_case(world)
    outsider = User.objects.create_user("outsider_vetting", "x-password-long-enough")
    Membership.objects.create(
        user=outsider, organisation=world.other_org, role=Role.VETTING_OFFICER
    )
    assert _decide(sign_in(Client(), outsider), hit) == HIDDEN
    for persona in ("coordinator", "caseworker", "outsider_coordinator", "auditor"):
        assert _decide(_client(world, persona), hit) == HIDDEN
    assert _decide(Client(), hit) == LOGIN
    assert Hit.objects.get(pk=hit.pk).state == HitState.UNDECIDED
    assert _decide(_client(world, "vetting"), hit) == LOGIN  # back to the case page
    decided = Hit.objects.get(pk=hit.pk)
    assert decided.state == HitState.NOT_SAME
    assert decided.reason == "Seen docs"
    assert AuditEntry.objects.filter(action="vetting.hit_decide").count() == 1


def test_a_hit_of_another_case_is_not_found_through_this_case(world: World) -> None:
    hit = _hit_on_case(world)
    path = f"/vetting/case/{world.unassigned_case.reference}/hits/{hit.pk}/decide"
    answer = _client(world, "vetting").post(path, {"state": "same", "reason": "r"})
    assert answer.status_code == HIDDEN


def test_a_decision_without_a_reason_saves_nothing_and_says_why(world: World) -> None:
    hit = _hit_on_case(world)
    client = _client(world, "vetting")
    path = f"/vetting/case/{hit.case.reference}/hits/{hit.pk}/decide"
    page = client.post(path, {"state": "same", "reason": "  "}, follow=True).content.decode()
    assert "Nothing was saved" in page or "needs a reason" in page
    assert Hit.objects.get(pk=hit.pk).state == HitState.UNDECIDED


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "en",
            ["Screening", "Listed person", "the same name in another spelling", "Not this person"],
        ),
        ("ru", ["Скрининг", "Лицо из списка", "то же имя в другом написании", "Это не он"]),
        (
            "fr",
            [
                "Filtrage",
                "Personne listée",
                "le même nom dans une autre graphie",
                "Ce n&#x27;est pas lui",
            ],
        ),
    ],
)
def test_the_panel_shows_the_hit_explained_in_the_reader_language(
    world: World, language: str, texts: list[str]
) -> None:
    hit = _hit_on_case(world)
    client = _client(world, "vetting")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/cases/{hit.case.reference}").content.decode()
    for text in [*texts, "Чувиляев Александр Петрович", "1990-04-12", "test-list v1"]:
        assert text in page, text


def test_the_panel_is_not_shown_to_a_caseworker(world: World) -> None:
    hit = _hit_on_case(world)
    hit.case.assignees.add(world.users["caseworker"])
    page = _client(world, "caseworker").get(f"/cases/{hit.case.reference}").content.decode()
    assert "Чувиляев" not in page
    assert "screening-heading" not in page


def test_the_sign_off_page_says_why_recommended_is_refused(world: World) -> None:
    hit = _hit_on_case(world)
    client = _client(world, "vetting")
    page = client.post(
        f"/cases/{hit.case.reference}/signoff",
        {"outcome": "recommended", "note": "fine"},
        follow=True,
    ).content.decode()
    assert "1 screening hit is undecided." in page


def test_the_queue_lists_cases_with_undecided_hits_of_the_own_organisation(world: World) -> None:
    hit = _hit_on_case(world)
    other = new_case(world.other_org, "Sasha Czuwiliajew", BORN)
    run_worker()
    page = _client(world, "vetting").get("/vetting/queue").content.decode()
    assert hit.case.reference in page
    assert other.reference not in page
    Hit.objects.filter(pk=hit.pk).update(state=HitState.NOT_SAME)
    page = _client(world, "vetting").get("/vetting/queue").content.decode()
    assert hit.case.reference not in page


GOOD_CSV = "id,name,aliases,birth_date\nL1,Ivanov Ivan,Иванов Иван,1980-01-01\nL2,Petrov Pyotr,,\n"


def _upload(client: Client, content: str, name: str = "demo-list") -> str:
    upload = SimpleUploadedFile("list.csv", content.encode("utf-8"), content_type="text/csv")
    data = {
        "name": name,
        "file": upload,
        "source": "https://example.org/list",
        "licence": "CC BY 4.0",
    }
    return client.post("/vetting/lists/import", data, follow=True).content.decode()


def test_a_coordinator_imports_a_list_version(world: World) -> None:
    page = _upload(_client(world, "coordinator"), GOOD_CSV)
    assert "Imported version 1 with 2 persons." in page
    version = ListVersion.objects.get()
    assert version.licence == "CC BY 4.0"
    assert ListedEntity.objects.filter(version=version).count() == 2
    assert AuditEntry.objects.filter(action="vetting.list_import").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (GOOD_CSV + "L3,Sidorov\n", "line 4: expected 4 columns, found 2"),
        ("id,name\nL1,\n", "line 2: a row without an id or a name"),
        ("id,name\nL1,A B\nL1,C D\n", "line 3: this entity id appears twice"),
        (
            '{"id": "P1", "schema": "Person", "properties": {"name": ["A B"]}}\n{"id": "P2", "sch',
            "line 2: not valid JSON",
        ),
        ("id,name,birth_date\nL1,A B,1980-13-40\n", "line 2: a birth date that cannot be read"),
    ],
)
def test_a_malformed_or_truncated_file_imports_nothing_and_names_the_line(
    world: World, content: str, expected: str
) -> None:
    page = _upload(_client(world, "coordinator"), content)
    assert "Nothing was imported" in page
    assert expected in page
    assert not ListVersion.objects.exists()
    assert not ListedEntity.objects.exists()


def test_a_malformed_file_is_refused_in_russian(world: World) -> None:
    client = _client(world, "coordinator")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = _upload(client, "id,name\nL1,A B\nL1,C D\n")
    assert "строка 3" in page
    assert "Ничего не импортировано" in page


def test_a_bad_list_name_is_refused(world: World) -> None:
    page = _upload(_client(world, "coordinator"), GOOD_CSV, name="Bad Name!")
    assert "lower-case letters" in page
    assert not ListVersion.objects.exists()


def test_removing_a_version_is_audited_and_shown(world: World) -> None:
    version = import_sample()
    client = _client(world, "outsider_coordinator")  # lists are coalition-wide
    page = client.post(f"/vetting/lists/{version.pk}/remove", follow=True).content.decode()
    assert "removed" in page
    assert ListVersion.objects.get().removed_at is not None
    assert AuditEntry.objects.filter(action="vetting.list_remove").exists()


def test_web_pages_never_build_the_screening_index(world: World) -> None:
    from safepassage.apps.vetting import screening

    hit = _hit_on_case(world)
    screening.drop_held_index()
    _client(world, "vetting").get(f"/cases/{hit.case.reference}")
    _client(world, "vetting").get("/vetting/queue")
    _client(world, "coordinator").get("/vetting/lists/")
    assert screening._HELD is None


def test_the_panel_says_how_many_more_fit_and_asks_for_a_birth_date(world: World) -> None:
    from .vetting_helpers import listed

    import_sample([listed(f"N{i}", "Ivanov Ivan") for i in range(30)])
    case = new_case(world.org, "Иванов Иван")
    run_worker()
    assert Hit.objects.filter(case=case).count() == 25  # the screener's limit
    page = _client(world, "vetting").get(f"/cases/{case.reference}").content.decode()
    assert "5 more listed persons fit this name; a birth date narrows it down." in page


def test_the_start_page_lists_hits_waiting_for_a_vetting_officer(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Чувиляев Александр Петрович", datetime.date(1990, 4, 12))
    quiet = new_case(world.org, "Сидоров Пётр", datetime.date(1970, 5, 5))
    run_worker()
    page = sign_in(Client(), world.users["vetting"]).get("/").content.decode()
    assert "Screening hits and signals to decide" in page
    assert case.reference in page
    assert quiet.reference not in page
    caseworker_page = sign_in(Client(), world.users["caseworker"]).get("/").content.decode()
    assert "Screening hits and signals to decide" not in caseworker_page
