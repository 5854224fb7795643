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
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from django.db import close_old_connections

from safepassage.apps.vault import keystore

_log = logging.getLogger(__name__)

# The gunicorn master forks workers while its watcher thread may be mid-query: a child
# forked then inherits a held database or keystore lock and hangs. Forks wait for the
# watcher's check to finish, and the check waits for a fork in progress.
_fork_guard = threading.Lock()
os.register_at_fork(
    before=_fork_guard.acquire,
    after_in_parent=_fork_guard.release,
    after_in_child=_fork_guard.release,
)


def start_watcher(
    interval: float = 1.0, on_sealed: Callable[[], None] | None = None
) -> threading.Thread:
    """A daemon thread that checks the seal generation even when no request arrives.

    ``on_sealed`` runs once, in this thread, when this process goes from holding keys to
    holding none (a seal elsewhere, or a state file its root cannot open). It runs with
    forks held back, so a gunicorn master cannot fork a worker it would then miss.
    """

    def watch() -> None:
        stop = threading.Event()
        held = keystore.holds_keys()
        while not stop.wait(interval):
            with _fork_guard:  # also held by on_sealed: no fork between the seal and it
                _check()
                holding = keystore.holds_keys()
                if held and not holding and on_sealed is not None:
                    on_sealed()
            held = holding

    thread = threading.Thread(target=watch, name="safepassage-seal-watcher", daemon=True)
    thread.start()
    return thread


def _check() -> None:
    try:
        keystore.refresh_if_due(force=True)
    except Exception:
        _log.warning("seal watcher could not read the seal generation; will retry")
    finally:
        close_old_connections()


def kill_children() -> None:
    """SIGKILL and reap every child (gunicorn workers), whichever thread forked it."""
    children: set[int] = set()
    for task in Path("/proc/self/task").glob("*"):
        try:
            children.update(int(pid) for pid in (task / "children").read_text().split())
        except OSError:
            continue
    for pid in children:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            continue


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
