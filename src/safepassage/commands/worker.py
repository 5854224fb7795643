"""``safepassage worker``: run the background jobs once, or keep running them with --loop.

Jobs are registered in ``safepassage.apps.jobs.registry`` by each app's ``jobs.py``
(missed check-ins, risk flags, deadline reminders, audit checkpoints). Jobs that open
sealed fields need the keys: give shares as for ``serve``; while sealed those jobs are
skipped with a message and the others still run. Failures are reported by job name and
error class only: messages could hold data. With --loop, a panic seal replaces the
process (same pid, ``os.execv``) by a sealed worker, so no case key it opened survives.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from safepassage.commands import (
    add_share_arguments,
    database_needs_migrating,
    django_setup,
    unseal_from_args,
)

HELP = "Background jobs: reminders, missed check-ins, risk flags; --loop to keep running."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--loop", action="store_true", help="keep running (Ctrl-C stops)")
    parser.add_argument(
        "--interval",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="pause between rounds with --loop (default 60)",
    )
    add_share_arguments(parser)


def run_once(out: TextIO | None = None) -> bool:
    """Run every registered job once; returns False if any job failed."""
    from django.db import close_old_connections, connection
    from django.utils import timezone

    from safepassage.apps.jobs.registry import load_jobs
    from safepassage.apps.vault import keystore

    stream = out or sys.stdout
    ok = True
    for job in load_jobs():
        if not connection.in_atomic_block:  # never inside a caller's transaction (tests)
            close_old_connections()
        if job.needs_keys and not keystore.is_unsealed():
            print(f"{job.name}: skipped, server sealed (needs the keys)", file=stream)
            continue
        try:
            done = job.run(timezone.now())
        except Exception as error:  # one failing job must not stop the others
            ok = False
            print(f"{job.name}: failed ({type(error).__name__})", file=sys.stderr)
            continue
        print(f"{job.name}: {done}", file=stream)
    return ok


def run(args: argparse.Namespace) -> int:
    django_setup()
    if args.interval <= 0:
        print("safepassage worker: --interval must be positive", file=sys.stderr)
        return 2
    if database_needs_migrating():
        return 2
    if unseal_from_args(args, prompt=False):
        print("Unsealed.", file=sys.stderr)
    else:
        print("No shares given: jobs that need the keys are skipped.", file=sys.stderr)
    if not args.loop:
        return 0 if run_once() else 1
    from safepassage.apps.vault.watcher import reexec_sealed, start_watcher

    # A panic seal replaces this process by a sealed worker: a fresh program image.
    start_watcher(
        on_sealed=lambda: reexec_sealed(["worker", "--loop", "--interval", str(args.interval)])
    )
    try:
        while True:
            run_once()
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0
