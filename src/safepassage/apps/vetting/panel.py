"""The Screening panel on the case page: every active hit, explained in the reader's language.

Vetting officers and coordinators of the case's organisation see the hits (they are
sensitive: that he resembles a listed person); vetting officers also get the decision form.
Anyone else sees no panel at all.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.vetting.decisions import current_key, screening_up_to_date
from safepassage.apps.vetting.messages import BIRTH_OUTCOMES, HOW, PENALTIES, ROLES, translated
from safepassage.apps.vetting.models import CaseScreening, Hit, HitState, ListVersion
from safepassage.cores.screening.explain import explain

SEES_HITS = frozenset({Role.VETTING_OFFICER.value, Role.COORDINATOR.value})
DECISION_LABELS = {
    "match": _("match"),
    "possible": _("possible"),
}


def present_hit(hit: Hit) -> dict[str, Any]:
    """What the panel shows of one hit: both sides' names, dates, and the engine's reasons."""
    if hit.unreadable:
        return {"hit": hit, "unreadable": True}
    details = hit.details
    explained = explain(details.get("explanation", {}))
    entity = details.get("entity", {})
    return {
        "hit": hit,
        "unreadable": False,
        "list": details.get("list", ""),
        "version_number": details.get("version_number"),
        "entity_id": details.get("entity_id", ""),
        "score": details.get("score"),
        "decision": DECISION_LABELS.get(details.get("decision", ""), details.get("decision")),
        "more": int(details.get("more", 0) or 0),
        "names": entity.get("names", []),
        "birth_dates": entity.get("birth_dates", []),
        "nationalities": entity.get("nationalities", []),
        "source": entity.get("source", ""),
        "matched_name": explained.list_name,
        "parts": [
            {
                "query": p.query,
                "listed": p.listed,
                "role": translated(ROLES, p.role_id),
                "how": translated(HOW, p.how_id),
                "similarity": p.similarity,
                "conventions": ", ".join(c for c in (p.query_convention, p.list_convention) if c),
            }
            for p in explained.parts
        ],
        "penalties": [translated(PENALTIES, p.reason_id) for p in explained.penalties],
        "birth_outcome": translated(BIRTH_OUTCOMES, explained.birth_outcome_id),
        "birth_query": explained.birth_query,
        "nationality_query": explained.nationality_query,
        "algorithm": explained.algorithm,
        "reason": hit.reason if hit.state != HitState.UNDECIDED or hit.decided_at else "",
        "history": details.get("history", []),
    }


def screening_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    access = access_of(request)
    if not access.roles & SEES_HITS:
        return None
    hits = opened(Hit.objects.filter(case=case, active=True), actor_id=access.user.pk)
    screening = CaseScreening.objects.filter(case=case).first()
    versions = []
    if screening is not None:
        ids = screening.version_ids()
        versions = list(ListVersion.objects.filter(pk__in=ids).select_related("watchlist"))
    key = current_key()
    return {
        "screening_hits": [present_hit(h) for h in hits],
        "screening": screening,
        "screened_versions": versions,
        "screening_up_to_date": screening_up_to_date(case, key),
        "screening_has_lists": key is not None,
        "may_decide": access.may("vetting:decide") and Role.VETTING_OFFICER.value in access.roles,
        "decision_choices": [(s.value, s.label) for s in HitState if s != HitState.UNDECIDED],
    }
