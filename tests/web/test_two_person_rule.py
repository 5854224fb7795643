"""Raising someone to coordinator, and deleting a case, each need a second coordinator;
new accounts are announced to the coordinators and their setup links are short-lived."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.apps.accounts.members import issue_setup_token
from safepassage.apps.accounts.models import Membership, RoleGrant, SetupToken, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Case, Notification

from .conftest import PASSWORD, World, sign_in

pytestmark = pytest.mark.django_db


def _second_coordinator(world: World) -> User:
    user = User.objects.create_user("second-coordinator", PASSWORD)
    Membership.objects.create(user=user, organisation=world.org, role=Role.COORDINATOR)
    return user


def _roles(user: User, world: World) -> set[str]:
    rows = Membership.objects.filter(user=user, organisation=world.org)
    return set(rows.values_list("role", flat=True))


def test_a_coordinator_grant_waits_for_a_second_coordinator(world: World) -> None:
    member, proposer = world.users["colleague"], world.users["coordinator"]
    first = sign_in(Client(), proposer)
    first.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]})
    assert _roles(member, world) == {"caseworker"}
    grant = RoleGrant.objects.get(user=member, organisation=world.org)
    assert grant.role == "coordinator"
    assert grant.proposed_by_id == proposer.pk
    # The proposer cannot approve their own proposal.
    first.post(f"/people/grants/{grant.pk}/approve")
    assert _roles(member, world) == {"caseworker"}
    second = sign_in(Client(), _second_coordinator(world))
    assert second.post(f"/people/grants/{grant.pk}/approve").status_code == 302
    assert _roles(member, world) == {"caseworker", "coordinator"}
    assert not RoleGrant.objects.exists()
    entry = AuditEntry.objects.get(action="organisation.approve_role", outcome="ok")
    assert entry.target_ref == str(member.pk)


def test_a_pending_grant_can_be_declined_and_outsiders_cannot_touch_it(world: World) -> None:
    member = world.users["colleague"]
    sign_in(Client(), world.users["coordinator"]).post(
        f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]}
    )
    grant = RoleGrant.objects.get()
    outsider = sign_in(Client(), world.users["outsider_coordinator"])
    assert outsider.post(f"/people/grants/{grant.pk}/approve").status_code == 404
    assert outsider.post(f"/people/grants/{grant.pk}/decline").status_code == 404
    assert _roles(member, world) == {"caseworker"}
    sign_in(Client(), world.users["coordinator"]).post(f"/people/grants/{grant.pk}/decline")
    assert not RoleGrant.objects.exists()
    assert _roles(member, world) == {"caseworker"}


def test_the_only_coordinator_is_told_what_is_needed(world: World) -> None:
    member = world.users["colleague"]
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]})
    page = coordinator.get(f"/people/{member.pk}").content.decode()
    assert "only coordinator" in page
    assert "createadmin" in page


def test_an_invitation_cannot_create_a_coordinator(world: World) -> None:
    coordinator = sign_in(Client(), world.users["coordinator"])
    before = User.objects.count()
    response = coordinator.post("/people/invite", {"username": "boss", "role": "coordinator"})
    assert response.status_code == 200
    assert User.objects.count() == before
    assert not Membership.objects.filter(role="coordinator", user__username__startswith="boss")


def test_deleting_a_case_needs_a_second_coordinator_typing_its_reference(world: World) -> None:
    case = world.unassigned_case
    ref = case.reference
    first = sign_in(Client(), world.users["coordinator"])
    assert first.post(f"/cases/{ref}/delete", {"reference": ref}).status_code == 302
    assert Case.objects.filter(pk=case.pk).exists()  # only requested
    first.post(f"/cases/{ref}/delete", {"reference": ref})  # the requester again: nothing
    assert Case.objects.filter(pk=case.pk).exists()
    second = sign_in(Client(), _second_coordinator(world))
    wrong = second.post(f"/cases/{ref}/delete", {"reference": "SP-XXXX-XXXX"})
    assert wrong.status_code == 200
    assert Case.objects.filter(pk=case.pk).exists()
    assert second.post(f"/cases/{ref}/delete", {"reference": ref}).status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()
    requests = AuditEntry.objects.filter(action="case.request_delete", target_ref=ref)
    assert requests.filter(outcome="ok").count() == 1
    assert requests.filter(outcome="denied").count() == 1  # the requester's second try
    shred = AuditEntry.objects.get(action="case.shred", target_ref=ref)
    assert shred.detail["requested_by"] == world.users["coordinator"].pk


def test_setup_links_are_short_lived_single_and_shown_for_handing_over(world: World) -> None:
    coordinator = sign_in(Client(), world.users["coordinator"])
    response = coordinator.post("/people/invite", {"username": "newcomer", "role": "caseworker"})
    body = response.content.decode()
    assert "<svg" in body  # a QR code of the link, to scan from the screen or a printed card
    row = SetupToken.objects.get()
    assert row.expires_at <= timezone.now() + timedelta(hours=24)
    link = re.search(r"/setup/[A-Za-z0-9_-]+", body).group(0)
    issue_setup_token(row.user)  # a new link replaces the old one
    assert Client().get(link).status_code == 404


def test_coordinators_hear_of_every_new_account(world: World) -> None:
    second = _second_coordinator(world)
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post("/people/invite", {"username": "newcomer", "role": "caseworker"})
    told = set(Notification.objects.filter(kind="account_created").values_list("user", flat=True))
    assert told == {world.users["coordinator"].pk, second.pk}
    page = sign_in(Client(), second).get("/safety/attention/").content.decode()
    assert "new account" in page


@pytest.mark.parametrize(
    "persona", ["caseworker", "colleague", "vetting", "auditor", "trustee", "liaison"]
)
def test_only_coordinators_of_the_organisation_decide_grants(world: World, persona: str) -> None:
    member = world.users["colleague"]
    sign_in(Client(), world.users["coordinator"]).post(
        f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]}
    )
    grant = RoleGrant.objects.get()
    client = sign_in(Client(), world.users[persona])
    assert client.post(f"/people/grants/{grant.pk}/approve").status_code == 404
    assert Client().post(f"/people/grants/{grant.pk}/approve").status_code == 302  # to sign-in
    assert _roles(member, world) == {"caseworker"}


def test_the_other_coordinators_hear_of_what_waits_for_them(world: World) -> None:
    second = _second_coordinator(world)
    coordinator = sign_in(Client(), world.users["coordinator"])
    member = world.users["colleague"]
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]})
    ref = world.unassigned_case.reference
    coordinator.post(f"/cases/{ref}/delete", {"reference": ref})
    told = Notification.objects.filter(kind__in=["role_proposed", "deletion_requested"])
    assert sorted(told.values_list("kind", "user")) == [
        ("deletion_requested", second.pk),
        ("role_proposed", second.pk),
    ]
    assert told.get(kind="deletion_requested").case_id == world.unassigned_case.pk


def test_createadmin_announces_a_new_coordinator_to_the_existing_ones(world: World) -> None:
    from safepassage.cli import main

    assert main(["createadmin", "--organisation", "org-a", "--username", "coord-two"]) == 0
    told = Notification.objects.filter(kind="account_created").values_list("user", flat=True)
    assert list(told) == [world.users["coordinator"].pk]


def test_a_grant_withdrawn_by_saving_roles_is_audited(world: World) -> None:
    """Unticking a pending coordinator role drops the proposal, and the audit trail says so,
    as it does for the Withdraw button."""
    member = world.users["colleague"]
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]})
    assert RoleGrant.objects.exists()
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["caseworker"]})
    assert not RoleGrant.objects.exists()
    entry = AuditEntry.objects.get(action="organisation.decline_role")
    assert entry.target_ref == str(member.pk)
    assert entry.actor_id == world.users["coordinator"].pk
    assert entry.detail["role"] == "coordinator"


def test_a_grant_withdrawn_while_being_approved_grants_nothing(world: World) -> None:
    """Approval claims the pending grant: if it was withdrawn meanwhile (another request
    between the approver's read and write), no membership is created and nothing audited."""
    from safepassage.apps.accounts import grants

    member = world.users["colleague"]
    sign_in(Client(), world.users["coordinator"]).post(
        f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]}
    )
    stale = RoleGrant.objects.get()
    grants.decline(RoleGrant.objects.get(), actor=world.users["coordinator"])
    with pytest.raises(grants.GrantGone):
        grants.approve(stale, actor=_second_coordinator(world))
    assert _roles(member, world) == {"caseworker"}
    assert not AuditEntry.objects.filter(action="organisation.approve_role").exists()


def test_a_coordinator_trying_to_be_their_own_second_is_audited(world: World) -> None:
    """Approving one's own proposal, or confirming one's own deletion request, is refused
    and leaves a denied entry: a phished coordinator probing the rule is visible."""
    member, proposer = world.users["colleague"], world.users["coordinator"]
    client = sign_in(Client(), proposer)
    client.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "coordinator"]})
    client.post(f"/people/grants/{RoleGrant.objects.get().pk}/approve")
    ref = world.unassigned_case.reference
    client.post(f"/cases/{ref}/delete", {"reference": ref})
    client.post(f"/cases/{ref}/delete", {"reference": ref})
    denied = AuditEntry.objects.filter(outcome="denied", actor_id=proposer.pk)
    assert set(denied.values_list("action", flat=True)) == {
        "organisation.approve_role",
        "case.request_delete",
    }
    assert Case.objects.filter(pk=world.unassigned_case.pk).exists()
    assert _roles(member, world) == {"caseworker"}
