"""The lifecycle's guarded transitions, the case history, and vetting sign-offs."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.cases.lifecycle.actions import NotIndependent, move_case, sign_off
from safepassage.apps.cases.lifecycle.machine import (
    TRANSITIONS,
    CaseFacts,
    MoveRefused,
    allowed_moves,
    check_move,
)
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.models import Case, StageTransition

from .conftest import World, sign_in

FR, DE22, NONE = Pathway.FR_ASYLUM_VISA, Pathway.DE_SECTION_22, Pathway.UNDECIDED


def facts(stage: str, pathway: str = FR, yes: int = 0, no: int = 0) -> CaseFacts:
    return CaseFacts(stage=stage, pathway=pathway, recommended_by=yes, not_recommended_by=no)


@pytest.mark.parametrize(
    ("case_facts", "target", "refused"),
    [
        (facts(Stage.VETTING, yes=1), Stage.ADVOCACY, "two independent vetting sign-offs"),
        (facts(Stage.VETTING, yes=2), Stage.ADVOCACY, None),
        (facts(Stage.VETTING, yes=2, no=1), Stage.ADVOCACY, "did not recommend"),
        (facts(Stage.ADVOCACY, pathway=NONE), Stage.VISA_TRAVEL, "Choose a destination pathway"),
        (facts(Stage.ADVOCACY, pathway=Pathway.THIRD_COUNTRY), Stage.VISA_TRAVEL, "pathway"),
        (facts(Stage.ADVOCACY), Stage.VISA_TRAVEL, None),
        (facts(Stage.VISA_TRAVEL, pathway=DE22), Stage.REGISTRATION, "asylum procedure"),
        (facts(Stage.VISA_TRAVEL), Stage.REGISTRATION, None),
        (facts(Stage.VISA_TRAVEL), Stage.PROTECTED, "§ 22"),
        (facts(Stage.VISA_TRAVEL, pathway=DE22), Stage.PROTECTED, None),
        (facts(Stage.INTAKE), Stage.VETTING, "cannot follow"),
        (facts(Stage.CLOSED), Stage.VETTING, "cannot follow"),
        (facts(Stage.CLOSED), Stage.TRIAGE, None),
        (facts(Stage.PROTECTED), Stage.CLOSED, None),
    ],
)
def test_guards(case_facts: CaseFacts, target: str, refused: str | None) -> None:
    if refused is None:
        check_move(case_facts, target)
    else:
        with pytest.raises(MoveRefused, match=refused):
            check_move(case_facts, target)


def test_every_stage_has_a_way_out_and_every_target_is_a_stage() -> None:
    assert set(TRANSITIONS) == set(Stage.values)
    for stage, targets in TRANSITIONS.items():
        assert targets, stage
        assert targets <= set(Stage.values)
        assert stage == Stage.CLOSED or Stage.CLOSED in targets


def test_allowed_moves_explain_each_refusal() -> None:
    moves = dict(allowed_moves(facts(Stage.VETTING, yes=1)))
    assert moves[Stage.ADVOCACY] is not None
    assert moves[Stage.EXCLUDED] is None


@pytest.mark.django_db
def test_move_records_who_why_and_when(world: World) -> None:
    case, actor = world.case, world.users["caseworker"]
    move_case(case, Stage.THIRD_COUNTRY, "back to hiding", actor=actor)
    transition = StageTransition.objects.get(case=case)
    assert (transition.from_stage, transition.to_stage, transition.actor_id) == (
        "vetting",
        "third_country",
        actor.pk,
    )
    assert transition.reason == "back to hiding"
    with pytest.raises(MoveRefused):
        move_case(case, Stage.CLOSED, "   ", actor=actor)
    assert Case.objects.get(pk=case.pk).stage == Stage.THIRD_COUNTRY


@pytest.mark.django_db
def test_two_independent_signoffs_open_advocacy_through_the_pages(world: World) -> None:
    from safepassage.apps.accounts.models import Membership, User
    from safepassage.apps.accounts.roles import Role

    second = User.objects.create_user("vetting2", "x" * 16)
    Membership.objects.create(user=second, organisation=world.org, role=Role.VETTING_OFFICER)
    ref = world.case.reference
    coordinator = sign_in(Client(), world.users["coordinator"])
    refused = coordinator.post(
        f"/cases/{ref}/move", {"target": "advocacy", "reason": "ok"}, follow=True
    )
    assert "two independent vetting sign-offs" in refused.content.decode()
    for reviewer in (world.users["vetting"], second):
        client = sign_in(Client(), reviewer)
        assert (
            client.post(
                f"/cases/{ref}/signoff", {"outcome": "recommended", "note": "consistent"}
            ).status_code
            == 302
        )
    coordinator.post(f"/cases/{ref}/move", {"target": "advocacy", "reason": "vetted"})
    assert Case.objects.get(pk=world.case.pk).stage == Stage.ADVOCACY


@pytest.mark.django_db
def test_signoffs_must_be_independent(world: World) -> None:
    reviewer = world.users["vetting"]
    world.case.assignees.add(reviewer)
    with pytest.raises(NotIndependent):
        sign_off(world.case, reviewer, "recommended", "n")
    world.case.assignees.remove(reviewer)
    sign_off(world.case, reviewer, "insufficient", "needs a second interview")
    with pytest.raises(NotIndependent):
        sign_off(world.case, reviewer, "recommended", "changed my mind")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("caseworker", 302),
        ("colleague", 404),
        ("coordinator", 302),
        ("vetting", 302),
        ("auditor", 404),
        ("outsider_coordinator", 404),
    ],
)
def test_who_may_move_a_case(world: World, persona: str, status: int) -> None:
    client = sign_in(Client(), world.users[persona])
    response = client.post(
        f"/cases/{world.case.reference}/move", {"target": "closed", "reason": "r"}
    )
    assert response.status_code == status
    expected = Stage.CLOSED if status == 302 else Stage.VETTING
    assert Case.objects.get(pk=world.case.pk).stage == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [("vetting", 302), ("caseworker", 404), ("coordinator", 404), ("outsider_coordinator", 404)],
)
def test_who_may_sign_off(world: World, persona: str, status: int) -> None:
    client = sign_in(Client(), world.users[persona])
    response = client.post(
        f"/cases/{world.case.reference}/signoff", {"outcome": "recommended", "note": "n"}
    )
    assert response.status_code == status
    assert world.case.signoffs.count() == (1 if status == 302 else 0)


@pytest.mark.django_db
def test_only_coordinators_assign(world: World) -> None:
    ref, colleague = world.case.reference, world.users["colleague"]
    caseworker = sign_in(Client(), world.users["caseworker"])
    assert (
        caseworker.post(f"/cases/{ref}/assign", {"caseworkers": [colleague.pk]}).status_code == 404
    )
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"/cases/{ref}/assign", {"caseworkers": [colleague.pk]})
    assert list(world.case.assignees.all()) == [colleague]
    outsider = world.users["outsider_caseworker"]
    response = coordinator.post(f"/cases/{ref}/assign", {"caseworkers": [outsider.pk]}, follow=True)
    assert "Select a valid choice" in response.content.decode()
    assert list(world.case.assignees.all()) == [colleague]
