"""The access context of a request: who acts, for which organisation, under which rule.

Views never filter records themselves: they pass ``request.access`` to a queryset's
``visible_to`` method, which applies the relations the policy row grants.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.http import HttpRequest

from safepassage.apps.access.policy import POLICY
from safepassage.apps.access.rules import Relation, Rule
from safepassage.apps.accounts.models import Membership, Organisation, User


@dataclass(frozen=True)
class AccessContext:
    user: User
    organisation: Organisation | None
    roles: frozenset[str]
    rule: Rule

    @property
    def relations(self) -> frozenset[Relation]:
        return self.rule.relations_for(self.roles)

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.pk if self.organisation else None

    def require_organisation(self) -> Organisation:
        """The active organisation, on a route that needs a role: roles come only with one
        (``roles_in``), so the policy lets no request without it through to such a route."""
        if self.organisation is None:
            raise NoAccessContext("this route needs an active organisation")
        return self.organisation

    def may(self, route_name: str) -> bool:
        """Would the policy let this user use another route (for links and menus)?"""
        return POLICY[route_name].allows(self.roles)

    def under(self, route_name: str) -> AccessContext:
        """The same user acting under another route's rule (e.g. a count on the overview)."""
        return replace(self, rule=POLICY[route_name])


def roles_in(user: User, organisation_id: int | None) -> tuple[Organisation | None, frozenset[str]]:
    """The user's roles in one organisation, straight from the database (changes apply at once)."""
    if organisation_id is None:
        return None, frozenset()
    memberships = list(
        Membership.objects.filter(user=user, organisation_id=organisation_id).select_related(
            "organisation"
        )
    )
    if not memberships:
        return None, frozenset()
    return memberships[0].organisation, frozenset(m.role for m in memberships)


class NoAccessContext(LookupError):
    """A view asked for the access context on a route the policy did not check (a bug)."""


def attach_access(request: HttpRequest, access: AccessContext) -> None:
    """Only the policy middleware calls this, once per request it lets through."""
    # HttpRequest declares no such attribute (in Django or its stubs); access_of() reads it
    # back with getattr and an isinstance check, so every reader is typed.
    request.access = access  # type: ignore[attr-defined]


def access_of(request: HttpRequest) -> AccessContext:
    """The access context the policy middleware built: the one way pages and API read it."""
    access = getattr(request, "access", None)
    if not isinstance(access, AccessContext):
        raise NoAccessContext("this route has no access context")
    return access


def access_if_any(request: HttpRequest) -> AccessContext | None:
    """For templates and menus, which also render on public pages (sign-in, errors)."""
    access = getattr(request, "access", None)
    return access if isinstance(access, AccessContext) else None
