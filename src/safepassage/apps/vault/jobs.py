"""Vault's worker job: sign a checkpoint of the audit chain into the witness folder, hourly.

Runs only when ``SAFEPASSAGE_AUDIT_WITNESS_DIR`` is set (a folder a witness collects:
a partner's mount, a mail drop) and the worker is unsealed, so nobody has to keep
shares on disk for the hourly signature.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings

from safepassage.apps.audit.actions import record
from safepassage.apps.audit.checkpoints import write_checkpoint
from safepassage.apps.jobs.registry import job
from safepassage.apps.vault.witness import audit_signing_key

INTERVAL = datetime.timedelta(hours=1)


@job("audit_checkpoint", needs_keys=True)
def audit_checkpoint(now: datetime.datetime) -> int:
    folder = settings.AUDIT_WITNESS_DIR
    if not folder:
        return 0
    path = Path(folder)
    newest = max((p.stat().st_mtime for p in path.glob("audit-checkpoint-*.json")), default=0.0)
    if now.timestamp() - newest < INTERVAL.total_seconds():
        return 0
    try:
        write_checkpoint(path, audit_signing_key())
    except FileExistsError:
        return 0  # no entry since the last checkpoint
    record("audit.checkpoint", detail={"via": "worker"})
    return 1
