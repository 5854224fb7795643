"""Checking credentials: password and second factor, with per-account throttling.

Every failure path (unknown name, wrong password, wrong code, throttled) does the same
work and returns the same result, so neither the response nor its timing tells them apart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from safepassage.apps.accounts import totp
from safepassage.apps.accounts.models import RecoveryCode, SignInThrottle, User
from safepassage.apps.accounts.secrets_util import (
    account_digest,
    digest,
    normalise_recovery_code,
)

_DUMMY_HASH: list[str] = []


class Outcome(enum.Enum):
    SIGNED_IN = "signed_in"
    NEEDS_ENROLMENT = "needs_enrolment"
    FAILED = "failed"


@dataclass(frozen=True)
class SignInResult:
    outcome: Outcome
    user: User | None = None
    used_recovery_code: bool = False
    account_id: int | None = None  # for the audit trail only; never shown to the client


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(make_password("not-a-real-password-for-timing"))
    return _DUMMY_HASH[0]


def _throttle_delay(failures: int) -> timedelta:
    """No delay for the first few failures, then doubling from 30 s up to the cap."""
    extra = failures - settings.LOGIN_FREE_FAILURES
    if extra < 0:
        return timedelta(0)
    seconds = min(30 * (2 ** min(extra, 20)), settings.LOGIN_MAX_DELAY_SECONDS)
    return timedelta(seconds=seconds)


def _second_factor_ok(user: User, code: str) -> tuple[bool, bool]:
    """Return (accepted, was_recovery_code); consumes the code when accepted."""
    compact = code.strip().replace(" ", "")
    step = totp.matching_step(user.totp_secret, compact)
    if step is not None:
        if step <= user.totp_last_step:
            return False, False  # replayed code
        User.objects.filter(pk=user.pk).update(totp_last_step=step)
        user.totp_last_step = step
        return True, False
    normalised = normalise_recovery_code(code)
    if not normalised:
        return False, False
    used = RecoveryCode.objects.filter(
        user=user, digest=digest(normalised), used_at__isnull=True
    ).update(used_at=timezone.now())
    return used == 1, used == 1


def check_credentials(username: str, password: str, code: str) -> SignInResult:
    """Decide one sign-in attempt and record its effect on the account's throttle."""
    now = timezone.now()
    user = User.objects.filter(username__iexact=username.strip(), is_active=True).first()
    # A known account is throttled by its id, so look-alike spellings of its name that the
    # database folds together (on PostgreSQL, UPPER('ı') = 'I') share one counter.
    key = account_digest(f"user#{user.pk}" if user else username)
    with transaction.atomic():
        throttle, _ = SignInThrottle.objects.select_for_update().get_or_create(account_digest=key)
        password_ok = check_password(password, user.password if user else _dummy_hash())
        throttled = throttle.blocked_until is not None and throttle.blocked_until > now
        result = SignInResult(Outcome.FAILED)
        if user is not None and password_ok and not throttled:
            if not user.has_totp:
                result = SignInResult(Outcome.NEEDS_ENROLMENT, user)
            else:
                accepted, recovery = _second_factor_ok(user, code)
                if accepted:
                    result = SignInResult(Outcome.SIGNED_IN, user, recovery)
        if result.outcome is Outcome.FAILED:
            result = SignInResult(Outcome.FAILED, account_id=user.pk if user else None)
            if not throttled:
                throttle.failures += 1
                delay = _throttle_delay(throttle.failures)
                throttle.blocked_until = now + delay if delay else None
            throttle.save()
        else:
            SignInThrottle.objects.filter(pk=throttle.pk).update(failures=0, blocked_until=None)
    return result
