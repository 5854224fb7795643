"""Candidate pairs, the cases due for relinking, and merges.

A pair row holds two case ids, the score, the decision, the *kinds* of signal as codes
(``names``, ``date``, ``unit``, ``handle``, ``document``, ``photo``, ``impostor``) and a
reference ``LK-…`` that both organisations' coordinators can look up. The readable reasons
(which quote names) are sealed under the first case's key, and only for pairs inside one
organisation: a pair across organisations stores no reason at all. Nothing here is a
plaintext or deterministic index of a name, handle or number. What the rows do give away
(which cases are probably one person) is written down in docs/architecture.md §6.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models

from safepassage.apps.cases.models import Case
from safepassage.apps.vault.fields import SealedJSONField
from safepassage.apps.vault.sealed import SealedRecord

_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_link_reference() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"LK-{body[:4]}-{body[4:]}"


class RelinkDue(models.Model):
    """A case whose record changed since the worker last linked it (noted by the watcher)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="+")
    noted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"relink-due#{self.pk}"


class PairStatus(models.TextChoices):
    OPEN = "open"
    DIFFERENT = "different"  # a coordinator said: different people (remembered)
    MERGED = "merged"


class LinkPair(SealedRecord):
    """A candidate pair, ``case_a`` having the lower id."""

    reference = models.CharField(max_length=16, unique=True, editable=False)
    case_a = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    case_b = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    decision = models.CharField(max_length=12)  # same | possible
    kinds = models.CharField(max_length=120)  # signal codes, comma-separated, no values
    impostor = models.BooleanField(default=False)
    cross_organisation = models.BooleanField(default=False)
    rule_version = models.CharField(max_length=16)
    status = models.CharField(max_length=12, choices=PairStatus.choices, default="open")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField()
    reasons = SealedJSONField()  # [{"code", "text"}]; [] across organisations

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case_a", "case_b"], name="linkpair_once"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.reference:
            self.reference = new_link_reference()
        super().save(*args, **kwargs)

    def sealing_case(self) -> Case:
        return self.case_a

    def other(self, case: Case) -> Case:
        return self.case_b if case.pk == self.case_a_id else self.case_a

    @property
    def kind_list(self) -> list[str]:
        return [k for k in self.kinds.split(",") if k]


class Merge(SealedRecord):
    """One case merged into another: what was copied, so that unmerging restores both."""

    pair = models.ForeignKey(LinkPair, on_delete=models.CASCADE, related_name="merges")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")  # keeps
    merged = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")  # closed
    previous_stage = models.CharField(max_length=24)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)
    copies = SealedJSONField()  # {"names": [id], "notes": [id], "documents": [id], "held": [...]}

    class Meta:
        ordering = ["-merged_at"]
