"""Signed checkpoints of the audit chain, for an external witness.

A checkpoint names the newest entry (sequence number, hash, count) at a moment and is
signed with the audit key (Ed25519, derived from the keyring's audit purpose, which
the vault holds and passes in). Written
to a folder the operator points at a witness (a partner's server, a mailbox), it lets
``safepassage audit verify --checkpoint`` prove that nothing up to that entry was later
rewritten or cut off, even by someone who can rewrite the whole table and its head.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from safepassage.apps.audit.models import AuditEntry, AuditHead
from safepassage.cores.crypto import SignatureError, public_key_hex, sign, verify

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "safepassage-audit-checkpoint/1"


class CheckpointError(ValueError):
    """A checkpoint file is unreadable, forged, or contradicts the stored chain."""


def _signed_part(body: dict[str, Any]) -> bytes:
    fields = {k: body[k] for k in ("format", "seq", "count", "head_hash", "at", "public_key")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def write_checkpoint(folder: Path, key: Ed25519PrivateKey) -> Path:
    """Sign the current head with ``key`` and write it as a new file in ``folder`` (0644).

    The key comes from the keyring (``vault.witness.audit_signing_key``): the trail
    itself holds no key, so it sits below the vault.
    """
    head = AuditHead.objects.filter(id=1).first()
    body: dict[str, Any] = {
        "format": FORMAT,
        "seq": head.last_seq if head else 0,
        "count": head.count if head else 0,
        "head_hash": head.last_hash if head else "0" * 64,
        "at": timezone.now().isoformat(timespec="seconds"),
        "public_key": public_key_hex(key),
    }
    body["signature"] = sign(key, _signed_part(body)).hex()
    folder.mkdir(parents=True, exist_ok=True)
    # The hash in the name keeps a checkpoint of a restored trail apart from one of the
    # trail it replaced at the same sequence number; the same head gives the same name.
    path = folder / f"audit-checkpoint-{body['seq']:012d}-{body['head_hash'][:8]}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        json.dump(body, handle, sort_keys=True, indent=1)
    return path


def load_signed(
    path: Path,
    kind: str,
    signed_part: Callable[[dict[str, Any]], bytes] | None,
    pinned_key: str | None,
    label: str = "checkpoint",
) -> dict[str, Any] | str:
    """A witnessed file's body once its signature verifies, else what is wrong with it."""
    try:
        body = json.loads(path.read_text(encoding="ascii"))
        if not isinstance(body, dict) or body.get("format") != kind:
            raise CheckpointError
        verify(
            bytes.fromhex(body["public_key"]),
            (signed_part or _signed_part)(body),
            bytes.fromhex(body["signature"]),
        )
    except (OSError, ValueError, KeyError, TypeError, SignatureError, CheckpointError):
        return f"{path.name}: not a valid signed {label}"
    if pinned_key is not None and body["public_key"] != pinned_key.lower():
        return f"{path.name}: signed with another key than the pinned audit key"
    return body


def check_checkpoint(path: Path, pinned_key: str | None) -> str | None:
    """None when the stored chain agrees with the checkpoint, else what is wrong."""
    body = load_signed(path, FORMAT, None, pinned_key)
    if isinstance(body, str):
        return body
    entry = AuditEntry.objects.filter(seq=body["seq"]).first()
    if body["seq"] and (entry is None or entry.entry_hash != body["head_hash"]):
        return (
            f"{path.name}: entry {body['seq']} no longer has the hash witnessed at "
            f"{body['at']}: the chain up to it was rewritten or cut off"
        )
    if AuditEntry.objects.filter(seq__lte=body["seq"]).count() != body["count"]:
        return f"{path.name}: entries up to {body['seq']} were removed after {body['at']}"
    return None
