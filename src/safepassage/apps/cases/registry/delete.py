"""Deleting a case is crypto-shredding: its key goes, so every copy of its data is noise."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.registry.actions import delete_case
from safepassage.apps.cases.registry.lookup import case_in_scope


class ConfirmDeleteForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Type the case reference to confirm"), max_length=16
    )


def case_delete_view(request: HttpRequest, reference: str) -> HttpResponse:
    access = access_of(request)
    case = case_in_scope(request, reference)
    form = ConfirmDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["reference"].strip().upper() != case.reference:
            form.add_error("reference", _("That is not this case's reference."))
        else:
            delete_case(case, actor=access.user)
            messages.success(request, _("The case was deleted and its key destroyed."))
            return redirect("cases:list")
    return render(request, "cases/delete.html", {"case": case, "form": form})
