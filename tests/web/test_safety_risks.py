"""The host-country risk register: a rise flags exactly the open cases in that country."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Case, Notification
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.safety.actions import Assessment, record_assessment
from safepassage.apps.safety.flagging import flag_cases_for_risk_rise
from safepassage.apps.safety.models import CaseFlag, CountryRisk, Flagging
from safepassage.apps.vault import keystore
from safepassage.cli import main

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

SOURCE = "https://example.org/report"
DAY = datetime.date(2026, 1, 10)


def _assess(country: str, rating: str, on: datetime.date = DAY) -> CountryRisk:
    return record_assessment(Assessment(country, rating, on, [SOURCE], "test"), actor=None)


def _case(world: World, country: str, stage: str = "third_country", other: bool = False) -> Case:
    org = world.other_org if other else world.org
    data = NewCase(legal_name="Иван Тестов", country=country, stage=stage)
    assignee = world.users["outsider_caseworker" if other else "caseworker"]
    return create_case(org, data, actor=None, assign_to=[assignee])


def _worker(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["worker"]) == 0
    return capsys.readouterr().out


@pytest.fixture
def cases(world: World) -> dict[str, Case]:
    return {
        "kz_open": _case(world, "KZ"),
        "kz_intake": _case(world, "KZ", stage="intake"),
        "kz_other_org": _case(world, "KZ", other=True),
        "kz_closed": _case(world, "KZ", stage="closed"),
        "kz_protected": _case(world, "KZ", stage="protected"),
        "kz_excluded": _case(world, "KZ", stage="excluded"),
        "am_open": _case(world, "AM"),
    }


def _flagged() -> set[str]:
    return set(CaseFlag.objects.values_list("case__reference", flat=True))


def test_a_rise_flags_exactly_the_open_cases_in_that_country(
    world: World, cases: dict[str, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    _assess("KZ", "high", datetime.date(2022, 10, 1))
    rise = _assess("KZ", "very_high")
    assert rise.flagging == Flagging.PENDING
    assert rise.previous_rating == "high"
    assert not CaseFlag.objects.exists()  # the click only records; the worker flags
    assert "flag_cases_after_risk_rise: 3" in _worker(capsys)
    expected = {cases[k].reference for k in ("kz_open", "kz_intake", "kz_other_org")}
    assert _flagged() == expected
    rise.refresh_from_db()
    assert (rise.flagging, rise.flagged_cases) == (Flagging.DONE, 3)
    flag = CaseFlag.objects.get(case=cases["kz_open"])
    assert flag.reason == {
        "assessment": rise.pk,
        "country": "KZ",
        "from": "high",
        "to": "very_high",
    }
    assert Notification.objects.filter(kind="case_flagged", user=world.users["caseworker"]).count()
    # No country and no assessment id next to a case reference in the audit trail.
    for entry in AuditEntry.objects.filter(action="safety.flag_raise"):
        assert entry.detail == {"kind": "country_risk_rose"}
    assert "flag_cases_after_risk_rise: 0" in _worker(capsys)  # nothing twice
    assert flag_cases_for_risk_rise("KZ", rise) == 0


@pytest.mark.parametrize("second", ["high", "elevated", "low"])
def test_an_equal_or_lower_rating_flags_nothing(
    world: World, cases: dict[str, Case], capsys: pytest.CaptureFixture[str], second: str
) -> None:
    _assess("KZ", "high", datetime.date(2022, 10, 1))
    row = _assess("KZ", second)
    assert row.flagging == Flagging.NONE
    _worker(capsys)
    assert not CaseFlag.objects.exists()


def test_a_first_or_backdated_assessment_flags_nothing(
    world: World, cases: dict[str, Case]
) -> None:
    assert _assess("KZ", "very_high").flagging == Flagging.NONE  # nothing to rise from
    older = _assess("AM", "low")
    backdated = _assess("AM", "very_high", datetime.date(2020, 1, 1))
    assert backdated.flagging == Flagging.NONE  # history, not the current rating
    assert CountryRisk.objects.current()["AM"] == older


def test_worker_skips_jobs_that_need_keys_while_sealed(
    world: World, cases: dict[str, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    _assess("KZ", "high", datetime.date(2022, 10, 1))
    rise = _assess("KZ", "very_high")
    keystore.drop()
    out = _worker(capsys)
    assert "flag_cases_after_risk_rise: skipped, server sealed" in out
    assert "escalate_missed_check_ins: 0" in out  # needs no keys: still runs
    rise.refresh_from_db()
    assert rise.flagging == Flagging.PENDING
    assert not CaseFlag.objects.exists()


def test_coordinator_adds_an_assessment_and_everyone_reads_the_register(world: World) -> None:
    client = sign_in(Client(), world.users["outsider_coordinator"])
    form = {
        "country": "KG",
        "rating": "high",
        "effective_on": "2025-06-01",
        "sources": f"{SOURCE}\n\nhttp://example.net/a",
        "rationale": "Detentions facing deportation.",
    }
    assert client.post("/safety/risks/new", form).status_code == 302
    row = CountryRisk.objects.get()
    assert row.source_list() == [SOURCE, "http://example.net/a"]
    assert row.recorded_by == world.users["outsider_coordinator"]
    page = sign_in(Client(), world.users["trustee"]).get("/safety/risks/").content.decode()
    assert "Kyrgyzstan" in page
    assert "Detentions facing deportation." in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sources", "not a url", "Line 1 is not a web address"),
        ("sources", "https://ok.example/\nftp://files.example/x", "Line 2 is not a web address"),
        ("sources", "javascript:alert(1)", "Line 1 is not a web address"),
        ("sources", "   ", "This field is required."),
        ("country", "QQ", "Select a valid choice"),
        ("country", "XX", "Choose a country from the list."),
        ("rating", "extreme", "Select a valid choice"),
        ("effective_on", "2999-01-01", "no future dates"),
        ("effective_on", "yesterday", "Enter a valid date."),
    ],
)
def test_malformed_assessment_gets_a_clear_message_and_writes_nothing(
    world: World, field: str, value: str, message: str
) -> None:
    form = {
        "country": "KZ",
        "rating": "high",
        "effective_on": "2026-01-01",
        "sources": SOURCE,
        "rationale": "test",
    } | {field: value}
    response = sign_in(Client(), world.users["coordinator"]).post("/safety/risks/new", form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CountryRisk.objects.exists()
    assert not AuditEntry.objects.filter(action="safety.risk_assess").exists()


def test_flag_shows_on_the_case_page_and_is_marked_reviewed(
    world: World, cases: dict[str, Case]
) -> None:
    _assess("KZ", "high", datetime.date(2022, 10, 1))
    flag_cases_for_risk_rise("KZ", _assess("KZ", "very_high"))
    case = cases["kz_open"]
    flag = CaseFlag.objects.get(case=case)
    vetting = sign_in(Client(), world.users["vetting"])
    page = vetting.get(f"/cases/{case.reference}").content.decode()
    assert "review the plan" in page
    assert "Reviewed</button>" not in page
    client = sign_in(Client(), world.users["caseworker"])
    assert "Reviewed</button>" in client.get(f"/cases/{case.reference}").content.decode()
    url = f"/safety/case/{case.reference}/flags/{flag.pk}/reviewed"
    assert vetting.post(url).status_code == 404
    other_url = f"/safety/case/{cases['kz_intake'].reference}/flags/{flag.pk}/reviewed"
    assert client.post(other_url).status_code == 404  # a flag of another case
    assert client.post(url).status_code == 302
    flag.refresh_from_db()
    assert flag.resolved_by_id == world.users["caseworker"].pk
    assert "review the plan" not in client.get(f"/cases/{case.reference}").content.decode()
