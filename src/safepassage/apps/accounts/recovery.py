"""Recovery codes: generated in a batch, shown once, stored as digests."""

from __future__ import annotations

from safepassage.apps.accounts.models import RecoveryCode, User
from safepassage.apps.accounts.secrets_util import digest, new_recovery_code

BATCH_SIZE = 10


def replace_recovery_codes(user: User) -> list[str]:
    """Drop any old codes and return a fresh batch; the caller shows them exactly once."""
    codes = [new_recovery_code() for _ in range(BATCH_SIZE)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, digest=digest(c)) for c in codes)
    return codes
