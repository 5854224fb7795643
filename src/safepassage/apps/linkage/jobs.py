"""Linkage's worker job: keep candidate pairs current as cases are created and edited."""

from __future__ import annotations

import datetime

from safepassage.apps.jobs.registry import job
from safepassage.apps.linkage.linking import relink


@job("relink_cases", needs_keys=True)
def relink_cases(now: datetime.datetime) -> int:
    """Relink the cases noted as due (building the in-memory index on the first run)."""
    return relink(now)
