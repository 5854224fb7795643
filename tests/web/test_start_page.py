"""The start page per role: what needs me today (my missed check-ins, deadlines in the next
7 days with the person's name), through a hook that apps above cases can also use."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext_lazy

from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.procedure import record_event
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Deadline, PersonName
from safepassage.apps.cases.today import TodayItem, register_today, unregister_today
from safepassage.apps.safety.actions import set_schedule
from safepassage.apps.safety.models import CheckInSchedule

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(world: World) -> World:
    PersonName.objects.create(case=world.case, kind="legal", full_name="Чувиляев Иван")
    set_schedule(world.case, interval_hours=24, grace_hours=6, actor=None)
    past = timezone.now() - datetime.timedelta(hours=40)
    CheckInSchedule.objects.filter(case=world.case).update(started_at=past, last_check_in_at=past)
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    record_event(world.case, "atda_issued", datetime.date.today(), actor_id=1)
    soon, later = list(Deadline.objects.filter(case=world.case))[:2]
    today = datetime.date.today()
    Deadline.objects.filter(pk=soon.pk).update(act_by=today + datetime.timedelta(days=3))
    Deadline.objects.filter(pk=later.pk).update(act_by=today + datetime.timedelta(days=20))
    Deadline.objects.exclude(pk__in=[soon.pk, later.pk]).update(act_by=None)
    return world


def _home(world: World, persona: str) -> str:
    return sign_in(Client(), world.users[persona]).get("/").content.decode()


def test_the_caseworker_sees_their_missed_check_in_and_the_deadline_with_the_name(
    busy: World,
) -> None:
    page = _home(busy, "caseworker")
    assert "What needs you today" in page
    assert "Missed check-ins" in page
    assert "Deadlines in the next 7 days" in page
    assert busy.case.reference in page
    assert page.count("Чувиляев Иван") >= 2
    in_three = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    in_twenty = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
    assert in_three in page
    assert in_twenty not in page


def test_each_role_sees_only_what_it_looks_after(busy: World) -> None:
    assert busy.case.reference in _home(busy, "coordinator")
    for persona in ("colleague", "vetting", "auditor", "trustee", "outsider_coordinator"):
        page = _home(busy, persona)
        assert busy.case.reference not in page, persona
        assert "Nothing is waiting for you today." in page


def test_a_higher_app_adds_its_items_through_the_hook(busy: World) -> None:
    def findings(access: object, now: datetime.datetime) -> list[TodayItem]:
        return [TodayItem(reference=busy.case.reference, what="A screening hit to review")]

    register_today("findings", gettext_lazy("Hits and findings"), findings, order=5)
    try:
        page = _home(busy, "vetting")
        assert "Hits and findings" in page
        assert "A screening hit to review" in page
    finally:
        unregister_today("findings")
    assert "Hits and findings" not in _home(busy, "vetting")


def test_a_calm_day_says_so(world: World) -> None:
    assert "Nothing is waiting for you today." in _home(world, "caseworker")
