"""Deciding hits, and what a vetting sign-off and the vetting queue ask of screening."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.registry.flags import case_flags
from safepassage.apps.vetting.models import (
    DECISIONS,
    CaseScreening,
    Hit,
    HitState,
    ListVersion,
    ScreeningDue,
)
from safepassage.apps.vetting.screening import NOT_OPEN, version_key

REASON_MAX = 4000


class DecisionRefused(ValueError):
    """A decision without a valid outcome or a reason; the message is for the reader."""


def decide(hit: Hit, state: str, reason: str, *, actor_id: int) -> Hit:
    """Record a vetting officer's decision on one hit, remembered for the entity's content."""
    reason = reason.strip()
    if state not in DECISIONS:
        raise DecisionRefused(_("Choose one of the three decisions."))
    if not reason:
        raise DecisionRefused(_("A decision needs a reason."))
    if len(reason) > REASON_MAX:
        raise DecisionRefused(_("The reason is too long."))
    with transaction.atomic():
        details = dict(hit.details)
        details["decided_fingerprint"] = details.get("fingerprint")
        hit.details = details
        hit.state = state
        hit.reason = reason
        hit.changed_since_decision = False
        hit.decided_at = timezone.now()
        hit.decided_by_id = actor_id
        hit.save()
        record_case(
            "vetting.hit_decide",
            hit.case,
            actor_id=actor_id,
            detail={"hit": str(hit.pk), "state": state},
        )
    return hit


def current_key() -> str | None:
    """The key of the current list versions, or None when there is no list at all."""
    versions = ListVersion.objects.current()
    return version_key(versions) if versions else None


def screening_up_to_date(case: Case, key: str | None = None) -> bool:
    key = current_key() if key is None else key
    if key is None:
        return True
    if ScreeningDue.objects.filter(case=case).exists():
        return False
    return CaseScreening.objects.filter(case=case, version_key=key).exists()


def screening_refusals(case: Case, outcome: str) -> list[str]:
    """Why screening refuses this sign-off outcome (only "recommended" is ever refused)."""
    if outcome != "recommended":
        return []
    reasons: list[str] = []
    active = Hit.objects.filter(case=case, active=True)
    undecided = active.filter(state=HitState.UNDECIDED).count()
    same = active.filter(state=HitState.SAME).count()
    if undecided:
        reasons.append(
            ngettext(
                "%(count)d screening hit is undecided.",
                "%(count)d screening hits are undecided.",
                undecided,
            )
            % {"count": undecided}
        )
    if same:
        reasons.append(
            ngettext(
                "%(count)d screening hit is decided as the same person.",
                "%(count)d screening hits are decided as the same person.",
                same,
            )
            % {"count": same}
        )
    if not screening_up_to_date(case):
        reasons.append(_("Screening is out of date: it has not run against the current lists."))
    return reasons


def vetting_queue(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Open cases with undecided hits, not screened against the current lists, or flagged by
    another app (``cases.registry.flags``), oldest first."""
    undecided = Hit.objects.filter(case=OuterRef("pk"), active=True, state=HitState.UNDECIDED)
    key = current_key()
    need = Q(Exists(undecided))
    if key is not None:
        fresh = CaseScreening.objects.filter(case=OuterRef("pk"), version_key=key)
        due = ScreeningDue.objects.filter(case=OuterRef("pk"))
        need = need | ~Q(Exists(fresh)) | Q(Exists(due))
    flags = case_flags()  # raised by apps beside vetting (linkage's impostor signal)
    for flag in flags:
        need = need | Q(flag.condition())
    return (
        cases.exclude(stage__in=NOT_OPEN)
        .annotate(undecided=Exists(undecided))
        .annotate(**{flag.annotation: flag.condition() for flag in flags})
        .filter(need)
        .order_by("created_at")
    )
