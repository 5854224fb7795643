"""Session lifetimes against a controlled clock: 30 minutes idle, 10 hours in all.

The clock is ``accounts.clock.now``, moved by hand; nothing sleeps.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from safepassage.apps.accounts import clock

from .conftest import PASSWORD, World, current_code

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def advance(self, **delta: float) -> None:
        self.moment += datetime.timedelta(**delta)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> Clock:
    controlled = Clock()
    monkeypatch.setattr(clock, "now", lambda: controlled.moment)
    return controlled


def _signed_in(world: World, step: int = 0) -> Client:
    """A real sign-in; ``step`` picks the next time step's code (codes are single-use)."""
    client = Client()
    code = current_code(world.users["coordinator"], step)
    response = client.post(
        "/login", {"username": "coordinator", "password": PASSWORD, "code": code}
    )
    assert response.status_code == 302
    return client


def _alive(client: Client) -> bool:
    response = client.get("/account")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_a_session_survives_29_minutes_idle_and_ends_after_30(world: World, frozen: Clock) -> None:
    client = _signed_in(world)
    frozen.advance(minutes=29, seconds=59)
    assert _alive(client)  # and that request counts as activity
    frozen.advance(minutes=30)
    assert _alive(client)
    frozen.advance(minutes=30, seconds=1)
    assert not _alive(client)


def test_an_active_session_still_ends_after_ten_hours(world: World, frozen: Clock) -> None:
    client = _signed_in(world)
    for _ in range(29):  # a request every 20 minutes, for 9 h 40 min
        frozen.advance(minutes=20)
        assert _alive(client)
    frozen.advance(minutes=19, seconds=59)  # 9 h 59 min 59 s after sign-in
    assert _alive(client)
    frozen.advance(seconds=2)
    assert not _alive(client)


def test_an_ended_session_stays_ended_when_the_clock_is_turned_back(
    world: World, frozen: Clock
) -> None:
    client = _signed_in(world)
    frozen.advance(minutes=31)
    assert not _alive(client)
    frozen.advance(minutes=-31)
    assert not _alive(client)


def test_the_operator_can_shorten_both_limits(
    world: World, frozen: Clock, settings: object
) -> None:
    settings.SESSION_IDLE_SECONDS = 300  # type: ignore[attr-defined]
    settings.SESSION_ABSOLUTE_SECONDS = 900  # type: ignore[attr-defined]
    client = _signed_in(world)
    frozen.advance(minutes=5, seconds=1)
    assert not _alive(client)
    client = _signed_in(world, step=1)
    for _ in range(3):
        frozen.advance(minutes=4)
        assert _alive(client)
    frozen.advance(minutes=3, seconds=1)  # 15 min 1 s in all
    assert not _alive(client)
