"""The start page's "my missed check-ins" (registered with ``cases.today``)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from safepassage.apps.access.context import AccessContext
from safepassage.apps.cases.lifecycle.due_soon import legal_names
from safepassage.apps.cases.today import TodayItem
from safepassage.apps.safety.listing import overdue_schedules
from safepassage.cores.procedures.checkins import CheckInState


def missed_check_ins(access: AccessContext, now: datetime.datetime) -> list[TodayItem]:
    if not access.may("safety:overdue"):
        return []
    late, _count = overdue_schedules(access.under("safety:overdue"), now)
    names = legal_names([s.case_id for s, _ in late], actor_id=access.user.pk)
    return [
        TodayItem(
            reference=schedule.case.reference,
            what=_("Escalated to the coordinators")
            if status.state == CheckInState.ESCALATE
            else _("Check-in missed"),
            when=status.due_at,
            name=names.get(schedule.case_id, ""),
            urgent=status.state == CheckInState.ESCALATE,
        )
        for schedule, status in late[:20]
    ]
