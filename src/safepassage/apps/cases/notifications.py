"""Writes on notifications: tell staff about a case, mark what they have read.

Every app that watches cases (safety, reminders, and the vetting, intake and linkage
apps to come) notifies through :func:`notify`; a notification holds a kind code and the
case, never text, so the Attention page shows the reference and a translated label.
"""

from __future__ import annotations

from django.utils import timezone

from safepassage.apps.accounts.models import Membership, Organisation, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.models import Case, Notification


def coordinators_of(organisation_id: int) -> list[User]:
    """The organisation's active coordinators: who hears about a case nobody is assigned to."""
    ids = Membership.objects.filter(
        organisation_id=organisation_id, role=Role.COORDINATOR, user__is_active=True
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=set(ids)).order_by("pk"))


def notify(users: list[User], kind: str, case: Case | None = None) -> int:
    Notification.objects.bulk_create(Notification(user=u, kind=kind, case=case) for u in users)
    return len(users)


def notify_once(users: list[User], kind: str, case: Case) -> int:
    """Notify those who have no unread notification of this kind about this case yet."""
    told = set(
        Notification.objects.unread()
        .filter(kind=kind, case=case, user__in=users)
        .values_list("user_id", flat=True)
    )
    return notify([u for u in users if u.pk not in told], kind, case)


def tell_coordinators_of_new_account(organisation: Organisation, user: User) -> None:
    """Registered with ``accounts.members.on_new_account``: every coordinator hears of it."""
    tell_other_coordinators(organisation.pk, user, "account_created")  # not the account itself


def tell_other_coordinators(
    organisation_id: int, actor: User, kind: str, case: Case | None = None
) -> int:
    """Coordinators other than ``actor``: who must act on a two-person request."""
    others = [u for u in coordinators_of(organisation_id) if u.pk != actor.pk]
    return notify(others, kind, case)


def tell_coordinators_of_proposal(organisation: Organisation, proposer: User) -> None:
    """Registered with ``accounts.grants.on_proposal``: a role waits for a second coordinator."""
    tell_other_coordinators(organisation.pk, proposer, "role_proposed")


def mark_read(user: User, notification_id: int | None = None) -> int:
    """Mark one of the user's own notifications (or all of them) read."""
    rows = Notification.objects.unread().filter(user=user)
    if notification_id is not None:
        rows = rows.filter(pk=notification_id)
    return rows.update(read_at=timezone.now())
