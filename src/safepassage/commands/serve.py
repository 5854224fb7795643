"""``safepassage serve``: run the web application under gunicorn."""

from __future__ import annotations

import argparse
from typing import Any

HELP = "Serve the web application (gunicorn) on an address, by default 127.0.0.1:8000."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")


def serve(bind: str, workers: int) -> None:
    """Collect static files, then hand over to gunicorn in this process."""
    from django.core.management import call_command
    from gunicorn.app.base import BaseApplication

    from safepassage.commands import django_setup

    django_setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    from safepassage.project.wsgi import application

    class _App(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": bind,
                "workers": workers,
                "accesslog": None,  # access logs would hold paths and times per user
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "safepassage",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    _App().run()


def run(args: argparse.Namespace) -> int:
    serve(args.bind, args.workers)
    return 0
