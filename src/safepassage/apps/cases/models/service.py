"""Military service, deployments, desertion and Russian legal exposure: all sealed."""

from __future__ import annotations

from django.db import models

from safepassage.apps.cases.models.case import Case
from safepassage.apps.vault.fields import SealedJSONField
from safepassage.apps.vault.sealed import SealedRecord


class ServiceRecord(SealedRecord):
    """One row per case: the military service, desertion and exposure sections."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="service")
    service = SealedJSONField()  # sections.MilitaryService
    desertion = SealedJSONField()  # sections.Desertion
    exposure = SealedJSONField()  # sections.LegalExposure


class Deployment(SealedRecord):
    """A dated deployment: never a combat yes/no (DOMAIN.md §1), always periods and places."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deployments")
    added_at = models.DateTimeField(auto_now_add=True)
    details = SealedJSONField()  # sections.Deployment

    class Meta:
        ordering = ["added_at"]


class FamilyMember(SealedRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="family")
    added_at = models.DateTimeField(auto_now_add=True)
    details = SealedJSONField()  # sections.FamilyMember

    class Meta:
        ordering = ["added_at"]


class ConsentRecord(SealedRecord):
    """What the person agreed to. ``scope`` is plaintext so referrals can be gated by it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(max_length=32)
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    details = SealedJSONField()  # sections.Consent

    class Meta:
        ordering = ["recorded_at"]
