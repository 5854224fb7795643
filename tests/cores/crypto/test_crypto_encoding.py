"""The associated-data encoding is unambiguous and frozen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import encode_context

parts = st.lists(st.one_of(st.text(), st.binary(), st.integers(0, 2**64 - 1)), max_size=5)


def test_concatenation_boundaries_differ() -> None:
    """("ab", "c") and ("a", "bc") encode differently."""
    assert encode_context("ab", "c") != encode_context("a", "bc")
    assert encode_context("abc") != encode_context("ab", "c")
    assert encode_context("", "x") != encode_context("x", "")


@pytest.mark.parametrize(
    ("left", "right"),
    [(("1",), (1,)), (("x",), (b"x",)), ((b"",), ("",)), ((), ("",)), ((0,), (b"\x00" * 8,))],
)
def test_types_are_tagged(left: tuple[object, ...], right: tuple[object, ...]) -> None:
    """A string, bytes and an int with the same content never collide."""
    assert encode_context(*left) != encode_context(*right)  # type: ignore[arg-type]


def test_known_answer() -> None:
    """Changing the encoding would change every key and every associated data."""
    assert encode_context("ab", b"c", 7).hex() == (
        "00000003" + "73" + "00000002" + "6162" + "62" + "00000001" + "63"
        "69" + "00000008" + "0000000000000007"
    )


@given(parts, parts)
def test_injective(a: list[str | bytes | int], b: list[str | bytes | int]) -> None:
    """Different part lists never encode to the same bytes."""
    if encode_context(*a) == encode_context(*b):
        assert a == b


@pytest.mark.parametrize("bad", [True, -1, 2**64, 1.5, None])
def test_rejects_ambiguous_parts(bad: object) -> None:
    """Booleans, floats, None and out-of-range ints are refused, not coerced."""
    with pytest.raises((TypeError, ValueError)):
        encode_context(bad)  # type: ignore[arg-type]
