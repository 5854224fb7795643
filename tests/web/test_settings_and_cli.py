"""Settings from the environment, and the command line's help and admin commands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from safepassage.cli import main
from safepassage.project.env import ConfigurationError, Secret, read_bool, read_secret


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Each run gets its own settings: no secret, no hosts, the default SQLite database.
    dropped = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SAFEPASSAGE_DATA_DIR"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "-m", "safepassage.cli", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        check=False,
        timeout=60,
    )


def test_production_without_secret_key_stops_with_a_clear_message() -> None:
    result = _run("check", SAFEPASSAGE_MODE="production")
    assert result.returncode == 2
    assert "SECRET_KEY must be set in production" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_hosts_stops_with_a_clear_message() -> None:
    result = _run("check", SAFEPASSAGE_MODE="production", SECRET_KEY="x" * 60)
    assert result.returncode == 2
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_secret_never_shows_itself() -> None:
    secret = Secret("hunter2-canary")
    assert "hunter2" not in repr(secret)
    assert "hunter2" not in str(secret)
    assert "hunter2" not in f"{secret}"
    assert secret.reveal() == "hunter2-canary"


def test_secret_from_file(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    path = os.path.join(str(tmp_path), "key")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("from-a-file\n")
    monkeypatch.setenv("SOME_KEY_FILE", path)
    monkeypatch.delenv("SOME_KEY", raising=False)
    value = read_secret("SOME_KEY")
    assert value is not None
    assert value.reveal() == "from-a-file"


def test_booleans_are_parsed_strictly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigurationError, match="FLAG must be one of"):
        read_bool("FLAG", False)
    monkeypatch.setenv("FLAG", "off")
    assert read_bool("FLAG", True) is False


def test_help_explains_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("serve", "demo", "createadmin", "audit", "screen", "testimony", "migrate"):
        assert name in out


def test_installed_entry_point_runs() -> None:
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "safepassage"), "audit", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert "verify" in result.stdout


@pytest.mark.django_db
def test_createadmin_prints_a_setup_link_and_never_a_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from safepassage.apps.accounts.models import Membership, User

    code = main(
        [
            "createadmin",
            "--organisation",
            "new-org",
            "--name",
            "New Org",
            "--username",
            "first.coord",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "/setup/" in out
    user = User.objects.get(username="first.coord")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).role == "coordinator"
    assert main(["createadmin", "--organisation", "new-org", "--username", "first.coord"]) == 2


@pytest.mark.django_db
def test_createadmin_sets_the_organisations_time_zone_and_refuses_an_unknown_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import datetime

    from safepassage.apps.accounts import clock
    from safepassage.apps.accounts.models import Organisation, User

    base = ["createadmin", "--organisation", "tz-org", "--username"]
    assert main([*base, "tz.one", "--time-zone", "Mars/Olympus"]) == 2
    assert "IANA zone" in capsys.readouterr().err
    assert not User.objects.filter(username="tz.one").exists()
    assert main([*base, "tz.two", "--time-zone", "Asia/Tbilisi"]) == 0
    organisation = Organisation.objects.get(slug="tz-org")
    assert organisation.time_zone == "Asia/Tbilisi"
    late_evening_utc = datetime.datetime(2026, 3, 6, 21, 30, tzinfo=datetime.UTC)
    assert clock.today_for(organisation, late_evening_utc) == datetime.date(2026, 3, 7)


@pytest.mark.django_db
def test_keys_init_refuses_before_migrate_and_makes_no_keys(tmp_path: object) -> None:
    state = os.path.join(str(tmp_path), "state")
    result = _run(
        "keys",
        "init",
        "--shares",
        "3",
        "--threshold",
        "2",
        SAFEPASSAGE_DATA_DIR=str(tmp_path),
        SAFEPASSAGE_KEYRING_STATE=state,
    )
    assert result.returncode == 2
    assert "run 'safepassage migrate' first" in result.stderr
    assert not os.path.exists(state)


def test_serve_refuses_an_unmigrated_database(tmp_path: object) -> None:
    result = _run("serve", "--sealed", "--bind", "127.0.0.1:1", SAFEPASSAGE_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "run 'safepassage migrate'" in result.stderr


def test_sqlite_waits_long_enough_for_the_write_lock() -> None:
    """make assure's load run: under 50 users a sign-in failed 'database is locked' at 5 s."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert database["OPTIONS"]["timeout"] >= 30
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
