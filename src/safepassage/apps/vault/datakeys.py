"""Data keys kept in database rows, wrapped under the keyring: created, opened, re-wrapped.

A model that stores wrapped keys (``cases.CaseKey`` today) declares itself with
:func:`holds_wrapped_keys` from its app's ``ready()``, so that a key rotation re-wraps
its rows. The vault sits below every app that holds keys and never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from safepassage.apps.vault import keystore
from safepassage.cores.crypto import new_data_key, unwrap_data_key, wrap_data_key


@dataclass(frozen=True)
class WrappedKeyTable:
    """A model with ``wrapped`` (bytes) and ``epoch`` columns, and how to name each key."""

    model: type[models.Model]
    context_of: Callable[[Any], str]  # the associated data the key was wrapped with
    related: tuple[str, ...] = ()  # select_related() for context_of


_TABLES: list[WrappedKeyTable] = []


def holds_wrapped_keys(
    model: type[models.Model], *, context_of: Callable[[Any], str], related: tuple[str, ...] = ()
) -> None:
    """Declare a table of wrapped keys (idempotent: ``ready()`` may run more than once)."""
    if all(table.model is not model for table in _TABLES):
        _TABLES.append(WrappedKeyTable(model, context_of, related))


def wrapped_key_tables() -> list[WrappedKeyTable]:
    return list(_TABLES)


def new_wrapped_key(context: str) -> tuple[bytes, bytes, int]:
    """A fresh data key, the same key wrapped for ``context``, and the epoch it is under."""
    ring = keystore.keyring()
    key = new_data_key()
    return key, wrap_data_key(ring, key, context), ring.current_epoch


def open_wrapped_key(wrapped: bytes, context: str) -> bytes:
    """Unwrap with this process's keyring (raises ``ServerSealed`` or a ``CryptoError``)."""
    return unwrap_data_key(keystore.keyring(), wrapped, context)
