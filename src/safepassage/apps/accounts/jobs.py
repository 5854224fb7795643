"""Accounts' worker jobs: forget stale sign-in throttle rows; seal plaintext TOTP seeds.

Sign-in prunes on every failed attempt too; the job covers a quiet server, so a typed
name does not stay in the table (even as a keyed digest) longer than needed. Seeds made
before sealing existed are moved into ``TotpSeal`` by the first unsealed worker run (a
migration cannot: it has no keys).
"""

from __future__ import annotations

import datetime

from safepassage.apps.accounts.seeds import seal_legacy_seeds
from safepassage.apps.accounts.signin import prune_throttle
from safepassage.apps.jobs.registry import job


@job("prune_signin_throttle")
def prune_signin_throttle(now: datetime.datetime) -> int:
    return prune_throttle(now)


@job("seal_totp_seeds", needs_keys=True)
def seal_totp_seeds(now: datetime.datetime) -> int:
    return seal_legacy_seeds()
