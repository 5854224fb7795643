"""The thread that notices a panic seal made by another process, even with no request.

Wiping the keyring is not enough after a seal: unwrapped case keys, derived keys and
plaintext sit in immutable Python objects and freed heap that nothing can zero
(docs/crypto.md §11). So a long-running process that held keys is given an
``on_sealed`` action, and the serve and worker commands make it end the process
(gunicorn workers) or replace it with a fresh sealed program image (``os.execv``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence

from django.db import close_old_connections

from safepassage.apps.vault import keystore

_log = logging.getLogger(__name__)


def start_watcher(
    interval: float = 1.0, on_sealed: Callable[[], None] | None = None
) -> threading.Thread:
    """A daemon thread that checks the seal generation even when no request arrives.

    ``on_sealed`` runs once, in this thread, when this process goes from holding keys to
    holding none (a seal elsewhere, or a state file its root cannot open).
    """

    def watch() -> None:
        stop = threading.Event()
        held = keystore.is_unsealed()
        while not stop.wait(interval):
            try:
                keystore.refresh_if_due(force=True)
            except Exception:
                _log.warning("seal watcher could not read the seal generation; will retry")
            finally:
                close_old_connections()
            holding = keystore.is_unsealed()
            if held and not holding and on_sealed is not None:
                on_sealed()
            held = holding

    thread = threading.Thread(target=watch, name="safepassage-seal-watcher", daemon=True)
    thread.start()
    return thread


def exit_now() -> None:
    """End this process at once: its memory may hold case keys no wipe can reach."""
    keystore.drop()
    os._exit(0)


def reexec_sealed(arguments: Sequence[str], keep_fds: Sequence[int] = ()) -> None:
    """Replace this process (same pid) by ``safepassage <arguments>``, started sealed.

    ``execv`` discards the whole address space, so nothing the old image held survives;
    ``keep_fds`` (a listening socket) stay open across it.
    """
    keystore.drop()
    for fd in keep_fds:
        os.set_inheritable(fd, True)
    sys.stderr.flush()
    # S606: the program is this interpreter and the arguments are ours, no shell involved.
    os.execv(sys.executable, [sys.executable, "-m", "safepassage.cli", *arguments])  # noqa: S606
