"""The base of every model with sealed fields that belongs to a case."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models


class SealedRecord(models.Model):
    """Abstract base: a UUID primary key (bound into every envelope) and the owning case.

    A subclass has a ``case`` foreign key; its sealed fields open with that case's data
    key (``sealing_case().data_key()``), so shredding the case makes them noise.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__.lower()}#{self.pk}"

    def sealing_case(self) -> Any:
        return self.case  # type: ignore[attr-defined]
