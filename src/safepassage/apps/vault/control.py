"""Reading and raising the seal generation (the database row every process watches)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safepassage.apps.accounts.models import User
from safepassage.apps.vault.models import VaultControl


def current_generation() -> int:
    row = VaultControl.objects.filter(id=1).values_list("seal_generation", flat=True).first()
    return int(row or 0)


def seal_everywhere() -> int:
    """Raise the generation: every unsealed process drops its keys on its next check."""
    with transaction.atomic():
        VaultControl.objects.get_or_create(id=1)
        VaultControl.objects.filter(id=1).update(
            seal_generation=F("seal_generation") + 1, sealed_at=timezone.now()
        )
        # Sealing also ends every session: staff sign in again after the unseal.
        User.objects.update(session_generation=F("session_generation") + 1)
    return current_generation()
