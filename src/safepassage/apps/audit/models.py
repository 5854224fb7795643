"""Audit entries and the chain head.

Each entry stores the hash of the previous entry and of its own canonical form, so a
changed, removed or reordered row breaks the chain. The database refuses UPDATE and
DELETE on the entries (triggers in migration 0002).
"""

from __future__ import annotations

from django.db import models


class AuditEntry(models.Model):
    seq = models.BigAutoField(primary_key=True)
    created_at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    organisation_id = models.BigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=32, blank=True, default="")
    target_ref = models.CharField(max_length=64, blank=True, default="")
    outcome = models.CharField(max_length=16, default="ok")
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"audit#{self.seq}"


class AuditHead(models.Model):
    """Single row naming the newest entry; locked while appending so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    count = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return "audit-head"
