"""Malicious lockout: a browser that signed in before passes a throttle an attacker caused,
and a coordinator can lift a throttle; the throttle table keeps no guessable digest."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.apps.accounts.models import SignInThrottle
from safepassage.apps.audit.models import AuditEntry

from .conftest import PASSWORD, World, current_code, sign_in

pytestmark = pytest.mark.django_db


def _attempt(client: Client, username: str, password: str, code: str = "") -> int:
    response = client.post("/login", {"username": username, "password": password, "code": code})
    return response.status_code


def _lock_out(username: str, attempts: int = 6) -> None:
    attacker = Client()
    for _ in range(attempts):
        _attempt(attacker, username, "wrong guess")


def test_a_browser_that_signed_in_before_passes_an_attackers_lockout(world: World) -> None:
    user = world.users["caseworker"]
    laptop = Client()
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user)) == 302
    laptop.post("/logout")
    _lock_out("caseworker")
    # A stranger's browser with the right credentials is still refused (throttled)...
    assert _attempt(Client(), "caseworker", PASSWORD, current_code(user, 1)) == 200
    # ...but the caseworker's own browser carries the device cookie and gets in.
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user, 1)) == 302


def test_a_device_cookie_is_throttled_too_and_belongs_to_one_account(world: World) -> None:
    user = world.users["caseworker"]
    laptop = Client()
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user)) == 302
    laptop.post("/logout")
    for _ in range(6):  # a thief with the cookie but not the password is throttled as well
        assert _attempt(laptop, "caseworker", "wrong guess") == 200
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user, 1)) == 200
    # The cookie does nothing for another account.
    _lock_out("vetting")
    vetting = world.users["vetting"]
    assert _attempt(laptop, "vetting", PASSWORD, current_code(vetting)) == 200


def test_a_forged_device_cookie_does_not_pass(world: World, settings: object) -> None:
    user = world.users["caseworker"]
    _lock_out("caseworker")
    forger = Client()
    forger.cookies[settings.DEVICE_COOKIE_NAME] = "AAAAAAAAAAAAAAAAAAAAAA.deadbeef"  # type: ignore[attr-defined]
    assert _attempt(forger, "caseworker", PASSWORD, current_code(user)) == 200


def test_coordinator_unlocks_a_throttled_member_and_it_is_audited(world: World) -> None:
    member = world.users["caseworker"]
    _lock_out("caseworker")
    coordinator = sign_in(Client(), world.users["coordinator"])
    page = coordinator.get(f"/people/{member.pk}").content.decode()
    assert "Sign-in is paused" in page
    assert coordinator.post(f"/people/{member.pk}/unlock").status_code == 302
    entry = AuditEntry.objects.filter(action="organisation.unlock_sign_in").get()
    assert entry.target_ref == str(member.pk)
    assert entry.actor_id == world.users["coordinator"].pk
    assert _attempt(Client(), "caseworker", PASSWORD, current_code(member)) == 302


def test_an_unlock_gives_one_try_not_a_fresh_allowance_of_guesses(world: World) -> None:
    member = world.users["caseworker"]
    _lock_out("caseworker")
    coordinator = sign_in(Client(), world.users["coordinator"])
    assert coordinator.post(f"/people/{member.pk}/unlock").status_code == 302
    _attempt(Client(), "caseworker", "one more wrong guess")
    # Paused again at once: even the right password waits.
    assert _attempt(Client(), "caseworker", PASSWORD, current_code(member)) == 200


def test_another_organisations_coordinator_cannot_unlock_our_people(world: World) -> None:
    member = world.users["caseworker"]
    _lock_out("caseworker")
    outsider = sign_in(Client(), world.users["outsider_coordinator"])
    assert outsider.post(f"/people/{member.pk}/unlock").status_code == 404
    assert _attempt(Client(), "caseworker", PASSWORD, current_code(member)) == 200


def test_throttle_rows_hold_a_keyed_digest_not_a_hash_of_what_was_typed(world: World) -> None:
    typed = "a password typed into the name field"
    _attempt(Client(), typed, "whatever")
    plain = hashlib.sha256(("signin-throttle:" + typed.casefold()).encode()).hexdigest()
    stored = set(SignInThrottle.objects.values_list("account_digest", flat=True))
    assert len(stored) == 1
    assert plain not in stored
    assert hashlib.sha256(typed.encode()).hexdigest() not in stored


def test_old_throttle_rows_are_pruned_on_write_and_by_the_job(world: World) -> None:
    from safepassage.apps.accounts.jobs import prune_signin_throttle

    _attempt(Client(), "typo-one", "x")
    _attempt(Client(), "typo-two", "x")
    old = timezone.now() - timedelta(days=2)
    SignInThrottle.objects.update(updated_at=old, blocked_until=None)
    _attempt(Client(), "typo-three", "x")  # a write prunes what has expired
    assert SignInThrottle.objects.count() == 1
    SignInThrottle.objects.update(updated_at=old)
    assert prune_signin_throttle(timezone.now()) == 1
    assert SignInThrottle.objects.count() == 0


def test_unknown_names_cannot_grow_the_table_past_its_bound(world: World, settings: object) -> None:
    settings.SIGNIN_THROTTLE_MAX_UNKNOWN = 3  # type: ignore[attr-defined]
    _lock_out("caseworker", attempts=5)
    for number in range(8):
        _attempt(Client(), f"unknown-{number}", "x")
    assert SignInThrottle.objects.filter(known=False).count() <= 3
    # The flood did not reset the real account's counter.
    assert SignInThrottle.objects.get(known=True).failures == 5


def test_typing_an_internal_bucket_name_does_not_lock_out_known_devices(world: World) -> None:
    """A typed name such as "device#user#7" is an unknown name: it must not land in the
    known-device bucket of user 7, or an attacker defeats the device-cookie defence."""
    user = world.users["caseworker"]
    laptop = Client()
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user)) == 302
    laptop.post("/logout")
    _lock_out(f"device#user#{user.pk}")
    _lock_out("caseworker")
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user, 1)) == 302


def test_typing_an_internal_bucket_name_cannot_flush_a_real_accounts_counter(
    world: World, settings: object
) -> None:
    """Claiming the account's bucket through an unknown name ("user#7") must not make the
    cap on unknown names prune it, which would reset the guesses against the account."""
    settings.SIGNIN_THROTTLE_MAX_UNKNOWN = 3  # type: ignore[attr-defined]
    user = world.users["caseworker"]
    _attempt(Client(), f"user#{user.pk}", "x")
    _lock_out("caseworker", attempts=5)
    for number in range(8):
        _attempt(Client(), f"unknown-{number}", "x")
    assert SignInThrottle.objects.get(known=True).failures == 5


def test_sign_out_keeps_the_device_cookie_and_clears_the_rest(
    world: World, settings: object
) -> None:
    """A browser's Clear-Site-Data "cookies" would wipe the device cookie at every sign-out,
    so only a browser that never signed out would pass a lockout. Sign-out clears cache and
    storage, and expires the session and CSRF cookies by name instead."""
    user = world.users["caseworker"]
    laptop = Client()
    assert _attempt(laptop, "caseworker", PASSWORD, current_code(user)) == 302
    response = laptop.post("/logout")
    cleared = response["Clear-Site-Data"]
    assert '"cache"' in cleared
    assert '"storage"' in cleared
    assert '"cookies"' not in cleared
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):  # type: ignore[attr-defined]
        assert response.cookies[name]["max-age"] == 0
    assert settings.DEVICE_COOKIE_NAME not in response.cookies  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_pruning_passes_over_a_row_another_sign_in_holds() -> None:
    """Two failing sign-ins pruning at once must not wait on each other's rows (on
    PostgreSQL that was a deadlock). SQLite has no row locks: the PostgreSQL run checks it."""
    import threading

    from django.db import connection, transaction

    from safepassage.apps.accounts.signin import prune_throttle

    if connection.vendor != "postgresql":
        pytest.skip("row locks exist only on PostgreSQL; `make test` runs this there")
    held, release = threading.Event(), threading.Event()
    digest = "d" * 64

    def another_sign_in() -> None:
        # Its own connection, committed, so the test's transaction sees the row.
        old = timezone.now() - timedelta(days=2)
        SignInThrottle.objects.create(account_digest=digest, failures=1, updated_at=old)
        with transaction.atomic():
            list(SignInThrottle.objects.select_for_update().filter(account_digest=digest))
            held.set()
            release.wait(10)
        SignInThrottle.objects.filter(account_digest=digest).delete()
        connection.close()

    other = threading.Thread(target=another_sign_in)
    other.start()
    try:
        assert held.wait(10)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")  # waiting fails here, not hangs
        assert SignInThrottle.objects.filter(account_digest=digest).exists()
        assert prune_throttle(timezone.now()) == 0
    finally:
        release.set()
        other.join()
