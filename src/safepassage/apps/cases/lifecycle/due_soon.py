"""The start page's "deadlines in the next 7 days", with the person's name when it opens."""

from __future__ import annotations

import datetime

from safepassage.apps.access.context import AccessContext
from safepassage.apps.accounts import clock
from safepassage.apps.cases.models import Case, Deadline, PersonName
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.cases.today import TodayItem
from safepassage.apps.vault import keystore

HORIZON = datetime.timedelta(days=7)
MOST = 20


def legal_names(case_ids: list[int], *, actor_id: int | None) -> dict[int, str]:
    """The legal name of each case (opened; none while sealed)."""
    if not case_ids or not keystore.is_unsealed():
        return {}
    rows = PersonName.objects.filter(case_id__in=case_ids, kind="legal").select_related("case")
    return {row.case_id: str(row.full_name) for row in opened(rows, actor_id=actor_id)}


def deadlines_due_soon(access: AccessContext, now: datetime.datetime) -> list[TodayItem]:
    if not access.may("cases:deadlines"):
        return []
    today = clock.today_for(access.organisation, now)
    cases = Case.objects.visible_to(access.under("cases:deadlines"))
    rows = list(
        Deadline.objects.filter(
            case__in=cases, met_at__isnull=True, act_by__isnull=False, act_by__lte=today + HORIZON
        )
        .select_related("case")
        .order_by("act_by", "case__reference")[:MOST]
    )
    names = legal_names([r.case_id for r in rows], actor_id=access.user.pk)
    return [
        TodayItem(
            reference=row.case.reference,
            what=row.title,
            when=row.act_by,
            name=names.get(row.case_id, ""),
            urgent=row.act_by is not None and row.act_by <= today,
        )
        for row in rows
    ]
