"""Case list, new case and case page."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.models import User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.actions import record
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.dates import DatesRefused
from safepassage.apps.cases.record.panels import render_case_panels
from safepassage.apps.cases.record.presenters import case_forms, present_case
from safepassage.apps.cases.registry.actions import NewCase, create_case_as
from safepassage.apps.cases.registry.forms import NewCaseForm
from safepassage.apps.cases.registry.listing import (
    CaseFilterForm,
    as_reference,
    filtered,
    page_of,
    searched,
)
from safepassage.apps.cases.registry.lookup import (
    case_in_scope,
    organisation_holding,
    record_case_view,
)

# The case page's sections, each also on a page of its own (``?tab=``), so that a long case
# reads on a phone without JavaScript; no tab (or an unknown one) shows everything.
CASE_TABS = (
    ("", _("Everything")),
    ("status", _("Status")),
    ("identity", _("Identity")),
    ("service", _("Military service")),
    ("people", _("People")),
    ("procedure", _("Procedure and deadlines")),
    ("vetting", _("Vetting")),
    ("safety", _("Check-ins")),
    ("notes", _("Notes and documents")),
)
_TAB_NAMES = {name for name, _label in CASE_TABS}

CASE_ACTIONS = (
    "edit_section",
    "edit_entry",
    "remove_entry",
    "move",
    "assign",
    "pathway",
    "signoff",
    "event",
    "suspension",
    "deadline_met",
    "add_note",
    "upload",
    "delete",
)


def case_list_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    caseworkers = list(
        User.objects.caseworkers_of(access.organisation, active_only=False).values_list(
            "pk", "username"
        )
    )
    form = CaseFilterForm(request.GET or None, caseworkers=caseworkers)
    data = form.cleaned_data if form.is_valid() else {}
    query = _search_query(request)
    cases = filtered(Case.objects.visible_to(access), data, access.organisation)
    cases, only = searched(cases, query, access.organisation)
    raw_page = request.GET.get("page", "1")
    number = int(raw_page) if raw_page.isascii() and raw_page.isdigit() else 1
    page = page_of(cases, data.get("country", ""), number, only)
    names = page.legal_names(actor_id=access.user.pk)
    record(
        "case.list",
        actor_id=access.user.pk,
        organisation_id=access.organisation_id,
        outcome="ok",
        detail={"names_opened": len(names), "search": bool(query)},
    )
    if query and as_reference(query) and page.total == 1:
        return redirect("cases:detail", reference=page.cases[0].reference)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "rows": [(case, names.get(case.pk, "")) for case in page.cases],
            "form": form,
            "query": params.urlencode(),
            "search": query,
            "can_create": access.may("cases:create"),
        },
    )


def _search_query(request: HttpRequest) -> str:
    """The search box posts (a name never goes into an address or a log); ``?q=`` in the
    address is read only when it is a case reference."""
    if request.method == "POST":
        return request.POST.get("q", "")[:200]
    query = request.GET.get("q", "")[:40]
    return query if as_reference(query) else ""


def case_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = NewCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = create_case_as(access, NewCase(**form.cleaned_data))
        except DatesRefused as refusal:
            for message in refusal.messages:
                form.add_error("birth_date", message)
        else:
            return redirect("cases:detail", reference=case.reference)
    return render(request, "cases/new.html", {"form": form})


def case_detail_view(request: HttpRequest, reference: str) -> HttpResponse:
    try:
        case = case_in_scope(request, reference)
    except Http404:
        elsewhere = organisation_holding(access_of(request), reference)
        if elsewhere is None:
            raise
        context = {"organisation": elsewhere, "reference": reference.upper()}
        return render(request, "cases/elsewhere.html", context, status=404)
    return render_case_page(request, case)


def render_case_page(request: HttpRequest, case: Case, **typed: Any) -> HttpResponse:
    """The case page; ``typed`` replaces its empty forms by what a refused POST carried,
    so that a refusal (an over-long note, a stage move the rules refuse) loses nothing."""
    access = access_of(request)
    record_case_view(request, case)
    is_assigned = case.assignees.filter(pk=access.user.pk).exists()
    tab = request.GET.get("tab", "")
    tab = tab if tab in _TAB_NAMES else ""
    context = {
        "case": case,
        "view": present_case(case, actor_id=access.user.pk),
        "assignees": list(case.assignees.all()),
        "can": {name: access.may(f"cases:{name}") for name in CASE_ACTIONS},
        "can_reveal": access.may("cases:reveal_location") and is_assigned,
        "is_coordinator": Role.COORDINATOR in access.roles,
        "tab": tab,
        "tabs": CASE_TABS,
        "extra_panels": render_case_panels(request, case) if tab in ("", "vetting") else [],
        **case_forms(case),
        **typed,
    }
    return render(request, "cases/detail.html", context)
