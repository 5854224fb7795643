"""Moving a case through its stages, assigning it, and recording procedure events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.models import User
from safepassage.apps.cases.lifecycle import forms as fl
from safepassage.apps.cases.lifecycle.actions import (
    NotIndependent,
    move_case,
    set_assignees,
    set_pathway,
    sign_off,
)
from safepassage.apps.cases.lifecycle.machine import MoveRefused
from safepassage.apps.cases.lifecycle.procedure import (
    DeadlineUnavailable,
    EventDateRefused,
    mark_deadline_met,
    record_event,
    record_suspension,
)
from safepassage.apps.cases.lifecycle.signoff_checks import SignOffRefused
from safepassage.apps.cases.models import Deadline
from safepassage.apps.cases.registry.lookup import back_to_case, case_in_scope
from safepassage.apps.cases.registry.views import render_case_page


def _report(request: HttpRequest, form: forms.BaseForm) -> None:
    for errors in form.errors.values():
        for error in errors:  # messages, as text (the stubs also admit ValidationError)
            messages.error(request, str(error))


@require_POST
def move_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = fl.MoveForm(request.POST)
    typed = {"target": request.POST.get("target", ""), "reason": request.POST.get("reason", "")}
    if not form.is_valid():
        _report(request, form)
        return render_case_page(request, case, move_typed=typed)
    try:
        move_case(
            case,
            form.cleaned_data["target"],
            form.cleaned_data["reason"],
            actor=access_of(request).user,
        )
    except MoveRefused as refusal:
        messages.error(request, str(refusal))
        return render_case_page(request, case, move_typed=typed)
    messages.success(request, _("Stage changed."))
    return back_to_case(case)


@require_POST
def assign_view(request: HttpRequest, reference: str) -> HttpResponse:
    access = access_of(request)
    case = case_in_scope(request, reference)
    caseworkers = User.objects.caseworkers_of(access.organisation)
    form = fl.AssignForm(request.POST, caseworkers=caseworkers)
    if form.is_valid():
        set_assignees(case, list(form.cleaned_data["caseworkers"]), actor=access.user)
        messages.success(request, _("Assignment saved."))
    else:
        _report(request, form)
    return back_to_case(case)


@require_POST
def pathway_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = fl.PathwayForm(request.POST)
    if not form.is_valid():
        _report(request, form)
        return back_to_case(case)
    with _deadline_errors(request):
        set_pathway(case, form.cleaned_data["pathway"], actor=access_of(request).user)
        messages.success(request, _("Pathway saved."))
    return back_to_case(case)


@require_POST
def signoff_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = fl.SignOffForm(request.POST)
    if not form.is_valid():
        _report(request, form)
        return back_to_case(case)
    try:
        sign_off(
            case,
            access_of(request).user,
            form.cleaned_data["outcome"],
            form.cleaned_data["note"],
        )
    except SignOffRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
    except NotIndependent as why:
        messages.error(
            request,
            _("You work on this case, so your sign-off would not be independent.")
            if str(why) == "assigned"
            else _("You have already signed off this case."),
        )
    else:
        messages.success(request, _("Sign-off recorded."))
    return back_to_case(case)


@contextmanager
def _deadline_errors(request: HttpRequest) -> Iterator[None]:
    """A refused date, or one no rule version covers: say so; nothing was saved."""
    try:
        yield
    except EventDateRefused as refusal:
        messages.error(request, refusal.message)
    except DeadlineUnavailable:
        messages.error(
            request,
            _(
                "No version of a deadline rule applies from that date, so "
                "nothing was saved. Check the date."
            ),
        )


@require_POST
def event_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = fl.EventForm(request.POST, pathway=case.pathway)
    if not form.is_valid():
        _report(request, form)
        return back_to_case(case)
    data, actor_id = form.cleaned_data, access_of(request).user.pk
    with _deadline_errors(request):
        record_event(
            case, data["trigger"], data["occurred_on"], actor_id=actor_id, details=form.details()
        )
        messages.success(request, _("Event recorded; deadlines recomputed."))
    return back_to_case(case)


@require_POST
def suspension_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = fl.SuspensionForm(request.POST)
    if not form.is_valid():
        _report(request, form)
        return back_to_case(case)
    data, actor_id = form.cleaned_data, access_of(request).user.pk
    with _deadline_errors(request):
        record_suspension(
            case,
            data["requested_on"],
            data["decided_on"],
            actor_id=actor_id,
            lawyer_notified_on=data.get("lawyer_notified_on"),
        )
        messages.success(request, _("Legal-aid request recorded; deadlines recomputed."))
    return back_to_case(case)


@require_POST
def deadline_met_view(request: HttpRequest, reference: str, deadline_id: int) -> HttpResponse:
    case = case_in_scope(request, reference)
    deadline = get_object_or_404(Deadline, case=case, pk=deadline_id)
    mark_deadline_met(deadline, actor_id=access_of(request).user.pk)
    messages.success(request, _("Marked as done."))
    return back_to_case(case)
