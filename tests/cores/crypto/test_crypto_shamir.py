"""k-of-n Shamir shares of the root key: any k rebuild it, k-1 reveal nothing."""

from __future__ import annotations

import itertools
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    InconsistentSharesError,
    NotEnoughSharesError,
    ShareChecksumError,
    ShareFormatError,
    combine_shares,
    parse_share,
    split_secret,
)
from safepassage.cores.crypto.shamir import Share, _gf_inv, _gf_mul, _interpolate, format_share

ROOT = bytes(range(32))
SHARES_3_OF_5 = split_secret(ROOT, 3, 5)
TYPED_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"


def test_gf_known_products() -> None:
    """The field is AES's GF(2^8): FIPS-197's worked examples hold."""
    assert _gf_mul(0x57, 0x83) == 0xC1
    assert _gf_mul(0x57, 0x13) == 0xFE
    assert all(_gf_mul(a, _gf_inv(a)) == 1 for a in range(1, 256))


@pytest.mark.parametrize("k", [3, 4, 5])
def test_every_k_subset_of_3_of_5_rebuilds(k: int) -> None:
    """Each of the C(5, k) subsets, in any order, gives the root back."""
    for subset in itertools.combinations(SHARES_3_OF_5, k):
        assert combine_shares(list(reversed(subset))) == ROOT


def test_every_k_minus_1_subset_is_refused() -> None:
    """Two shares of a 3-of-5 split never unseal."""
    for subset in itertools.combinations(SHARES_3_OF_5, 2):
        with pytest.raises(NotEnoughSharesError) as info:
            combine_shares(subset)
        assert (info.value.have, info.value.need) == (2, 3)


@given(st.data(), st.binary(min_size=32, max_size=32), st.integers(2, 7), st.integers(0, 4))
def test_any_k_rebuild(data: st.DataObject, secret: bytes, k: int, extra: int) -> None:
    """Any k (or more) of n shares rebuild the secret."""
    n = k + extra
    shares = split_secret(secret, k, n)
    chosen = data.draw(st.permutations(shares)).copy()[: data.draw(st.integers(k, n))]
    assert combine_shares(chosen) == secret


@given(st.data(), st.binary(min_size=32, max_size=32), st.integers(2, 6))
def test_k_minus_1_are_consistent_with_any_secret(
    data: st.DataObject, target: bytes, k: int
) -> None:
    """For any secret whatsoever, some k-th share completes k-1 real shares to it.

    So k-1 shares carry no information about the root (Shamir's theorem).
    """
    texts = split_secret(ROOT, k, k + 1)
    known = [parse_share(t) for t in data.draw(st.permutations(texts))[: k - 1]]
    missing = next(i for i in range(1, k + 2) if i not in {s.index for s in known})
    points = [(0, target), *((s.index, s.value) for s in known)]
    forged = Share(k, missing, known[0].set_id, bytes(_interpolate(points, missing)))
    rebuilt = combine_shares([*(format_share(s) for s in known), format_share(forged)])
    assert rebuilt == target


def _mistype(text: str, pos: int, char: str) -> str:
    return text[:pos] + char + text[pos + 1 :]


def test_every_single_character_change_names_the_share() -> None:
    """Each one-character change anywhere in share 2 is reported as share 2, never as a root."""
    good = SHARES_3_OF_5[1]
    for pos, original in enumerate(good):
        for char in TYPED_CHARS:
            if char == original.upper():
                continue
            typed = [SHARES_3_OF_5[0], _mistype(good, pos, char), SHARES_3_OF_5[2]]
            with pytest.raises(ShareChecksumError) as info:
                combine_shares(typed)
            assert info.value.position == 2


@given(st.sampled_from(range(5)), st.data())
def test_mistyped_share_position(position: int, data: st.DataObject) -> None:
    """A mistyped share is reported by its position in the input, not its content."""
    texts = list(SHARES_3_OF_5)
    good = texts[position]
    pos = data.draw(st.integers(0, len(good) - 1))
    char = data.draw(st.sampled_from([c for c in TYPED_CHARS if c != good[pos].upper()]))
    texts[position] = _mistype(good, pos, char)
    with pytest.raises(ShareChecksumError) as info:
        combine_shares(texts)
    assert info.value.position == position + 1
    body = good.split("-")[3:-1]
    assert not any(group in str(info.value) for group in body)


def test_checksum_error_is_not_a_format_error() -> None:
    """A well-formed share with one wrong letter fails its checksum specifically."""
    good = SHARES_3_OF_5[0]
    pos = good.index("-", 8) + 1
    char = "A" if good[pos] != "A" else "B"
    with pytest.raises(ShareChecksumError) as info:
        parse_share(_mistype(good, pos, char), position=4)
    assert not isinstance(info.value, ShareFormatError)
    assert info.value.position == 4


def test_case_and_whitespace_are_forgiven() -> None:
    """Trustees may type in lower case, with spaces or line breaks."""
    sloppy = [" " + s.lower().replace("-", " - ", 3) + "\n" for s in SHARES_3_OF_5[:3]]
    assert combine_shares(sloppy) == ROOT


def test_shares_from_two_splits_are_inconsistent() -> None:
    """Mixing splits (e.g. before and after re-sharing) is detected, not silently wrong."""
    other = split_secret(ROOT, 3, 5)
    with pytest.raises(InconsistentSharesError):
        combine_shares([SHARES_3_OF_5[0], SHARES_3_OF_5[1], other[2]])


def test_same_index_different_value_is_inconsistent() -> None:
    """Two different shares claiming the same index cannot both be right."""
    real = parse_share(SHARES_3_OF_5[0])
    fake = format_share(Share(3, real.index, real.set_id, secrets.token_bytes(32)))
    with pytest.raises(InconsistentSharesError):
        combine_shares([SHARES_3_OF_5[0], fake, SHARES_3_OF_5[1], SHARES_3_OF_5[2]])


def test_extra_share_off_the_polynomial_is_inconsistent() -> None:
    """With more than k shares, a corrupted but well-formed share is caught."""
    real = parse_share(SHARES_3_OF_5[4])
    fake = format_share(Share(3, real.index, real.set_id, secrets.token_bytes(32)))
    with pytest.raises(InconsistentSharesError):
        combine_shares([*SHARES_3_OF_5[:3], fake])


def test_threshold_disagreement_is_inconsistent() -> None:
    """A share claiming another threshold does not belong to the split."""
    real = parse_share(SHARES_3_OF_5[0])
    relabelled = format_share(Share(2, real.index, real.set_id, real.value))
    with pytest.raises(InconsistentSharesError):
        combine_shares([relabelled, SHARES_3_OF_5[1], SHARES_3_OF_5[2]])


def test_duplicates_count_once() -> None:
    """The same share typed twice does not count twice."""
    with pytest.raises(NotEnoughSharesError):
        combine_shares([SHARES_3_OF_5[0], SHARES_3_OF_5[0], SHARES_3_OF_5[1]])


def test_empty_input() -> None:
    """No shares, no root."""
    with pytest.raises(NotEnoughSharesError):
        combine_shares([])


def test_format_and_repr() -> None:
    """Shares look like sp1-k-i-groups-checksum; a parsed share's repr hides its value."""
    text = SHARES_3_OF_5[2]
    parts = text.split("-")
    assert parts[:3] == ["sp1", "3", "3"]
    assert [len(p) for p in parts[3:]] == [4] * 16 + [8]
    share = parse_share(text)
    assert (share.threshold, share.index) == (3, 3)
    assert repr(share.value) not in repr(share)
    assert share.value.hex() not in repr(share)
    assert len(share.set_id_hex) == 16


@pytest.mark.parametrize(("k", "n"), [(1, 1), (1, 3), (3, 2), (0, 0), (2, 256)])
def test_split_rejects_bad_parameters(k: int, n: int) -> None:
    """1-of-n would put the root verbatim in every share; n is at most 255."""
    with pytest.raises(ValueError, match="threshold"):
        split_secret(ROOT, k, n)


def test_split_rejects_wrong_secret_size() -> None:
    """Only 32-byte root keys are split."""
    with pytest.raises(ValueError, match="32 bytes"):
        split_secret(b"short", 2, 3)


def test_combine_rejects_a_bare_string() -> None:
    """Passing one string (a sequence of characters) is a programming error."""
    with pytest.raises(TypeError):
        combine_shares(SHARES_3_OF_5[0])
