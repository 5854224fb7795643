"""Ed25519 for audit checkpoints and dossiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    SignatureError,
    generate_signing_key,
    public_key_bytes,
    public_key_hex,
    sign,
    signing_key_from_seed,
    verify,
)

# RFC 8032, section 7.1, TEST 1.
RFC_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
RFC_SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
    "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
)
KEY = signing_key_from_seed(bytes(range(32)))
PUBLIC = public_key_bytes(KEY)


def test_rfc8032_vector() -> None:
    """The seed, public key and signature of RFC 8032's first test vector."""
    key = signing_key_from_seed(RFC_SEED)
    assert public_key_hex(key) == RFC_PUBLIC
    assert sign(key, b"") == RFC_SIGNATURE
    verify(bytes.fromhex(RFC_PUBLIC), b"", RFC_SIGNATURE)


@given(st.binary(max_size=500))
def test_sign_verify(message: bytes) -> None:
    """A signature verifies under its public key."""
    verify(PUBLIC, message, sign(KEY, message))


@given(st.binary(min_size=1, max_size=200), st.data())
def test_changed_message_byte_fails(message: bytes, data: st.DataObject) -> None:
    """Any one-byte change in the message is caught."""
    signature = sign(KEY, message)
    pos = data.draw(st.integers(0, len(message) - 1))
    delta = data.draw(st.integers(1, 255))
    changed = bytearray(message)
    changed[pos] ^= delta
    with pytest.raises(SignatureError):
        verify(PUBLIC, bytes(changed), signature)


def test_every_signature_byte_matters() -> None:
    """Changing any byte of the signature, by any value, fails (two values per byte tried)."""
    message = b"checkpoint 42 head=abc"
    signature = sign(KEY, message)
    for pos in range(64):
        for delta in (0x01, 0x80):
            changed = bytearray(signature)
            changed[pos] ^= delta
            with pytest.raises(SignatureError):
                verify(PUBLIC, message, bytes(changed))


def test_wrong_public_key_fails() -> None:
    """Another key's signature is refused."""
    with pytest.raises(SignatureError):
        verify(public_key_bytes(generate_signing_key()), b"m", sign(KEY, b"m"))


@pytest.mark.parametrize(
    ("public", "signature"),
    [(b"", bytes(64)), (bytes(31), bytes(64)), (PUBLIC, bytes(63)), (PUBLIC, bytes(65))],
)
def test_malformed_inputs_fail_as_signature_errors(public: bytes, signature: bytes) -> None:
    """Bad lengths are reported as failed verification, never another exception."""
    with pytest.raises(SignatureError):
        verify(public, b"m", signature)


def test_repr_hides_key() -> None:
    """The private key's repr shows no seed."""
    assert bytes(range(32)).hex() not in repr(KEY)


def test_seed_must_be_32_bytes() -> None:
    """Seeds come from key_for and are 32 bytes."""
    with pytest.raises(ValueError, match="32"):
        signing_key_from_seed(b"short")
