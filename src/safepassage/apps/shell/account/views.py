"""A user's own account: organisations, recovery codes, API tokens."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from safepassage.apps.accounts import seeds, totp
from safepassage.apps.accounts.models import ApiToken, Membership, User
from safepassage.apps.accounts.offers import offers_for
from safepassage.apps.accounts.people import DisplayNameRefused, set_display_name
from safepassage.apps.accounts.recovery import replace_recovery_codes
from safepassage.apps.accounts.sessions import SESSION_ORGANISATION
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.actions import record
from safepassage.apps.shell.account.forms import CodeForm, DisplayNameForm, TokenForm


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # the policy middleware lets no anonymous request here
        raise PermissionDenied
    return user


def profile_view(request: HttpRequest, name_form: DisplayNameForm | None = None) -> HttpResponse:
    user = _user(request)
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    name_form = name_form or DisplayNameForm(initial={"display_name": user.display_name})
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": memberships.order_by("organisation__slug", "role"),
            "form": CodeForm(),
            "name_form": name_form,
            "offers": offers_for(user),
        },
        status=400 if name_form.errors else 200,
    )


@require_POST
def display_name_view(request: HttpRequest) -> HttpResponse:
    form = DisplayNameForm(request.POST)
    if form.is_valid():
        try:
            set_display_name(
                _user(request),
                form.cleaned_data["display_name"],
                organisation_id=request.session.get(SESSION_ORGANISATION),
            )
        except DisplayNameRefused as refusal:
            form.add_error("display_name", refusal.message)
        else:
            messages.success(request, _("Display name saved."))
            return redirect("accounts:profile")
    return profile_view(request, name_form=form)


@require_POST
def switch_organisation_view(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    raw = request.POST.get("organisation", "")
    membership = Membership.objects.filter(
        user=user, organisation_id=int(raw) if raw.isascii() and raw.isdigit() else -1
    ).first()
    if membership is None:
        return render(request, "shell/404.html", status=404)
    request.session.cycle_key()  # privilege change: new session id
    request.session[SESSION_ORGANISATION] = membership.organisation_id
    record(
        "account.switch_organisation",
        actor_id=user.pk,
        organisation_id=membership.organisation_id,
    )
    return redirect(_case_page_or_home(request.POST.get("next", "")))


def _case_page_or_home(target: str) -> str:
    """Where to go after switching: back to a case page (the offer to switch), else home."""
    try:
        match = resolve(target) if target.startswith("/cases/") else None
    except Resolver404:
        match = None
    if match is not None and match.view_name == "cases:detail":
        return reverse("cases:detail", kwargs=match.kwargs)
    return reverse("home")


@require_POST
def recovery_codes_view(request: HttpRequest) -> HttpResponse:
    """New recovery codes need a fresh authenticator code (step-up)."""
    user = _user(request)
    form = CodeForm(request.POST)
    try:
        seed = seeds.seed_of(user)
    except seeds.SeedsUnavailable:
        seed = ""  # sealed: no authenticator code can be checked
    step = totp.matching_step(seed, form.data.get("code", "").strip())
    if step is None or step <= user.totp_last_step:
        messages.error(request, _("That code did not match, or was already used."))
        return redirect("accounts:profile")
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(totp_last_step=step)
        codes = replace_recovery_codes(user)
        record("account.regenerate_recovery_codes", actor_id=user.pk)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


class _MembershipTokenForm(TokenForm):
    membership = forms.ModelChoiceField(
        label=gettext_lazy("Acts as"), queryset=Membership.objects.none()
    )


def tokens_view(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    own = Membership.objects.filter(user=user).select_related("organisation")
    form = _MembershipTokenForm(request.POST or None)
    field = cast("forms.ModelChoiceField[Membership]", form.fields["membership"])  # declared above
    field.queryset = own
    # mypy refuses an instance attribute over a method, and wants its unbound signature.
    field.label_from_instance = lambda m: (  # type: ignore[method-assign, assignment]
        f"{m.organisation.name} · {m.get_role_display()}"
    )
    new_token = None
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data["membership"]
        new_token = issue_token(membership, form.cleaned_data["label"])
        record("account.issue_token", actor_id=user.pk, organisation_id=membership.organisation_id)
        form = _MembershipTokenForm()
        cast("forms.ModelChoiceField[Membership]", form.fields["membership"]).queryset = own
    tokens = ApiToken.objects.filter(membership__user=user, revoked_at__isnull=True)
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "tokens": tokens.select_related("membership__organisation"),
            "new_token": new_token,
        },
    )


@require_POST
def token_revoke_view(request: HttpRequest, prefix: str) -> HttpResponse:
    token = get_object_or_404(ApiToken, prefix=prefix, membership__user=request.user)
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    record("account.revoke_token", actor_id=request.user.pk)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")
