"""Coordinators manage their own organisation's people and nobody else's."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership, User

from .conftest import PASSWORD, World, sign_in

pytestmark = pytest.mark.django_db

_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def _roles(user: User, world: World) -> set[str]:
    return set(
        Membership.objects.filter(user=user, organisation=world.org).values_list("role", flat=True)
    )


def test_invite_creates_account_and_one_time_setup_link(world: World) -> None:
    coordinator = sign_in(Client(), world.users["coordinator"])
    response = coordinator.post("/people/invite", {"username": "new.cw", "role": "caseworker"})
    link = re.search(r"/setup/[A-Za-z0-9_-]+", response.content.decode()).group(0)
    username = _invited_username(response.content)
    newcomer = Client()
    assert newcomer.get(link).status_code == 200
    weak = newcomer.post(link, {"password": "short", "confirm": "short"})
    assert weak.status_code == 200
    assert User.objects.get(username=username).has_usable_password() is False
    done = newcomer.post(link, {"password": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 302
    assert newcomer.get(link).status_code == 404  # one time only
    first = newcomer.post("/login", {"username": username, "password": PASSWORD, "code": ""})
    assert first["Location"] == "/login/enrol"


def test_two_requests_racing_with_one_setup_link_set_one_password(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second request read the link as unused, but the first finished meanwhile."""
    from safepassage.apps.accounts.models import SetupToken
    from safepassage.apps.shell.account import signin

    coordinator = sign_in(Client(), world.users["coordinator"])
    response = coordinator.post("/people/invite", {"username": "race.cw", "role": "caseworker"})
    link = re.search(r"/setup/[A-Za-z0-9_-]+", response.content.decode()).group(0)
    username = _invited_username(response.content)
    checked = signin.NewPasswordForm.is_valid

    def first_request_finishes_meanwhile(form: object) -> bool:
        SetupToken.objects.filter(user__username=username).update(used_at="2026-01-01T00:00Z")
        return checked(form)  # type: ignore[arg-type]

    monkeypatch.setattr(signin.NewPasswordForm, "is_valid", first_request_finishes_meanwhile)
    late = Client().post(link, {"password": PASSWORD, "confirm": PASSWORD})
    assert late.status_code == 404
    assert User.objects.get(username=username).has_usable_password() is False


def _invited_username(content: bytes) -> str:
    return re.search(r'class="username">([a-z0-9._-]+)<', content.decode()).group(1)


def test_invites_do_not_tell_which_usernames_exist_anywhere(world: World) -> None:
    """A taken name (ours, another organisation's, in any case) answers like a free one."""
    coordinator = sign_in(Client(), world.users["coordinator"])
    pages = {}
    for typed in ("Outsider_Caseworker", "auditor", "never-used-before"):
        response = coordinator.post("/people/invite", {"username": typed, "role": "caseworker"})
        assert response.status_code == 200
        assert b"taken" not in response.content
        name = _invited_username(response.content)
        assert name.startswith(typed.lower() + "-")
        assert User.objects.filter(username=name).exists()
        pages[typed] = _CSRF.sub(b"", response.content).replace(name.encode(), b"NAME")
        pages[typed] = re.sub(rb"/setup/[A-Za-z0-9_-]+", b"LINK", pages[typed])
        pages[typed] = re.sub(rb"<svg.*?</svg>", b"QR", pages[typed], flags=re.S)
    assert len(set(pages.values())) == 1
    # The accounts that existed before are untouched.
    assert User.objects.get(username="auditor").memberships.count() == 1


def test_coordinator_changes_roles_and_they_apply_at_once(world: World) -> None:
    member = world.users["colleague"]
    colleague = sign_in(Client(), member)
    assert colleague.get("/audit/").status_code == 403
    coordinator = sign_in(Client(), world.users["coordinator"])
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["caseworker", "auditor"]})
    assert _roles(member, world) == {"caseworker", "auditor"}
    assert colleague.get("/audit/").status_code == 200
    coordinator.post(f"/people/{member.pk}/roles", {"roles": ["auditor"]})
    assert _roles(member, world) == {"auditor"}


def test_nobody_changes_their_own_roles(world: World) -> None:
    me = world.users["coordinator"]
    client = sign_in(Client(), me)
    client.post(f"/people/{me.pk}/roles", {"roles": ["coordinator", "auditor"]})
    assert _roles(me, world) == {"coordinator"}


def test_other_organisations_coordinator_cannot_touch_our_people(world: World) -> None:
    member = world.users["caseworker"]
    outsider = sign_in(Client(), world.users["outsider_coordinator"])
    response = outsider.post(f"/people/{member.pk}/roles", {"roles": ["coordinator"]})
    assert response.status_code == 404
    assert _roles(member, world) == {"caseworker"}
    listing = outsider.get("/people").content.decode()
    assert "caseworker" in listing  # their own caseworker is there...
    assert f"/people/{member.pk}" not in listing  # ...ours is not


def test_non_coordinators_cannot_change_roles(world: World) -> None:
    member = world.users["colleague"]
    for persona in ("caseworker", "vetting", "auditor", "trustee", "liaison"):
        client = sign_in(Client(), world.users[persona])
        assert (
            client.post(f"/people/{member.pk}/roles", {"roles": ["coordinator"]}).status_code == 404
        )
    assert (
        Client().post(f"/people/{member.pk}/roles", {"roles": ["coordinator"]}).status_code == 302
    )
    assert _roles(member, world) == {"caseworker"}


def test_switching_to_an_organisation_one_does_not_belong_to_is_refused(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert (
        client.post("/account/organisation", {"organisation": world.other_org.pk}).status_code
        == 404
    )
    assert client.get("/people").status_code == 200
