"""Per-case data keys: wrapping, rotation and crypto-shredding across backups."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    CryptoError,
    DecryptionError,
    EnvelopeFormatError,
    Keyring,
    UnknownKeyError,
    new_data_key,
    new_root_key,
    rewrap_data_key,
    unwrap_data_key,
    wrap_data_key,
    wrapped_key_epoch,
)

ROOT = bytes(range(32))
KEYRING = Keyring(ROOT, {1: bytearray(range(32, 64))}, 1)
DATA_KEY = bytes(range(64, 96))
KNOWN_WRAPPED = bytes.fromhex(
    "0101000000018472c1c9f2b7bc39d4345414062c8fdb7d428699b33cfe154b785b4d30f6c3e4"
    "2779c305e2984a2a43fc67542c61341ca289d35364789221fac3376a"
)


def test_known_answer_unwrap() -> None:
    """A key wrapped by this version unwraps forever."""
    assert unwrap_data_key(KEYRING, KNOWN_WRAPPED, "case-42") == DATA_KEY
    assert unwrap_data_key(KEYRING, memoryview(KNOWN_WRAPPED), "case-42") == DATA_KEY
    assert wrapped_key_epoch(KNOWN_WRAPPED) == 1


@given(st.text(min_size=1), st.binary(min_size=32, max_size=32))
def test_round_trip(case_id: str, data_key: bytes) -> None:
    """unwrap(wrap(k)) == k, and the wrapped form is always 66 bytes."""
    wrapped = wrap_data_key(KEYRING, data_key, case_id)
    assert len(wrapped) == 66
    assert unwrap_data_key(KEYRING, wrapped, case_id) == data_key


def test_new_data_keys_are_random() -> None:
    """Two cases never share a data key."""
    assert new_data_key() != new_data_key()
    assert len(new_data_key()) == 32


def test_wrong_case_is_refused() -> None:
    """A wrapped key copied to another case does not unwrap."""
    wrapped = wrap_data_key(KEYRING, DATA_KEY, "case-1")
    with pytest.raises(DecryptionError):
        unwrap_data_key(KEYRING, wrapped, "case-2")


def test_wrong_keyring_is_refused() -> None:
    """Another installation's keyring cannot unwrap."""
    other = Keyring.create(new_root_key())
    with pytest.raises(DecryptionError):
        unwrap_data_key(other, KNOWN_WRAPPED, "case-42")


def test_every_flipped_bit_raises() -> None:
    """Version, algorithm, epoch, nonce, ciphertext and tag are all authenticated."""
    for i in range(len(KNOWN_WRAPPED) * 8):
        tampered = bytearray(KNOWN_WRAPPED)
        tampered[i // 8] ^= 1 << (i % 8)
        with pytest.raises(CryptoError):
            unwrap_data_key(KEYRING, bytes(tampered), "case-42")


@pytest.mark.parametrize("length", [0, 1, 17, 18, 65, 67])
def test_wrong_length_raises(length: int) -> None:
    """Truncated or extended wrapped keys are format errors."""
    blob = (KNOWN_WRAPPED + b"\x00")[:length]
    with pytest.raises(EnvelopeFormatError):
        unwrap_data_key(KEYRING, blob, "case-42")


def test_rotation_and_crypto_shredding_beat_old_backups() -> None:
    """Rotate, re-wrap live cases, forget the old epoch: an old backup's wrapped keys stay shut.

    The scenario of Security bar 9: case B was shredded after the backup was taken.
    """
    keyring = Keyring.create(ROOT)
    key_a, key_b = new_data_key(), new_data_key()
    backup = {
        "a": wrap_data_key(keyring, key_a, "a"),
        "b": wrap_data_key(keyring, key_b, "b"),
    }
    live = dict(backup)
    del live["b"]  # shred case b
    keyring.new_epoch()
    live = {case: rewrap_data_key(keyring, w, case) for case, w in live.items()}
    assert all(wrapped_key_epoch(w) == 2 for w in live.values())
    keyring.forget_epoch(1)
    state = keyring.sealed_state()  # the only state kept from now on

    unsealed = Keyring.open(ROOT, state)
    assert unwrap_data_key(unsealed, live["a"], "a") == key_a
    for case, wrapped in backup.items():
        with pytest.raises(UnknownKeyError):
            unwrap_data_key(unsealed, wrapped, case)


def test_wrap_under_forgotten_epoch_raises() -> None:
    """Nothing can be wrapped under an epoch that is gone."""
    keyring = Keyring.create(ROOT)
    keyring.new_epoch()
    keyring.forget_epoch(1)
    with pytest.raises(UnknownKeyError):
        wrap_data_key(keyring, DATA_KEY, "case", epoch=1)


@pytest.mark.parametrize("case_id", ["", None, 5])
def test_case_id_must_be_a_non_empty_string(case_id: object) -> None:
    """An empty or non-string case id would weaken the binding."""
    with pytest.raises(ValueError, match="case_id"):
        wrap_data_key(KEYRING, DATA_KEY, case_id)  # type: ignore[arg-type]
