"""Sealing TOTP seeds for accounts (registered with ``accounts.seeds`` in ``ready()``).

Each seed gets its own random data key, wrapped by the keyring like a case key (so
``keys rotate`` re-wraps it and ``--forget-older`` retires old epochs) and bound to the
user id; the seed is an AES-GCM field envelope bound to its table, column and user.
"""

from __future__ import annotations

from safepassage.apps.accounts.seeds import SeedSealer, SeedsUnavailable
from safepassage.apps.vault.datakeys import new_wrapped_key, open_wrapped_key
from safepassage.apps.vault.keystore import ServerSealed
from safepassage.cores.crypto import FieldContext, open_text, seal_text


def key_context(user_id: int) -> str:
    return f"accounts-totp/user-{user_id}"


def _field(user_id: int) -> FieldContext:
    return FieldContext(
        domain="safepassage.accounts_totpseal.sealed.v1",
        table="accounts_totpseal",
        column="sealed",
        row_id=f"user-{user_id}",
        key_id=0,
    )


def seal(user_id: int, seed: str) -> tuple[bytes, int, bytes]:
    try:
        key, wrapped, epoch = new_wrapped_key(key_context(user_id))
    except ServerSealed:
        raise SeedsUnavailable from None
    return wrapped, epoch, seal_text(key, seed, _field(user_id))


def open_seed(user_id: int, wrapped: bytes, sealed: bytes) -> str:
    try:
        key = open_wrapped_key(wrapped, key_context(user_id))
    except ServerSealed:
        raise SeedsUnavailable from None
    return open_text(key, sealed, _field(user_id))


SEALER = SeedSealer(seal=seal, open=open_seed)
