"""The worker's jobs: plain functions of ``now`` that return how much they did.

To add a job, write ``def my_job(now: datetime) -> int`` in your app's ``jobs.py`` and
decorate it with ``@job("my_job")`` (``needs_keys=True`` if it opens sealed fields).
``safepassage worker`` runs them all, in registration order (apps in ``INSTALLED_APPS``
order); a job that needs keys is skipped while the process is sealed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

JobFunction = Callable[[datetime.datetime], int]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction
    needs_keys: bool = False


_JOBS: list[Job] = []


def job(name: str, *, needs_keys: bool = False) -> Callable[[JobFunction], JobFunction]:
    """Register a function as a worker job (once per name)."""

    def register(function: JobFunction) -> JobFunction:
        if all(existing.name != name for existing in _JOBS):
            _JOBS.append(Job(name, function, needs_keys))
        return function

    return register


def load_jobs() -> list[Job]:
    """Every registered job, after importing each installed app's ``jobs`` module."""
    autodiscover_modules("jobs")
    return list(_JOBS)
