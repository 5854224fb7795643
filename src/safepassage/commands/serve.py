"""``safepassage serve``: unseal, then run the web application under gunicorn.

Shares are collected before any worker starts (from --share-file, --share-fd or the
terminal); the workers are forked from the unsealed master and inherit its keyring.
Each worker watches the seal generation, so ``safepassage seal`` reaches all of them:
a worker that held keys exits at once, and the master kills any left and re-executes
itself as ``serve --sealed`` on the same listening socket, so the workers it forks next
come from a program image that never held a key.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from safepassage.commands import (
    add_share_arguments,
    database_needs_migrating,
    django_setup,
    unseal_from_args,
)

HELP = "Unseal with trustee shares, then serve the web application (gunicorn)."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    add_share_arguments(parser)
    parser.add_argument(
        "--sealed",
        action="store_true",
        help="start sealed without asking for shares (case pages answer 503)",
    )


def serve(bind: str, workers: int) -> None:
    """Collect static files, then hand over to gunicorn in this process."""
    from django.core.management import call_command
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from safepassage.apps.vault.watcher import exit_now, start_watcher

    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()
    from safepassage.project.wsgi import application

    def post_fork(server: Any, worker: Any) -> None:
        start_watcher(on_sealed=exit_now)

    def when_ready(server: Any) -> None:
        start_watcher(on_sealed=lambda: _restart_sealed(server, workers))

    class _App(BaseApplication):
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": bind,
                "workers": workers,
                "accesslog": None,  # access logs would hold paths and times per user
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "safepassage",
                "post_fork": post_fork,
                "when_ready": when_ready,
                "preload_app": True,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    _App().run()


def _restart_sealed(arbiter: Any, workers: int) -> None:
    """After a seal: kill every worker, then become a sealed master on the same socket."""
    from safepassage.apps.vault.watcher import kill_children, reexec_sealed

    kill_children()  # reaped here too, so the new master does not report them
    fd = arbiter.LISTENERS[0].fileno()  # `serve` binds exactly one address
    reexec_sealed(
        ["serve", "--sealed", "--workers", str(workers), "--bind", f"fd://{fd}"], keep_fds=[fd]
    )


def run(args: argparse.Namespace) -> int:
    django_setup()
    if database_needs_migrating():
        return 2
    if args.sealed:
        print(
            "Starting SEALED: case pages answer 503 until restarted with shares.", file=sys.stderr
        )
    elif unseal_from_args(args):
        print("Unsealed.", file=sys.stderr)
    else:
        print(
            "No shares given: starting SEALED. Case pages answer 503 until the server is "
            "restarted with the trustees' shares.",
            file=sys.stderr,
        )
    serve(args.bind, args.workers)
    return 0
