"""Accounts' worker job: forget sign-in throttle rows nobody has touched for a day.

Sign-in prunes on every failed attempt too; the job covers a quiet server, so a typed
name does not stay in the table (even as a keyed digest) longer than needed.
"""

from __future__ import annotations

import datetime

from safepassage.apps.accounts.signin import prune_throttle
from safepassage.apps.jobs.registry import job


@job("prune_signin_throttle")
def prune_signin_throttle(now: datetime.datetime) -> int:
    return prune_throttle(now)
