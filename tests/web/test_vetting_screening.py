"""Cases are screened automatically, incrementally after a list update, and decisions hold."""

from __future__ import annotations

import datetime

import pytest

from safepassage.apps.cases.lifecycle.actions import sign_off
from safepassage.apps.cases.lifecycle.signoff_checks import SignOffRefused
from safepassage.apps.cases.models import VettingSignOff
from safepassage.apps.cases.record.editing import save_section
from safepassage.apps.vetting.decisions import DecisionRefused, decide, screening_up_to_date
from safepassage.apps.vetting.lists import remove_version
from safepassage.apps.vetting.models import CaseScreening, Hit, HitState, ScreeningDue

from .conftest import World
from .vetting_helpers import SAMPLE, import_sample, listed, new_case, run_worker

pytestmark = pytest.mark.django_db

BORN = datetime.date(1990, 4, 12)


def test_a_new_case_is_due_and_the_worker_finds_its_hit(world: World) -> None:
    version = import_sample()
    case = new_case(world.org, "Sasha Czuwiliajew", BORN)
    assert ScreeningDue.objects.filter(case=case).exists()
    run_worker()
    assert not ScreeningDue.objects.filter(case=case).exists()
    hits = list(Hit.objects.filter(case=case))
    assert len(hits) == 1
    assert hits[0].details["entity_id"] == "X1"
    assert hits[0].details["list"] == "test-list"
    assert CaseScreening.objects.get(case=case).version_ids() == [version.pk]
    assert screening_up_to_date(case)


def test_a_case_with_no_resemblance_gets_no_hit_but_is_screened(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Пётр Сидоров")
    run_worker()
    assert not Hit.objects.filter(case=case).exists()
    assert screening_up_to_date(case)


def test_adding_a_spelling_rescreens_the_case(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Пётр Сидоров")
    run_worker()
    save_section(case, "name", {"full_name": "Dmitry Morozov", "kind": "alias"}, actor_id=1)
    assert not screening_up_to_date(case)
    run_worker()
    assert [h.details["entity_id"] for h in Hit.objects.filter(case=case)] == ["X2"]


def test_a_decision_holds_through_a_rescreen_and_returns_when_the_entity_changes(
    world: World,
) -> None:
    import_sample()
    case = new_case(world.org, "Sasha Czuwiliajew", BORN)
    run_worker()
    hit = Hit.objects.get(case=case)
    decide(hit, HitState.NOT_SAME, "Different father, documents seen.", actor_id=5)
    unchanged = [*SAMPLE, listed("X9", "Someone Else Entirely")]
    import_sample(unchanged)
    run_worker()
    hit = Hit.objects.get(case=case)
    assert hit.state == HitState.NOT_SAME
    assert not hit.changed_since_decision
    changed = [
        listed("X1", "Чувиляев Александр Петрович", "Tchouviliaev", born="1990-04-12"),
        *SAMPLE[1:],
    ]
    import_sample(changed)
    run_worker()
    hit = Hit.objects.get(case=case)
    assert hit.state == HitState.UNDECIDED
    assert hit.changed_since_decision
    assert hit.details["history"][0]["state"] == HitState.NOT_SAME


def test_an_incremental_rescreen_compares_only_new_entities_and_marks_cases_current(
    world: World,
) -> None:
    first = import_sample()
    quiet = new_case(world.org, "Пётр Сидоров")
    run_worker()
    second = import_sample([*SAMPLE, listed("X4", "Сидоров Пётр")])
    assert second.changed_count == 1
    assert second.previous_id == first.pk
    assert not screening_up_to_date(quiet)
    run_worker()
    assert [h.details["entity_id"] for h in Hit.objects.filter(case=quiet)] == ["X4"]
    assert CaseScreening.objects.get(case=quiet).version_ids() == [second.pk]


def test_an_entity_that_leaves_the_list_retires_its_hit(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Dmitry Morozov")
    run_worker()
    assert Hit.objects.get(case=case).active
    import_sample([SAMPLE[0], SAMPLE[2]])
    run_worker()
    assert not Hit.objects.get(case=case).active


def test_removing_a_version_makes_cases_out_of_date_until_screened_again(world: World) -> None:
    import_sample()
    newer = import_sample([*SAMPLE, listed("X4", "Сидоров Пётр")])
    case = new_case(world.org, "Пётр Сидоров")
    run_worker()
    assert Hit.objects.get(case=case).active
    remove_version(newer, actor_id=None)
    assert not screening_up_to_date(case)
    run_worker()
    assert screening_up_to_date(case)
    assert not Hit.objects.get(case=case).active


def test_recommended_is_refused_while_a_hit_is_undecided_or_the_same_person(
    world: World,
) -> None:
    import_sample()
    case = new_case(world.org, "Sasha Czuwiliajew", BORN)
    officer = world.users["vetting"]
    with pytest.raises(SignOffRefused) as refused:
        sign_off(case, officer, "recommended", "n")
    assert any("out of date" in r for r in refused.value.reasons)
    run_worker()
    with pytest.raises(SignOffRefused) as refused:
        sign_off(case, officer, "recommended", "n")
    assert refused.value.reasons == ["1 screening hit is undecided."]
    hit = Hit.objects.get(case=case)
    decide(hit, HitState.SAME, "Same birth date and patronymic.", actor_id=officer.pk)
    with pytest.raises(SignOffRefused) as refused:
        sign_off(case, officer, "recommended", "n")
    assert refused.value.reasons == ["1 screening hit is decided as the same person."]
    decide(Hit.objects.get(case=case), HitState.NOT_SAME, "Re-checked.", actor_id=officer.pk)
    sign_off(case, officer, "recommended", "n")
    assert VettingSignOff.objects.filter(case=case, outcome="recommended").exists()


def test_a_decision_needs_a_valid_outcome_and_a_reason(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Dmitry Morozov")
    run_worker()
    hit = Hit.objects.get(case=case)
    with pytest.raises(DecisionRefused):
        decide(hit, HitState.NOT_SAME, "   ", actor_id=1)
    with pytest.raises(DecisionRefused):
        decide(hit, "undecided", "why", actor_id=1)
    assert Hit.objects.get(case=case).state == HitState.UNDECIDED


def test_running_the_worker_twice_changes_nothing(world: World) -> None:
    import_sample()
    case = new_case(world.org, "Dmitry Morozov")
    run_worker()
    assert run_worker() == 0
    assert Hit.objects.filter(case=case).count() == 1


def test_a_hit_that_does_not_open_is_reported_and_does_not_stop_screening(
    world: World,
) -> None:
    from safepassage.apps.audit.models import AuditEntry
    from safepassage.apps.cases.record.opening import opened

    import_sample()
    victim = new_case(world.org, "Dmitry Morozov")
    source = new_case(world.org, "Sasha Czuwiliajew", BORN)
    run_worker()
    envelope = Hit.objects.filter(case=source).values_list("details", flat=True).first()
    Hit.objects.filter(case=victim).update(details=envelope)  # bound to another row: no open
    save_section(victim, "name", {"full_name": "Anna Tkachenko", "kind": "alias"}, actor_id=1)
    run_worker()
    assert screening_up_to_date(victim)
    assert AuditEntry.objects.filter(action="crypto.open_failed", target_ref=victim.reference)
    rows = opened(Hit.objects.filter(case=victim))
    assert sum(1 for h in rows if h.unreadable) == 1  # left alone, never overwritten
    # Its entity is raised again as a fresh hit, beside the new spelling's.
    assert sorted(h.details["entity_id"] for h in rows if not h.unreadable) == ["X2", "X3"]
