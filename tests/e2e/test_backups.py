"""Encrypted backups: create, verify, restore; tampering refused; shredding outlives backups."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .site import Site, new_site

pytestmark = pytest.mark.slow

MAKE_CASES = """
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.cases.registry.actions import NewCase, create_case
org = Organisation.objects.get(slug="e2e-org")
for name in ("Первый Иван", "Второй Пётр"):
    case = create_case(org, NewCase(legal_name=name, country="AM"), actor=None)
    print(case.reference)
"""
READ_NAME = """
from safepassage.apps.cases.models import Case, PersonName
from safepassage.cores.crypto import CryptoError
case = Case.objects.filter(reference={ref!r}).first()
if case is None:
    print("MISSING")
else:
    try:
        print("NAME", PersonName.objects.get(case=case).full_name)
    except CryptoError as error:
        print("UNREADABLE", type(error).__name__)
"""
DELETE = """
from safepassage.apps.cases.registry.actions import delete_case
from safepassage.apps.cases.models import Case
delete_case(Case.objects.get(reference={ref!r}), actor=None)
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    made = new_site(tmp_path)
    made.setup()
    yield made
    made.stop()


def _unsealed_shell(site: Site, script: str) -> str:
    """Run a script in a process unsealed with two shares (like an operator's shell)."""
    wrapper = (
        "from safepassage.apps.vault.unseal import unseal_with\n"
        f"unseal_with([open({site.share(1)!r}).read().strip(), "
        f"open({site.share(2)!r}).read().strip()])\n" + script
    )
    return site.command("shell", "--no-imports", "-c", wrapper).stdout


def _shares(site: Site) -> list[str]:
    return ["--share-file", site.share(1), "--share-file", site.share(3)]


def test_backup_round_trip_and_tamper_refusal(site: Site) -> None:
    first, second = _unsealed_shell(site, MAKE_CASES).split()
    archive = site.root / "one.spbk"
    site.command("backup", "create", str(archive), *_shares(site))
    assert "Backup intact" in site.command("backup", "verify", str(archive), *_shares(site)).stdout
    again = site.command("backup", "create", str(archive), *_shares(site), check=False)
    assert again.returncode == 2
    assert "already exists" in again.stderr

    _unsealed_shell(site, DELETE.format(ref=first))
    assert "MISSING" in _unsealed_shell(site, READ_NAME.format(ref=first))
    tampered = site.root / "tampered.spbk"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    refused = site.command("backup", "restore", str(tampered), "--yes", *_shares(site), check=False)
    assert refused.returncode == 1
    assert "altered, truncated or damaged" in refused.stderr
    assert "MISSING" in _unsealed_shell(site, READ_NAME.format(ref=first))  # nothing changed

    site.command("backup", "restore", str(archive), "--yes", *_shares(site))
    assert "NAME Первый Иван" in _unsealed_shell(site, READ_NAME.format(ref=first))
    assert "NAME Второй Пётр" in _unsealed_shell(site, READ_NAME.format(ref=second))
    assert "audit trail intact" in site.command("audit", "verify").stdout


def test_one_rotation_shreds_a_deleted_case_in_every_old_copy(site: Site) -> None:
    """A single `keys rotate --forget-older` after a deletion makes old copies useless."""
    victim, survivor = _unsealed_shell(site, MAKE_CASES).split()
    archive = site.root / "before.spbk"
    site.command("backup", "create", str(archive), *_shares(site))
    database = next(site.data.glob("safepassage.sqlite3"), None)
    snapshot = site.root / "raw-copy.sqlite3"
    if database is not None:
        shutil.copy(database, snapshot)  # an attacker's or a careless operator's raw copy

    _unsealed_shell(site, DELETE.format(ref=victim))
    site.command("keys", "rotate", "--forget-older", *_shares(site))
    assert "NAME Второй Пётр" in _unsealed_shell(site, READ_NAME.format(ref=survivor))

    for action in ("verify", "restore"):
        extra = ["--yes"] if action == "restore" else []
        refused = site.command("backup", action, str(archive), *extra, *_shares(site), check=False)
        assert refused.returncode == 1
        assert "key epoch this server no longer holds" in refused.stderr
    if database is not None:
        shutil.copy(snapshot, database)  # restore the raw pre-deletion copy by hand
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        result = _unsealed_shell(site, READ_NAME.format(ref=victim))
        assert "UNREADABLE UnknownKeyError" in result
        out = site.root / "export.jsonl"
        export = site.command(
            *("cases", "export", "--organisation", "e2e-org", "--fields", "reference,legal_name"),
            *("--cases", victim, "--out", str(out), *_shares(site)),
            check=False,
        )
        assert export.returncode == 1
        assert "Traceback" not in export.stderr
        assert "key epoch" in export.stderr
        assert len(export.stderr.strip().splitlines()) == 1
        assert not out.exists()


RESTORE_ENTRIES = """
from safepassage.apps.audit.models import AuditEntry
for entry in AuditEntry.objects.filter(action="backup.restore"):
    print("ENTRY", entry.outcome, entry.detail.get("from_seq"), entry.detail.get("to_seq"))
"""


def test_restores_are_recorded_where_they_survive(site: Site) -> None:
    """A refused restore is audited; a restore leaves a signed record and verify says so."""
    witness = site.root / "witness"
    site.env["SAFEPASSAGE_AUDIT_WITNESS_DIR"] = str(witness)
    victim, _ = _unsealed_shell(site, MAKE_CASES).split()
    archive = site.root / "early.spbk"
    site.command("backup", "create", str(archive), *_shares(site))
    _unsealed_shell(site, DELETE.format(ref=victim))  # later entries the restore takes away
    site.command("audit", "checkpoint", "--out-dir", str(witness), *_shares(site))

    tampered = site.root / "tampered.spbk"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    refused = site.command("backup", "restore", str(tampered), "--yes", *_shares(site), check=False)
    assert refused.returncode == 1
    assert "ENTRY refused" in _unsealed_shell(site, RESTORE_ENTRIES)

    restored = site.command("backup", "restore", str(archive), "--yes", *_shares(site))
    assert "later audit entries are gone" in restored.stdout
    records = list(witness.glob("audit-restore-*.json"))
    assert len(records) == 1
    entries = [line.split() for line in _unsealed_shell(site, RESTORE_ENTRIES).splitlines()]
    ok = [e for e in entries if e[:2] == ["ENTRY", "ok"]]
    assert len(ok) == 1
    assert int(ok[0][2]) > int(ok[0][3])  # from a later head back to an earlier one

    verified = site.command("audit", "verify")
    assert "RESTORED: the trail was restored at" in verified.stdout
    assert "restored to an earlier point" in verified.stdout

    records[0].unlink()  # whoever restores and hides it: the witnessed checkpoint still tells
    hidden = site.command("audit", "verify", check=False)
    assert hidden.returncode == 1
    assert "no restore record says so" in hidden.stderr
