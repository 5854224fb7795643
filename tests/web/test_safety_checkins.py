"""Safety check-ins end to end: schedule, check in, miss, escalate once, clear."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Notification
from safepassage.apps.safety.actions import record_check_in, set_schedule
from safepassage.apps.safety.models import CheckIn, CheckInSchedule
from safepassage.cli import main

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _run_worker(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["worker"]) == 0
    return capsys.readouterr().out


def _miss(schedule: CheckInSchedule, hours: int) -> None:
    """Time travel: the last check-in was ``hours`` ago."""
    past = timezone.now() - datetime.timedelta(hours=hours)
    CheckInSchedule.objects.filter(pk=schedule.pk).update(started_at=past, last_check_in_at=past)


def test_caseworker_starts_a_schedule_and_checks_in_from_the_case_page(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert "Start check-ins" in page
    response = client.post(
        f"/safety/case/{world.case.reference}/schedule",
        {"interval_hours": "48", "grace_hours": "12"},
    )
    assert response.status_code == 302
    schedule = CheckInSchedule.objects.get(case=world.case)
    assert (schedule.interval_hours, schedule.grace_hours, schedule.active) == (48, 12, True)
    assert client.post(f"/safety/case/{world.case.reference}/check-in").status_code == 302
    check_in = CheckIn.objects.get(case=world.case)
    assert check_in.actor_id == world.users["caseworker"].pk
    schedule.refresh_from_db()
    assert schedule.last_check_in_at == check_in.at
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert "He checked in now" in page
    assert "On time" in page
    assert AuditEntry.objects.filter(action="safety.check_in", target_ref=world.case.reference)


def test_missed_check_in_escalates_to_coordinators_once_and_a_check_in_clears_it(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    schedule = set_schedule(world.case, interval_hours=48, grace_hours=12, actor=None)
    _miss(schedule, 50)  # late, within grace
    assert "escalate_missed_check_ins: 0" in _run_worker(capsys)
    assert not Notification.objects.exists()

    _miss(schedule, 61)  # beyond grace
    assert "escalate_missed_check_ins: 1" in _run_worker(capsys)
    notified = Notification.objects.filter(kind="check_in_escalated", case=world.case)
    assert [n.user for n in notified.all()] == [world.users["coordinator"]]
    assert "escalate_missed_check_ins: 0" in _run_worker(capsys)  # not twice
    assert notified.count() == 1
    entry = AuditEntry.objects.get(action="safety.check_in_escalated")
    assert entry.target_ref == world.case.reference
    assert entry.detail == {"notified": 1}

    record_check_in(world.case, actor=world.users["caseworker"])
    schedule.refresh_from_db()
    assert schedule.escalated_at is None
    _miss(schedule, 70)  # missed again: a new period, a new escalation
    assert "escalate_missed_check_ins: 1" in _run_worker(capsys)
    assert notified.count() == 2


def test_overdue_list_per_role(world: World) -> None:
    late = set_schedule(world.case, interval_hours=24, grace_hours=6, actor=None)
    _miss(late, 40)
    other = set_schedule(world.other_case, interval_hours=24, grace_hours=6, actor=None)
    _miss(other, 40)
    set_schedule(world.unassigned_case, interval_hours=24, grace_hours=6, actor=None)  # on time

    def listed(persona: str) -> str:
        return sign_in(Client(), world.users[persona]).get("/safety/check-ins").content.decode()

    coordinator = listed("coordinator")
    assert world.case.reference in coordinator
    assert "Missed, escalated" in coordinator
    assert world.other_case.reference not in coordinator
    assert world.unassigned_case.reference not in coordinator  # on time, not overdue
    assert world.case.reference in listed("caseworker")
    assert world.case.reference not in listed("colleague")
    outsider = listed("outsider_caseworker")
    assert world.other_case.reference in outsider
    assert world.case.reference not in outsider


@pytest.mark.parametrize(
    "form",
    [
        {"interval_hours": "-4", "grace_hours": "12"},
        {"interval_hours": "0", "grace_hours": "12"},
        {"interval_hours": "48", "grace_hours": "-1"},
        {"interval_hours": "many", "grace_hours": "12"},
        {"grace_hours": "12"},
    ],
)
def test_bad_schedule_input_gets_a_message_and_writes_nothing(world: World, form: dict) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    before = AuditEntry.objects.count()
    response = client.post(f"/safety/case/{world.case.reference}/schedule", form, follow=True)
    assert response.status_code == 200
    assert "Nothing was saved." in response.content.decode()
    assert not CheckInSchedule.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="safety.").exists()
    assert AuditEntry.objects.count() >= before


def test_check_in_without_a_schedule_is_refused_with_a_message(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(f"/safety/case/{world.case.reference}/check-in", follow=True)
    assert "no active check-in schedule" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_stopping_a_schedule_ends_escalations(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    schedule = set_schedule(world.case, interval_hours=24, grace_hours=1, actor=None)
    _miss(schedule, 30)
    client = sign_in(Client(), world.users["coordinator"])
    client.post(f"/safety/case/{world.case.reference}/schedule", {"stop": "1"})
    schedule.refresh_from_db()
    assert not schedule.active
    assert "escalate_missed_check_ins: 0" in _run_worker(capsys)
    assert not Notification.objects.exists()


def test_attention_page_shows_own_notifications_and_marks_them_read(world: World) -> None:
    coordinator, auditor = world.users["coordinator"], world.users["auditor"]
    mine = Notification.objects.create(user=coordinator, kind="check_in_escalated", case=world.case)
    theirs = Notification.objects.create(user=auditor, kind="check_in_escalated")
    client = sign_in(Client(), coordinator)
    assert "1 thing needs your attention" in client.get("/").content.decode()
    page = client.get("/safety/attention/").content.decode()
    assert world.case.reference in page
    assert client.post(f"/safety/attention/{theirs.pk}/read").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.post(f"/safety/attention/{mine.pk}/read").status_code == 302
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert "needs your attention" not in client.get("/").content.decode()
    sign_in(Client(), auditor).post("/safety/attention/read")
    theirs.refresh_from_db()
    assert theirs.read_at is not None
