"""Checking credentials: password and second factor, with per-account throttling.

Every failure path (unknown name, wrong password, wrong code, throttled) does the same
work and returns the same result, so neither the response nor its timing tells them apart.
"""

from __future__ import annotations

import contextlib
import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from safepassage.apps.accounts import devices, seeds, totp
from safepassage.apps.accounts.models import RecoveryCode, SignInThrottle, User
from safepassage.apps.accounts.secrets_util import (
    account_bucket_digest,
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


def _seed_or_nothing(user: User) -> str:
    """The seed, or "" while the server is sealed: only recovery codes work then."""
    try:
        return seeds.seed_of(user)
    except seeds.SeedsUnavailable:
        return ""


def _seal_if_plaintext(user: User) -> None:
    """A seed from before sealing is sealed at its owner's next sign-in, when keys exist."""
    # Sealed: the worker's seal_totp_seeds job does it once unsealed.
    with contextlib.suppress(seeds.SeedsUnavailable):
        seeds.seal_plaintext(user)


def _second_factor_ok(user: User, code: str) -> tuple[bool, bool]:
    """Return (accepted, was_recovery_code); consumes the code when accepted."""
    compact = code.strip().replace(" ", "")
    step = totp.matching_step(_seed_or_nothing(user), compact)
    if step is not None:
        if step <= user.totp_last_step:
            return False, False  # replayed code
        User.objects.filter(pk=user.pk).update(totp_last_step=step)
        user.totp_last_step = step
        _seal_if_plaintext(user)
        return True, False
    normalised = normalise_recovery_code(code)
    if not normalised:
        return False, False
    used = RecoveryCode.objects.filter(
        user=user, digest=digest(normalised), used_at__isnull=True
    ).update(used_at=timezone.now())
    return used == 1, used == 1


def throttle_keys(user: User) -> tuple[str, str]:
    """The account's two throttle buckets: any browser, and browsers it signed in from."""
    # Not account_digest(): a typed name such as "user#7" must not reach these buckets.
    return account_bucket_digest("any", user.pk), account_bucket_digest("device", user.pk)


def _throttle_key(user: User | None, username: str, device: str) -> str:
    # A known account is throttled by its id, so look-alike spellings of its name that the
    # database folds together (on PostgreSQL, UPPER('ı') = 'I') share one counter.
    if user is None:
        return account_digest(username)
    anyone, known_device = throttle_keys(user)
    return known_device if devices.recognises(user, device) else anyone


def prune_throttle(now: datetime) -> int:
    """Forget rows untouched for a day and not blocking; cap the rows of unknown names.

    Runs in its own transaction and passes over rows another sign-in holds locked
    (``skip_locked``): two failing sign-ins pruning at once must never wait on each other's
    rows, which on PostgreSQL would be a deadlock and a failed sign-in page."""
    keep = timedelta(seconds=settings.SIGNIN_THROTTLE_KEEP_SECONDS)
    with transaction.atomic():
        expired = SignInThrottle.objects.filter(updated_at__lt=now - keep).exclude(
            blocked_until__gt=now
        )
        removed = _delete_unlocked(expired)
        surplus = SignInThrottle.objects.filter(known=False).order_by("-updated_at", "-pk")
        cap = settings.SIGNIN_THROTTLE_MAX_UNKNOWN
        removed += _delete_unlocked(
            surplus.filter(pk__in=list(surplus.values_list("pk", flat=True)[cap:]))
        )
    return removed


def _delete_unlocked(rows: QuerySet[SignInThrottle]) -> int:
    unlocked = list(rows.select_for_update(skip_locked=True).values_list("pk", flat=True))
    if not unlocked:
        return 0
    return SignInThrottle.objects.filter(pk__in=unlocked).delete()[0]


def check_credentials(username: str, password: str, code: str, device: str = "") -> SignInResult:
    """Decide one sign-in attempt and record its effect on the account's throttle.

    ``device`` is the browser's device cookie (``accounts.devices``): a valid one for this
    account moves the attempt to the account's known-device bucket.
    """
    now = timezone.now()
    user = User.objects.filter(username__iexact=username.strip(), is_active=True).first()
    key = _throttle_key(user, username, device)
    with transaction.atomic():
        throttle, _ = SignInThrottle.objects.select_for_update().get_or_create(
            account_digest=key, defaults={"known": user is not None}
        )
        # An unusable password (an invited account not set up yet) is refused by Django
        # without hashing; check the dummy hash instead, so the timing stays the same.
        usable = user is not None and user.has_usable_password()
        encoded = user.password if user is not None and usable else _dummy_hash()
        password_ok = check_password(password, encoded)
        password_ok = password_ok and usable
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
            throttle.updated_at = now
            throttle.save()
        else:
            SignInThrottle.objects.filter(pk=throttle.pk).update(
                failures=0, blocked_until=None, updated_at=now
            )
    if result.outcome is Outcome.FAILED:
        prune_throttle(now)  # after the commit: this attempt's row lock is released
    return result
