"""The thread that notices a panic seal made by another process, even with no request."""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections

from safepassage.apps.vault import keystore

_log = logging.getLogger(__name__)


def start_watcher(interval: float = 1.0) -> threading.Thread:
    """A daemon thread that checks the seal generation even when no request arrives."""

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
