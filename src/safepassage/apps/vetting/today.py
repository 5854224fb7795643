"""The start page's "hits waiting for me" for vetting officers (registered with ``cases.today``)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from safepassage.apps.access.context import AccessContext
from safepassage.apps.cases.lifecycle.due_soon import legal_names
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.registry.flags import case_flags
from safepassage.apps.cases.today import TodayItem
from safepassage.apps.vetting.decisions import vetting_queue

SHOWN = 20


def hits_to_decide(access: AccessContext, now: datetime.datetime) -> list[TodayItem]:
    """Queue cases with an undecided hit or another app's flag (not merely out of date)."""
    if not access.may("vetting:queue"):
        return []
    queue = vetting_queue(Case.objects.visible_to(access.under("vetting:queue")))
    items: list[tuple[Case, str, bool]] = []
    for case in queue[:200]:
        flagged = [str(flag.label) for flag in case_flags() if getattr(case, flag.annotation)]
        if case.undecided:  # type: ignore[attr-defined]
            items.append((case, _("Screening hits to decide"), bool(flagged)))
        elif flagged:
            items.append((case, ", ".join(flagged), True))
        if len(items) == SHOWN:
            break
    names = legal_names([case.pk for case, _what, _urgent in items], actor_id=access.user.pk)
    return [
        TodayItem(reference=case.reference, what=what, name=names.get(case.pk, ""), urgent=urgent)
        for case, what, urgent in items
    ]
