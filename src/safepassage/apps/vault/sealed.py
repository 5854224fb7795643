"""The base of every model with sealed fields that belongs to a case."""

from __future__ import annotations

import uuid
from typing import Protocol

from django.db import models


class KeyOwner(Protocol):
    """What sealed fields and blobs open with: a case, seen from the vault (which sits
    below the cases app and never imports it)."""

    def data_key(self) -> tuple[bytes, int]: ...


class SealedRecord(models.Model):
    """Abstract base: a UUID primary key (bound into every envelope) and the owning case.

    A subclass has a ``case`` foreign key; its sealed fields open with that case's data
    key (``sealing_case().data_key()``), so shredding the case makes them noise.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case: KeyOwner  # an annotation only: each subclass declares the foreign key itself
    # Set by fields.open_or_mark when a stored value does not open (the row then fails alone).
    unreadable: bool = False

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__.lower()}#{self.pk}"

    def sealing_case(self) -> KeyOwner:
        return self.case
