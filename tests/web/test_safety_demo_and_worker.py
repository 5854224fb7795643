"""The demo safety data, and the worker command's loop and options."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.jobs import registry as jobs
from safepassage.apps.safety.demo import load_safety_demo
from safepassage.apps.safety.models import CaseFlag, CheckInSchedule, CountryRisk
from safepassage.cli import main
from safepassage.cores.procedures.checkins import CheckInState

from .conftest import World

pytestmark = pytest.mark.django_db


def test_demo_gives_schedules_some_overdue_and_a_dated_sourced_register(world: World) -> None:
    for index in range(12):
        stage = "exit" if index % 2 else "third_country"
        create_case(
            world.org, NewCase(legal_name=f"Demo {index}", country="KZ", stage=stage), actor=None
        )
    assert load_safety_demo(random.Random(2026)) > 0
    schedules = list(CheckInSchedule.objects.select_related("case"))
    assert all(s.case.stage in {"exit", "third_country"} for s in schedules)
    now = timezone.now()
    assert any(s.status(now).state == CheckInState.ESCALATE for s in schedules)
    current = CountryRisk.objects.current()
    assert current["KZ"].rating == "very_high"
    assert current["KZ"].previous_rating == "high"
    assert all(row.source_list()[0].startswith("https://") for row in CountryRisk.objects.all())
    assert CaseFlag.objects.count() == 12  # unsealed: the KZ rise is flagged at once
    assert load_safety_demo(random.Random(2026)) == 0  # only once


def test_registering_a_job_is_one_decorator(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(jobs, "_JOBS", list(jobs.load_jobs()))

    @jobs.job("count_to_three")
    def count_to_three(now: object) -> int:
        return 3

    @jobs.job("broken")
    def broken(now: object) -> int:
        raise RuntimeError("a message that could hold data")

    assert main(["worker"]) == 1  # a failed job fails a single run...
    captured = capsys.readouterr()
    assert "count_to_three: 3" in captured.out
    assert "broken: failed (RuntimeError)" in captured.err
    assert "could hold data" not in captured.err  # ...without printing its message


def test_loop_starts_the_seal_watcher_and_runs_until_interrupted(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[bool] = []
    rounds: list[float] = []
    monkeypatch.setattr(
        "safepassage.apps.vault.watcher.start_watcher",
        lambda on_sealed: started.append(callable(on_sealed)),  # replaced sealed on a seal
    )

    def sleep(seconds: float) -> None:
        rounds.append(seconds)
        if len(rounds) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("safepassage.commands.worker.time.sleep", sleep)
    assert main(["worker", "--loop", "--interval", "5"]) == 0
    assert started == [True]
    assert rounds == [5.0, 5.0]
    assert capsys.readouterr().out.count("escalate_missed_check_ins: 0") == 2


def test_interval_must_be_positive(world: World) -> None:
    assert main(["worker", "--loop", "--interval", "0"]) == 2
