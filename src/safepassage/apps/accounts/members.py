"""Writes on an organisation's people, used by the coordinator views and the CLI."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from safepassage.apps.accounts import grants
from safepassage.apps.accounts.models import (
    Membership,
    Organisation,
    SetupToken,
    SignInThrottle,
    User,
)
from safepassage.apps.accounts.roles import PRIVILEGED_ROLES
from safepassage.apps.accounts.secrets_util import digest, new_url_token
from safepassage.apps.accounts.signin import throttle_keys
from safepassage.apps.audit.actions import record

SETUP_LIFETIME = timedelta(hours=24)  # short: the link is handed over in person, at once

NewAccountListener = Callable[[Organisation, User], None]
_new_account_listeners: list[NewAccountListener] = []


def on_new_account(listener: NewAccountListener) -> None:
    """Register a function called for every new account (cases notifies coordinators).

    Accounts sits below cases, so cases registers itself here from its ``ready()``.
    """
    if listener not in _new_account_listeners:
        _new_account_listeners.append(listener)


def announce_new_account(organisation: Organisation, user: User) -> None:
    """Why: the coordinator who invites someone holds the setup link and could complete
    the enrolment themselves; every coordinator hearing of each new account makes that
    visible. Called by ``invite_member`` and by ``createadmin``."""
    for listener in _new_account_listeners:
        listener(organisation, user)


SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # as recovery codes: no look-alikes
SUFFIX_LENGTH = 4


@dataclass(frozen=True)
class Invitation:
    user: User
    token: str  # the setup link's secret, to be shown once


def _unused_username(stem: str) -> str:
    """``stem`` plus a random suffix, chosen by the system and never refused.

    Why: usernames are unique across every organisation, so refusing a taken one told any
    coordinator which usernames exist anywhere. Every invitation gets a suffix, and a
    collision is retried silently, so the answer no longer depends on other accounts.
    """
    while True:
        suffix = "".join(secrets.choice(SUFFIX_ALPHABET) for _ in range(SUFFIX_LENGTH))
        candidate = f"{stem.lower()}-{suffix}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate


def invite_member(organisation: Organisation, stem: str, role: str, *, actor: User) -> Invitation:
    """Create an account with one role and return it with its one-time setup token."""
    with transaction.atomic():
        user = User.objects.create_user(_unused_username(stem))
        Membership.objects.create(user=user, organisation=organisation, role=role)
        token = issue_setup_token(user)
        announce_new_account(organisation, user)
        record(
            "organisation.invite_member",
            actor_id=actor.pk,
            organisation_id=organisation.pk,
            target_type="user",
            target_ref=str(user.pk),
            detail={"role": role},
        )
    return Invitation(user, token)


def issue_setup_token(user: User) -> str:
    """A new one-time setup link for the user; any earlier unused link stops working."""
    now = timezone.now()
    SetupToken.objects.filter(user=user, used_at__isnull=True).update(used_at=now)
    token = new_url_token()
    SetupToken.objects.create(user=user, digest=digest(token), expires_at=now + SETUP_LIFETIME)
    return token


def set_roles(
    organisation: Organisation, member: User, roles: set[str], *, actor: User
) -> set[str]:
    """Replace a member's roles in one organisation; other organisations are untouched.

    Removals and ordinary roles apply at once; privileged roles become pending grants for a
    second coordinator (accounts.grants). Returns the roles left waiting for approval.
    """
    if member.pk == actor.pk:
        raise PermissionError("users never change their own roles")
    with transaction.atomic():
        current = set(
            Membership.objects.filter(user=member, organisation=organisation).values_list(
                "role", flat=True
            )
        )
        waiting = (roles - current) & PRIVILEGED_ROLES
        added = roles - current - waiting
        Membership.objects.filter(
            user=member, organisation=organisation, role__in=current - roles
        ).delete()
        for role in sorted(added):
            Membership.objects.create(user=member, organisation=organisation, role=role)
        grants.withdraw_unwanted(organisation, member, roles, actor=actor)
        grants.propose(organisation, member, waiting, actor=actor)
        record(
            "organisation.change_roles",
            actor_id=actor.pk,
            organisation_id=organisation.pk,
            target_type="user",
            target_ref=str(member.pk),
            detail={
                "added": ",".join(sorted(added)) or None,
                "removed": ",".join(sorted(current - roles)) or None,
            },
        )
    return waiting


def sign_in_paused_until(member: User) -> datetime | None:
    """When the member's sign-in throttle (for any browser) lifts, if it is blocking now."""
    row = SignInThrottle.objects.filter(
        account_digest=throttle_keys(member)[0], blocked_until__gt=timezone.now()
    ).first()
    return row.blocked_until if row else None


def unlock_sign_in(organisation: Organisation, member: User, *, actor: User) -> None:
    """Lift a member's sign-in pause (both buckets), e.g. after a malicious lockout.

    The pause ends, but the count of failures is not forgiven: one more wrong attempt pauses
    sign-in again. So an unlock gives the member one try now, never a fresh allowance of
    guesses to whoever was guessing (nor to a coordinator unlocking again and again)."""
    with transaction.atomic():
        SignInThrottle.objects.filter(account_digest__in=throttle_keys(member)).update(
            blocked_until=None
        )
        record(
            "organisation.unlock_sign_in",
            actor_id=actor.pk,
            organisation_id=organisation.pk,
            target_type="user",
            target_ref=str(member.pk),
        )
