"""Personas and helpers for the web tests.

Two organisations; in the first, every role plus an assigned caseworker and a colleague
who is not assigned; in the second, a coordinator and a caseworker (the outsiders).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client

from safepassage.apps.accounts import seeds, totp
from safepassage.apps.accounts.models import Membership, Organisation, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.accounts.sessions import (
    SESSION_GENERATION,
    SESSION_LAST_SEEN,
    SESSION_ORGANISATION,
    SESSION_STARTED,
)
from safepassage.apps.cases.models import Case
from safepassage.apps.vault import keystore, rotation
from safepassage.cores.crypto import Keyring, new_root_key

PASSWORD = "correct horse battery staple"
# Each persona's TOTP seed, kept here because the database holds it only sealed.
SEEDS: dict[int, str] = {}


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    users: dict[str, User]
    case: Case  # in org, assigned to "caseworker"
    unassigned_case: Case  # in org, assigned to nobody
    other_case: Case  # in other_org


PERSONAS: dict[str, tuple[str, list[Role]]] = {
    "caseworker": ("org", [Role.CASEWORKER]),
    "colleague": ("org", [Role.CASEWORKER]),
    "vetting": ("org", [Role.VETTING_OFFICER]),
    "coordinator": ("org", [Role.COORDINATOR]),
    "auditor": ("org", [Role.AUDITOR]),
    "trustee": ("org", [Role.TRUSTEE]),
    "liaison": ("org", [Role.LIAISON]),
    "outsider_coordinator": ("other_org", [Role.COORDINATOR]),
    "outsider_caseworker": ("other_org", [Role.CASEWORKER]),
}


@pytest.fixture(autouse=True)
def _english_unless_asked() -> Iterator[None]:
    """A request in Russian leaves Russian active in the thread; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_hasher(settings: pytest.FixtureRequest) -> None:
    """Argon2 is what production uses; the tests of hashing itself opt back in."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def unsealed(
    db: None, settings: object, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Keyring]:
    """A fresh keyring for this test, installed in this process, dropped afterwards."""
    monkeypatch.setattr(rotation, "SETTLE_SECONDS", 0.0)  # no other process to wait for
    settings.KEYRING_STATE_PATH = f"{tmp_path}/keyring.state"  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = f"{tmp_path}/media"  # type: ignore[attr-defined]
    ring = Keyring.create(new_root_key())
    keystore.install(ring)
    yield ring
    keystore.drop()


@pytest.fixture
def world(unsealed: Keyring) -> World:
    org = Organisation.objects.create(slug="org-a", name="Organisation A")
    other = Organisation.objects.create(slug="org-b", name="Organisation B")
    orgs = {"org": org, "other_org": other}
    users: dict[str, User] = {}
    for name, (org_key, roles) in PERSONAS.items():
        user = User.objects.create_user(name, PASSWORD)
        SEEDS[user.pk] = totp.new_secret()
        seeds.store(user, SEEDS[user.pk])
        for role in roles:
            Membership.objects.create(user=user, organisation=orgs[org_key], role=role)
        users[name] = user
    case = Case.objects.create(organisation=org, stage="vetting")
    case.assignees.add(users["caseworker"])
    unassigned = Case.objects.create(organisation=org, stage="intake")
    other_case = Case.objects.create(organisation=other, stage="exit")
    other_case.assignees.add(users["outsider_caseworker"])
    return World(org, other, users, case, unassigned, other_case)


def sign_in(client: Client, user: User, organisation: Organisation | None = None) -> Client:
    """A signed-in session exactly as a real sign-in leaves it (without typing codes)."""
    client.force_login(user)
    session = client.session
    now = int(time.time())
    session[SESSION_STARTED] = now
    session[SESSION_LAST_SEEN] = now
    session[SESSION_GENERATION] = user.session_generation
    membership = Membership.objects.filter(user=user).first()
    chosen = (
        organisation.pk if organisation else (membership.organisation_id if membership else None)
    )
    session[SESSION_ORGANISATION] = chosen
    session.save()
    return client


def current_code(user: User, offset_steps: int = 0) -> str:
    seed = SEEDS.get(user.pk) or user.totp_secret
    return totp.code_at(seed, time.time() + offset_steps * totp.STEP_SECONDS)
