"""The roles a membership can hold. A user may hold different roles in different organisations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    VETTING_OFFICER = "vetting_officer", _("Vetting officer")
    COORDINATOR = "coordinator", _("Coordinator")
    LIAISON = "liaison", _("Authority liaison")
    TRUSTEE = "trustee", _("Trustee")
    AUDITOR = "auditor", _("Auditor")
