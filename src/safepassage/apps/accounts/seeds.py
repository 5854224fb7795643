"""TOTP seeds at rest: sealed by the vault, which registers itself here.

Why: a seed in plaintext gives whoever copies the database every user's second factor.
Accounts sits below the vault in the layers and cannot import it, so the vault registers
a :class:`SeedSealer` from its ``ready()``; without one (or while the server is sealed)
sealing and opening raise :class:`SeedsUnavailable`. Sign-in then still accepts recovery
codes, which are stored as digests and need no key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from safepassage.apps.accounts.models import TotpSeal, User


class SeedsUnavailable(RuntimeError):
    """No keys in this process: a seed can be neither sealed nor opened."""


@dataclass(frozen=True)
class SeedSealer:
    seal: Callable[[int, str], tuple[bytes, int, bytes]]  # user id, seed -> wrapped, epoch, sealed
    open: Callable[[int, bytes, bytes], str]  # user id, wrapped, sealed -> seed


_sealers: list[SeedSealer] = []


def register(sealer: SeedSealer) -> None:
    _sealers[:] = [sealer]


def _sealer() -> SeedSealer:
    if not _sealers:
        raise SeedsUnavailable
    return _sealers[0]


def store(user: User, seed: str) -> None:
    """Seal the seed for the user and drop any plaintext copy (raises SeedsUnavailable)."""
    wrapped, epoch, sealed = _sealer().seal(user.pk, seed)
    with transaction.atomic():
        TotpSeal.objects.update_or_create(
            user=user, defaults={"wrapped": wrapped, "epoch": epoch, "sealed": sealed}
        )
        User.objects.filter(pk=user.pk).update(totp_secret="")
    user.totp_secret = ""


def seed_of(user: User) -> str:
    """The user's seed ("" if none). Raises SeedsUnavailable while sealed, a CryptoError
    if the sealed value does not open for this user (fails closed)."""
    row = TotpSeal.objects.filter(user_id=user.pk).first()
    if row is None:
        return user.totp_secret  # from before sealing; moved by seal_legacy_seeds
    return _sealer().open(user.pk, bytes(row.wrapped), bytes(row.sealed))


def seal_plaintext(user: User) -> bool:
    """Seal the user's plaintext seed if there is one; True if a seed was moved.

    A user who already has a sealed seed keeps it: the sealed one is the newer (enrolment
    writes only sealed seeds), so a stale plaintext copy is dropped, never sealed over it.
    Raises SeedsUnavailable while the server is sealed."""
    if not user.totp_secret:
        return False
    if TotpSeal.objects.filter(user_id=user.pk).exists():
        User.objects.filter(pk=user.pk).update(totp_secret="")
        user.totp_secret = ""
        return False
    store(user, user.totp_secret)
    return True


def seal_legacy_seeds() -> int:
    """Move every plaintext seed into a TotpSeal; returns how many (safe to run twice)."""
    users = User.objects.exclude(totp_secret="").order_by("pk")
    return sum(seal_plaintext(user) for user in users)
