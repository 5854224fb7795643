"""Stage history, vetting sign-offs, procedure events and the deadlines computed from them.

Procedure dates and deadlines are plaintext (procedural, graded S2 in DOMAIN.md §7) so
that the upcoming-deadlines view and the reminders work without opening every case;
the reasons people give are sealed. docs/architecture.md lists what this surrenders.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.models.case import Case
from safepassage.apps.vault.fields import SealedTextField
from safepassage.apps.vault.sealed import SealedRecord


class StageTransition(SealedRecord):
    """Immutable history: who moved the case from where to where, when and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.CharField(max_length=24)
    to_stage = models.CharField(max_length=24)
    actor_id = models.BigIntegerField(null=True)
    at = models.DateTimeField(auto_now_add=True)
    reason = SealedTextField()

    class Meta:
        ordering = ["at"]


class VettingOutcome(models.TextChoices):
    RECOMMENDED = "recommended", _("Recommended")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")
    INSUFFICIENT = "insufficient", _("Insufficient information")


class VettingSignOff(SealedRecord):
    """One reviewer's outcome; a dossier needs two independent 'recommended' sign-offs."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="signoffs")
    reviewer_id = models.BigIntegerField()
    outcome = models.CharField(max_length=20, choices=VettingOutcome.choices)
    at = models.DateTimeField(auto_now_add=True)
    note = SealedTextField()

    class Meta:
        ordering = ["at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reviewer_id"], name="one_signoff_per_reviewer")
        ]


class ProcedureEvent(models.Model):
    """A dated event of the destination's procedure (e.g. ATDA issued) that starts clocks."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="procedure_events")
    trigger = models.CharField(max_length=64)
    occurred_on = models.DateField()
    # What the caseworker knows about the event, each optional and passed to the calculator:
    # the court's seat (its holidays), how notice was given (the date the law deems), the
    # decision's track (an OQTF's L911-1 / L921-1 / L921-2) and when the claim was made
    # (whether the EU Pact applies). Codes come from the procedures core.
    court_seat = models.CharField(max_length=16, blank=True, default="")
    notified_by = models.CharField(max_length=40, blank=True, default="")
    track = models.CharField(max_length=24, blank=True, default="")
    claim_date = models.DateField(null=True, blank=True)
    recorded_by_id = models.BigIntegerField(null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "recorded_at"]

    def __str__(self) -> str:
        return f"event#{self.pk}"


class ProcedureSuspension(models.Model):
    """A request that suspends a clock (legal aid for the CNDA appeal) and its decision."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suspensions")
    kind = models.CharField(max_length=32, default="legal_aid")
    requested_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    # The day the decision reached the appointed lawyer: the clock restarts from the later
    # notification (CAA Toulouse, 22TL00387), act-by from the earlier.
    lawyer_notified_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"suspension#{self.pk}"


class Deadline(models.Model):
    """A computed deadline, with the rule version that applied and the calculator's working."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    event = models.ForeignKey(ProcedureEvent, on_delete=models.CASCADE, related_name="deadlines")
    rule_id = models.CharField(max_length=64)
    rule_effective_from = models.DateField()
    data_version = models.CharField(max_length=32)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=32)
    state = models.CharField(max_length=16)
    due = models.DateField(null=True)
    act_by = models.DateField(null=True, db_index=True)
    verified = models.BooleanField(default=True)
    steps = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)
    met_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["act_by", "rule_id"]

    def __str__(self) -> str:
        return f"deadline#{self.pk}"
