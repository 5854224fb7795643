"""Keyed, truncated blind indexes and CipherSweet's leakage bound.

A blind index lets the database find candidate rows for an exact value
without storing it: ``HMAC-SHA256(key, ctx(domain, normalise(value)))``
truncated to ``bits`` bits, so that many values share each index value.
It still leaks like deterministic encryption (frequencies; an attacker who
can insert values learns which rows match), so size it with the bound::

    C = R / 2^min(L, K)      (R rows, L index bits, K input entropy bits)

and keep ``2 <= C < sqrt(R)``: at least two coincidences per index value, but
few enough candidates to decrypt and filter. For R = 250,000 and a
high-entropy input, sqrt(R) = 500 and L may be 9 to 16 bits:
L = 9 gives C = 488.3, L = 16 gives C = 3.81, L = 17 would give 1.91 < 2.
With several indexes on one field, the exponents add up
(:func:`combined_leakage_bound`). Low-entropy inputs need a slow hash
(Argon2id) and never a lone index.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import unicodedata
from collections.abc import Iterable

from .encoding import encode_context

MAX_BITS = 32


def normalise(value: str) -> str:
    """Minimal normalisation: NFKC, case-folded, whitespace collapsed and trimmed."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(unicodedata.normalize("NFKC", folded).split())


def blind_index(key: bytes | bytearray, value: str, bits: int, *, domain: str) -> int:
    """Index of ``value`` in ``[0, 2**bits)``; ``domain`` names the index (table.column.variant).

    The domain keeps two indexes under one key from being linkable. ``bits``
    is 1..32 so the result fits an integer column.
    """
    if len(key) < 32:
        raise ValueError("blind-index key must be at least 32 bytes")
    if isinstance(bits, bool) or not 1 <= bits <= MAX_BITS:
        raise ValueError(f"bits must be between 1 and {MAX_BITS}")
    if not isinstance(domain, str) or not domain:
        raise ValueError("domain must be a non-empty string")
    if not isinstance(value, str):
        raise TypeError("value must be str")
    normalised = normalise(value)
    if not normalised:
        raise ValueError("refusing to index an empty value")
    message = encode_context("safepassage/blind-index/v1", domain, normalised)
    digest = hmac.new(bytes(key), message, hashlib.sha256).digest()
    return int.from_bytes(digest, "big") >> (256 - bits)


def leakage_bound(rows: int, bits: int, input_entropy_bits: float) -> float:
    """Expected coincidences ``C = R / 2^min(L, K)`` for one index on a field."""
    return combined_leakage_bound(rows, [(bits, input_entropy_bits)])


def combined_leakage_bound(rows: int, indexes: Iterable[tuple[int, float]]) -> float:
    """``C = R / 2^sum(min(L_i, K_i))`` for several indexes on one field."""
    if rows < 1:
        raise ValueError("rows must be positive")
    exponent = 0.0
    for bits, entropy in indexes:
        if bits < 1 or entropy < 0:
            raise ValueError("bits must be positive and entropy non-negative")
        exponent += min(float(bits), float(entropy))
    return rows / math.pow(2.0, exponent)


def recommended_bits(rows: int, input_entropy_bits: float) -> range:
    """Index sizes ``L`` keeping ``2 <= C < sqrt(R)``; empty if none does.

    Never more bits than the input's entropy (they would add leakage the
    bound does not count) nor more than 32.
    """
    ceiling = min(MAX_BITS, math.floor(input_entropy_bits))
    good = [
        bits
        for bits in range(1, ceiling + 1)
        if 2 <= leakage_bound(rows, bits, input_entropy_bits) < math.sqrt(rows)
    ]
    return range(good[0], good[-1] + 1) if good else range(0)
