"""Who may use each safety route: every persona, another organisation and anonymous.

Case-scoped actions answer 404 for a case the user may not act on, exactly as for a
missing one, and write nothing; pages a role may not use answer 403.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from safepassage.apps.cases.models import Notification
from safepassage.apps.safety.actions import Assessment, raise_flag, record_assessment, set_schedule
from safepassage.apps.safety.models import CaseFlag, CheckIn, CheckInSchedule

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db

_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
ALL = [*list(PERSONAS), "anonymous"]
OK, DENIED, HIDDEN, LOGIN, DONE = 200, 403, 404, "login", "done"

PAGES: dict[str, dict[str, object]] = {
    "/safety/check-ins": dict.fromkeys(PERSONAS, DENIED)
    | {
        "caseworker": OK,
        "colleague": OK,
        "coordinator": OK,
        "outsider_coordinator": OK,
        "outsider_caseworker": OK,
        "anonymous": LOGIN,
    },
    "/safety/risks/": dict.fromkeys(PERSONAS, OK) | {"anonymous": LOGIN},
    "/safety/risks/new": dict.fromkeys(PERSONAS, DENIED)
    | {"coordinator": OK, "outsider_coordinator": OK, "anonymous": LOGIN},
    "/safety/attention/": dict.fromkeys(PERSONAS, OK) | {"anonymous": LOGIN},
}

# Who may act on which case: {case key: personas for whom the POST does its work}.
ACTORS = {
    "case": {"caseworker", "coordinator"},
    "unassigned_case": {"coordinator"},
    "other_case": {"outsider_caseworker", "outsider_coordinator"},
}


def _client(world: World, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        sign_in(client, world.users[persona])
    return client


def _status(response: object) -> object:
    code = response.status_code  # type: ignore[attr-defined]
    if code == 302:
        return LOGIN if response["Location"] == "/login" else DONE  # type: ignore[index]
    return code


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("persona", ALL)
def test_pages_answer_each_persona_as_the_policy_says(
    world: World, path: str, persona: str
) -> None:
    assert _status(_client(world, persona).get(path)) == PAGES[path][persona]


def _expected(persona: str, case_key: str) -> object:
    if persona == "anonymous":
        return LOGIN
    return DONE if persona in ACTORS[case_key] else HIDDEN


@pytest.mark.parametrize("case_key", list(ACTORS))
@pytest.mark.parametrize("persona", ALL)
def test_check_in_per_persona_and_case(world: World, persona: str, case_key: str) -> None:
    case = getattr(world, case_key)
    set_schedule(case, interval_hours=24, grace_hours=2, actor=None)
    response = _client(world, persona).post(f"/safety/case/{case.reference}/check-in")
    expected = _expected(persona, case_key)
    assert _status(response) == expected
    assert CheckIn.objects.filter(case=case).exists() == (expected == DONE)


@pytest.mark.parametrize("case_key", list(ACTORS))
@pytest.mark.parametrize("persona", ALL)
def test_schedule_per_persona_and_case(world: World, persona: str, case_key: str) -> None:
    case = getattr(world, case_key)
    form = {"interval_hours": "24", "grace_hours": "4"}
    response = _client(world, persona).post(f"/safety/case/{case.reference}/schedule", form)
    expected = _expected(persona, case_key)
    assert _status(response) == expected
    assert CheckInSchedule.objects.filter(case=case).exists() == (expected == DONE)


@pytest.mark.parametrize("case_key", list(ACTORS))
@pytest.mark.parametrize("persona", ALL)
def test_flag_resolve_per_persona_and_case(world: World, persona: str, case_key: str) -> None:
    case = getattr(world, case_key)
    assessment = record_assessment(
        Assessment("KZ", "high", world.org.created_at.date(), ["https://example.org/"], "t"),
        actor=None,
    )
    raise_flag(case, assessment)
    flag = CaseFlag.objects.get(case=case)
    url = f"/safety/case/{case.reference}/flags/{flag.pk}/reviewed"
    expected = _expected(persona, case_key)
    assert _status(_client(world, persona).post(url)) == expected
    flag.refresh_from_db()
    assert (flag.resolved_at is not None) == (expected == DONE)


def test_a_missing_case_and_a_forbidden_case_look_the_same(world: World) -> None:
    client = _client(world, "outsider_coordinator")
    forbidden = client.post(f"/safety/case/{world.case.reference}/check-in")
    missing = client.post("/safety/case/SP-ZZZZ-ZZZZ/check-in")
    assert forbidden.status_code == missing.status_code == 404

    def normalise(body: bytes, reference: str) -> bytes:  # the page echoes its own path
        return _CSRF.sub(b"", body.replace(reference.encode(), b"X"))

    assert normalise(forbidden.content, world.case.reference) == normalise(
        missing.content, "SP-ZZZZ-ZZZZ"
    )


def test_nobody_reads_or_marks_another_users_notifications(world: World) -> None:
    note = Notification.objects.create(user=world.users["coordinator"], kind="case_flagged")
    for persona in ("caseworker", "outsider_coordinator", "auditor"):
        client = _client(world, persona)
        assert client.post(f"/safety/attention/{note.pk}/read").status_code == 404
        assert "case was flagged" not in client.get("/safety/attention/").content.decode()
    assert _status(_client(world, "anonymous").post(f"/safety/attention/{note.pk}/read")) == LOGIN
    note.refresh_from_db()
    assert note.read_at is None


def test_case_actions_answer_503_while_sealed_but_the_overdue_list_works(world: World) -> None:
    from safepassage.apps.vault import keystore

    client = _client(world, "caseworker")
    keystore.drop()
    assert client.post(f"/safety/case/{world.case.reference}/check-in").status_code == 503
    assert client.get("/safety/check-ins").status_code == OK
