"""Blind indexes: keyed, truncated, and sized by CipherSweet's bound."""

from __future__ import annotations

import hashlib
import hmac
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    blind_index,
    combined_leakage_bound,
    encode_context,
    leakage_bound,
    normalise,
    recommended_bits,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
values = st.text(min_size=1).filter(lambda v: normalise(v) != "")
keys = st.binary(min_size=32, max_size=32)


@given(keys, values, st.integers(1, 32))
def test_stable_and_truncated(key: bytes, value: str, bits: int) -> None:
    """Same key and value give the same index, within [0, 2**bits)."""
    index = blind_index(key, value, bits, domain="case.name")
    assert index == blind_index(key, value, bits, domain="case.name")
    assert 0 <= index < 2**bits


@given(keys, keys, values)
def test_differs_across_keys(key: bytes, other: bytes, value: str) -> None:
    """Another key gives an unrelated index (at 32 bits, equal with chance 2^-32)."""
    assume(key != other)
    assert blind_index(key, value, 32, domain="d") != blind_index(other, value, 32, domain="d")


def test_is_truncated_hmac() -> None:
    """The index is the top bits of HMAC-SHA256 over ctx(label, domain, normalised value)."""
    message = encode_context("safepassage/blind-index/v1", "case.name", "ivan petrov")
    full = int.from_bytes(hmac.new(KEY, message, hashlib.sha256).digest(), "big")
    for bits in (1, 9, 16, 32):
        assert blind_index(KEY, " Ivan  PETROV ", bits, domain="case.name") == full >> (256 - bits)


def test_known_answer() -> None:
    """Fixed vectors: changing the scheme would orphan every stored index."""
    assert blind_index(bytes(32), "Ivan Petrov", 16, domain="case.name") == 60723
    assert blind_index(bytes(32), "Иван", 32, domain="case.name") == 1351075021


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Иван Петров", "  иван   ПЕТРОВ "),
        ("ﬁlipp", "filipp"),
        ("Straße", "STRASSE"),
        ("Chuvilyaev\tAleksandr", "chuvilyaev aleksandr"),
    ],
)
def test_minimal_normalisation_matches(a: str, b: str) -> None:
    """Case, width, ligatures and spacing do not split a value's index."""
    assert blind_index(KEY, a, 32, domain="d") == blind_index(KEY, b, 32, domain="d")


@pytest.mark.parametrize(("a", "b"), [("Chuvilyaev", "Chuviliaev"), ("Иван", "Ivan")])
def test_no_transliteration(a: str, b: str) -> None:
    """Spelling variants are different values; one index per variant is the caller's choice."""
    assert blind_index(KEY, a, 32, domain="d") != blind_index(KEY, b, 32, domain="d")


def test_domains_are_unlinkable() -> None:
    """The same value in two indexes under one key does not give the same number."""
    assert blind_index(KEY, "Ivan", 32, domain="case.name") != blind_index(
        KEY, "Ivan", 32, domain="case.alias"
    )
    assert blind_index(KEY, "Ivan", 32, domain="d") != blind_index(
        OTHER_KEY, "Ivan", 32, domain="d"
    )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"bits": 0}, ValueError),
        ({"bits": 33}, ValueError),
        ({"domain": ""}, ValueError),
        ({"value": "   "}, ValueError),
        ({"key": b"short"}, ValueError),
        ({"value": b"bytes"}, TypeError),
    ],
)
def test_rejects_bad_arguments(kwargs: dict[str, object], error: type[Exception]) -> None:
    """Untruncated, unnamed, empty or short-keyed indexes are refused."""
    args: dict[str, object] = {"key": KEY, "value": "Ivan", "bits": 16, "domain": "d"}
    args.update(kwargs)
    with pytest.raises(error):
        blind_index(**args)  # type: ignore[arg-type]


# R = 250,000 (the planned coalition size), sqrt(R) = 500, high-entropy input.
@pytest.mark.parametrize(
    ("bits", "coincidences"),
    [(8, 976.5625), (9, 488.28125), (12, 61.03515625), (16, 3.814697265625), (17, 1.9073486328125)],
)
def test_leakage_bound_at_250k(bits: int, coincidences: float) -> None:
    """C = R / 2^min(L, K): 9 bits is the first under sqrt(R), 16 the last with C >= 2."""
    assert leakage_bound(250_000, bits, 128) == pytest.approx(coincidences)


def test_recommended_bits_at_250k() -> None:
    """For 250,000 rows and a high-entropy input: 9 to 16 bits, as SECURITY.md states."""
    assert recommended_bits(250_000, 128) == range(9, 17)
    assert math.sqrt(250_000) == 500


@pytest.mark.parametrize(
    ("rows", "entropy", "expected"),
    [
        (250_000, 10.0, range(9, 11)),  # never more bits than the input has
        (250_000, 8.0, range(0)),  # too little entropy: C = 976 >= 500 at any L
        (1_000, 64.0, range(5, 9)),  # sqrt = 31.6: C = 31.25 at 5 bits, 3.9 at 8
        (3, 64.0, range(0)),  # nothing satisfies 2 <= C < 1.73
    ],
)
def test_recommended_bits_table(rows: int, entropy: float, expected: range) -> None:
    """The range keeps 2 <= C < sqrt(R), or is empty when no size does."""
    assert recommended_bits(rows, entropy) == expected
    for bits in expected:
        assert 2 <= leakage_bound(rows, bits, entropy) < math.sqrt(rows)


def test_entropy_caps_the_bound() -> None:
    """With low-entropy input extra bits do not reduce coincidences."""
    assert leakage_bound(250_000, 20, 10) == leakage_bound(250_000, 10, 10)


def test_indexes_on_one_field_add_up() -> None:
    """Two 16-bit indexes on one field behave like one 32-bit index: C < 2, too precise."""
    combined = combined_leakage_bound(250_000, [(16, 128), (16, 128)])
    assert combined == pytest.approx(250_000 / 2**32)
    assert combined < 2
