"""Coordinator pages that reset a member's second factor or password, or disable them."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts.credentials import (
    CredentialsRefused,
    reset_password,
    reset_second_factor,
    set_disabled,
)
from safepassage.apps.shell.account.members import member_or_404


@require_POST
def member_reset_second_factor_view(request: HttpRequest, user_id: int) -> HttpResponse:
    access = access_of(request)
    member = member_or_404(access, user_id)
    try:
        reset_second_factor(access.require_organisation(), member, actor=access.user)
    except CredentialsRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Second factor reset. At the next sign-in they set up an authenticator again."),
        )
    return redirect("accounts:member_detail", user_id=member.pk)


@require_POST
def member_reset_password_view(request: HttpRequest, user_id: int) -> HttpResponse:
    access = access_of(request)
    member = member_or_404(access, user_id)
    try:
        token = reset_password(access.require_organisation(), member, actor=access.user)
    except CredentialsRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("accounts:member_detail", user_id=member.pk)
    link = request.build_absolute_uri(reverse("accounts:setup", args=[token]))
    qr_svg = segno.make(link, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    context = {"link": link, "username": member.username, "qr_svg": qr_svg}
    return render(request, "accounts/password_reset.html", context)


@require_POST
def member_disable_view(request: HttpRequest, user_id: int) -> HttpResponse:
    access = access_of(request)
    member = member_or_404(access, user_id)
    disable = request.POST.get("disabled") != "0"
    try:
        set_disabled(access.require_organisation(), member, disable, actor=access.user)
    except CredentialsRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Account disabled.") if disable else _("Account enabled."))
    return redirect("accounts:member_detail", user_id=member.pk)
