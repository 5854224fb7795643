"""Safety actions on one case: check in, set or stop the schedule, mark a flag reviewed.

Each is a POST from the case page's safety panel and returns there. The route's rule
scopes the case (assigned caseworker or the organisation's coordinator); any other case
answers 404 like a missing one.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.registry.lookup import back_to_case, case_in_scope
from safepassage.apps.cases.registry.views import render_case_page
from safepassage.apps.safety.actions import (
    CheckInRefused,
    NoActiveSchedule,
    record_check_in,
    resolve_flag,
    set_schedule,
    stop_schedule,
)
from safepassage.apps.safety.forms import CheckInForm, ScheduleForm
from safepassage.apps.safety.models import CaseFlag, CheckInChannel


@require_POST
def check_in_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return render_case_page(request, case, checkin_form=form)
    data = form.cleaned_data
    try:
        check_in = record_check_in(
            case,
            actor=access_of(request).user,
            at=form.instant(case.organisation),
            channel=data["channel"] or CheckInChannel.UNKNOWN,
            note=data["note"],
            duress=data["duress"],
        )
    except NoActiveSchedule:
        messages.error(request, _("This case has no active check-in schedule."))
    except CheckInRefused as refusal:
        form.add_error(None, refusal.message)
        return render_case_page(request, case, checkin_form=form)
    else:
        messages.success(request, _("Check-in recorded."))
        if check_in.duress:
            messages.warning(request, _("Duress recorded: every coordinator has been alerted."))
    return back_to_case(case)


@require_POST
def schedule_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    actor = access_of(request).user
    if "stop" in request.POST:
        stop_schedule(case, actor=actor)
        messages.success(request, _("Check-in schedule stopped."))
        return back_to_case(case)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:  # messages, as text (the stubs also admit ValidationError)
                messages.error(request, f"{label}: {error}" if label else str(error))
        messages.error(request, _("Nothing was saved."))
        return back_to_case(case)
    set_schedule(
        case,
        interval_hours=form.cleaned_data["interval_hours"],
        grace_hours=form.cleaned_data["grace_hours"],
        actor=actor,
    )
    messages.success(request, _("Check-in schedule saved."))
    return back_to_case(case)


@require_POST
def flag_resolve_view(request: HttpRequest, reference: str, flag_id: uuid.UUID) -> HttpResponse:
    case = case_in_scope(request, reference)
    flag = get_object_or_404(CaseFlag.objects.open(), case=case, pk=flag_id)
    resolve_flag(flag, actor=access_of(request).user)
    messages.success(request, _("Marked as reviewed."))
    return back_to_case(case)
