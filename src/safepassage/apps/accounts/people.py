"""Who did what, in words: display names for the ids that records and the audit trail keep.

Notes, stage history, sign-offs, documents and audit entries store a user id (never a
name, so renaming oneself rewrites no history). Pages turn the ids into names here, in one
query per page (:func:`names_of`), and show ``user#N`` for an id that no longer exists.
A user chooses their display name on the account page (:func:`set_display_name`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from safepassage.apps.accounts.models import User
from safepassage.apps.audit.actions import record

__all__ = ["DisplayNameRefused", "names_of", "set_display_name", "shown"]

MAX_LENGTH = 60


class DisplayNameRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__("display name refused")
        self.message = message


def names_of(ids: Iterable[int | None]) -> dict[int, str]:
    """id -> display name (or username) of each existing user among ``ids``."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = User.objects.filter(pk__in=wanted).values_list("pk", "display_name", "username")
    return {pk: display or username for pk, display, username in rows}


def shown(names: dict[int, str], user_id: int | None) -> str:
    """The name for one id: "" for nobody (the system), ``user#N`` for a removed account."""
    if user_id is None:
        return ""
    return names.get(user_id) or f"user#{user_id}"


def set_display_name(user: User, raw: str, *, organisation_id: int | None = None) -> str:
    """Store the user's display name (empty: show the username); audited (in the active
    organisation's trail when there is one), the name itself not recorded."""
    name = " ".join(raw.split())
    if len(name) > MAX_LENGTH:
        raise DisplayNameRefused(_("A display name has at most 60 characters."))
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise DisplayNameRefused(_("A display name cannot hold control characters."))
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(display_name=name)
        record(
            "account.set_display_name",
            actor_id=user.pk,
            organisation_id=organisation_id,
            detail={"empty": not name},
        )
    user.display_name = name
    return name
