"""Ed25519 signatures for audit checkpoints and dossiers.

Seeds come from :meth:`Keyring.key_for` (``Purpose.AUDIT``, ``Purpose.SIGNING``)
or :func:`generate_signing_key`; the web process should not hold them.
Sign a canonical manifest that names its own domain and schema version.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .errors import SignatureError

PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64


def generate_signing_key() -> Ed25519PrivateKey:
    """A fresh random Ed25519 key (its repr does not show the key)."""
    return Ed25519PrivateKey.generate()


def signing_key_from_seed(seed: bytes | bytearray) -> Ed25519PrivateKey:
    """The Ed25519 key for a 32-byte seed, e.g. ``keyring.key_for(Purpose.AUDIT)``."""
    if len(seed) != 32:
        raise ValueError("Ed25519 seed must be 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(bytes(seed))


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key, for verifiers and witnesses."""
    return key.public_key().public_bytes(
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )


def public_key_hex(key: Ed25519PrivateKey) -> str:
    """The public key as 64 hex characters."""
    return public_key_bytes(key).hex()


def sign(key: Ed25519PrivateKey, message: bytes) -> bytes:
    """A 64-byte Ed25519 signature over ``message``."""
    if not isinstance(message, bytes):
        raise TypeError("message must be bytes")
    return key.sign(message)


def verify(public_key: bytes, message: bytes, signature: bytes) -> None:
    """Return if ``signature`` is valid, else raise :class:`SignatureError` (also for bad keys)."""
    if not all(isinstance(x, bytes | bytearray) for x in (public_key, message, signature)):
        raise SignatureError("public key, message and signature must be bytes")
    if len(public_key) != PUBLIC_KEY_SIZE or len(signature) != SIGNATURE_SIZE:
        raise SignatureError("public key or signature has the wrong length")
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(
            bytes(signature), bytes(message)
        )
    except (InvalidSignature, ValueError):
        raise SignatureError("signature does not verify") from None
