"""The audit trail's signing key, from the keyring: for checkpoints a witness keeps."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from safepassage.apps.vault import keystore
from safepassage.cores.crypto import Purpose, public_key_hex, signing_key_from_seed


def audit_signing_key() -> Ed25519PrivateKey:
    """The current epoch's audit key (raises ``ServerSealed`` while sealed)."""
    return signing_key_from_seed(keystore.keyring().key_for(Purpose.AUDIT))


def audit_public_key() -> str:
    return public_key_hex(audit_signing_key())
