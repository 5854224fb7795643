"""Vetting's worker job: screen cases against the current list versions."""

from __future__ import annotations

import datetime

from safepassage.apps.jobs.registry import job
from safepassage.apps.vetting.rescreen import screen_everything


@job("screen_cases", needs_keys=True)
def screen_cases(now: datetime.datetime) -> int:
    """New list versions incrementally, then due cases, then stale ones; counts only."""
    return screen_everything(now)
