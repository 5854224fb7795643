"""Adding an existing account (of a partner organisation) by its username.

The enumeration rule (issue 11): a coordinator must not learn which usernames exist in
other organisations. So an offer never answers "no such user": for any well-formed
username the coordinator sees the same sentence, and the audit entry they can read names
no account. If the account exists, its owner sees the offer on their account page and
accepts or declines it; only acceptance (the owner's consent) tells the coordinator that
the account exists, because the person then appears among their people. An offer for a
name that does not exist is not stored at all. What is left is timing (one more query for
an existing name) and the owner's reaction, which we accept.

Only ordinary roles are offered: the coordinator role is proposed afterwards on the
member's page and waits for a second coordinator, as for any member (``grants``).
"""

from __future__ import annotations

from django.db import transaction

from safepassage.apps.accounts.models import (
    Membership,
    MembershipOffer,
    Organisation,
    User,
)
from safepassage.apps.accounts.roles import PRIVILEGED_ROLES
from safepassage.apps.audit.actions import record

__all__ = ["accept_offer", "decline_offer", "offer_membership", "offers_for"]


def offer_membership(organisation: Organisation, username: str, role: str, *, actor: User) -> None:
    """Offer ``role`` to the account called ``username``, if there is one; returns nothing,
    whatever the case, so that callers cannot tell."""
    if role in PRIVILEGED_ROLES:
        raise ValueError("privileged roles are proposed on the member's page")
    with transaction.atomic():
        user = User.objects.filter(username__iexact=username.strip(), is_active=True).first()
        already = (
            user is not None
            and Membership.objects.filter(user=user, organisation=organisation, role=role).exists()
        )
        if user is not None and not already and user.pk != actor.pk:
            MembershipOffer.objects.get_or_create(
                organisation=organisation, user=user, role=role, defaults={"offered_by": actor}
            )
        record(
            "organisation.offer_membership",
            actor_id=actor.pk,
            organisation_id=organisation.pk,
            detail={"role": role},
        )


def offers_for(user: User) -> list[MembershipOffer]:
    rows = MembershipOffer.objects.filter(user=user).select_related("organisation", "offered_by")
    return list(rows.order_by("offered_at"))


def accept_offer(offer: MembershipOffer, *, user: User) -> bool:
    """The owner accepts: they become a member with that role. False if it was gone."""
    with transaction.atomic():
        if MembershipOffer.objects.filter(pk=offer.pk, user=user).delete()[0] != 1:
            return False
        Membership.objects.get_or_create(
            user=user, organisation_id=offer.organisation_id, role=offer.role
        )
        record(
            "organisation.accept_membership",
            actor_id=user.pk,
            organisation_id=offer.organisation_id,
            target_type="user",
            target_ref=str(user.pk),
            detail={"role": offer.role, "offered_by": offer.offered_by_id},
        )
    return True


def decline_offer(offer: MembershipOffer, *, user: User) -> bool:
    with transaction.atomic():
        if MembershipOffer.objects.filter(pk=offer.pk, user=user).delete()[0] != 1:
            return False
        record("account.decline_membership", actor_id=user.pk, detail={"role": offer.role})
    return True
