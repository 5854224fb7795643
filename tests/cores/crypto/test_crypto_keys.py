"""The keyring: frozen HKDF derivation, epochs, sealed state and wiping."""

from __future__ import annotations

import copy
import hashlib
import hmac
import pickle

import pytest

from safepassage.cores.crypto import (
    DecryptionError,
    EnvelopeFormatError,
    Keyring,
    Purpose,
    SealedError,
    UnknownKeyError,
    encode_context,
    new_root_key,
    root_fingerprint,
)
from safepassage.cores.crypto.keys import derive_key

ROOT = bytes(range(32))
EPOCH_SECRET = bytes(range(32, 64))

# Frozen: if any of these change, every existing database becomes unreadable.
KNOWN_KEYS = {
    Purpose.FIELD: "081f2951cfd612e00153454057e32c00ad479904c53cfdb52ecdb00134379031",
    Purpose.KEY_WRAP: "e4d3e4769004c71be0aaa8f50f9538b4c42afa236a0ee26f730bc85bb43c226b",
    Purpose.BLIND_INDEX: "3852dc949c35e8bf522757425ef82df094b9bbea741b453235dd54d6a78d596a",
    Purpose.SIGNING: "611799b4e5ab730b2f15b4a5b6533fca87088e45ba49c0f617699860e4842f78",
    Purpose.AUDIT: "b83b4c109fece07d0441072e2958a0c2555b6ea9392737cd9a47e2ded3387d11",
    Purpose.BACKUP: "c6e63342b5681c21308a01384f43a4a70a12dec8dfa74b718007b575d6a27fd3",
    Purpose.FILE: "923adf48e1e712af4608e15e2c303117ffec86befc23411437cb73751796e9cd",
}
KNOWN_STATE = bytes.fromhex(
    "53504b010169cd821dc7fb1041a88b7daa00609f8b80fe58d0f3cfc439a1a1d2a2b671677393e8f3"
    "8505d785dbaab91b05259682bfd2318d02c797cebc4a18eb6661e9e86aa9b8fdf0de1f6ccc"
)


def fixed_keyring() -> Keyring:
    return Keyring(ROOT, {1: bytearray(EPOCH_SECRET)}, 1)


def rfc5869(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    """HKDF-SHA256 for one 32-byte block, written out from RFC 5869 with the stdlib."""
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


@pytest.mark.parametrize("purpose", list(Purpose))
def test_known_answer_derivation(purpose: Purpose) -> None:
    """Purpose keys at epoch 1 of a fixed root and epoch secret never change."""
    assert fixed_keyring().key_for(purpose, 1).hex() == KNOWN_KEYS[purpose]


@pytest.mark.parametrize("purpose", list(Purpose))
def test_derivation_is_plain_hkdf(purpose: Purpose) -> None:
    """The derivation is HKDF-SHA256(root, salt=epoch secret, info=ctx(label, purpose, epoch))."""
    info = encode_context("safepassage/purpose-key/v1", purpose.value, 1)
    assert derive_key(ROOT, EPOCH_SECRET, purpose, 1) == rfc5869(ROOT, EPOCH_SECRET, info)


def test_purpose_values_are_frozen() -> None:
    """The enum values are part of the HKDF info."""
    assert {p.value for p in Purpose} == {
        "field",
        "key-wrap",
        "blind-index",
        "signing",
        "audit-checkpoint",
        "backup",
        "file",
    }


def test_known_sealed_state_opens() -> None:
    """A stored keyring state from this version opens with its root."""
    keyring = Keyring.open(ROOT, KNOWN_STATE)
    assert Keyring.open(ROOT, memoryview(KNOWN_STATE)).epochs == (1,)
    assert keyring.epochs == (1,)
    assert keyring.key_for(Purpose.FIELD).hex() == KNOWN_KEYS[Purpose.FIELD]
    assert keyring.fingerprint == root_fingerprint(ROOT) == "fa9e8eedbc0aa75f"


def test_keys_are_separated_by_purpose_and_epoch() -> None:
    """Every (purpose, epoch) pair yields a different key."""
    keyring = Keyring.create(new_root_key())
    keyring.new_epoch()
    keys = {keyring.key_for(p, e) for p in Purpose for e in (1, 2)}
    assert len(keys) == 2 * len(Purpose)


def test_same_root_different_keyrings_differ() -> None:
    """Epoch secrets are random: two keyrings created from one root share no keys."""
    root = new_root_key()
    assert Keyring.create(root).key_for(Purpose.FIELD) != Keyring.create(root).key_for(
        Purpose.FIELD
    )


def test_state_round_trip() -> None:
    """Reopening the sealed state restores every epoch and the current one."""
    keyring = Keyring.create(ROOT)
    keyring.new_epoch()
    keyring.new_epoch()
    reopened = Keyring.open(ROOT, keyring.sealed_state())
    assert reopened.epochs == (1, 2, 3)
    assert reopened.current_epoch == 3
    for epoch in (1, 2, 3):
        assert reopened.key_for(Purpose.BACKUP, epoch) == keyring.key_for(Purpose.BACKUP, epoch)


def test_wrong_root_does_not_open_state() -> None:
    """A wrong root (e.g. a well-formed but forged share) is caught before any use."""
    with pytest.raises(DecryptionError):
        Keyring.open(new_root_key(), KNOWN_STATE)


def test_every_bit_of_state_is_authenticated() -> None:
    """Any flipped bit in the stored state stops it opening."""
    for i in range(len(KNOWN_STATE) * 8):
        tampered = bytearray(KNOWN_STATE)
        tampered[i // 8] ^= 1 << (i % 8)
        with pytest.raises((DecryptionError, EnvelopeFormatError)):
            Keyring.open(ROOT, bytes(tampered))


def test_forget_epoch() -> None:
    """A forgotten epoch is gone from memory and from the state written afterwards."""
    keyring = Keyring.create(ROOT)
    keyring.new_epoch()
    keyring.forget_epoch(1)
    with pytest.raises(UnknownKeyError):
        keyring.key_for(Purpose.KEY_WRAP, 1)
    with pytest.raises(UnknownKeyError):
        Keyring.open(ROOT, keyring.sealed_state()).key_for(Purpose.KEY_WRAP, 1)
    with pytest.raises(UnknownKeyError):
        keyring.forget_epoch(1)
    with pytest.raises(ValueError, match="current"):
        keyring.forget_epoch(2)
    assert keyring.new_epoch() == 3


def test_wipe_seals_everything() -> None:
    """After the panic seal every use raises SealedError and the secrets are zeroed."""
    keyring = Keyring.create(ROOT)
    root_buffer = keyring._root
    secret_buffer = keyring._epochs[1]
    keyring.wipe()
    keyring.wipe()
    assert root_buffer is not None
    assert not any(root_buffer)
    assert not any(secret_buffer)
    assert keyring.is_wiped
    for use in (
        lambda: keyring.key_for(Purpose.FIELD),
        keyring.sealed_state,
        keyring.new_epoch,
        lambda: keyring.forget_epoch(1),
        lambda: keyring.current_epoch,
        lambda: keyring.epochs,
    ):
        with pytest.raises(SealedError):
            use()
    assert "wiped" in repr(keyring)


def test_no_key_material_in_repr() -> None:
    """repr names the root by fingerprint only."""
    keyring = fixed_keyring()
    text = repr(keyring)
    assert ROOT.hex() not in text
    assert EPOCH_SECRET.hex() not in text
    assert KNOWN_KEYS[Purpose.FIELD] not in text


def test_cannot_pickle_or_copy() -> None:
    """A keyring cannot slip into a cache, a task argument or a copy."""
    keyring = fixed_keyring()
    with pytest.raises(TypeError):
        pickle.dumps(keyring)
    with pytest.raises(TypeError):
        copy.copy(keyring)


@pytest.mark.parametrize("blob", [b"", b"SPK\x01", b"XXXX" + bytes(60), b"SPK\x01\x02" + bytes(60)])
def test_malformed_state(blob: bytes) -> None:
    """Garbage is a format error, not a crash."""
    with pytest.raises(EnvelopeFormatError):
        Keyring.open(ROOT, blob)


def test_rejects_wrong_root_size() -> None:
    """Root keys are exactly 32 bytes."""
    with pytest.raises(ValueError, match="32"):
        Keyring.create(b"\x00" * 16)
    with pytest.raises(TypeError):
        fixed_keyring().key_for("field")  # type: ignore[arg-type]
