"""Sign-in, first-time TOTP enrolment, first password, sign-out."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.accounts import devices, seeds, totp
from safepassage.apps.accounts.models import SetupToken, User
from safepassage.apps.accounts.recovery import replace_recovery_codes
from safepassage.apps.accounts.secrets_util import digest
from safepassage.apps.accounts.sessions import (
    end_all_sessions,
    sign_out_everywhere,
    start_session,
)
from safepassage.apps.accounts.signin import Outcome, check_credentials
from safepassage.apps.audit.actions import record
from safepassage.apps.shell.account.forms import CodeForm, NewPasswordForm, SignInForm
from safepassage.apps.vault import keystore

ENROL_USER = "sp_enrol_user"
ENROL_SECRET = "sp_enrol_secret"  # noqa: S105 - a session key name, not a secret


def login_view(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    failed = False
    if request.method == "POST":
        data = form.data
        device = request.COOKIES.get(settings.DEVICE_COOKIE_NAME, "")
        result = check_credentials(
            str(data.get("username", ""))[:64],
            str(data.get("password", ""))[:256],
            str(data.get("code", ""))[:32],
            device,
        )
        if result.outcome is Outcome.SIGNED_IN and result.user is not None:
            start_session(request, result.user)
            record(
                "account.sign_in",
                actor_id=result.user.pk,
                detail={"recovery_code": result.used_recovery_code},
            )
            return _remember_device(redirect("home"), result.user, device)
        if result.outcome is Outcome.NEEDS_ENROLMENT and result.user is not None:
            request.session.cycle_key()
            request.session[ENROL_USER] = result.user.pk
            request.session[ENROL_SECRET] = totp.new_secret()
            return redirect("accounts:enrol")
        record("account.sign_in", actor_id=result.account_id, outcome="failed")
        failed = True
        form = SignInForm(initial={"username": ""})
    context = {
        "form": form,
        "failed": failed,
        "expired": getattr(request, "session_expired", False),
        "sealed": not keystore.is_unsealed(),
    }
    return render(request, "accounts/login.html", context)


def _remember_device(response: HttpResponse, user: User, device: str) -> HttpResponse:
    """Give the browser its device cookie (see accounts.devices): it passes lockouts."""
    response.set_cookie(
        settings.DEVICE_COOKIE_NAME,
        devices.remember(user, device),
        max_age=settings.DEVICE_COOKIE_DAYS * 86400,
        secure=settings.SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def enrol_view(request: HttpRequest) -> HttpResponse:
    user_id = request.session.get(ENROL_USER)
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id is not None else None
    secret = request.session.get(ENROL_SECRET)
    if user is None or not isinstance(secret, str) or user.has_totp:
        return redirect("accounts:login")
    if not keystore.is_unsealed():  # the seed could not be sealed: show no key to scan
        return render(request, "accounts/enrol.html", {"sealed": True})
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(secret, form.cleaned_data["code"].strip())
        if step is not None:
            try:
                codes = _enrol(user, secret, step)
            except seeds.SeedsUnavailable:
                form.add_error(
                    "code", _("The server is sealed: set-up has to wait until it is unsealed.")
                )
            else:
                start_session(request, user)
                page = render(request, "accounts/recovery_codes.html", {"codes": codes})
                return _remember_device(
                    page, user, request.COOKIES.get(settings.DEVICE_COOKIE_NAME, "")
                )
        else:
            form.add_error("code", _("That code did not match. Check the clock of your phone."))
    uri = totp.provisioning_uri(secret, f"SafePassage:{user.username}")
    qr_svg = segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    return render(
        request,
        "accounts/enrol.html",
        {"form": form, "secret": secret, "qr_svg": qr_svg, "username": user.username},
    )


def _enrol(user: User, secret: str, step: int) -> list[str]:
    """Keep the sealed seed, make recovery codes, end other sessions; codes shown once."""
    with transaction.atomic():
        seeds.store(user, secret)
        User.objects.filter(pk=user.pk).update(totp_last_step=step)
        codes = replace_recovery_codes(user)
        end_all_sessions(user)
        record("account.enrol_totp", actor_id=user.pk)
    user.refresh_from_db()
    return codes


def setup_view(request: HttpRequest, token: str) -> HttpResponse:
    row = (
        SetupToken.objects.select_related("user")
        .filter(digest=digest(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if row is None or not row.user.is_active:
        return render(request, "shell/404.html", status=404)
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Claim the link first, conditionally: of two requests racing with one link,
            # exactly one sets the password; the other finds it used.
            now = timezone.now()
            claimed = SetupToken.objects.filter(
                pk=row.pk, used_at__isnull=True, expires_at__gt=now
            ).update(used_at=now)
            if not claimed:
                return render(request, "shell/404.html", status=404)
            row.user.set_password(form.cleaned_data["password"])
            row.user.save(update_fields=["password"])
            end_all_sessions(row.user)
            record("account.first_password", actor_id=row.user.pk)
        messages.success(
            request, _("Password set. Sign in now; you will then set up two-factor sign-in.")
        )
        return redirect("accounts:login")
    return render(request, "accounts/setup.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    actor = request.user.pk
    sign_out_everywhere(request)
    record("account.sign_out", actor_id=actor)
    response = redirect("accounts:login")
    # Not "cookies": that would also wipe the device cookie (accounts.devices), which must
    # outlive the session to pass a lockout. The session and CSRF cookies go by name.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    response.delete_cookie(settings.SESSION_COOKIE_NAME, samesite="Strict")
    response.delete_cookie(settings.CSRF_COOKIE_NAME, samesite="Strict")
    return response
