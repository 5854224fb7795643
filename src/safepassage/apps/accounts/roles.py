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


# Roles that raise privilege over other people's accounts and every case of the
# organisation: granting one needs a second coordinator (accounts.grants).
PRIVILEGED_ROLES: frozenset[str] = frozenset({Role.COORDINATOR})
