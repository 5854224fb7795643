"""Root key, key epochs and per-purpose keys.

The root key is rebuilt from k-of-n Shamir shares and lives only in memory.
Every working key is derived from it with HKDF-SHA256::

    key(purpose, epoch) = HKDF(ikm=root, salt=epoch_secret[epoch],
                               info=ctx("safepassage/purpose-key/v1", purpose, epoch))

Each epoch has its own random 32-byte *epoch secret*. The epoch secrets are
kept in the keyring's *sealed state*, a small blob AEAD-encrypted under a key
derived from the root alone; it is safe to store on disk, and opening it with
a wrong root fails, which also catches a well-formed but wrong share.

Why epoch secrets: the root never changes (changing it means a new share
ceremony), so a key derived from the root alone could be re-derived forever,
and forgetting it would mean nothing. Forgetting an epoch destroys its
secret; once every copy of the old sealed state is gone, data keys wrapped
under that epoch, including those inside old database backups, cannot be
unwrapped by anyone, trustees included. That is crypto-shredding that
survives backups.

Wiping is best effort: secrets are held in ``bytearray`` objects and zeroed,
but Python, ``cryptography`` and OpenSSL make copies we cannot reach (derived
``bytes``, cipher contexts, freed heap). See ``docs/crypto.md``.
"""

from __future__ import annotations

import enum
import secrets
import threading
from typing import NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .encoding import MAX_U32, encode_context, pack_u32, unpack_u32
from .errors import DecryptionError, EnvelopeFormatError, SealedError, UnknownKeyError

ROOT_KEY_SIZE = 32
KEY_SIZE = 32
_STATE_MAGIC = b"SPK\x01"
_ALG_AES256GCM = 1
_NONCE = 12
_MAX_EPOCHS = 10_000


class Purpose(enum.Enum):
    """What a derived key is for; the value is part of the HKDF info and must never change."""

    FIELD = "field"  # field envelopes not under a per-case data key
    KEY_WRAP = "key-wrap"  # wraps per-case data keys (the key-encryption key)
    BLIND_INDEX = "blind-index"
    SIGNING = "signing"  # Ed25519 seed for dossiers
    AUDIT = "audit-checkpoint"  # Ed25519 seed for audit checkpoints
    BACKUP = "backup"
    FILE = "file"  # files not under a per-case data key


def new_root_key() -> bytes:
    """A fresh random 32-byte root key, to be split with :func:`split_secret`."""
    return secrets.token_bytes(ROOT_KEY_SIZE)


def _hkdf(ikm: bytes | bytearray, salt: bytes | None, info: bytes, length: int = KEY_SIZE) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info)
    return kdf.derive(bytes(ikm))


def derive_key(
    root: bytes | bytearray, epoch_secret: bytes | bytearray, purpose: Purpose, epoch: int
) -> bytes:
    """The derivation itself, frozen by known-answer tests: changing it loses all data."""
    info = encode_context("safepassage/purpose-key/v1", purpose.value, epoch)
    return _hkdf(root, bytes(epoch_secret), info)


def _state_key(root: bytes | bytearray) -> bytes:
    return _hkdf(root, None, encode_context("safepassage/keyring-state/v1"))


def root_fingerprint(root: bytes | bytearray) -> str:
    """A 64-bit public name for a root key, for logs and ceremonies; reveals nothing usable."""
    return _hkdf(root, None, encode_context("safepassage/root-fingerprint/v1"), 8).hex()


class Keyring:
    """The unsealed root key and live epoch secrets, in memory only.

    Build with :meth:`create` (first initialisation) or :meth:`open` (unseal).
    Thread-safe; after :meth:`wipe` every method raises :class:`SealedError`.
    Refuses to be pickled or copied, so it cannot leak into a cache or task queue.
    """

    __slots__ = ("_current", "_epochs", "_fingerprint", "_lock", "_root")

    def __init__(self, root: bytes | bytearray, epochs: dict[int, bytearray], current: int) -> None:
        if len(root) != ROOT_KEY_SIZE:
            raise ValueError("root key must be 32 bytes")
        if current not in epochs:
            raise ValueError("current epoch has no secret")
        self._root: bytearray | None = bytearray(root)
        self._epochs = epochs
        self._current = current
        self._fingerprint = root_fingerprint(root)
        self._lock = threading.Lock()

    @classmethod
    def create(cls, root: bytes | bytearray) -> Keyring:
        """A new keyring at epoch 1; store :meth:`sealed_state` and split ``root``."""
        return cls(root, {1: bytearray(secrets.token_bytes(KEY_SIZE))}, 1)

    @classmethod
    def open(cls, root: bytes | bytearray, sealed_state: bytes | bytearray | memoryview) -> Keyring:
        """Unseal: raises :class:`DecryptionError` if ``root`` is not this state's root."""
        if len(root) != ROOT_KEY_SIZE:
            raise ValueError("root key must be 32 bytes")
        if not isinstance(sealed_state, bytes | bytearray | memoryview):
            raise EnvelopeFormatError("keyring state must be bytes")
        sealed_state = bytes(sealed_state)
        header_len = len(_STATE_MAGIC) + 1 + _NONCE
        if len(sealed_state) < header_len + 16 or not sealed_state.startswith(_STATE_MAGIC):
            raise EnvelopeFormatError("not a keyring state of a known version")
        if sealed_state[len(_STATE_MAGIC)] != _ALG_AES256GCM:
            raise EnvelopeFormatError("unknown keyring state algorithm")
        header = sealed_state[:header_len]
        nonce = header[-_NONCE:]
        ad = encode_context("safepassage/keyring-state/v1", header)
        try:
            payload = AESGCM(_state_key(root)).decrypt(nonce, sealed_state[header_len:], ad)
        except InvalidTag:
            raise DecryptionError("wrong root key or corrupted keyring state") from None
        epochs, current = _parse_state(bytearray(payload))
        return cls(root, epochs, current)

    def reopen(self, sealed_state: bytes | bytearray | memoryview) -> Keyring:
        """The keyring as stored now, opened with this keyring's root.

        For a long-running process after another process rotated: it picks up the new
        epoch (and drops forgotten ones) without the trustees' shares. Raises
        :class:`DecryptionError` when the state belongs to another root.
        """
        with self._lock:
            root = bytearray(self._require_root())
        try:
            return Keyring.open(root, sealed_state)
        finally:
            root[:] = bytes(len(root))

    def sealed_state(self) -> bytes:
        """The epoch secrets encrypted under the root; store it, and back it up *apart*."""
        with self._lock:
            root = self._require_root()
            payload = bytearray(pack_u32(self._current) + pack_u32(len(self._epochs)))
            for epoch in sorted(self._epochs):
                payload += pack_u32(epoch) + self._epochs[epoch]
            header = _STATE_MAGIC + bytes([_ALG_AES256GCM]) + secrets.token_bytes(_NONCE)
            ad = encode_context("safepassage/keyring-state/v1", header)
            body = AESGCM(_state_key(root)).encrypt(header[-_NONCE:], bytes(payload), ad)
            payload[:] = bytes(len(payload))
            return header + body

    @property
    def current_epoch(self) -> int:
        """The epoch new wraps and seals should use."""
        with self._lock:
            self._require_root()
            return self._current

    @property
    def epochs(self) -> tuple[int, ...]:
        """Epochs whose secrets are still held, oldest first."""
        with self._lock:
            self._require_root()
            return tuple(sorted(self._epochs))

    @property
    def fingerprint(self) -> str:
        """Public name of the root key (see :func:`root_fingerprint`); works even when wiped."""
        return self._fingerprint

    @property
    def is_wiped(self) -> bool:
        """True after :meth:`wipe`."""
        return self._root is None

    def key_for(self, purpose: Purpose, epoch: int | None = None) -> bytes:
        """The 32-byte key for ``purpose`` at ``epoch`` (default: current).

        Raises :class:`UnknownKeyError` for an unknown or forgotten epoch.
        """
        if not isinstance(purpose, Purpose):
            raise TypeError("purpose must be a Purpose")
        with self._lock:
            root = self._require_root()
            chosen = self._current if epoch is None else epoch
            secret = self._epochs.get(chosen)
            if secret is None:
                raise UnknownKeyError(f"epoch {chosen} is unknown or forgotten")
            return derive_key(root, secret, purpose, chosen)

    def new_epoch(self) -> int:
        """Rotate: add a fresh epoch and make it current. Persist :meth:`sealed_state` after."""
        with self._lock:
            self._require_root()
            if self._current >= MAX_U32 or len(self._epochs) >= _MAX_EPOCHS:
                raise ValueError("too many epochs; forget old ones first")
            self._current += 1
            self._epochs[self._current] = bytearray(secrets.token_bytes(KEY_SIZE))
            return self._current

    def forget_epoch(self, epoch: int) -> None:
        """Destroy an old epoch's secret: whatever is wrapped under it becomes unreadable.

        Re-wrap live data keys to the current epoch first. The forgetting only
        defeats old backups once every older copy of the sealed state is gone.
        """
        with self._lock:
            self._require_root()
            if epoch == self._current:
                raise ValueError("cannot forget the current epoch; rotate first")
            secret = self._epochs.pop(epoch, None)
            if secret is None:
                raise UnknownKeyError(f"epoch {epoch} is unknown or forgotten")
            secret[:] = bytes(len(secret))

    def wipe(self) -> None:
        """Panic seal: zero the root and epoch secrets (best effort). Idempotent."""
        with self._lock:
            if self._root is not None:
                self._root[:] = bytes(len(self._root))
                self._root = None
            for secret in self._epochs.values():
                secret[:] = bytes(len(secret))
            self._epochs.clear()

    def _require_root(self) -> bytearray:
        if self._root is None:
            raise SealedError("keyring is sealed")
        return self._root

    def __repr__(self) -> str:
        if self._root is None:
            return f"<Keyring {self._fingerprint} wiped>"
        epochs = sorted(self._epochs)
        return f"<Keyring {self._fingerprint} epochs={epochs} current={self._current}>"

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Keyring cannot be pickled or copied")


def _parse_state(payload: bytearray) -> tuple[dict[int, bytearray], int]:
    """Parse the decrypted state; it was authenticated, so errors mean a bug or a wrong writer."""
    try:
        if len(payload) < 8:
            raise EnvelopeFormatError("keyring state too short")
        current, count = unpack_u32(payload, 0), unpack_u32(payload, 4)
        entry = 4 + KEY_SIZE
        if count > _MAX_EPOCHS or len(payload) != 8 + count * entry:
            raise EnvelopeFormatError("keyring state has the wrong length")
        epochs: dict[int, bytearray] = {}
        for i in range(count):
            offset = 8 + i * entry
            epoch = unpack_u32(payload, offset)
            if epoch in epochs:
                raise EnvelopeFormatError("keyring state repeats an epoch")
            epochs[epoch] = bytearray(payload[offset + 4 : offset + entry])
        if current not in epochs:
            raise EnvelopeFormatError("keyring state lacks its current epoch")
        return epochs, current
    finally:
        payload[:] = bytes(len(payload))
