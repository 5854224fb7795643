"""Restores of the audit trail, recorded where a restore cannot reach: the witness folder.

A ``backup restore`` replaces the database, and the audit trail with it: every entry made
after the backup is gone, and the restored chain is internally intact, so a plain
``audit verify`` could not tell. So each restore writes a *signed restore record* (the
head before and after, the backup's date) into the witness folder, and ``audit verify``
reads that folder: a restore record says "restored to an earlier point"; a witnessed
checkpoint ahead of the stored head that no restore record explains is a problem
(the trail was cut off or rolled back without a record).
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from safepassage.apps.audit.checkpoints import check_checkpoint, load_signed
from safepassage.apps.audit.models import AuditEntry, AuditHead
from safepassage.cores.crypto import public_key_hex, sign

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "safepassage-audit-restore/1"
SIGNED = ("format", "at", "backup_made", "before_seq", "before_hash", "after_seq", "after_hash")


def head_mark() -> tuple[int, str]:
    """The stored head: (sequence number, hash) of the newest entry."""
    head = AuditHead.objects.filter(id=1).first()
    return (head.last_seq, head.last_hash) if head else (0, "0" * 64)


def write_restore_record(
    folder: Path,
    key: Ed25519PrivateKey,
    *,
    before: tuple[int, str],
    after: tuple[int, str],
    backup_made: str,
) -> Path:
    """Sign and write a restore record (new file, 0644) into the witness folder."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "at": timezone.now().isoformat(timespec="seconds"),
        "backup_made": backup_made,
        "before_seq": before[0],
        "before_hash": before[1],
        "after_seq": after[0],
        "after_hash": after[1],
        "public_key": public_key_hex(key),
    }
    body["signature"] = sign(key, _signed_part(body)).hex()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = body["at"].replace(":", "").replace("-", "")[:15]
    path = folder / f"audit-restore-{stamp}-{before[0]:012d}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        json.dump(body, handle, sort_keys=True, indent=1)
    return path


def _signed_part(body: dict[str, Any]) -> bytes:
    fields = {k: body[k] for k in (*SIGNED, "public_key")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Restore:
    """One restore record: when, to which backup, and which entries it took away."""

    name: str
    at: str
    backup_made: str
    first_gone: int
    last_gone: int

    def describe(self) -> str:
        """The operator's (English) line; the audit page says it through gettext."""
        return (
            f"the trail was restored at {self.at} to a backup made {self.backup_made}: "
            f"entries {self.first_gone}-{self.last_gone} of the earlier trail are no longer "
            f"in it ({self.name})"
        )


@dataclass
class WitnessReview:
    """What the witnessed files say about the stored trail."""

    problems: list[str] = field(default_factory=list)
    restores: list[Restore] = field(default_factory=list)


def review(folder: Path | None, checkpoints: list[Path], pinned_key: str | None) -> WitnessReview:
    """Check restore records and checkpoints (those given and those in ``folder``)."""
    result = WitnessReview()
    records = []
    files = list(checkpoints)
    if folder is not None and folder.is_dir():
        files += sorted(set(folder.glob("audit-checkpoint-*.json")) - set(checkpoints))
        for path in sorted(folder.glob("audit-restore-*.json")):
            body = load_signed(path, FORMAT, _signed_part, pinned_key, "restore record")
            if isinstance(body, str):
                result.problems.append(body)
                continue
            records.append(body)
            result.restores.append(
                Restore(
                    path.name,
                    body["at"],
                    body["backup_made"],
                    body["after_seq"] + 1,
                    body["before_seq"],
                )
            )
            if _stored_hash(body["after_seq"]) != body["after_hash"]:
                result.problems.append(f"{path.name}: the trail no longer starts from this restore")
    for path in files:
        body = load_signed(path, "safepassage-audit-checkpoint/1", None, pinned_key)
        if not isinstance(body, str) and any(_explains(r, body) for r in records):
            continue  # entries the restore took away, recorded as such
        message = check_checkpoint(path, pinned_key)
        if message and not isinstance(body, str) and body["seq"] > head_mark()[0]:
            message += (
                f"; the trail now ends at entry {head_mark()[0]}: it was restored to an "
                "earlier point or cut off, and no restore record says so"
            )
        if message:
            result.problems.append(message)
    return result


def _stored_hash(seq: int) -> str:
    if seq == 0:
        return "0" * 64
    return str(AuditEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first())


def _explains(record: dict[str, Any], checkpoint: dict[str, Any]) -> bool:
    """A checkpoint of the trail as it was before a restore took its newest entries away."""
    witnessed = datetime.datetime.fromisoformat(checkpoint["at"])
    restored = datetime.datetime.fromisoformat(record["at"])
    return bool(witnessed <= restored and checkpoint["seq"] > record["after_seq"])
