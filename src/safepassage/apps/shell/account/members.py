"""Coordinators manage the people of their active organisation (and no other)."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import AccessContext, access_of
from safepassage.apps.accounts import grants
from safepassage.apps.accounts.members import (
    invite_member,
    set_roles,
    sign_in_paused_until,
    unlock_sign_in,
)
from safepassage.apps.accounts.models import Membership, RoleGrant, User
from safepassage.apps.shell.account.forms import InviteForm, RolesForm


def _members(access: AccessContext) -> QuerySet[User]:
    return User.objects.filter(memberships__organisation=access.organisation).distinct()


def member_or_404(access: AccessContext, user_id: int) -> User:
    member = _members(access).filter(pk=user_id).first()
    if member is None:
        raise Http404
    return member


def members_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    rows = Membership.objects.filter(organisation=access.organisation).select_related("user")
    people: dict[int, tuple[User, list[str]]] = {}
    for membership in rows.order_by("user__username", "role"):
        people.setdefault(membership.user_id, (membership.user, []))[1].append(
            membership.get_role_display()
        )
    return render(request, "accounts/members.html", {"people": people.values()})


def member_invite_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invite_member(
            access.require_organisation(),
            form.cleaned_data["username"],
            form.cleaned_data["role"],
            actor=access.user,
        )
        link = request.build_absolute_uri(reverse("accounts:setup", args=[invitation.token]))
        qr_svg = segno.make(link, error="m").svg_inline(scale=4, dark="#000", light="#fff")
        context = {"link": link, "username": invitation.user.username, "qr_svg": qr_svg}
        return render(request, "accounts/invited.html", context)
    return render(request, "accounts/invite.html", {"form": form})


def member_detail_view(request: HttpRequest, user_id: int) -> HttpResponse:
    access = access_of(request)
    member = member_or_404(access, user_id)
    roles = list(
        Membership.objects.filter(user=member, organisation=access.organisation).values_list(
            "role", flat=True
        )
    )
    pending = RoleGrant.objects.filter(user=member, organisation=access.organisation)
    form = RolesForm(initial={"roles": roles + [g.role for g in pending]})
    return render(
        request,
        "accounts/member.html",
        {
            "member": member,
            "form": form,
            "is_self": member.pk == access.user.pk,
            "paused_until": sign_in_paused_until(member),
            "pending": pending.order_by("role"),
            "alone": grants.coordinator_count(access.require_organisation()) < 2,
        },
    )


@require_POST
def member_roles_view(request: HttpRequest, user_id: int) -> HttpResponse:
    access = access_of(request)
    member = member_or_404(access, user_id)
    form = RolesForm(request.POST)
    if member.pk == access.user.pk:
        messages.error(request, _("You cannot change your own roles. Ask another coordinator."))
    elif form.is_valid():
        wanted = set(form.cleaned_data["roles"])
        if set_roles(access.require_organisation(), member, wanted, actor=access.user):
            messages.info(
                request, _("Roles saved. The coordinator role waits for another coordinator.")
            )
        else:
            messages.success(request, _("Roles saved."))
    else:
        messages.error(request, _("Choose roles from the list."))
    return redirect("accounts:member_detail", user_id=member.pk)


def _grant_or_404(access: AccessContext, grant_id: int) -> RoleGrant:
    grant = RoleGrant.objects.filter(pk=grant_id, organisation=access.organisation).first()
    if grant is None:
        raise Http404
    return grant


@require_POST
def grant_approve_view(request: HttpRequest, grant_id: int) -> HttpResponse:
    """The second coordinator's approval of a privilege-raising role (accounts.grants)."""
    access = access_of(request)
    grant = _grant_or_404(access, grant_id)
    try:
        grants.approve(grant, actor=access.user)
    except grants.GrantGone:
        raise Http404 from None
    except grants.SecondApproverNeeded:
        messages.error(
            request, _("Another coordinator must approve this: not the proposer, not the person.")
        )
    else:
        messages.success(request, _("Role granted."))
    return redirect("accounts:member_detail", user_id=grant.user_id)


@require_POST
def grant_decline_view(request: HttpRequest, grant_id: int) -> HttpResponse:
    access = access_of(request)
    grant = _grant_or_404(access, grant_id)
    try:
        grants.decline(grant, actor=access.user)
    except grants.GrantGone:
        raise Http404 from None
    messages.success(request, _("Proposal withdrawn."))
    return redirect("accounts:member_detail", user_id=grant.user_id)


@require_POST
def member_unlock_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """Lift a member's sign-in throttle: the way back in after a malicious lockout."""
    access = access_of(request)
    member = member_or_404(access, user_id)
    unlock_sign_in(access.require_organisation(), member, actor=access.user)
    messages.success(request, _("Sign-in unlocked. Failed attempts start again from zero."))
    return redirect("accounts:member_detail", user_id=member.pk)
