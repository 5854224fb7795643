"""Key rotation: a new epoch, every case key re-wrapped under it, old epochs forgotten.

Forgetting an epoch is what makes crypto-shredding reach old backups: a wrapped key in
an old copy of the database can only be opened with the epoch it was wrapped under.
So ``forget_older`` forgets *every* epoch but the new one, including the one that was
current a moment ago: a case deleted before the rotation is then gone from every old
copy after one rotation, not two. Running processes need a moment to pick up the new
state (they may still wrap a new case key under the old epoch), so the rotation waits
for them and re-wraps again before it forgets anything.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from safepassage.apps.audit.actions import record
from safepassage.apps.vault import keystore
from safepassage.apps.vault.datakeys import WrappedKeyTable, wrapped_key_tables
from safepassage.cores.crypto import rewrap_data_key

BATCH = 500
# Long enough for every running process to reopen the state file (keystore checks it at
# least every GENERATION_CHECK_SECONDS), so none wraps a new key under an epoch we forget.
SETTLE_SECONDS = keystore.GENERATION_CHECK_SECONDS + 1.0


class RotationIncomplete(RuntimeError):
    """Keys are still wrapped under an old epoch after re-wrapping; nothing was forgotten."""


@dataclass(frozen=True)
class RotationReport:
    new_epoch: int
    rewrapped: int
    kept: list[int]
    forgotten: list[int]


def rotate(*, forget_older: bool = False) -> RotationReport:
    """Rotate; with ``forget_older``, forget every epoch but the new one."""
    ring = keystore.keyring()
    new = ring.new_epoch()
    keystore.save(ring)  # both epochs on disk before anything moves
    rewrapped = _rewrap_all(new)
    forgotten: list[int] = []
    if forget_older:
        time.sleep(SETTLE_SECONDS)
        rewrapped += _rewrap_all(new)  # keys made meanwhile by processes not yet reopened
        if _left_behind(new):
            raise RotationIncomplete(
                "some keys are still under an old epoch; nothing was forgotten: run it again"
            )
        forgotten = [epoch for epoch in ring.epochs if epoch != new]
        for epoch in forgotten:
            ring.forget_epoch(epoch)
    keystore.save(ring)
    record(
        "keys.rotate", detail={"epoch": new, "rewrapped": rewrapped, "forgotten": len(forgotten)}
    )
    return RotationReport(new, rewrapped, list(ring.epochs), forgotten)


def _rewrap_all(epoch: int) -> int:
    return sum(_rewrap_table(table, epoch) for table in wrapped_key_tables())


def _left_behind(epoch: int) -> int:
    """Wrapped keys of any table not under ``epoch``."""
    tables = wrapped_key_tables()
    return sum(t.model._default_manager.exclude(epoch=epoch).count() for t in tables)


def _rewrap_table(table: WrappedKeyTable, epoch: int) -> int:
    """Re-wrap every key of one table under ``epoch``, in batches of one transaction each."""
    ring = keystore.keyring()
    rewrapped = 0
    manager = table.model._default_manager
    # Rows of any model with ``wrapped`` and ``epoch`` columns (see WrappedKeyTable).
    rows: models.QuerySet[Any] = manager.exclude(epoch=epoch).select_related(*table.related)
    while batch := list(rows[:BATCH]):
        with transaction.atomic():
            for row in batch:
                context = table.context_of(row)
                row.wrapped = rewrap_data_key(ring, bytes(row.wrapped), context, epoch)
                row.epoch = epoch
                row.save(update_fields=["wrapped", "epoch"])
        rewrapped += len(batch)
    return rewrapped
