"""Organisations: the switcher, links to a case in one's other organisation, adding an
existing account by username without telling whether it exists, and coordinators resetting
a member's second factor or password or disabling the account."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from safepassage.apps.accounts import seeds
from safepassage.apps.accounts.models import (
    Membership,
    MembershipOffer,
    RecoveryCode,
    TotpSeal,
    User,
)
from safepassage.apps.accounts.recovery import replace_recovery_codes
from safepassage.apps.accounts.roles import Role
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.models import AuditEntry

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db

_CSRF = re.compile(rb'value="[A-Za-z0-9]{64}"')


def _two_hats(world: World, role_b: str = Role.COORDINATOR) -> User:
    """A coordinator of organisation A who also works in organisation B."""
    user = User.objects.create_user("two-hats", "x" * 16)
    Membership.objects.create(user=user, organisation=world.org, role=Role.COORDINATOR)
    Membership.objects.create(user=user, organisation=world.other_org, role=role_b)
    return user


def test_two_roles_in_one_organisation_show_no_switcher(world: World) -> None:
    Membership.objects.create(
        user=world.users["caseworker"], organisation=world.org, role=Role.VETTING_OFFICER
    )
    client = sign_in(Client(), world.users["caseworker"])
    for page in ("/", "/account"):
        assert 'id="org-switch"' not in client.get(page).content.decode()


def test_the_switcher_names_each_organisation_and_switches(world: World) -> None:
    user = _two_hats(world)
    client = sign_in(Client(), user, world.org)
    page = client.get("/account").content.decode()  # the page that hid it before
    options = re.findall(r'<option value="(\d+)"( selected)?>([^<]*)</option>', page)
    assert {(int(v), name) for v, _, name in options} >= {
        (world.org.pk, "Organisation A"),
        (world.other_org.pk, "Organisation B"),
    }
    switched = client.post("/account/organisation", {"organisation": world.other_org.pk})
    assert switched.status_code == 302
    assert switched["Location"] == "/"
    assert world.other_case.reference in client.get("/cases/").content.decode()
    refused = sign_in(Client(), world.users["caseworker"]).post(
        "/account/organisation", {"organisation": world.other_org.pk}
    )
    assert refused.status_code == 404


def test_a_case_in_my_other_organisation_offers_to_switch(world: World) -> None:
    user = _two_hats(world)
    client = sign_in(Client(), user, world.org)
    reference = world.other_case.reference
    offer = client.get(f"/cases/{reference}")
    assert offer.status_code == 404
    page = offer.content.decode()
    assert "Organisation B" in page
    assert "Switch to Organisation B" in page
    switched = client.post(
        "/account/organisation",
        {"organisation": world.other_org.pk, "next": f"/cases/{reference}"},
    )
    assert switched["Location"] == f"/cases/{reference}"
    assert client.get(f"/cases/{reference}").status_code == 200
    # Anything but a case page sends the user home.
    elsewhere = client.post(
        "/account/organisation", {"organisation": world.org.pk, "next": "https://evil.example/"}
    )
    assert elsewhere["Location"] == "/"


def test_no_offer_to_whoever_could_not_open_the_case_there(world: World) -> None:
    # A caseworker in B sees only cases assigned to them: this one is not.
    user = _two_hats(world, Role.CASEWORKER)
    page = sign_in(Client(), user, world.org).get(f"/cases/{world.other_case.reference}")
    assert page.status_code == 404
    assert "Switch to Organisation B" not in page.content.decode()
    # Someone of B alone learns nothing about A's cases: a missing case looks the same.
    outsider = sign_in(Client(), world.users["outsider_coordinator"])
    forbidden = outsider.get(f"/cases/{world.case.reference}")
    missing = outsider.get("/cases/SP-ZZZZ-ZZZZ")
    assert "Organisation A" not in forbidden.content.decode()
    assert _CSRF.sub(b"", forbidden.content.replace(world.case.reference.encode(), b"X")) == (
        _CSRF.sub(b"", missing.content.replace(b"SP-ZZZZ-ZZZZ", b"X"))
    )


def test_a_lowercase_reference_opens_the_case(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    assert client.get(f"/cases/{world.case.reference.lower()}").status_code == 200


# Adding an existing account by username.


def _offer(client: Client, username: str) -> bytes:
    response = client.post(
        "/people/add-existing", {"username": username, "role": "caseworker"}, follow=True
    )
    assert response.status_code == 200
    return _CSRF.sub(b"", response.content)


def test_adding_an_existing_account_never_tells_whether_it_exists(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    existing = _offer(client, "outsider_caseworker")
    missing = _offer(client, "nobody-here")
    assert existing == missing
    assert b"If an account with that username exists" in existing
    offers = MembershipOffer.objects.all()
    assert [(o.user_id, o.organisation_id) for o in offers] == [
        (world.users["outsider_caseworker"].pk, world.org.pk)
    ]
    entries = AuditEntry.objects.filter(action="organisation.offer_membership")
    assert entries.count() == 2
    assert {(e.target_type, e.target_ref) for e in entries} == {("", "")}
    # Nothing changed yet: the person is not among this organisation's people.
    assert "outsider_caseworker" not in client.get("/people").content.decode()


def test_the_owner_accepts_or_declines_on_their_account_page(world: World) -> None:
    coordinator = sign_in(Client(), world.users["coordinator"])
    _offer(coordinator, "OUTSIDER_CASEWORKER")
    offer = MembershipOffer.objects.get()
    someone_else = sign_in(Client(), world.users["caseworker"])
    assert someone_else.post(f"/account/offers/{offer.pk}/accept").status_code == 404
    owner = sign_in(Client(), world.users["outsider_caseworker"])
    page = owner.get("/account").content.decode()
    assert "Organisation A offers you the role Caseworker" in page
    assert owner.post(f"/account/offers/{offer.pk}/accept").status_code == 302
    assert Membership.objects.filter(
        user=world.users["outsider_caseworker"], organisation=world.org, role="caseworker"
    ).exists()
    assert "outsider_caseworker" in coordinator.get("/people").content.decode()
    _offer(coordinator, "auditor")  # already a member, in another role: an offer
    declined = MembershipOffer.objects.get(user=world.users["auditor"])
    sign_in(Client(), world.users["auditor"]).post(f"/account/offers/{declined.pk}/decline")
    assert not MembershipOffer.objects.exists()
    assert not Membership.objects.filter(user=world.users["auditor"], role="caseworker").exists()


def test_the_coordinator_role_is_not_offered(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    response = client.post(
        "/people/add-existing", {"username": "outsider_caseworker", "role": "coordinator"}
    )
    assert response.status_code == 200  # the form again: not a choice
    assert not MembershipOffer.objects.exists()


# Resetting and disabling.


def _enrolled(user: User) -> None:
    seeds.store(user, "JBSWY3DPEHPK3PXP")
    replace_recovery_codes(user)


def test_resetting_the_second_factor_ends_every_session(world: World) -> None:
    member = world.users["caseworker"]
    _enrolled(member)
    theirs = sign_in(Client(), member)
    assert theirs.get("/").status_code == 200
    coordinator = sign_in(Client(), world.users["coordinator"])
    response = coordinator.post(f"/people/{member.pk}/reset-second-factor", follow=True)
    assert "Second factor reset" in response.content.decode()
    assert not TotpSeal.objects.filter(user=member).exists()
    assert not RecoveryCode.objects.filter(user=member).exists()
    assert theirs.get("/")["Location"] == "/login"
    entry = AuditEntry.objects.get(action="organisation.reset_second_factor")
    assert (entry.target_type, entry.target_ref) == ("user", str(member.pk))


def test_resetting_the_password_gives_a_new_setup_link(world: World) -> None:
    member = world.users["caseworker"]
    theirs = sign_in(Client(), member)
    coordinator = sign_in(Client(), world.users["coordinator"])
    page = coordinator.post(f"/people/{member.pk}/reset-password").content.decode()
    link = re.search(r"http://testserver(/setup/[^<\s\"]+)", page)
    assert link is not None
    assert not User.objects.get(pk=member.pk).has_usable_password()
    assert theirs.get("/")["Location"] == "/login"
    chosen = "a new and long passphrase 7"
    done = Client().post(link.group(1), {"password": chosen, "confirm": chosen})
    assert done.status_code == 302
    assert User.objects.get(pk=member.pk).check_password(chosen)
    assert AuditEntry.objects.filter(action="organisation.reset_password").count() == 1


def test_disabling_ends_sessions_and_api_tokens_and_can_be_undone(world: World) -> None:
    member = world.users["caseworker"]
    token = issue_token(Membership.objects.get(user=member), "laptop")
    theirs = sign_in(Client(), member)
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"/people/{member.pk}/disable", {"disabled": "1"})
    assert not User.objects.get(pk=member.pk).is_active
    assert theirs.get("/")["Location"] == "/login"
    api = Client().get("/api/v1/", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 401
    coordinator.post(f"/people/{member.pk}/disable", {"disabled": "0"})
    assert User.objects.get(pk=member.pk).is_active
    actions = list(
        AuditEntry.objects.filter(target_ref=str(member.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["organisation.disable_account", "organisation.enable_account"]


def test_what_a_coordinator_may_not_reset_or_disable(world: World) -> None:
    second = User.objects.create_user("coordinator-2", "x" * 16)
    Membership.objects.create(user=second, organisation=world.org, role=Role.COORDINATOR)
    client = sign_in(Client(), world.users["coordinator"])
    refused = client.post(f"/people/{second.pk}/reset-password", follow=True)
    assert "cannot be reset here" in refused.content.decode()
    assert User.objects.get(pk=second.pk).has_usable_password()
    two_hats = _two_hats(world, Role.CASEWORKER)
    other = client.post(f"/people/{two_hats.pk}/disable", {"disabled": "1"}, follow=True)
    assert "also belongs to another organisation" in other.content.decode()
    assert User.objects.get(pk=two_hats.pk).is_active
    me = world.users["coordinator"]
    own = client.post(f"/people/{me.pk}/disable", {"disabled": "1"}, follow=True)
    assert "your own account" in own.content.decode()
    # Disabling another coordinator (a stolen account) is allowed.
    client.post(f"/people/{second.pk}/disable", {"disabled": "1"})
    assert not User.objects.get(pk=second.pk).is_active


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
@pytest.mark.parametrize("action", ["reset-second-factor", "reset-password", "disable"])
def test_only_this_organisations_coordinators_reach_these(
    world: World, persona: str, action: str
) -> None:
    target = world.users["colleague"]
    client = Client() if persona == "anonymous" else sign_in(Client(), world.users[persona])
    response = client.post(f"/people/{target.pk}/{action}", {"disabled": "1"})
    expected = {"coordinator": (200, 302), "anonymous": (302,)}.get(persona, (404,))
    assert response.status_code in expected
    if persona == "anonymous":
        assert response["Location"] == "/login"
    if persona != "coordinator":
        assert User.objects.get(pk=target.pk).is_active
        assert User.objects.get(pk=target.pk).has_usable_password()


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_who_may_add_an_existing_account(world: World, persona: str) -> None:
    client = Client() if persona == "anonymous" else sign_in(Client(), world.users[persona])
    response = client.get("/people/add-existing")
    expected = {"coordinator": 200, "outsider_coordinator": 200, "anonymous": 302}
    assert response.status_code == expected.get(persona, 403)
