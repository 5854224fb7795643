"""``backup restore`` with its audit record: in the restored trail and in the witness folder.

Restoring rolls the audit trail back with the database. The entry written into the
restored trail says so, but it can be rolled back in turn; the signed restore record in
``SAFEPASSAGE_AUDIT_WITNESS_DIR`` is outside the database, where a witness collects it
and ``audit verify`` finds it (``apps/audit/restores.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from safepassage.apps.audit.actions import record
from safepassage.apps.audit.restores import head_mark, write_restore_record
from safepassage.apps.vault.backup import BackupError, restore_backup
from safepassage.apps.vault.witness import audit_signing_key


@dataclass(frozen=True)
class Restored:
    manifest: dict[str, Any]
    entries_rolled_back: int
    record_path: Path | None  # None when no witness folder is configured


def restore_recorded(archive: Path) -> Restored:
    """Restore ``archive``; record the restore, or the refusal, in the audit trail."""
    before = head_mark()
    try:
        manifest = restore_backup(archive)
    except BackupError as error:
        record("backup.restore", outcome="refused", detail={"reason": error.reason})
        raise
    except FileNotFoundError:
        record("backup.restore", outcome="refused", detail={"reason": "missing"})
        raise
    after = head_mark()
    path = None
    if settings.AUDIT_WITNESS_DIR:
        path = write_restore_record(
            Path(settings.AUDIT_WITNESS_DIR),
            audit_signing_key(),
            before=before,
            after=after,
            backup_made=str(manifest["created_at"]),
        )
    record(
        "backup.restore",
        detail={
            "blobs": len(manifest["blobs"]),
            "from_seq": before[0],
            "to_seq": after[0],
            "witnessed": path is not None,
        },
    )
    return Restored(manifest, max(before[0] - after[0], 0), path)
