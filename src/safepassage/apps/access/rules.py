"""Vocabulary of the policy table: relations a user can have to a record, and rules."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from safepassage.apps.accounts.roles import Role


class Relation(enum.Enum):
    """How the user must relate to the record the route works on."""

    NONE = "none"  # the route works on no record (a list of one's own things, a form)
    OWN_ACCOUNT = "own_account"  # the user's own account or tokens
    ORGANISATION = "organisation"  # any record of the user's active organisation
    ASSIGNED = "assigned"  # only records of the active organisation assigned to the user


@dataclass(frozen=True)
class Rule:
    """One row of the policy: who may perform ``action`` and on which records.

    ``grants`` maps a role (in the active organisation) to the relation it needs.
    ``public`` routes need no sign-in; ``any_signed_in`` routes need a session but no role.
    ``record`` routes answer 404 (not 403) when denied, so ids reveal nothing.
    """

    action: str
    grants: Mapping[Role, Relation] = field(default_factory=dict)
    public: bool = False
    any_signed_in: bool = False
    record: bool = False
    needs_keys: bool = False  # answers 503 while the server is sealed

    def relations_for(self, roles: frozenset[str]) -> frozenset[Relation]:
        return frozenset(rel for role, rel in self.grants.items() if role.value in roles)

    def allows(self, roles: frozenset[str]) -> bool:
        return self.public or self.any_signed_in or bool(self.relations_for(roles))


def public(action: str) -> Rule:
    return Rule(action, public=True)


def signed_in(action: str) -> Rule:
    return Rule(action, any_signed_in=True)


def roles(
    action: str, relation: Relation, *allowed: Role, record: bool = False, needs_keys: bool = False
) -> Rule:
    return Rule(action, dict.fromkeys(allowed, relation), record=record, needs_keys=needs_keys)
