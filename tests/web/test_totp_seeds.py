"""TOTP seeds are sealed at rest: a copy of the database holds no second factor.

While the server is sealed no seed can be opened, so sign-in takes a recovery code in
the code field, and the sign-in page says so.
"""

from __future__ import annotations

import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from safepassage.apps.accounts import totp
from safepassage.apps.accounts.models import TotpSeal, User
from safepassage.apps.accounts.recovery import replace_recovery_codes
from safepassage.apps.vault import keystore
from safepassage.cores.crypto import Keyring

from .conftest import PASSWORD, SEEDS, World

pytestmark = pytest.mark.django_db


def _database_text() -> str:
    """Every value of every accounts table, as text: what a copy of the database holds."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("accounts_") or table == "django_session":
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
                for row in cursor.fetchall():
                    found.extend(
                        bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v)
                        for v in row
                    )
    return "\n".join(found)


def _enrol(client: Client, username: str) -> str:
    client.post("/login", {"username": username, "password": PASSWORD, "code": ""})
    page = client.get("/login/enrol")
    secret = re.search(rb'class="secret">([A-Z2-7]+)<', page.content).group(1).decode()
    done = client.post("/login/enrol", {"code": totp.code_at(secret, time.time())})
    assert done.status_code == 200
    return secret


def test_an_enrolled_seed_is_not_in_the_database(world: World) -> None:
    User.objects.create_user("newcomer", PASSWORD)
    secret = _enrol(Client(), "newcomer")
    assert secret not in _database_text()
    assert User.objects.get(username="newcomer").totp_secret == ""
    # ...and it still works for signing in.
    code = totp.code_at(secret, time.time() + totp.STEP_SECONDS)
    ok = Client().post("/login", {"username": "newcomer", "password": PASSWORD, "code": code})
    assert ok.status_code == 302


def test_existing_plaintext_seeds_are_sealed_by_the_worker_job(world: World) -> None:
    from safepassage.apps.accounts.jobs import seal_totp_seeds

    user = world.users["vetting"]
    TotpSeal.objects.filter(user=user).delete()  # an account from before seeds were sealed
    User.objects.filter(pk=user.pk).update(totp_secret=totp.new_secret())
    secret = User.objects.get(pk=user.pk).totp_secret
    assert seal_totp_seeds(timezone.now()) >= 1
    assert secret not in _database_text()
    code = totp.code_at(secret, time.time())
    ok = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": code})
    assert ok.status_code == 302


def test_a_stale_plaintext_seed_never_replaces_a_sealed_one(world: World) -> None:
    from safepassage.apps.accounts.jobs import seal_totp_seeds

    user = world.users["vetting"]
    stale = totp.new_secret()
    User.objects.filter(pk=user.pk).update(totp_secret=stale)
    seal_totp_seeds(timezone.now())
    assert stale not in _database_text()
    fresh = SEEDS[user.pk]
    stale_code = totp.code_at(stale, time.time())
    if stale_code != totp.code_at(fresh, time.time()):
        refused = Client().post(
            "/login", {"username": "vetting", "password": PASSWORD, "code": stale_code}
        )
        assert refused.status_code == 200
    code = totp.code_at(fresh, time.time())
    ok = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": code})
    assert ok.status_code == 302


def test_signing_in_never_seals_a_stale_plaintext_over_the_sealed_seed(world: World) -> None:
    user = world.users["vetting"]
    User.objects.filter(pk=user.pk).update(totp_secret=totp.new_secret())
    fresh = SEEDS[user.pk]
    first = totp.code_at(fresh, time.time() - 30)
    ok = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": first})
    assert ok.status_code == 302
    assert User.objects.get(pk=user.pk).totp_secret == ""
    later = totp.code_at(fresh, time.time())
    again = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": later})
    assert again.status_code == 302


def test_a_sealed_server_takes_a_recovery_code_and_says_so(world: World) -> None:
    user = world.users["vetting"]
    codes = replace_recovery_codes(user)
    secret = user_seed(user)
    keystore.drop()
    page = Client().get("/login").content.decode()
    assert "The server is sealed" in page
    code = totp.code_at(secret, time.time())
    refused = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": code})
    assert refused.status_code == 200
    ok = Client().post("/login", {"username": "vetting", "password": PASSWORD, "code": codes[0]})
    assert ok.status_code == 302


def test_a_seed_moved_to_another_account_does_not_open(world: World) -> None:
    from safepassage.apps.accounts.models import TotpSeal
    from safepassage.apps.accounts.seeds import seed_of
    from safepassage.cores.crypto import CryptoError

    mine, theirs = world.users["caseworker"], world.users["vetting"]
    stolen = TotpSeal.objects.get(user=mine)
    TotpSeal.objects.filter(user=theirs).update(wrapped=stolen.wrapped, sealed=stolen.sealed)
    with pytest.raises(CryptoError):
        seed_of(User.objects.get(pk=theirs.pk))


def test_a_key_rotation_rewraps_the_seed_keys(world: World, unsealed: Keyring) -> None:
    from safepassage.apps.accounts.models import TotpSeal
    from safepassage.apps.vault.rotation import rotate

    user = world.users["caseworker"]
    secret = user_seed(user)
    rotate()
    assert set(TotpSeal.objects.values_list("epoch", flat=True)) == {unsealed.current_epoch}
    code = totp.code_at(secret, time.time())
    ok = Client().post("/login", {"username": "caseworker", "password": PASSWORD, "code": code})
    assert ok.status_code == 302


def user_seed(user: User) -> str:
    from .conftest import SEEDS

    return SEEDS[user.pk]


def test_first_time_setup_waits_for_the_unseal_and_shows_no_key(world: World) -> None:
    User.objects.create_user("newcomer", PASSWORD)
    keystore.drop()
    client = Client()
    first = client.post("/login", {"username": "newcomer", "password": PASSWORD, "code": ""})
    assert first["Location"] == "/login/enrol"
    page = client.get("/login/enrol").content.decode()
    assert "set-up has to wait until it is unsealed" in page
    assert 'class="secret"' not in page
    assert not User.objects.get(username="newcomer").has_totp
