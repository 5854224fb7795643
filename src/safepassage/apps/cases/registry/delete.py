"""Deleting a case is crypto-shredding: its key goes, so every copy of its data is noise.

Two coordinators are needed: one requests by typing the reference, another confirms by
typing it again (``actions.request_or_confirm_deletion``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts import clock
from safepassage.apps.accounts.grants import coordinator_count
from safepassage.apps.cases.models import DeletionRequest
from safepassage.apps.cases.registry.actions import REQUEST_LIFETIME, request_or_confirm_deletion
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
        elif request_or_confirm_deletion(case, actor=access.user):
            messages.success(request, _("The case was deleted and its key destroyed."))
            return redirect("cases:list")
        else:
            messages.info(
                request,
                _(
                    "Deletion requested. Another coordinator must confirm it by typing the "
                    "reference on this page."
                ),
            )
            return redirect("cases:detail", reference=case.reference)
    pending = DeletionRequest.objects.filter(
        case=case, requested_at__gt=clock.now() - REQUEST_LIFETIME
    ).first()
    context = {
        "case": case,
        "form": form,
        "pending": pending,
        "mine": pending is not None and pending.requested_by_id == access.user.pk,
        "alone": coordinator_count(access.require_organisation()) < 2,
    }
    return render(request, "cases/delete.html", context)
