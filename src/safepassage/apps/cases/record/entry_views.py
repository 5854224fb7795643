"""Correcting or removing one entry of a case's record (one pair of views for every kind)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from safepassage.apps.access.context import AccessContext, access_of
from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.dates import DatesRefused
from safepassage.apps.cases.record.entries import (
    ENTRIES,
    REMOVAL_REASONS,
    EntryRefused,
    correct_entry,
    load_entry,
    may_change,
    remove_entry,
)
from safepassage.apps.cases.registry.lookup import case_in_scope


class RemovalForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Why is it removed?"), choices=REMOVAL_REASONS, widget=forms.RadioSelect
    )


def _entry(access: AccessContext, case: Case, kind: str, entry_id: str) -> Any:
    """(row, values) of an entry this reader may change, else the same 404 as a missing one."""
    if kind not in ENTRIES:
        raise Http404
    found = load_entry(case, kind, entry_id, actor_id=access.user.pk)
    coordinator = Role.COORDINATOR in access.roles
    if found is None or not may_change(
        kind, found[0], actor_id=access.user.pk, coordinator=coordinator
    ):
        raise Http404
    return found


def entry_edit_view(request: HttpRequest, reference: str, kind: str, entry_id: str) -> HttpResponse:
    access = access_of(request)
    case = case_in_scope(request, reference)
    _row, initial = _entry(access, case, kind, entry_id)
    if initial is None:  # a row that does not open can only be removed
        messages.error(request, _("This entry could not be opened; it can only be removed."))
        return redirect(
            "cases:remove_entry", reference=case.reference, kind=kind, entry_id=entry_id
        )
    entry = ENTRIES[kind]
    form = entry.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = correct_entry(case, kind, entry_id, form.cleaned_data, actor_id=access.user.pk)
        except ValidationError as error:
            for problem in error.errors():
                form.add_error(None, str(problem["msg"]).removeprefix("Value error, "))
        except EntryRefused as refusal:
            form.add_error(None, refusal.message)
        except DatesRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            if not saved:
                raise Http404
            messages.success(request, _("Saved."))
            return redirect("cases:detail", reference=case.reference)
    context = {"case": case, "form": form, "title": entry.title, "kind": kind, "entry_id": entry_id}
    return render(request, "cases/section_form.html", context)


def entry_remove_view(
    request: HttpRequest, reference: str, kind: str, entry_id: str
) -> HttpResponse:
    access = access_of(request)
    case = case_in_scope(request, reference)
    _row, values = _entry(access, case, kind, entry_id)
    form = RemovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            removed = remove_entry(
                case, kind, entry_id, form.cleaned_data["reason"], actor_id=access.user.pk
            )
        except EntryRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            if not removed:
                raise Http404
            messages.success(request, _("Entry removed."))
            return redirect("cases:detail", reference=case.reference)
    context = {"case": case, "form": form, "shown": _shown(kind, values), "kind": kind}
    return render(request, "cases/entry_remove.html", context)


def _shown(kind: str, values: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The entry as label/value pairs for the confirmation page (choices by their labels)."""
    if values is None:
        return []
    shown = []
    for name, field in ENTRIES[kind].form.base_fields.items():
        value = values.get(name)
        if value in (None, "", [], False):
            continue
        choices = dict(getattr(field, "choices", []) or [])
        label = choices.get(value, value) if isinstance(value, str) else value
        shown.append((str(field.label), str(_("yes") if value is True else label)))
    return shown
