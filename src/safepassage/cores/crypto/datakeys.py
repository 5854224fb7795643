"""Per-case data keys, wrapped under the key-encryption key of an epoch.

Each case gets a random 32-byte data key; only its wrapped form is stored.
Shredding a case = deleting its wrapped key. Wrapped format (66 bytes)::

    0   1   format version (0x01)
    1   1   algorithm (0x01 = AES-256-GCM)
    2   4   epoch of the key-encryption key, u32 big-endian
    6   12  random nonce
    18  48  AES-256-GCM(data key) + 16-byte tag

The associated data binds the purpose, the case id, the epoch and the
header, so a wrapped key moved to another case fails to unwrap.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .encoding import encode_context, pack_u32, unpack_u32
from .errors import DecryptionError, EnvelopeFormatError
from .keys import KEY_SIZE, Keyring, Purpose

WRAP_VERSION = 1
ALG_AES256GCM = 1
_HEADER = 1 + 1 + 4 + 12
WRAPPED_SIZE = _HEADER + KEY_SIZE + 16


def new_data_key() -> bytes:
    """A fresh random 32-byte data key for one case."""
    return secrets.token_bytes(KEY_SIZE)


def _check_case_id(case_id: str) -> None:
    if not isinstance(case_id, str) or not case_id:
        raise ValueError("case_id must be a non-empty string (the case's immutable id)")


def _ad(case_id: str, epoch: int, header: bytes) -> bytes:
    return encode_context("safepassage/data-key/v1", Purpose.KEY_WRAP.value, case_id, epoch, header)


def wrap_data_key(
    keyring: Keyring, data_key: bytes | bytearray, case_id: str, epoch: int | None = None
) -> bytes:
    """Wrap ``data_key`` for ``case_id`` under the key-encryption key of ``epoch``.

    ``epoch`` defaults to the keyring's current epoch.
    """
    _check_case_id(case_id)
    if len(data_key) != KEY_SIZE:
        raise ValueError("data key must be 32 bytes")
    chosen = keyring.current_epoch if epoch is None else epoch
    kek = keyring.key_for(Purpose.KEY_WRAP, chosen)
    header = bytes([WRAP_VERSION, ALG_AES256GCM]) + pack_u32(chosen) + secrets.token_bytes(12)
    return header + AESGCM(kek).encrypt(header[6:], bytes(data_key), _ad(case_id, chosen, header))


def wrapped_key_epoch(wrapped: bytes | bytearray | memoryview) -> int:
    """The epoch a wrapped key names, after checking its shape; for rotation counts."""
    if not isinstance(wrapped, bytes | bytearray | memoryview) or len(wrapped) != WRAPPED_SIZE:
        raise EnvelopeFormatError("wrapped key has the wrong length")
    if wrapped[0] != WRAP_VERSION:
        raise EnvelopeFormatError("unknown wrapped-key version")
    if wrapped[1] != ALG_AES256GCM:
        raise EnvelopeFormatError("unknown wrapped-key algorithm")
    return unpack_u32(bytes(wrapped[2:6]))


def unwrap_data_key(
    keyring: Keyring, wrapped: bytes | bytearray | memoryview, case_id: str
) -> bytes:
    """Unwrap a case's data key. Raises ``UnknownKeyError`` for a forgotten epoch,
    ``DecryptionError`` for a wrong case id or tampering."""
    _check_case_id(case_id)
    epoch = wrapped_key_epoch(wrapped)
    wrapped = bytes(wrapped)
    kek = keyring.key_for(Purpose.KEY_WRAP, epoch)
    header = bytes(wrapped[:_HEADER])
    try:
        return AESGCM(kek).decrypt(
            header[6:], bytes(wrapped[_HEADER:]), _ad(case_id, epoch, header)
        )
    except InvalidTag:
        raise DecryptionError("data key does not unwrap for this case") from None


def rewrap_data_key(
    keyring: Keyring,
    wrapped: bytes | bytearray | memoryview,
    case_id: str,
    epoch: int | None = None,
) -> bytes:
    """Re-wrap under ``epoch`` (default current); the rotation step before forgetting an epoch."""
    return wrap_data_key(keyring, unwrap_data_key(keyring, wrapped, case_id), case_id, epoch)
