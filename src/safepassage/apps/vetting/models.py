"""Vetting models: watchlists and their versions, screening state per case, sealed hits.

Lists are coalition-wide reference data: they describe listed persons, not our clients, so
their entities are plaintext (and the web process never loads them as an index). Everything
that ties a case to a listed person (which entity, the score, the explanation, the reason of
a decision) is sealed under the case key. What stays plaintext is procedural: that a case
has a hit in a given state, and which list versions it was last screened against
(docs/architecture.md §6).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.models import Case
from safepassage.apps.vault.fields import SealedJSONField, SealedTextField
from safepassage.apps.vault.sealed import SealedRecord


class Watchlist(models.Model):
    """A named list (for example "eu-fsf"); each import is a new ListVersion."""

    name = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ListVersionQuerySet(models.QuerySet["ListVersion"]):
    def kept(self) -> ListVersionQuerySet:
        return self.filter(removed_at__isnull=True)

    def current(self) -> list[ListVersion]:
        """The newest kept version of every list, ordered by list name."""
        newest: dict[int, ListVersion] = {}
        for version in self.kept().select_related("watchlist").order_by("number"):
            newest[version.watchlist_id] = version
        return sorted(newest.values(), key=lambda v: v.watchlist.name)


class ListVersion(models.Model):
    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by_id = models.BigIntegerField(null=True)
    source = models.CharField(max_length=500, blank=True, default="")
    licence = models.CharField(max_length=500, blank=True, default="")
    entity_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)  # new or changed since the previous
    removed_count = models.PositiveIntegerField(default=0)  # gone since the previous
    fingerprint = models.CharField(max_length=64)  # of the whole content
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rescreened_at = models.DateTimeField(null=True, blank=True)  # open cases compared
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by_id = models.BigIntegerField(null=True)

    objects = ListVersionQuerySet.as_manager()

    class Meta:
        ordering = ["watchlist__name", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["watchlist", "number"], name="list_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.watchlist.name} v{self.number}"


class ListedEntity(models.Model):
    """One listed person of one version, with a fingerprint of its content."""

    version = models.ForeignKey(ListVersion, on_delete=models.CASCADE, related_name="entities")
    entity_id = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=32)
    data = models.JSONField()  # names, birth_dates, gender, nationalities, source

    class Meta:
        indexes = [models.Index(fields=["version", "entity_id"], name="listed_entity_lookup")]

    def __str__(self) -> str:
        return f"listed#{self.pk}"


class ScreeningDue(models.Model):
    """A case whose names, birth date or nationality changed: the worker screens it."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="screening_due")
    since = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"due#{self.case_id}"


class CaseScreening(models.Model):
    """When a case was last screened, and against which list versions (ids, sorted)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="screening")
    screened_at = models.DateTimeField()
    version_key = models.CharField(max_length=500, default="")  # "3,7,9"

    def __str__(self) -> str:
        return f"screening#{self.case_id}"

    def version_ids(self) -> list[int]:
        return [int(part) for part in self.version_key.split(",") if part]


class HitState(models.TextChoices):
    UNDECIDED = "undecided", _("Undecided")
    NOT_SAME = "not_same", _("Not this person")
    SAME = "same", _("Same person")
    NEEDS_INFO = "needs_info", _("Cannot tell — needs information")


DECISIONS = (HitState.NOT_SAME, HitState.SAME, HitState.NEEDS_INFO)


class Hit(SealedRecord):
    """A listed person a case may be. ``details`` (sealed) names the entity:
    {"list", "entity_id", "fingerprint", "version_id", "score", "decision", "explanation",
    "entity", "decided_fingerprint", "history"}."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screening_hits")
    state = models.CharField(max_length=16, choices=HitState.choices, default=HitState.UNDECIDED)
    active = models.BooleanField(default=True)  # found by the latest screening
    changed_since_decision = models.BooleanField(default=False)
    found_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by_id = models.BigIntegerField(null=True)
    details = SealedJSONField()
    reason = SealedTextField()

    class Meta:
        ordering = ["found_at"]
        indexes = [models.Index(fields=["case", "active", "state"], name="hit_case_state")]
