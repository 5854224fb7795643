"""The worker reminds assigned caseworkers of deadlines due soon, once each."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safepassage.apps.cases.lifecycle.actions import set_pathway
from safepassage.apps.cases.lifecycle.procedure import record_event
from safepassage.apps.cases.lifecycle.stages import Pathway
from safepassage.apps.cases.models import Deadline, Notification
from safepassage.apps.jobs.registry import load_jobs
from safepassage.cli import main

from .conftest import World

pytestmark = pytest.mark.django_db


def _run_reminders() -> int:
    job = next(j for j in load_jobs() if j.name == "remind_deadlines")
    return job.run(timezone.now())


def test_deadline_due_soon_reminds_the_caseworker_once(world: World) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    # ATDA issued 18 days ago: the 21-day filing deadline is 3 days away.
    record_event(
        world.case, "atda_issued", timezone.now().date() - datetime.timedelta(days=18), actor_id=1
    )
    sent = _run_reminders()
    assert sent >= 1
    assert Notification.objects.filter(
        user=world.users["caseworker"], kind="deadline_due", case=world.case
    ).exists()
    assert _run_reminders() == 0  # never twice
    assert not Notification.objects.filter(user=world.users["coordinator"]).exists()


def test_far_deadlines_and_met_ones_are_not_reminded(world: World) -> None:
    set_pathway(world.case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    record_event(world.case, "atda_issued", timezone.now().date(), actor_id=1)
    filing = Deadline.objects.get(case=world.case, rule_id="fr.ofpra_filing")
    Deadline.objects.exclude(pk=filing.pk).update(met_at=timezone.now())
    assert _run_reminders() == 0


def test_unassigned_case_reminds_its_coordinators(world: World) -> None:
    case = world.unassigned_case
    set_pathway(case, Pathway.FR_ASYLUM_VISA, actor=world.users["coordinator"])
    record_event(
        case, "atda_issued", timezone.now().date() - datetime.timedelta(days=30), actor_id=1
    )
    _run_reminders()
    assert Notification.objects.filter(user=world.users["coordinator"], case=case).exists()
    assert not Notification.objects.filter(user=world.users["outsider_coordinator"]).exists()


def test_worker_command_runs_the_reminder_job(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["worker"]) == 0
    assert "remind_deadlines" in capsys.readouterr().out
