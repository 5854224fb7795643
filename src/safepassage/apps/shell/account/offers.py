"""Adding an existing account by username (coordinators), and its owner's answer."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.models import MembershipOffer
from safepassage.apps.accounts.offers import accept_offer, decline_offer, offer_membership
from safepassage.apps.accounts.roles import PRIVILEGED_ROLES, Role


class AddExistingForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Their username"), max_length=64)
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        choices=[(value, label) for value, label in Role.choices if value not in PRIVILEGED_ROLES],
    )


def member_add_existing_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = AddExistingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        offer_membership(
            access.require_organisation(),
            form.cleaned_data["username"],
            form.cleaned_data["role"],
            actor=access.user,
        )
        messages.info(
            request,
            _(
                "If an account with that username exists, its owner will find your offer on "
                "their account page. They join your organisation when they accept it."
            ),
        )
        return redirect("accounts:members")
    return render(request, "accounts/add_existing.html", {"form": form})


def _own_offer(request: HttpRequest, offer_id: int) -> MembershipOffer:
    user = access_of(request).user
    offer = MembershipOffer.objects.filter(pk=offer_id, user=user).first()
    if offer is None:
        raise Http404
    return offer


@require_POST
def offer_accept_view(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = _own_offer(request, offer_id)
    if not accept_offer(offer, user=access_of(request).user):
        raise Http404
    messages.success(request, _("You joined the organisation. Switch to it from the header."))
    return redirect("accounts:profile")


@require_POST
def offer_decline_view(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = _own_offer(request, offer_id)
    if not decline_offer(offer, user=access_of(request).user):
        raise Http404
    messages.success(request, _("Offer declined."))
    return redirect("accounts:profile")
