"""Writes on a case's lifecycle: stage moves, assignment, pathway, vetting sign-off."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from safepassage.apps.accounts.models import User
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.lifecycle.machine import CaseFacts, MoveRefused, check_move
from safepassage.apps.cases.lifecycle.procedure import recompute_deadlines
from safepassage.apps.cases.lifecycle.signoff_checks import SignOffRefused, signoff_refusals
from safepassage.apps.cases.models import Case, StageTransition, VettingOutcome, VettingSignOff


def case_facts(case: Case) -> CaseFacts:
    outcomes = list(case.signoffs.values_list("outcome", flat=True))
    return CaseFacts(
        stage=case.stage,
        pathway=case.pathway,
        recommended_by=outcomes.count(VettingOutcome.RECOMMENDED),
        not_recommended_by=outcomes.count(VettingOutcome.NOT_RECOMMENDED),
    )


def move_case(case: Case, target: str, reason: str, *, actor: User | None) -> None:
    """Move to ``target`` if the guards allow; raises MoveRefused with the reason."""
    if not reason.strip():
        raise MoveRefused(_("Say why the case moves."))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        check_move(case_facts(locked), target)
        StageTransition.objects.create(
            case=locked,
            from_stage=locked.stage,
            to_stage=target,
            actor_id=actor.pk if actor else None,
            reason=reason,
        )
        Case.objects.filter(pk=case.pk).update(stage=target)
        record_case(
            "case.move",
            case,
            actor_id=actor.pk if actor else None,
            detail={"from": locked.stage, "to": target},
        )
    case.stage = target


def set_assignees(case: Case, users: list[User], *, actor: User) -> None:
    with transaction.atomic():
        case.assignees.set(users)
        record_case("case.assign", case, actor_id=actor.pk, detail={"count": len(users)})


def set_pathway(case: Case, pathway: str, *, actor: User) -> None:
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(pathway=pathway)
        case.pathway = pathway
        recompute_deadlines(case)
        record_case("case.set_pathway", case, actor_id=actor.pk, detail={"pathway": pathway})


class NotIndependent(ValueError):
    """The reviewer works on the case or has already signed off."""


def sign_off(case: Case, reviewer: User, outcome: str, note: str) -> VettingSignOff:
    """One reviewer's outcome. A reviewer assigned to the case is not independent."""
    if case.assignees.filter(pk=reviewer.pk).exists():
        raise NotIndependent("assigned")
    if case.signoffs.filter(reviewer_id=reviewer.pk).exists():
        raise NotIndependent("already")
    reasons = signoff_refusals(case, outcome)
    if reasons:
        raise SignOffRefused(reasons)
    try:
        with transaction.atomic():
            signoff = _record_signoff(case, reviewer, outcome, note)
    except IntegrityError:  # the same reviewer, twice at once
        raise NotIndependent("already") from None
    return signoff


def _record_signoff(case: Case, reviewer: User, outcome: str, note: str) -> VettingSignOff:
    signoff = VettingSignOff.objects.create(
        case=case, reviewer_id=reviewer.pk, outcome=outcome, note=note
    )
    record_case("case.vetting_signoff", case, actor_id=reviewer.pk, detail={"outcome": outcome})
    return signoff
