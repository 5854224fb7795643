"""A coordinator resets a member's second factor or password, or disables the account.

Each is audited and ends every session of the account at once (``session_generation``).

Why these limits: ``User`` rows are shared by every organisation an account belongs to, so
a coordinator acts only on accounts that belong to their organisation alone (an account
that is also a member elsewhere: the operator, or a coordinator of every organisation it
belongs to after its other memberships end). A reset hands the coordinator what takes over
the account (a setup link, or a second factor to enrol afresh), so resetting a
coordinator's account would let one person gain a second coordinator account and bypass
the two-person rule for privileged roles (``grants``): such a reset is refused; the
operator creates a new coordinator account instead (``safepassage createadmin``) and the
old one is disabled. Disabling takes power away, so a
coordinator may disable another coordinator (a stolen account), never themselves.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from safepassage.apps.accounts.members import issue_setup_token
from safepassage.apps.accounts.models import (
    Membership,
    Organisation,
    RecoveryCode,
    TotpSeal,
    User,
)
from safepassage.apps.accounts.roles import PRIVILEGED_ROLES
from safepassage.apps.accounts.sessions import end_all_sessions
from safepassage.apps.audit.actions import record

__all__ = ["CredentialsRefused", "reset_password", "reset_second_factor", "set_disabled"]


class CredentialsRefused(PermissionError):
    def __init__(self, message: str) -> None:
        super().__init__("credentials change refused")
        self.message = message


def _check(organisation: Organisation, member: User, actor: User, *, reset: bool) -> None:
    if member.pk == actor.pk:
        raise CredentialsRefused(_("You cannot do this to your own account."))
    if Membership.objects.filter(user=member).exclude(organisation=organisation).exists():
        raise CredentialsRefused(
            _("This account also belongs to another organisation: ask the operator.")
        )
    privileged = Membership.objects.filter(
        user=member, organisation=organisation, role__in=PRIVILEGED_ROLES
    ).exists()
    if reset and privileged:
        raise CredentialsRefused(
            _(
                "A coordinator's sign-in cannot be reset here: the operator creates a new "
                "coordinator account (createadmin), and this one can then be disabled."
            )
        )


def _audit(action: str, organisation: Organisation, member: User, actor: User) -> None:
    record(
        action,
        actor_id=actor.pk,
        organisation_id=organisation.pk,
        target_type="user",
        target_ref=str(member.pk),
    )


def reset_second_factor(organisation: Organisation, member: User, *, actor: User) -> None:
    """Forget the authenticator and recovery codes; the member enrols again at next sign-in."""
    _check(organisation, member, actor, reset=True)
    with transaction.atomic():
        TotpSeal.objects.filter(user=member).delete()
        RecoveryCode.objects.filter(user=member).delete()
        User.objects.filter(pk=member.pk).update(totp_secret="", totp_last_step=0)
        end_all_sessions(member)
        _audit("organisation.reset_second_factor", organisation, member, actor)


def reset_password(organisation: Organisation, member: User, *, actor: User) -> str:
    """Make the password unusable and return a new one-time setup link's token."""
    _check(organisation, member, actor, reset=True)
    with transaction.atomic():
        member.set_unusable_password()
        member.save(update_fields=["password"])
        token = issue_setup_token(member)
        end_all_sessions(member)
        _audit("organisation.reset_password", organisation, member, actor)
    return token


def set_disabled(organisation: Organisation, member: User, disabled: bool, *, actor: User) -> None:
    """Disable (no sign-in, every session ends, ``tokens`` refuses its API tokens) or
    enable again."""
    _check(organisation, member, actor, reset=False)
    with transaction.atomic():
        User.objects.filter(pk=member.pk).update(is_active=not disabled)
        member.is_active = not disabled
        if disabled:
            end_all_sessions(member)
        action = "organisation.disable_account" if disabled else "organisation.enable_account"
        _audit(action, organisation, member, actor)
