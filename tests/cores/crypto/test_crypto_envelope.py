"""Field envelopes: bound to their place, padded, failing closed."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    BUCKETS,
    ENVELOPE_LENGTHS,
    CryptoError,
    DecryptionError,
    EnvelopeFormatError,
    FieldContext,
    UnknownKeyError,
    bucket_for,
    canonical_json,
    envelope_key_id,
    new_data_key,
    open_date,
    open_field,
    open_json,
    open_text,
    seal_date,
    seal_field,
    seal_json,
    seal_text,
)

KEY = bytes(range(64, 96))
CTX = FieldContext("case.identity", "case", "full_name", "0b6f6c44-1d33-4c1e-9d39-5c2e9c2b5f10", 7)
KNOWN_ENVELOPE = bytes.fromhex(
    "010100000007efd0e49957543221b311d780e79589ec93a63a12fd29b20be052299f8a3c5024ac"
    "7064e755c2b6e7840f06559c0f5e25906946d1d69751bd2f046844"
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)


def test_known_answer_open() -> None:
    """An envelope sealed by this version opens forever, from bytes or a database memoryview."""
    assert open_text(KEY, KNOWN_ENVELOPE, CTX) == "Чувиляев"
    assert open_text(KEY, memoryview(KNOWN_ENVELOPE), CTX) == "Чувиляев"
    assert envelope_key_id(KNOWN_ENVELOPE) == 7


@given(st.binary(max_size=3000))
def test_round_trip_and_padded_length(plaintext: bytes) -> None:
    """open(seal(x)) == x, and the length reveals only the bucket."""
    envelope = seal_field(KEY, plaintext, CTX)
    assert open_field(KEY, envelope, CTX) == plaintext
    assert len(envelope) == 34 + bucket_for(len(plaintext))
    assert len(envelope) in ENVELOPE_LENGTHS


@given(st.text())
def test_text_round_trip(text: str) -> None:
    """Text in any script survives."""
    assert open_text(KEY, seal_text(KEY, text, CTX), CTX) == text


@given(json_values)
def test_json_round_trip(value: object) -> None:
    """JSON values, keys included, are sealed whole."""
    assert open_json(KEY, seal_json(KEY, value, CTX), CTX) == value


@given(st.dates())
def test_date_round_trip(value: datetime.date) -> None:
    """Dates are stored as ISO 8601."""
    assert open_date(KEY, seal_date(KEY, value, CTX), CTX) == value


def test_canonical_json() -> None:
    """Key order and spacing never change the sealed bytes' length or content."""
    assert canonical_json({"b": [1, "ё"], "a": None}) == '{"a":null,"b":[1,"ё"]}'.encode()


@pytest.mark.parametrize(
    ("length", "bucket"),
    [(0, 32), (1, 32), (31, 32), (32, 64), (63, 64), (64, 128), (1000, 1024), (2**20 - 1, 2**20)],
)
def test_buckets(length: int, bucket: int) -> None:
    """Plaintexts occupy max(32, next power of two above length) bytes."""
    assert bucket_for(length) == bucket
    assert bucket in BUCKETS


def test_same_bucket_same_length() -> None:
    """'Almaty' and a street address in one bucket are indistinguishable by length."""
    city = seal_text(KEY, "Almaty", CTX)
    address = seal_text(KEY, "ul. Abaya 10, kv 5, Almaty", CTX)
    assert len(city) == len(address) == 66


def test_too_long_is_refused() -> None:
    """Values over 1 MiB belong in encrypted files."""
    with pytest.raises(ValueError, match="at most"):
        seal_field(KEY, bytes(2**20), CTX)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"table": "person"}, DecryptionError),
        ({"column": "alias"}, DecryptionError),
        ({"row_id": "0b6f6c44-1d33-4c1e-9d39-5c2e9c2b5f11"}, DecryptionError),
        ({"domain": "case.location"}, DecryptionError),
        ({"key_id": 8}, UnknownKeyError),
    ],
)
def test_wrong_context_raises(change: dict[str, object], error: type[Exception]) -> None:
    """A ciphertext copied to another table, column, row, domain or key id does not open."""
    wrong = dataclasses.replace(CTX, **change)  # type: ignore[arg-type]
    with pytest.raises(error):
        open_field(KEY, KNOWN_ENVELOPE, wrong)


def test_wrong_key_raises() -> None:
    """Another case's data key does not open the field."""
    with pytest.raises(DecryptionError):
        open_field(new_data_key(), KNOWN_ENVELOPE, CTX)


def test_every_flipped_bit_raises() -> None:
    """Each of the envelope's bits is covered by a check."""
    for i in range(len(KNOWN_ENVELOPE) * 8):
        tampered = bytearray(KNOWN_ENVELOPE)
        tampered[i // 8] ^= 1 << (i % 8)
        with pytest.raises(CryptoError):
            open_field(KEY, bytes(tampered), CTX)


@given(st.binary(max_size=200), st.data())
def test_flipped_bit_in_any_envelope(plaintext: bytes, data: st.DataObject) -> None:
    """Whatever the plaintext, a flipped bit anywhere raises."""
    envelope = bytearray(seal_field(KEY, plaintext, CTX))
    bit = data.draw(st.integers(0, len(envelope) * 8 - 1))
    envelope[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(CryptoError):
        open_field(KEY, bytes(envelope), CTX)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_unknown_version(version: int) -> None:
    """Future or bogus versions are refused, not guessed at."""
    envelope = bytes([version]) + KNOWN_ENVELOPE[1:]
    with pytest.raises(EnvelopeFormatError, match="version"):
        open_field(KEY, envelope, CTX)


@pytest.mark.parametrize("algorithm", [0, 2, 255])
def test_unknown_algorithm(algorithm: int) -> None:
    """Unknown algorithm ids are refused."""
    envelope = KNOWN_ENVELOPE[:1] + bytes([algorithm]) + KNOWN_ENVELOPE[2:]
    with pytest.raises(EnvelopeFormatError, match="algorithm"):
        open_field(KEY, envelope, CTX)


def test_every_truncation_raises() -> None:
    """Every prefix, and the envelope with bytes appended, fails."""
    long = seal_field(KEY, bytes(100), CTX)
    for cut in range(len(long)):
        with pytest.raises(CryptoError):
            open_field(KEY, long[:cut], CTX)
    with pytest.raises(EnvelopeFormatError):
        open_field(KEY, long + b"\x00", CTX)


def test_nonces_are_fresh() -> None:
    """Sealing the same value twice gives unrelated envelopes."""
    assert seal_text(KEY, "Иван", CTX) != seal_text(KEY, "Иван", CTX)


def test_no_plaintext_in_errors() -> None:
    """Error messages carry no plaintext, key or context values beyond key ids."""
    wrong = dataclasses.replace(CTX, row_id="other-row")
    with pytest.raises(DecryptionError) as info:
        open_field(KEY, KNOWN_ENVELOPE, wrong)
    message = str(info.value)
    assert "Чувиляев" not in message
    assert "other-row" not in message
    assert KEY.hex() not in message


@pytest.mark.parametrize(
    "change", [{"table": ""}, {"row_id": ""}, {"key_id": -1}, {"key_id": 2**32}, {"key_id": True}]
)
def test_context_validation(change: dict[str, object]) -> None:
    """Empty names and out-of-range key ids are programming errors."""
    with pytest.raises((ValueError, TypeError)):
        dataclasses.replace(CTX, **change)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seal", "value"),
    [(seal_text, b"bytes"), (seal_field, "text"), (seal_date, datetime.datetime(2024, 1, 1))],
)
def test_helpers_check_types(seal: object, value: object) -> None:
    """Each helper accepts only its own type, so nothing is silently coerced."""
    with pytest.raises(TypeError):
        seal(KEY, value, CTX)  # type: ignore[operator]


def test_helpers_reject_wrong_payload_type() -> None:
    """Opening bytes as text, JSON or a date fails loudly."""
    envelope = seal_field(KEY, b"\xff\xfe", CTX)
    for opener in (open_text, open_json, open_date):
        with pytest.raises(EnvelopeFormatError):
            opener(KEY, envelope, CTX)
