"""Reading and raising the seal generation (the database row every process watches)."""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safepassage.apps.vault.models import VaultControl

_log = logging.getLogger(__name__)


def current_generation() -> int:
    row = VaultControl.objects.filter(id=1).values_list("seal_generation", flat=True).first()
    return int(row or 0)


def seal_everywhere() -> int:
    """Raise the generation: every unsealed process drops its keys on its next check."""
    from safepassage.apps.accounts.models import User

    with transaction.atomic():
        VaultControl.objects.get_or_create(id=1)
        VaultControl.objects.filter(id=1).update(
            seal_generation=F("seal_generation") + 1, sealed_at=timezone.now()
        )
        # Sealing also ends every session: staff sign in again after the unseal.
        User.objects.update(session_generation=F("session_generation") + 1)
    return current_generation()


def start_watcher(interval: float = 1.0) -> threading.Thread:
    """A daemon thread that checks the seal generation even when no request arrives."""
    from django.db import close_old_connections

    from safepassage.apps.vault import keystore

    def watch() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            try:
                keystore.refresh_if_due(force=True)
            except Exception:
                _log.warning("seal watcher could not read the seal generation; will retry")
            finally:
                close_old_connections()

    thread = threading.Thread(target=watch, name="safepassage-seal-watcher", daemon=True)
    thread.start()
    return thread
