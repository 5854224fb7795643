"""Deadlines in the caseworker's language, and the event details that move the date.

A caseworker reads rule titles and the step-by-step working in Russian or French on the
case page, the deadlines page and through the API, with no internal id; the court's
seat, the manner of notice, the OQTF's track and the claim date change the computed
date; a detail the procedure does not know gets a clear message and saves nothing.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.procedure import (
    EventDateRefused,
    EventDetails,
    record_event,
    record_suspension,
)
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Deadline, ProcedureEvent

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db
D = datetime.date
INTERNAL = ("fr.cnda_appeal", "fr.cnda_legal_aid_window", "ofpra_decision_notified")


@pytest.fixture
def french(world: World) -> World:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    return world


@pytest.fixture
def german(world: World) -> World:
    set_pathway(world.case, Pathway.DE_ASYLUM, actor=world.users["coordinator"])
    return world


def _in(language: str, client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _deadline(world: World, rule_id: str) -> Deadline:
    return Deadline.objects.get(case=world.case, rule_id=rule_id)


@pytest.mark.parametrize(
    ("language", "title", "working"),
    [
        ("ru", "Жалоба в CNDA на решение OFPRA", "Вручено решение OFPRA: 2 марта 2026 г."),
        ("fr", "Recours devant la CNDA contre la décision de l&#x27;OFPRA",
         "Notification de la décision de l&#x27;OFPRA : 2 mars 2026"),
    ],
)  # fmt: skip
def test_case_page_shows_titles_and_working_in_the_language(
    french: World, language: str, title: str, working: str
) -> None:
    """The case page's deadline titles, working and events are translated; no id shows."""
    record_event(french.case, "ofpra_decision_notified", D(2026, 3, 2), actor_id=1)
    client = _in(language, sign_in(Client(), french.users["caseworker"]))
    page = client.get(f"/cases/{french.case.reference}").content.decode()
    assert title in page
    assert working in page
    visible = re.sub(r"<[^>]*>", " ", page)  # option values are codes, never shown
    for code in INTERNAL:
        assert code not in visible


def test_deadlines_page_in_french(french: World) -> None:
    """The upcoming-deadlines page names each deadline in French."""
    record_event(french.case, "atda_issued", datetime.date.today(), actor_id=1)
    client = _in("fr", sign_in(Client(), french.users["caseworker"]))
    page = client.get("/cases/deadlines?days=90").content.decode()
    assert "Introduire la demande complète auprès de l&#x27;OFPRA" in page
    assert "fr.ofpra_filing" not in re.sub(r"<[^>]*>", " ", page)


def _api(world: World, language: str) -> tuple[Client, dict[str, str]]:
    membership = Membership.objects.filter(user=world.users["caseworker"]).first()
    assert membership is not None
    token = issue_token(membership, "test")
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": language}
    return Client(), headers


def _post(world: World, language: str, body: dict[str, Any]) -> Any:
    client, headers = _api(world, language)
    return client.post(
        f"/api/v1/cases/{world.case.reference}/events",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


@pytest.mark.parametrize(
    ("language", "title", "line"),
    [
        ("ru", "Обжаловать решение о передаче по Дублинскому регламенту",
         "7 дней → 13 марта 2026 г."),
        ("fr", "Contester une décision de transfert Dublin", "7 jours → 13 mars 2026"),
        ("en", "Challenge a Dublin transfer decision", "7 days → 13 March 2026"),
    ],
)  # fmt: skip
def test_api_answers_in_the_request_language(
    french: World, language: str, title: str, line: str
) -> None:
    """DeadlineOut's title and working follow Accept-Language; 6 March 2026 → 13 March."""
    response = _post(
        french, language, {"trigger": "dublin_transfer_notified", "occurred_on": "2026-03-06"}
    )
    assert response.status_code == 200
    (dublin,) = [d for d in response.json() if d["rule_id"] == "fr.dublin_appeal"]
    assert dublin["act_by"] == "2026-03-13"
    assert dublin["title"] == title
    assert line in dublin["working"]
    assert not any("dublin_transfer_notified" in text for text in dublin["working"])
    client, headers = _api(french, language)
    listed = client.get("/api/v1/deadlines?days=365", headers=headers).json()
    assert {d["title"] for d in listed if d["rule_id"] == "fr.dublin_appeal"} == {title}


def test_alsace_moselle_good_friday_moves_the_due_date(french: World) -> None:
    """One month from 3 March 2026 ends on Good Friday: a Strasbourg court's next working
    day is Tuesday 7 April; elsewhere 3 April stands. Act-by stays 3 April (unverified)."""
    details = EventDetails(track="l911_1", court_seat="FR-67")
    record_event(french.case, "oqtf_notified", D(2026, 3, 3), actor_id=1, details=details)
    challenge = _deadline(french, "fr.oqtf_challenge")
    assert (challenge.due, challenge.act_by) == (D(2026, 4, 7), D(2026, 4, 3))
    ProcedureEvent.objects.filter(case=french.case).delete()
    details = EventDetails(track="l911_1", court_seat="FR-METRO")
    record_event(french.case, "oqtf_notified", D(2026, 3, 3), actor_id=1, details=details)
    assert _deadline(french, "fr.oqtf_challenge").due == D(2026, 4, 3)


def test_a_land_holiday_moves_the_due_date(german: World) -> None:
    """Two weeks from 21 May 2026 end on Corpus Christi, a holiday at a Bavarian court."""
    bavaria = EventDetails(court_seat="DE-BY")
    record_event(german.case, "bamf_decision_served", D(2026, 5, 21), actor_id=1, details=bavaria)
    assert _deadline(german, "de.asylum_appeal").due == D(2026, 6, 5)
    ProcedureEvent.objects.filter(case=german.case).delete()
    hamburg = EventDetails(court_seat="DE-HH")
    record_event(german.case, "bamf_decision_served", D(2026, 5, 21), actor_id=1, details=hamburg)
    assert _deadline(german, "de.asylum_appeal").due == D(2026, 6, 4)


def test_track_choice_through_the_page(french: World) -> None:
    """Without a track the OQTF challenge is the 48-hour reading; the one-month track on the
    form gives 2 April."""
    client = sign_in(Client(), french.users["caseworker"])
    ref = french.case.reference
    form = {"trigger": "oqtf_notified", "occurred_on": "2026-03-02"}
    assert client.post(f"/cases/{ref}/events", form).status_code == 302
    assert _deadline(french, "fr.oqtf_challenge").act_by == D(2026, 3, 3)
    ProcedureEvent.objects.filter(case=french.case).delete()
    client.post(f"/cases/{ref}/events", {**form, "track": "l911_1", "court_seat": "FR-67"})
    event = ProcedureEvent.objects.get(case=french.case)
    assert (event.track, event.court_seat) == ("l911_1", "FR-67")
    assert _deadline(french, "fr.oqtf_challenge").act_by == D(2026, 4, 2)
    assert _deadline(french, "fr.oqtf_departure").act_by == D(2026, 4, 1)


def test_claim_date_and_notice_through_the_api(french: World) -> None:
    """A claim made before the Pact keeps 18 months; a portal posting counts 15 days later."""
    response = _post(french, "en", {
        "trigger": "dublin_request_accepted", "occurred_on": "2026-07-01",
        "claim_date": "2026-05-01",
    })  # fmt: skip
    assert response.status_code == 200
    assert _deadline(french, "fr.dublin_transfer_period_absconded").act_by == D(2028, 1, 1)
    response = _post(french, "en", {
        "trigger": "ofpra_decision_notified", "occurred_on": "2026-03-02",
        "notified_by": "portal_posted_not_viewed",
    })  # fmt: skip
    assert response.status_code == 200
    cnda = _deadline(french, "fr.cnda_appeal")
    assert (cnda.due, cnda.act_by) == (D(2026, 4, 20), D(2026, 4, 2))


def test_lawyer_notified_later_moves_the_cnda_date(french: World) -> None:
    """The suspension form's lawyer date restarts the clock from the later notification."""
    record_event(french.case, "ofpra_decision_notified", D(2026, 3, 2), actor_id=1)
    client = sign_in(Client(), french.users["caseworker"])
    client.post(
        f"/cases/{french.case.reference}/suspensions",
        {"requested_on": "2026-03-10", "decided_on": "2026-04-20",
         "lawyer_notified_on": "2026-04-22"},
    )  # fmt: skip
    cnda = _deadline(french, "fr.cnda_appeal")
    assert (cnda.due, cnda.act_by) == (D(2026, 5, 18), D(2026, 5, 13))
    assert french.case.suspensions.get().lawyer_notified_on == D(2026, 4, 22)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"court_seat": "DE-BY"}, "That court seat is not one of this country's."),
        ({"notified_by": "asylg_10_post"}, "That manner of notice is not one of this country's."),
        ({"track": "l921_1"}, "That procedure track does not apply to this event."),
        ({"claim_date": "2031-01-01"}, "An event cannot be in the future."),
    ],
)
def test_api_refuses_unknown_details_and_saves_nothing(
    french: World, body: dict[str, str], message: str
) -> None:
    """A detail the French procedure does not know: 422 with a sentence, nothing saved."""
    response = _post(french, "en", {"trigger": "atda_issued", "occurred_on": "2026-03-02", **body})
    assert response.status_code == 422
    assert response.json()["detail"] == message
    assert not ProcedureEvent.objects.filter(case=french.case).exists()
    assert not Deadline.objects.filter(case=french.case).exists()


def test_api_refusal_in_russian(french: World) -> None:
    """The refusal is in the request's language too."""
    body = {"trigger": "atda_issued", "occurred_on": "2026-03-02", "court_seat": "DE-BY"}
    response = _post(french, "ru", body)
    assert response.json()["detail"] == "Такого места суда нет в этой стране."


def test_page_refuses_a_track_of_another_event(french: World) -> None:
    """The page says why, in French, and records nothing."""
    client = _in("fr", sign_in(Client(), french.users["caseworker"]))
    response = client.post(
        f"/cases/{french.case.reference}/events",
        {"trigger": "atda_issued", "occurred_on": "2026-03-02", "track": "l921_1"},
        follow=True,
    )
    assert "Cette procédure ne s&#x27;applique pas à cet événement." in response.content.decode()
    assert not ProcedureEvent.objects.filter(case=french.case).exists()


def test_lawyer_before_the_request_is_refused(french: World) -> None:
    """A lawyer notified before the request is a typo: refused, nothing saved."""
    record_event(french.case, "ofpra_decision_notified", D(2026, 3, 2), actor_id=1)
    with pytest.raises(EventDateRefused):
        record_suspension(
            french.case, D(2026, 3, 10), D(2026, 4, 20), actor_id=1,
            lawyer_notified_on=D(2026, 3, 1),
        )  # fmt: skip
    assert not french.case.suspensions.exists()


def test_lawyer_notified_before_the_applicant_is_recorded_gives_an_act_by(
    french: World,
) -> None:
    """With only the lawyer's notice recorded the clock may already run again: the page
    shows the act-by date, and says the rule's own reading is still suspended."""
    record_event(french.case, "ofpra_decision_notified", D(2026, 3, 2), actor_id=1)
    client = sign_in(Client(), french.users["caseworker"])
    client.post(
        f"/cases/{french.case.reference}/suspensions",
        {"requested_on": "2026-03-10", "lawyer_notified_on": "2026-04-20"},
    )
    cnda = _deadline(french, "fr.cnda_appeal")
    assert (cnda.due, cnda.act_by) == (None, D(2026, 5, 13))
    page = client.get(f"/cases/{french.case.reference}").content.decode()
    row = re.search(r"<strong>2026-05-13</strong>(.*?)</td>", page, re.S)
    assert row is not None
    assert "rule read as" not in row.group(1)
    assert "suspended" in row.group(1)
