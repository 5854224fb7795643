"""The audit trail is append-only in the database and any tampering is detected and located."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from safepassage.apps.audit.actions import AuditDetailError, record, verify_trail
from safepassage.apps.audit.chain import canonical_of, entry_hash
from safepassage.apps.audit.models import AuditEntry, AuditHead
from safepassage.cli import main

# Ordinary (rolled-back) tests: dropping the triggers inside the test transaction is undone
# with it, on SQLite and PostgreSQL alike (their DDL is transactional).
pytestmark = pytest.mark.django_db


def _fill(n: int = 6) -> list[AuditEntry]:
    return [
        record("test.event", actor_id=i, target_type="case", target_ref=f"SP-{i}")
        for i in range(1, n + 1)
    ]


def _drop_triggers() -> None:
    """What an attacker with the database owner's rights does first."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER audit_entry_no_update ON audit_auditentry")
            cursor.execute("DROP TRIGGER audit_entry_no_truncate ON audit_auditentry")
        else:
            cursor.execute("DROP TRIGGER audit_entry_no_update")
            cursor.execute("DROP TRIGGER audit_entry_no_delete")


def test_intact_chain_verifies() -> None:
    _fill()
    assert verify_trail() == []


def test_database_refuses_update_and_delete() -> None:
    _fill(2)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=1).update(action="test.changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=1).delete()
    assert AuditEntry.objects.get(seq=1).action == "test.event"


def test_altered_entry_is_named() -> None:
    _fill()
    _drop_triggers()
    AuditEntry.objects.filter(seq=3).update(outcome="denied")
    problems = verify_trail()
    assert [(p.seq, p.kind) for p in problems] == [(3, "altered")]


def test_deleted_entry_is_found_at_the_next_one() -> None:
    _fill()
    _drop_triggers()
    AuditEntry.objects.filter(seq=4).delete()
    problems = verify_trail()
    assert (5, "broken_link") in [(p.seq, p.kind) for p in problems]


def test_reordered_entries_are_found() -> None:
    _fill()
    _drop_triggers()
    two, five = AuditEntry.objects.get(seq=2), AuditEntry.objects.get(seq=5)
    fields = ["created_at", "actor_id", "target_ref", "prev_hash", "entry_hash"]
    swap = {f: getattr(five, f) for f in fields}
    AuditEntry.objects.filter(seq=5).update(**{f: getattr(two, f) for f in fields})
    AuditEntry.objects.filter(seq=2).update(**swap)
    kinds = {(p.seq, p.kind) for p in verify_trail()}
    assert {(2, "broken_link"), (2, "altered"), (5, "altered")} <= kinds


def test_removed_tail_is_found_by_the_head() -> None:
    _fill()
    _drop_triggers()
    AuditEntry.objects.filter(seq=6).delete()
    assert [p.kind for p in verify_trail()] == ["missing_tail"]
    assert AuditHead.objects.get().count == 6


def test_entry_added_beyond_the_head_is_found() -> None:
    _fill()
    last = AuditEntry.objects.get(seq=6)
    # Written around the application: a valid-looking row, but the head is not moved.
    forged = AuditEntry(
        seq=7,
        created_at=last.created_at,
        action="test.event",
        actor_id=9,
        target_type="case",
        target_ref="SP-9",
        outcome=last.outcome,
        detail={},
        prev_hash=last.entry_hash,
    )
    forged.entry_hash = entry_hash(last.entry_hash, canonical_of(forged))
    forged.save(force_insert=True)
    assert [p.kind for p in verify_trail()] == ["missing_tail"]


def test_entries_appended_while_verifying_are_no_break() -> None:
    """A live server writes between the head read and the row reads: not a false break."""
    _fill()
    appended: list[str] = []

    def append_after_head_read(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        result = execute(sql, params, many, context)
        if not appended and "audit_audithead" in sql and sql.lstrip().upper().startswith("SELECT"):
            appended.append(sql)  # before record(), whose own head read comes back here
            record("test.event", actor_id=7, target_type="case", target_ref="SP-7")
        return result

    with connection.execute_wrapper(append_after_head_read):
        problems = verify_trail()
    assert appended
    assert problems == []
    assert verify_trail() == []


def test_cli_verify_exits_non_zero_and_names_the_entry(capsys: pytest.CaptureFixture[str]) -> None:
    _fill()
    assert main(["audit", "verify"]) == 0
    assert "intact: 6 entries" in capsys.readouterr().out
    _drop_triggers()
    AuditEntry.objects.filter(seq=2).update(target_ref="SP-99")
    assert main(["audit", "verify"]) == 1
    assert "entry 2 was altered" in capsys.readouterr().err


@pytest.mark.parametrize(
    "detail", [{"name": "Иван Петров"}, {"note": "lives at 12 Abai Ave"}, {"x": 1.5}, {"a b": 1}]
)
def test_entries_refuse_anything_but_identifiers(detail: dict[str, object]) -> None:
    with pytest.raises(AuditDetailError):
        record("test.event", detail=detail)
    with pytest.raises(AuditDetailError):
        record("test.event", target_ref="Иван Петров")
    assert not AuditEntry.objects.exists()


def test_signed_checkpoint_catches_a_rewritten_tail_that_the_head_hides(
    unsealed: object, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    from safepassage.apps.audit.checkpoints import write_checkpoint
    from safepassage.apps.vault.witness import audit_public_key, audit_signing_key

    _fill(6)
    checkpoint = write_checkpoint(Path(str(tmp_path)), audit_signing_key())
    key = audit_public_key()
    assert main(["audit", "verify", "--checkpoint", str(checkpoint), "--public-key", key]) == 0
    # An attacker with the database owner's rights cuts the tail and fixes the head to match.
    _drop_triggers()
    AuditEntry.objects.filter(seq__gte=5).delete()
    last = AuditEntry.objects.order_by("-seq").first()
    AuditHead.objects.filter(id=1).update(last_seq=last.seq, last_hash=last.entry_hash, count=4)
    assert verify_trail() == []  # the chain alone cannot tell...
    capsys.readouterr()
    assert main(["audit", "verify", "--checkpoint", str(checkpoint)]) == 1  # ...the witness can
    assert "entry 6 no longer has the hash witnessed" in capsys.readouterr().err


def test_a_rolled_back_trail_gets_its_own_checkpoint_at_a_reused_number(
    unsealed: object, tmp_path: object
) -> None:
    """After a restore the trail reuses sequence numbers: its checkpoints are still written."""
    from pathlib import Path

    from safepassage.apps.audit.checkpoints import write_checkpoint
    from safepassage.apps.vault.witness import audit_signing_key

    _fill(3)
    first = write_checkpoint(Path(str(tmp_path)), audit_signing_key())
    _drop_triggers()  # what a restore to an earlier point amounts to, for the trail
    AuditEntry.objects.filter(seq=3).delete()
    last = AuditEntry.objects.get(seq=2)
    AuditHead.objects.filter(id=1).update(last_seq=2, last_hash=last.entry_hash, count=2)
    record("test.other", actor_id=99)
    second = write_checkpoint(Path(str(tmp_path)), audit_signing_key())
    assert first != second
    assert first.exists()


def test_forged_checkpoint_is_refused(unsealed: object, tmp_path: object) -> None:
    import json
    from pathlib import Path

    from safepassage.apps.audit.checkpoints import check_checkpoint, write_checkpoint
    from safepassage.apps.vault.witness import audit_public_key, audit_signing_key

    _fill(2)
    path = write_checkpoint(Path(str(tmp_path)), audit_signing_key())
    body = json.loads(path.read_text())
    body["count"] = 1
    forged = Path(str(tmp_path)) / "forged.json"
    forged.write_text(json.dumps(body))
    assert "not a valid signed checkpoint" in str(check_checkpoint(forged, None))
    assert "another key" in str(check_checkpoint(path, "00" * 32))
    assert check_checkpoint(path, audit_public_key()) is None


def test_worker_signs_an_hourly_checkpoint_when_a_witness_folder_is_set(
    unsealed: object, tmp_path: object, settings: object
) -> None:
    from pathlib import Path

    from django.utils import timezone

    from safepassage.apps.audit.checkpoints import check_checkpoint
    from safepassage.apps.jobs.registry import load_jobs

    run = next(j for j in load_jobs() if j.name == "audit_checkpoint").run
    assert run(timezone.now()) == 0  # no witness folder configured
    settings.AUDIT_WITNESS_DIR = str(tmp_path)  # type: ignore[attr-defined]
    _fill(3)
    assert run(timezone.now()) == 1
    assert run(timezone.now()) == 0  # not again within the hour
    (written,) = Path(str(tmp_path)).glob("audit-checkpoint-*.json")
    assert check_checkpoint(written, None) is None


def test_a_restore_record_shows_on_the_verify_page_and_in_the_cli(
    world: object, settings: object, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """A signed restore record in the witness folder: 'restored to an earlier point'."""
    from pathlib import Path

    from django.test import Client

    from safepassage.apps.audit.checkpoints import write_checkpoint
    from safepassage.apps.audit.restores import head_mark, write_restore_record
    from safepassage.apps.vault.witness import audit_signing_key

    from .conftest import sign_in

    settings.AUDIT_WITNESS_DIR = str(tmp_path)  # type: ignore[attr-defined]
    _fill(3)
    write_checkpoint(Path(str(tmp_path)), audit_signing_key())  # witnessed, then rolled back
    _drop_triggers()
    AuditEntry.objects.filter(seq__gt=1).delete()
    first = AuditEntry.objects.get(seq=1)
    AuditHead.objects.filter(id=1).update(last_seq=1, last_hash=first.entry_hash, count=1)
    assert main(["audit", "verify"]) == 1  # a checkpoint ahead, and nothing explains it
    assert "no restore record says so" in capsys.readouterr().err
    head = AuditHead.objects.get(id=1)
    before = (head.last_seq + 2, "f" * 64)
    write_restore_record(
        Path(str(tmp_path)), audit_signing_key(), before=before, after=head_mark(), backup_made="d"
    )
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"entries 2-{before[0]} of the earlier trail" in out
    assert "restored to an earlier point" in out

    auditor = sign_in(Client(), world.users["auditor"])  # type: ignore[attr-defined]
    page = auditor.post("/audit/verify").content.decode()
    assert "The trail was restored to an earlier point" in page
    russian = auditor.post("/audit/verify", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Журнал был восстановлен до более раннего состояния" in russian
