"""Database side of sealing: the seal generation that tells processes to drop their keys."""

from __future__ import annotations

from django.db import models


class VaultControl(models.Model):
    """Single row. Raising ``seal_generation`` seals every process that unsealed before."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seal_generation = models.PositiveIntegerField(default=0)
    sealed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"vault-control(generation={self.seal_generation})"
