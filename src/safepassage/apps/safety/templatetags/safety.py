"""Template tags that let the lead's pages show safety parts without changing their views."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from safepassage.apps.access.context import access_if_any
from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import User
from safepassage.apps.accounts.people import names_of, shown
from safepassage.apps.cases.models import Case, Notification
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.safety.forms import CheckInForm, ScheduleForm
from safepassage.apps.safety.models import CaseFlag, CheckIn, CheckInNote, CheckInSchedule

register = template.Library()


def _may_act_on(access: Any, route: str, case: Case) -> bool:
    """Would the route's rule let this user act on this case (same scoping as the view)?"""
    if access is None or not access.may(route):
        return False
    return Case.objects.visible_to(access.under(route)).filter(pk=case.pk).exists()


@register.inclusion_tag("safety/panel.html", takes_context=True)
def safety_panel(context: template.Context, case: Case, request: Any) -> dict[str, Any]:
    """The case page's safety panel: schedule state, recent check-ins, open flags."""
    access = access_if_any(request)
    schedule = CheckInSchedule.objects.filter(case=case).first()
    active = schedule is not None and schedule.active
    check_ins = list(CheckIn.objects.filter(case=case)[:5])
    people = names_of(c.actor_id for c in check_ins)
    notes = {n.check_in_id: n for n in opened(CheckInNote.objects.filter(check_in__in=check_ins))}
    zone = clock.zone_of(case.organisation)
    typed = context.get("checkin_form")
    now_there = timezone.localtime(timezone.now(), zone).strftime("%Y-%m-%dT%H:%M")
    initial = {"interval_hours": 48, "grace_hours": 12}
    if schedule is not None:
        initial = {"interval_hours": schedule.interval_hours, "grace_hours": schedule.grace_hours}
    return {
        "case": case,
        "csrf_token": context.get("csrf_token"),
        "schedule": schedule if active else None,
        "status": schedule.status(timezone.now()) if schedule and active else None,
        "check_ins": [(c, shown(people, c.actor_id), notes.get(c.pk)) for c in check_ins],
        "checkin_form": typed or CheckInForm(initial={"at": now_there}, auto_id="checkin_%s"),
        "checkin_open": typed is not None,
        "flags": opened(CaseFlag.objects.open().filter(case=case)),
        "can_act": _may_act_on(access, "safety:check_in", case),
        "can_resolve": _may_act_on(access, "safety:flag_resolve", case),
        "schedule_form": ScheduleForm(initial=initial, auto_id="safety_%s"),
    }


@register.simple_tag
def attention_count(request: Any) -> int | None:
    """Unread notifications of the signed-in user (None for visitors)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return None
    return Notification.objects.for_user(user).unread().count()
