"""Safety models: check-in schedules and log, country risk register, case flags, notifications.

Check-in instants are procedural metadata (S2) and stay plaintext so that escalation
works while the server is sealed. What would tie a case to a country (why a flag was
raised) is sealed under the case key.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.countries import country_name
from safepassage.apps.cases.models import Case
from safepassage.apps.vault.fields import SealedJSONField, SealedTextField
from safepassage.apps.vault.sealed import SealedRecord
from safepassage.cores.procedures import checkins

if TYPE_CHECKING:
    from safepassage.apps.access.context import AccessContext


class ScheduleQuerySet(models.QuerySet["CheckInSchedule"]):
    def visible_to(self, access: AccessContext) -> ScheduleQuerySet:
        """Schedules of the cases the route's rule lets this user see."""
        return self.filter(case__in=Case.objects.visible_to(access))

    def active(self) -> ScheduleQuerySet:
        return self.filter(active=True)


class CheckInSchedule(models.Model):
    """How often a person in hiding should check in, and the grace before escalation."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="checkin_schedule")
    interval_hours = models.PositiveIntegerField()
    grace_hours = models.PositiveIntegerField()
    active = models.BooleanField(default=True)
    started_at = models.DateTimeField()
    last_check_in_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)  # cleared by a check-in

    objects = ScheduleQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(interval_hours__gte=1), name="safety_interval_positive"
            )
        ]

    def __str__(self) -> str:
        return f"schedule#{self.pk}"

    def timing(self) -> checkins.CheckInSchedule:
        return checkins.CheckInSchedule(
            interval=datetime.timedelta(hours=self.interval_hours),
            grace=datetime.timedelta(hours=self.grace_hours),
        )

    def anchor(self) -> datetime.datetime:
        """The instant the current period started: the last check-in, or the (re)start."""
        if self.last_check_in_at and self.last_check_in_at > self.started_at:
            return self.last_check_in_at
        return self.started_at

    def status(self, now: datetime.datetime) -> checkins.CheckInStatus:
        return checkins.status(self.timing(), self.anchor(), now)


class CheckInChannel(models.TextChoices):
    UNKNOWN = "unknown", _("Not said")
    MESSENGER = "messenger", _("Messenger (Signal, Telegram, WhatsApp)")
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message")
    IN_PERSON = "in_person", _("In person")
    THROUGH_SOMEONE = "through_someone", _("Through a relative or a contact")
    OTHER = "other", _("Other")


class CheckIn(models.Model):
    """One recorded check-in: who recorded it, when he checked in, by which channel, and
    whether he signalled duress. These stay plaintext (procedural metadata, S2: escalation
    works while sealed); the optional note is sealed in ``CheckInNote``."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="check_ins")
    at = models.DateTimeField(default=timezone.now)
    actor_id = models.BigIntegerField(null=True)
    channel = models.CharField(
        max_length=20, choices=CheckInChannel.choices, default=CheckInChannel.UNKNOWN
    )
    duress = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"check-in#{self.pk}"


class CheckInNote(SealedRecord):
    """A check-in's short note (what he said, how he sounded), sealed under the case key."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    check_in = models.OneToOneField(CheckIn, on_delete=models.CASCADE, related_name="note")
    text = SealedTextField()


class RiskRating(models.TextChoices):
    LOW = "low", _("Low")
    ELEVATED = "elevated", _("Elevated")
    HIGH = "high", _("High")
    VERY_HIGH = "very_high", _("Very high")


RATING_RANK = {rating.value: rank for rank, rating in enumerate(RiskRating)}


class Flagging(models.TextChoices):
    NONE = "none", _("No flags needed")
    PENDING = "pending", _("Flagging pending")
    DONE = "done", _("Cases flagged")


class CountryRiskQuerySet(models.QuerySet["CountryRisk"]):
    def current(self) -> dict[str, CountryRisk]:
        """The current assessment per country: the latest effective, then latest recorded."""
        latest: dict[str, CountryRisk] = {}
        for row in self.order_by("country", "-effective_on", "-recorded_at", "-pk"):
            latest.setdefault(row.country, row)
        return latest

    def current_for(self, country: str) -> CountryRisk | None:
        return self.filter(country=country).order_by("-effective_on", "-recorded_at", "-pk").first()


class CountryRisk(models.Model):
    """One dated, sourced assessment of a host country: shared coalition data, not personal.

    Rows are history: a new assessment is a new row, never an edit. Only the flagging
    status (set by the worker) changes after the row is written.
    """

    country = models.CharField(max_length=2)  # an ISO code (cases.countries), form-checked
    rating = models.CharField(max_length=16, choices=RiskRating.choices)
    previous_rating = models.CharField(max_length=16, choices=RiskRating.choices, blank=True)
    effective_on = models.DateField()
    sources = models.TextField()  # http(s) URLs, one per line
    rationale = models.CharField(max_length=500)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    flagging = models.CharField(max_length=8, choices=Flagging.choices, default=Flagging.NONE)
    flagged_cases = models.PositiveIntegerField(default=0)
    flagged_at = models.DateTimeField(null=True, blank=True)

    objects = CountryRiskQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_on", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"country-risk#{self.pk}"

    def get_country_display(self) -> str:
        return country_name(self.country)

    def source_list(self) -> list[str]:
        return [line for line in self.sources.splitlines() if line.strip()]

    @property
    def rose(self) -> bool:
        if not self.previous_rating:
            return False
        return RATING_RANK[self.rating] > RATING_RANK[self.previous_rating]


FLAG_KINDS = {
    "country_risk_rose": _("The risk in his host country rose: review the plan."),
    "check_in_duress": _("He signalled duress at a check-in: act on the safety plan now."),
}


class CaseFlagQuerySet(models.QuerySet["CaseFlag"]):
    def open(self) -> CaseFlagQuerySet:
        return self.filter(resolved_at__isnull=True)


class CaseFlag(SealedRecord):
    """A case to review. Why (which assessment, which country) is sealed under the case key,
    so a copy of the database cannot join flags to the register's countries."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="safety_flags")
    kind = models.CharField(max_length=40)
    raised_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by_id = models.BigIntegerField(null=True, blank=True)
    reason = SealedJSONField()  # {"assessment": id, "country": code, "from": ..., "to": ...}

    objects = CaseFlagQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at"]

    @property
    def label(self) -> str:
        return str(FLAG_KINDS.get(self.kind, self.kind))
