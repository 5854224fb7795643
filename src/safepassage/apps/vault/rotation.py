"""Key rotation: a new epoch, every case key re-wrapped under it, old epochs forgotten.

Forgetting an epoch is what makes crypto-shredding reach old backups: a wrapped key in
an old copy of the database can only be opened with the epoch it was wrapped under.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from safepassage.apps.audit.actions import record
from safepassage.apps.vault import keystore
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
    from safepassage.apps.cases.models import CaseKey

    ring = keystore.keyring()
    previous = ring.current_epoch
    new = ring.new_epoch()
    keystore.write_state(ring.sealed_state())  # both epochs on disk before anything moves
    rewrapped = 0
    while True:
        batch = list(CaseKey.objects.exclude(epoch=new).select_related("case")[:BATCH])
        if not batch:
            break
        with transaction.atomic():
            for row in batch:
                row.wrapped = rewrap_data_key(ring, bytes(row.wrapped), str(row.case.uid), new)
                row.epoch = new
                row.save(update_fields=["wrapped", "epoch"])
        rewrapped += len(batch)
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
