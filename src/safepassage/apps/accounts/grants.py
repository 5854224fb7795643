"""The two-person rule for role grants that raise privilege (``roles.PRIVILEGED_ROLES``).

Why: a single phished coordinator could otherwise make any account a coordinator (an
account they invited and whose setup link they held, say) and so double their reach. A
proposal waits as a ``RoleGrant`` until a different coordinator of the organisation
approves it; neither the proposer nor the person concerned can approve.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from django.db import transaction

from safepassage.apps.accounts.models import Membership, Organisation, RoleGrant, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.actions import record


class SecondApproverNeeded(PermissionError):
    """The approver proposed the grant, or is the person it is for."""


class GrantGone(LookupError):
    """The grant was decided or withdrawn by another request meanwhile."""


ProposalListener = Callable[[Organisation, User], None]
_proposal_listeners: list[ProposalListener] = []


def on_proposal(listener: ProposalListener) -> None:
    """Register a function told of each new proposal (organisation, proposer): cases
    notifies the other coordinators, who would otherwise not know one waits for them."""
    if listener not in _proposal_listeners:
        _proposal_listeners.append(listener)


def propose(organisation: Organisation, member: User, roles: set[str], *, actor: User) -> None:
    """Record pending grants for these privileged roles (inside the caller's transaction)."""
    for role in sorted(roles):
        _, created = RoleGrant.objects.get_or_create(
            organisation=organisation, user=member, role=role, defaults={"proposed_by": actor}
        )
        if created:
            for listener in _proposal_listeners:
                listener(organisation, actor)
            record(
                "organisation.propose_role",
                actor_id=actor.pk,
                organisation_id=organisation.pk,
                target_type="user",
                target_ref=str(member.pk),
                detail={"role": role},
            )


def withdraw_unwanted(
    organisation: Organisation, member: User, wanted: set[str], *, actor: User
) -> None:
    """Drop pending grants of roles no longer ticked for the member (each audited as a
    decline, as the Withdraw button is)."""
    unwanted = RoleGrant.objects.filter(organisation=organisation, user=member).exclude(
        role__in=wanted
    )
    for grant in unwanted:
        with contextlib.suppress(GrantGone):  # decided meanwhile by another request
            _decide(grant, "organisation.decline_role", actor)


def approve(grant: RoleGrant, *, actor: User) -> None:
    if actor.pk in (grant.proposed_by_id, grant.user_id):
        record(
            "organisation.approve_role",
            actor_id=actor.pk,
            organisation_id=grant.organisation_id,
            target_type="user",
            target_ref=str(grant.user_id),
            outcome="denied",
            detail={"role": grant.role},
        )
        raise SecondApproverNeeded
    with transaction.atomic():
        _decide(grant, "organisation.approve_role", actor)  # claims it first: raises GrantGone
        Membership.objects.get_or_create(
            user_id=grant.user_id, organisation_id=grant.organisation_id, role=grant.role
        )


def decline(grant: RoleGrant, *, actor: User) -> None:
    """Any coordinator may decline or withdraw, the proposer included."""
    with transaction.atomic():
        _decide(grant, "organisation.decline_role", actor)


def _decide(grant: RoleGrant, action: str, actor: User) -> None:
    """Claim the pending grant (so two decisions at once apply only one), then audit it."""
    if RoleGrant.objects.filter(pk=grant.pk).delete()[0] != 1:
        raise GrantGone
    record(
        action,
        actor_id=actor.pk,
        organisation_id=grant.organisation_id,
        target_type="user",
        target_ref=str(grant.user_id),
        detail={"role": grant.role, "proposed_by": grant.proposed_by_id},
    )


def coordinator_count(organisation: Organisation) -> int:
    """Active coordinators: with one, nobody can approve a grant (the operator can add one)."""
    return (
        Membership.objects.filter(
            organisation=organisation, role=Role.COORDINATOR, user__is_active=True
        )
        .values("user")
        .distinct()
        .count()
    )
