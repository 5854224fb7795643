"""Navigation for the current user's roles in the active organisation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from safepassage.apps.access.context import access_if_any
from safepassage.apps.accounts.models import Membership, User

# (url name, label) in display order; an item shows only if the policy allows it.
NAV_ITEMS = [
    ("home", _("Overview")),
    ("cases:list", _("Cases")),
    ("safety:overdue", _("Check-ins")),
    ("safety:risks", _("Country risk")),
    ("safety:attention", _("Attention")),
    ("cases:deadlines", _("Deadlines")),
    ("vetting:queue", _("Vetting queue")),
    ("vetting:lists", _("Watchlists")),
    ("linkage:lookup", _("Duplicates")),
    ("accounts:members", _("People")),
    ("audit:list", _("Audit trail")),
    ("accounts:profile", _("My account")),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    access = access_if_any(request)
    user = getattr(request, "user", None)
    if access is None or not isinstance(user, User):
        return {"nav_items": [], "switch_organisations": []}
    items = [(name, label) for name, label in NAV_ITEMS if access.may(name)]
    organisations: dict[int, Any] = {}
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        organisations.setdefault(membership.organisation_id, membership.organisation)
    return {
        "nav_items": items,
        # Not "memberships": a page's own context (the account page) would hide this one.
        "switch_organisations": sorted(organisations.values(), key=lambda o: o.name.casefold()),
        "active_organisation": access.organisation,
        "active_roles": sorted(access.roles),
        "can_search": access.may("cases:list"),
    }
