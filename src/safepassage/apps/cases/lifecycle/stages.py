"""Lifecycle stages (DOMAIN.md §6)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    INTAKE = "intake", _("Intake")
    TRIAGE = "triage", _("Triage")
    EXIT = "exit", _("Exit")
    THIRD_COUNTRY = "third_country", _("Third country")
    VETTING = "vetting", _("Vetting")
    ADVOCACY = "advocacy", _("Advocacy")
    VISA_TRAVEL = "visa_travel", _("Visa and travel")
    REGISTRATION = "registration", _("Registration")
    DUBLIN = "dublin", _("Dublin")
    OFPRA_FILING = "ofpra_filing", _("OFPRA filing")
    INTERVIEW = "interview", _("Interview")
    DECISION = "decision", _("Decision")
    PROTECTED = "protected", _("Protected")
    CNDA = "cnda", _("CNDA appeal")
    FINAL_REJECTION = "final_rejection", _("Final rejection")
    EXCLUDED = "excluded", _("Excluded")
    CLOSED = "closed", _("Closed")


class Pathway(models.TextChoices):
    FR_ASYLUM_VISA = "fr_asylum_visa", _("France: asylum visa")
    DE_SECTION_22 = "de_section_22", _("Germany: § 22 admission")
    DE_ASYLUM = "de_asylum", _("Germany: asylum")
    THIRD_COUNTRY = "third_country", _("Stay in the third country")
    OTHER = "other", _("Other")
    UNDECIDED = "undecided", _("Not decided yet")
