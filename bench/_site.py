"""Shared set-up for the Django benchmarks: a throw-away data folder, migrated, unsealed."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def setup() -> str:
    """Configure Django on a fresh SQLite file (or DATABASE_URL's PostgreSQL); returns vendor."""
    folder = tempfile.mkdtemp(prefix="sp-bench-")
    os.environ.setdefault("SAFEPASSAGE_DATA_DIR", folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.project.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    from safepassage.apps.vault import keystore
    from safepassage.cores.crypto import Keyring, new_root_key

    keystore.install(Keyring.create(new_root_key()))
    return str(connection.vendor)


@contextmanager
def timer(results: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    results[name] = time.perf_counter() - start


def best_of(repeats: int, action: Callable[[], Any]) -> float:
    """Fastest of several runs, in seconds (least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best
