"""Each role's allowed and denied actions on a sample of routes, per persona.

404 for records of another organisation or not assigned, exactly as for missing ones;
403 for pages a role may not use; the sign-in page for anonymous visitors.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.apps.accounts.models import RoleGrant
from safepassage.apps.linkage.models import LinkPair

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db

ALL = [*list(PERSONAS), "anonymous"]
OK, DENIED, HIDDEN, LOGIN = 200, 403, 404, 302
_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')

# route template -> {persona: expected status}; "{case}" etc. are filled from the world.
MATRIX: dict[str, dict[str, int]] = {
    "/": dict.fromkeys(PERSONAS, OK) | {"anonymous": LOGIN},
    "/account": dict.fromkeys(PERSONAS, OK) | {"anonymous": LOGIN},
    "/cases/": {
        "caseworker": OK,
        "colleague": OK,
        "vetting": OK,
        "coordinator": OK,
        "auditor": DENIED,
        "trustee": DENIED,
        "liaison": DENIED,
        "outsider_coordinator": OK,
        "outsider_caseworker": OK,
        "anonymous": LOGIN,
    },
    "/cases/{case}": {
        "caseworker": OK,
        "colleague": HIDDEN,
        "vetting": OK,
        "coordinator": OK,
        "auditor": HIDDEN,
        "trustee": HIDDEN,
        "liaison": HIDDEN,
        "outsider_coordinator": HIDDEN,
        "outsider_caseworker": HIDDEN,
        "anonymous": LOGIN,
    },
    "/cases/{unassigned}": {
        "caseworker": HIDDEN,
        "colleague": HIDDEN,
        "vetting": OK,
        "coordinator": OK,
        "auditor": HIDDEN,
        "trustee": HIDDEN,
        "liaison": HIDDEN,
        "outsider_coordinator": HIDDEN,
        "outsider_caseworker": HIDDEN,
        "anonymous": LOGIN,
    },
    "/cases/SP-NOPE-NOPE": dict.fromkeys(PERSONAS, HIDDEN) | {"anonymous": LOGIN},
    "/people": dict.fromkeys(PERSONAS, DENIED)
    | {"coordinator": OK, "outsider_coordinator": OK, "anonymous": LOGIN},
    "/people/{caseworker_id}": dict.fromkeys(PERSONAS, HIDDEN)
    | {"coordinator": OK, "anonymous": LOGIN},
    "/people/invite": dict.fromkeys(PERSONAS, DENIED)
    | {"coordinator": OK, "outsider_coordinator": OK, "anonymous": LOGIN},
    # POST-only: a GET reaches the view (405) only where the policy lets it through.
    "/people/{caseworker_id}/unlock": dict.fromkeys(PERSONAS, HIDDEN)
    | {"coordinator": 405, "outsider_coordinator": 405, "anonymous": LOGIN},
    "/people/grants/{grant}/approve": dict.fromkeys(PERSONAS, HIDDEN)
    | {"coordinator": 405, "outsider_coordinator": 405, "anonymous": LOGIN},
    "/people/grants/{grant}/decline": dict.fromkeys(PERSONAS, HIDDEN)
    | {"coordinator": 405, "outsider_coordinator": 405, "anonymous": LOGIN},
    "/linkage/lookup": dict.fromkeys(PERSONAS, DENIED)
    | {"coordinator": OK, "outsider_coordinator": OK, "anonymous": LOGIN},
    "/linkage/{pair}/decide": dict.fromkeys(PERSONAS, HIDDEN)
    | {"coordinator": 405, "outsider_coordinator": 405, "anonymous": LOGIN},
    "/audit/": dict.fromkeys(PERSONAS, DENIED)
    | {"coordinator": OK, "auditor": OK, "outsider_coordinator": OK, "anonymous": LOGIN},
}


def _path(template: str, world: World) -> str:
    return template.format(
        case=world.case.reference,
        unassigned=world.unassigned_case.reference,
        caseworker_id=world.users["caseworker"].pk,
        grant=_pending_grant(world),
        pair=_link_pair(world),
    )


def _link_pair(world: World) -> str:
    """A possible-duplicate pair of the organisation's two cases."""
    pair, _ = LinkPair.objects.get_or_create(
        case_a=world.case,
        case_b=world.unassigned_case,
        defaults={"score": 0.9, "decision": "possible", "kinds": "names", "reasons": [],
                  "rule_version": "sp-link-v1", "found_at": timezone.now()},
    )  # fmt: skip
    return pair.reference


def _pending_grant(world: World) -> int:
    """A coordinator grant proposed for the caseworker, waiting for a second coordinator."""
    grant, _ = RoleGrant.objects.get_or_create(
        organisation=world.org,
        user=world.users["caseworker"],
        role="coordinator",
        defaults={"proposed_by": world.users["coordinator"]},
    )
    return grant.pk


def _client(world: World, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        sign_in(client, world.users[persona])
    return client


@pytest.mark.parametrize("template", list(MATRIX))
@pytest.mark.parametrize("persona", ALL)
def test_route_answers_each_persona_as_the_policy_says(
    world: World, template: str, persona: str
) -> None:
    response = _client(world, persona).get(_path(template, world))
    assert response.status_code == MATRIX[template][persona]
    if response.status_code == LOGIN:
        assert response["Location"] == "/login"


def test_forbidden_case_and_missing_case_look_the_same(world: World) -> None:
    client = _client(world, "outsider_coordinator")
    forbidden = client.get(f"/cases/{world.case.reference}")
    missing = client.get("/cases/SP-ZZZZ-ZZZZ")
    assert forbidden.status_code == missing.status_code == 404

    # Identical apart from the page's own address (echoed in the language switch) and the
    # per-response CSRF mask.
    def normalise(body: bytes, reference: str) -> bytes:
        return _CSRF.sub(b"", body.replace(reference.encode(), b"X"))

    assert normalise(forbidden.content, world.case.reference) == normalise(
        missing.content, "SP-ZZZZ-ZZZZ"
    )


def test_case_list_shows_only_what_the_relation_allows(world: World) -> None:
    assigned = _client(world, "caseworker").get("/cases/").content.decode()
    assert world.case.reference in assigned
    assert world.unassigned_case.reference not in assigned
    assert world.other_case.reference not in assigned
    coordinator = _client(world, "coordinator").get("/cases/").content.decode()
    assert world.unassigned_case.reference in coordinator
    assert world.other_case.reference not in coordinator


def test_audit_verify_is_for_auditors(world: World) -> None:
    assert _client(world, "auditor").post("/audit/verify").status_code == OK
    assert _client(world, "coordinator").post("/audit/verify").status_code == DENIED
    assert _client(world, "anonymous").post("/audit/verify").status_code == LOGIN
