"""The case lifecycle as a state machine with guarded transitions (DOMAIN.md §6).

``allowed_moves(facts)`` says where a case may go next and, for each refused move, why;
``check_move`` is what the transition action calls. Guards read plain facts so they are
easy to test and to explain on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.lifecycle.stages import Pathway, Stage

S = Stage
CLOSING = {S.CLOSED}
TRANSITIONS: dict[str, set[str]] = {
    S.INTAKE: {S.TRIAGE, *CLOSING},
    S.TRIAGE: {S.EXIT, S.THIRD_COUNTRY, *CLOSING},
    S.EXIT: {S.THIRD_COUNTRY, S.TRIAGE, *CLOSING},
    S.THIRD_COUNTRY: {S.VETTING, *CLOSING},
    S.VETTING: {S.ADVOCACY, S.EXCLUDED, S.THIRD_COUNTRY, *CLOSING},
    S.ADVOCACY: {S.VISA_TRAVEL, S.VETTING, S.THIRD_COUNTRY, *CLOSING},
    S.VISA_TRAVEL: {S.REGISTRATION, S.PROTECTED, S.ADVOCACY, *CLOSING},
    S.REGISTRATION: {S.OFPRA_FILING, S.DUBLIN, S.INTERVIEW, *CLOSING},
    S.DUBLIN: {S.OFPRA_FILING, *CLOSING},
    S.OFPRA_FILING: {S.INTERVIEW, S.DECISION, *CLOSING},
    S.INTERVIEW: {S.DECISION, *CLOSING},
    S.DECISION: {S.PROTECTED, S.CNDA, *CLOSING},
    S.CNDA: {S.PROTECTED, S.FINAL_REJECTION, *CLOSING},
    S.FINAL_REJECTION: {S.OFPRA_FILING, *CLOSING},
    S.PROTECTED: {*CLOSING},
    S.EXCLUDED: {*CLOSING},
    S.CLOSED: {S.TRIAGE},  # reopening, with a reason like every move
}
ASYLUM_PATHWAYS = {Pathway.FR_ASYLUM_VISA, Pathway.DE_ASYLUM}
TRAVEL_PATHWAYS = {Pathway.FR_ASYLUM_VISA, Pathway.DE_ASYLUM, Pathway.DE_SECTION_22, Pathway.OTHER}
OPEN_STAGES = set(Stage.values) - {S.CLOSED, S.PROTECTED, S.EXCLUDED}


@dataclass(frozen=True)
class CaseFacts:
    stage: str
    pathway: str
    recommended_by: int  # distinct reviewers who signed off "recommended"
    not_recommended_by: int


class MoveRefused(ValueError):
    """The move is not allowed; ``str()`` is a translated sentence for the caseworker."""


def _guard(facts: CaseFacts, target: str) -> Promise | None:
    """Why this move is refused, or None when it is allowed."""
    if target == S.ADVOCACY and facts.stage == S.VETTING and facts.recommended_by < 2:
        return _("Advocacy needs two independent vetting sign-offs that recommend the case.")
    if target == S.ADVOCACY and facts.not_recommended_by:
        return _("A vetting officer did not recommend this case; resolve that first.")
    if target == S.VISA_TRAVEL and facts.pathway not in TRAVEL_PATHWAYS:
        return _("Choose a destination pathway before visa and travel.")
    if (
        target in {S.REGISTRATION, S.OFPRA_FILING, S.DUBLIN}
        and facts.pathway not in ASYLUM_PATHWAYS
    ):
        return _("This stage belongs to an asylum procedure; the case's pathway is not one.")
    if (
        target == S.PROTECTED
        and facts.stage == S.VISA_TRAVEL
        and facts.pathway != Pathway.DE_SECTION_22
    ):
        return _("Only a § 22 admission gives protection on arrival; asylum cases register first.")
    return None


def allowed_moves(facts: CaseFacts) -> list[tuple[str, Promise | None]]:
    """Every stage reachable from here, each with the reason it is refused (or None)."""
    targets = TRANSITIONS.get(facts.stage, set())
    order = {value: index for index, value in enumerate(Stage.values)}
    return [(target, _guard(facts, target)) for target in sorted(targets, key=order.__getitem__)]


def check_move(facts: CaseFacts, target: str) -> None:
    if target not in TRANSITIONS.get(facts.stage, set()):
        raise MoveRefused(_("That stage cannot follow the case's current stage."))
    refusal = _guard(facts, target)
    if refusal is not None:
        raise MoveRefused(str(refusal))
