"""Key rotation: a new epoch, every case key re-wrapped under it, old epochs forgotten.

Forgetting an epoch is what makes crypto-shredding reach old backups: a wrapped key in
an old copy of the database can only be opened with the epoch it was wrapped under.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from safepassage.apps.audit.actions import record
from safepassage.apps.vault import keystore
from safepassage.apps.vault.datakeys import WrappedKeyTable, wrapped_key_tables
from safepassage.cores.crypto import rewrap_data_key

BATCH = 500


@dataclass(frozen=True)
class RotationReport:
    new_epoch: int
    rewrapped: int
    kept: list[int]
    forgotten: list[int]


def rotate(*, forget_older: bool = False) -> RotationReport:
    """Rotate; with ``forget_older``, forget every epoch before the one just replaced."""
    ring = keystore.keyring()
    previous = ring.current_epoch
    new = ring.new_epoch()
    keystore.write_state(ring.sealed_state())  # both epochs on disk before anything moves
    rewrapped = sum(_rewrap_table(table, new) for table in wrapped_key_tables())
    forgotten = []
    if forget_older:
        for epoch in ring.epochs:
            if epoch < previous:
                ring.forget_epoch(epoch)
                forgotten.append(epoch)
    keystore.write_state(ring.sealed_state())
    record(
        "keys.rotate", detail={"epoch": new, "rewrapped": rewrapped, "forgotten": len(forgotten)}
    )
    return RotationReport(new, rewrapped, list(ring.epochs), forgotten)


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
