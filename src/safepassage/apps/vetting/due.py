"""Noting, inside the writing transaction, that a case is due for screening."""

from __future__ import annotations

from django.utils import timezone

from safepassage.apps.cases.models import Case
from safepassage.apps.vetting.models import ScreeningDue
from safepassage.apps.vetting.screening import SCREENED_SECTIONS


def note_due(case: Case, what: str) -> None:
    """A new case, or a change to its names, birth date or citizenship: screen it again."""
    if what in SCREENED_SECTIONS:
        ScreeningDue.objects.update_or_create(
            case=case, defaults={"since": timezone.now(), "claimed_at": None}
        )
