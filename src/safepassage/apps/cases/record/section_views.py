"""Editing a section of the case record, or adding a row to one (one view for all)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from pydantic import ValidationError

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.record.dates import DatesRefused
from safepassage.apps.cases.record.editing import SECTIONS, save_section
from safepassage.apps.cases.registry.lookup import case_in_scope


def section_edit_view(request: HttpRequest, reference: str, section: str) -> HttpResponse:
    access = access_of(request)
    case = case_in_scope(request, reference)
    editable = SECTIONS.get(section)
    if editable is None:
        raise Http404
    initial = editable.load(case) if editable.load else None
    form = editable.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_section(case, section, form.cleaned_data, actor_id=access.user.pk)
        except ValidationError as error:
            for problem in error.errors():
                form.add_error(None, str(problem["msg"]).removeprefix("Value error, "))
        except DatesRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Saved."))
            return redirect("cases:detail", reference=case.reference)
    return render(
        request, "cases/section_form.html", {"case": case, "form": form, "title": editable.title}
    )
