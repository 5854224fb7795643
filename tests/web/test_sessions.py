"""Short, revocable sessions: idle and absolute timeouts, sign-out everywhere."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.test import Client

from safepassage.apps.accounts.sessions import SESSION_LAST_SEEN, SESSION_STARTED

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _age_session(client: Client, key: str, seconds: int) -> None:
    session = client.session
    session[key] = int(time.time()) - seconds
    session.save()


def test_idle_session_ends(world: World, settings: object) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get("/").status_code == 200
    _age_session(client, SESSION_LAST_SEEN, 31 * 60)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/login"


def test_absolute_lifetime_ends_even_an_active_session(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    _age_session(client, SESSION_STARTED, 10 * 3600 + 5)
    assert client.get("/").status_code == 302


def test_sign_out_ends_every_session_of_the_user(world: World) -> None:
    user = world.users["coordinator"]
    laptop = sign_in(Client(), user)
    phone = sign_in(Client(), user)
    response = laptop.post("/logout")
    assert response.status_code == 302
    assert '"cache"' in response["Clear-Site-Data"]
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0
    assert phone.get("/").status_code == 302


def test_sign_out_needs_post(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200


def test_disabled_account_loses_its_sessions(world: World) -> None:
    user = world.users["coordinator"]
    client = sign_in(Client(), user)
    user.is_active = False
    user.save()
    assert client.get("/").status_code == 302


def test_the_sessions_table_holds_no_usable_session_id(world: World) -> None:
    from django.contrib.sessions.models import Session

    from .conftest import PASSWORD, current_code

    client = Client()
    client.post(
        "/login",
        {
            "username": "coordinator",
            "password": PASSWORD,
            "code": current_code(world.users["coordinator"]),
        },
    )
    cookie = client.cookies["sp_session"].value
    assert client.get("/").status_code == 200
    stored = set(Session.objects.values_list("session_key", flat=True))
    assert cookie not in stored
    thief = Client()
    for key in stored:  # what a copy of the database gives an attacker
        thief.cookies["sp_session"] = key
        assert thief.get("/").status_code == 302
