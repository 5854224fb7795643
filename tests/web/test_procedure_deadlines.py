"""Procedure events start deadlines with the rule version applied; the deadlines view."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.procedure import record_event, record_suspension
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Deadline

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(world: World) -> World:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    return world


def test_atda_starts_the_21_day_ofpra_clock(french: World) -> None:
    # Issued Monday 2 March 2026: the 21st day is Monday 23 March.
    record_event(french.case, "atda_issued", datetime.date(2026, 3, 2), actor_id=1)
    filing = Deadline.objects.get(case=french.case, rule_id="fr.ofpra_filing")
    assert filing.act_by == datetime.date(2026, 3, 23)
    assert filing.rule_effective_from <= datetime.date(2026, 3, 2)
    assert filing.data_version
    assert any("21" in step["text"] for step in filing.steps)


def test_cnda_clock_is_suspended_by_legal_aid_and_resumes(french: World) -> None:
    case = french.case
    record_event(case, "ofpra_decision_notified", datetime.date(2026, 3, 2), actor_id=1)
    plain = Deadline.objects.get(case=case, rule_id="fr.cnda_appeal").act_by
    record_suspension(case, datetime.date(2026, 3, 10), None, actor_id=1)
    open_suspension = Deadline.objects.get(case=case, rule_id="fr.cnda_appeal")
    assert open_suspension.state == "suspended"
    assert open_suspension.act_by is None
    case.suspensions.all().delete()
    record_suspension(case, datetime.date(2026, 3, 10), datetime.date(2026, 4, 20), actor_id=1)
    resumed = Deadline.objects.get(case=case, rule_id="fr.cnda_appeal").act_by
    assert resumed is not None
    assert plain is not None
    assert resumed > plain


def test_changing_pathway_drops_deadlines_of_the_old_procedure(french: World) -> None:
    record_event(french.case, "atda_issued", datetime.date(2026, 3, 2), actor_id=1)
    assert Deadline.objects.filter(case=french.case).exists()
    set_pathway(french.case, Pathway.DE_SECTION_22, actor=french.users["coordinator"])
    assert not Deadline.objects.filter(case=french.case).exists()


def test_event_form_through_the_page(french: World) -> None:
    client = sign_in(Client(), french.users["caseworker"])
    ref = french.case.reference
    response = client.post(
        f"/cases/{ref}/events", {"trigger": "atda_issued", "occurred_on": "2026-03-02"}
    )
    assert response.status_code == 302
    page = client.get(f"/cases/{ref}").content.decode()
    assert "2026-03-23" in page
    bad = client.post(
        f"/cases/{ref}/events", {"trigger": "made_up", "occurred_on": "x"}, follow=True
    )
    assert "Select a valid choice" in bad.content.decode()
    assert (
        Deadline.objects.filter(case=french.case).count()
        == Deadline.objects.filter(case=french.case, event__trigger="atda_issued").count()
    )


def test_deadlines_view_per_caseworker_and_organisation(french: World) -> None:
    today = datetime.date.today()
    record_event(french.case, "atda_issued", today - datetime.timedelta(days=5), actor_id=1)
    set_pathway(french.unassigned_case, Pathway.FR_ASYLUM_VISA, actor=french.users["coordinator"])
    record_event(french.unassigned_case, "atda_issued", today, actor_id=1)
    mine = sign_in(Client(), french.users["caseworker"]).get("/cases/deadlines").content.decode()
    assert french.case.reference in mine
    assert french.unassigned_case.reference not in mine
    org = sign_in(Client(), french.users["coordinator"]).get("/cases/deadlines").content.decode()
    assert french.unassigned_case.reference in org
    other = sign_in(Client(), french.users["outsider_coordinator"]).get("/cases/deadlines")
    assert french.case.reference not in other.content.decode()
    assert sign_in(Client(), french.users["vetting"]).get("/cases/deadlines").status_code == 403


def test_deadlines_view_works_while_sealed(french: World) -> None:
    from safepassage.apps.vault import keystore

    record_event(french.case, "atda_issued", datetime.date.today(), actor_id=1)
    keystore.drop()
    page = sign_in(Client(), french.users["caseworker"]).get("/cases/deadlines")
    assert page.status_code == 200
    assert french.case.reference in page.content.decode()


def test_marking_a_deadline_done_hides_it(french: World) -> None:
    record_event(french.case, "atda_issued", datetime.date.today(), actor_id=1)
    deadline = Deadline.objects.filter(case=french.case).first()
    assert deadline is not None
    client = sign_in(Client(), french.users["caseworker"])
    client.post(f"/cases/{french.case.reference}/deadlines/{deadline.pk}/met")
    deadline.refresh_from_db()
    assert deadline.met_at is not None
    outsider = sign_in(Client(), french.users["outsider_coordinator"])
    assert (
        outsider.post(f"/cases/{french.case.reference}/deadlines/{deadline.pk}/met").status_code
        == 404
    )
