"""The case-page panel: possible duplicates of this case, as this reader may see them.

Inside one organisation: the other case's reference and the reasons, to whoever may see
both cases (the case page's own rule, applied to the other case), with the coordinator's
decisions. Across organisations: to this organisation's coordinators only, the other
organisation's name, the pair's ``LK-`` reference and the kinds of signal, nothing else.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.linkage.labels import DECISION_LABELS, kind_labels, reason_lines
from safepassage.apps.linkage.models import LinkPair, Merge


def pairs_of(case: Case) -> list[LinkPair]:
    pairs = LinkPair.objects.filter(Q(case_a=case) | Q(case_b=case))
    return list(pairs.select_related("case_a__organisation", "case_b__organisation"))


def _inside(pair: LinkPair, case: Case, coordinator: bool) -> dict[str, Any]:
    other = pair.other(case)
    merge = Merge.objects.filter(pair=pair, undone_at__isnull=True).first()
    return {
        "pair": pair,
        "other": other.reference,
        "decision": str(DECISION_LABELS.get(pair.decision, pair.decision)),
        "kinds": kind_labels(pair.kind_list),
        "reasons": reason_lines(pair.reasons) if not pair.unreadable else [],
        "may_decide": coordinator,
        "kept": merge.case.reference if merge else "",
    }


def _outside(pair: LinkPair, case: Case) -> dict[str, Any]:
    return {
        "pair": pair,
        "organisation": pair.other(case).organisation.name,
        "kinds": kind_labels(pair.kind_list),
    }


def panel_context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    access = access_of(request)
    coordinator = Role.COORDINATOR in access.roles
    pairs = pairs_of(case)
    others = [p.other(case).pk for p in pairs if not p.cross_organisation]
    visible = set(
        Case.objects.visible_to(access).filter(pk__in=others).values_list("pk", flat=True)
    )
    inside = [p for p in pairs if not p.cross_organisation and p.other(case).pk in visible]
    outside = [p for p in pairs if p.cross_organisation and coordinator]
    if not inside and not outside:
        return None
    return {
        "inside": [_inside(p, case, coordinator) for p in opened(inside, actor_id=access.user.pk)],
        "outside": [_outside(p, case) for p in outside],
    }
