"""The process's keyring: install on unseal, drop on seal, and the state file on disk.

The keyring never leaves this module's memory: not to the database, the cache, a task
argument or a log. Everything else asks :func:`keyring` and gets :class:`ServerSealed`
while the process is sealed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from django.conf import settings

from safepassage.apps.vault.control import current_generation
from safepassage.cores.crypto import (
    CryptoError,
    Keyring,
    combine_shares,
    new_root_key,
    split_secret,
)

_lock = threading.Lock()
_keyring: Keyring | None = None
_generation_at_unseal: int | None = None
_state_signature: tuple[int, int] | None = None  # (mtime_ns, size) of the state we hold
_last_generation_check = 0.0
GENERATION_CHECK_SECONDS = 2.0


class ServerSealed(RuntimeError):
    """Case data needs keys and this process holds none."""


class VaultError(RuntimeError):
    """An operator-level problem with keys: the message says what to do."""


def state_path() -> Path:
    return Path(settings.KEYRING_STATE_PATH)


def read_state() -> bytes:
    try:
        return state_path().read_bytes()
    except FileNotFoundError:
        raise VaultError(
            f"no keyring state at {state_path()}: run 'safepassage keys init' first, or point "
            "SAFEPASSAGE_KEYRING_STATE at the state file"
        ) from None


def write_state(state: bytes) -> None:
    """Atomically replace the state file (mode 0600)."""
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(state)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def save(ring: Keyring) -> None:
    """Write ``ring``'s state; when it is this process's keyring, it is not reopened.

    Without this, the process that rotates would see its own write as a rotation made
    elsewhere and swap (and wipe) the keyring it is still rotating with.
    """
    global _state_signature
    write_state(ring.sealed_state())
    with _lock:
        if _keyring is ring:
            _state_signature = _signature()


def initialise(shares: int, threshold: int) -> list[str]:
    """Create a root key and its keyring state; return the shares (to be handed out once)."""
    if state_path().exists():
        raise VaultError(
            f"a keyring state already exists at {state_path()}; refusing to replace it"
        )
    root = bytearray(new_root_key())
    try:
        ring = Keyring.create(root)
        texts = split_secret(root, threshold, shares)
        write_state(ring.sealed_state())
        ring.wipe()
    finally:
        root[:] = bytes(len(root))
    return texts


def open_with_shares(share_texts: Sequence[str]) -> Keyring:
    """Combine shares and open the state; raises the crypto core's named errors."""
    root = combine_shares(list(share_texts))
    try:
        return Keyring.open(root, read_state())
    finally:
        root[:] = bytes(len(root))


def _signature() -> tuple[int, int] | None:
    try:
        stat = state_path().stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def install(ring: Keyring) -> None:
    """Make ``ring`` this process's keyring (after unsealing)."""
    global _keyring, _generation_at_unseal, _state_signature
    generation = current_generation()
    signature = _signature()
    with _lock:
        if _keyring is not None and _keyring is not ring:
            _keyring.wipe()
        _keyring = ring
        _generation_at_unseal = generation
        _state_signature = signature


def _reload_if_rotated() -> None:
    """Another process rotated (the state file changed): reopen it with the root we hold."""
    global _keyring, _state_signature
    signature = _signature()
    with _lock:
        ring, held = _keyring, _state_signature
    if ring is None or held is None or signature is None or signature == held:
        return
    try:
        fresh = ring.reopen(read_state())
    except (CryptoError, VaultError):
        drop()  # a state we cannot open with our root: fail closed
        return
    with _lock:
        if _keyring is ring:
            ring.wipe()
            _keyring, _state_signature = fresh, signature


def drop() -> None:
    """Wipe and forget the keyring (panic seal in this process), and every cache of plaintext."""
    global _keyring, _generation_at_unseal, _state_signature
    with _lock:
        if _keyring is not None:
            _keyring.wipe()
        _keyring = None
        _generation_at_unseal = None
        _state_signature = None
    for forget in _on_drop:
        forget()


_on_drop: list[Callable[[], None]] = []


def on_drop(callback: Callable[[], None]) -> None:
    """Register a cache that must be emptied when the process seals."""
    _on_drop.append(callback)


def holds_keys() -> bool:
    """Like :func:`is_unsealed`, without checking the database first."""
    with _lock:
        return _keyring is not None and not _keyring.is_wiped


def is_unsealed() -> bool:
    refresh_if_due()
    with _lock:
        return _keyring is not None and not _keyring.is_wiped


def keyring() -> Keyring:
    refresh_if_due()
    with _lock:
        if _keyring is None or _keyring.is_wiped:
            raise ServerSealed
        return _keyring


def refresh_if_due(force: bool = False) -> None:
    """Drop the keys if someone sealed the server since we unsealed (checked every 2 s)."""
    global _last_generation_check
    now = time.monotonic()
    with _lock:
        holding = _keyring is not None
        expected = _generation_at_unseal
        due = force or now - _last_generation_check >= GENERATION_CHECK_SECONDS
        if due:
            _last_generation_check = now
    if not holding or not due:
        return
    if current_generation() != expected:
        drop()
        return
    _reload_if_rotated()
