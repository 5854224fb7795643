"""Shamir k-of-n secret sharing of the 32-byte root key over GF(2^8).

Shamir's scheme is not a cipher mode: it is polynomial interpolation, and it
is information-theoretically secure, so any k-1 shares are consistent with
every possible root. Each byte of the secret is the constant term of its own
random polynomial of degree k-1 over GF(2^8) (the AES field, x^8+x^4+x^3+x+1);
share ``i`` holds the polynomials' values at ``x = i``.

Shares are text a trustee can type, print or engrave::

    sp1-<k>-<i>-XXXX-XXXX-...-XXXX-<checksum>

with 16 groups of 4 base32 characters (an 8-byte share-set id, then the 32
share bytes) and an 8-character checksum (40 bits of SHA-256 over k, i and
the payload). The checksum catches typing mistakes; it is not a signature. A
malicious trustee can still hand in a well-formed wrong share: the keyring's
sealed state (see :mod:`.keys`) then fails to open, so a wrong root is never
used. Extra shares beyond k are checked against the interpolated polynomial.

Python big-integer arithmetic is not constant-time; splitting and combining
happen in a ceremony, not on a network path an attacker can time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import (
    InconsistentSharesError,
    NotEnoughSharesError,
    ShareChecksumError,
    ShareFormatError,
)

SECRET_SIZE = 32
SET_ID_SIZE = 8
_PAYLOAD_CHARS = 64  # base32 of 8 + 32 bytes, no padding
_CHECKSUM_CHARS = 8  # base32 of 5 bytes
_PREFIX = "SP1"
_B32 = re.compile(r"[A-Z2-7]+")
_DECIMAL = re.compile(r"[0-9]{1,3}")


def _gf_mul(a: int, b: int) -> int:
    """Multiply in GF(2^8) without data-dependent branches (not constant-time in CPython)."""
    product = 0
    for _ in range(8):
        product ^= -(b & 1) & a
        carry = a >> 7
        a = ((a << 1) & 0xFF) ^ (0x1B & -carry)
        b >>= 1
    return product


def _gf_inv(a: int) -> int:
    """Multiplicative inverse as a^254; ``a`` must be non-zero."""
    result = 1
    base = a
    exponent = 254
    while exponent:
        if exponent & 1:
            result = _gf_mul(result, base)
        base = _gf_mul(base, base)
        exponent >>= 1
    return result


def _eval_poly(coefficients: Sequence[int], x: int) -> int:
    """Horner's rule; ``coefficients[0]`` is the constant term."""
    y = 0
    for c in reversed(coefficients):
        y = _gf_mul(y, x) ^ c
    return y


def _interpolate(points: Sequence[tuple[int, bytes]], x: int) -> bytearray:
    """Lagrange-interpolate every byte position at ``x`` from distinct ``points``."""
    weights = []
    for j, (xj, _) in enumerate(points):
        num, den = 1, 1
        for m, (xm, _) in enumerate(points):
            if m != j:
                num = _gf_mul(num, x ^ xm)
                den = _gf_mul(den, xj ^ xm)
        weights.append(_gf_mul(num, _gf_inv(den)))
    out = bytearray(len(points[0][1]))
    for weight, (_, ys) in zip(weights, points, strict=True):
        for pos, y in enumerate(ys):
            out[pos] ^= _gf_mul(weight, y)
    return out


@dataclass(frozen=True)
class Share:
    """One parsed share. ``value`` is secret and kept out of the repr."""

    threshold: int
    index: int
    set_id: bytes
    value: bytes = field(repr=False)

    @property
    def set_id_hex(self) -> str:
        """Share-set id as shown to trustees; identifies a split, reveals nothing."""
        return self.set_id.hex()


def _checksum(threshold: int, index: int, payload: bytes) -> str:
    digest = hashlib.sha256(b"safepassage/share/v1" + bytes([threshold, index]) + payload).digest()
    return base64.b32encode(digest[:5]).decode("ascii")


def format_share(share: Share) -> str:
    """Encode a share as ``sp1-k-i-<16 groups of 4>-<checksum>``."""
    payload = share.set_id + share.value
    body = base64.b32encode(payload).decode("ascii")
    groups = "-".join(body[i : i + 4] for i in range(0, len(body), 4))
    checksum = _checksum(share.threshold, share.index, payload)
    return f"sp1-{share.threshold}-{share.index}-{groups}-{checksum}"


def parse_share(text: str, position: int = 1) -> Share:
    """Parse and checksum one typed share; errors name ``position`` (1-based), never content.

    Case and whitespace are ignored. Raises :class:`ShareFormatError` if the
    text cannot be parsed and :class:`ShareChecksumError` if it parses but
    does not check out; both are ``ShareChecksumError`` (share ``position``
    was mistyped).
    """
    if not isinstance(text, str) or len(text) > 400:
        raise ShareFormatError(position, "not a share")
    cleaned = "".join(text.split()).upper()
    parts = cleaned.split("-")
    if len(parts) < 5 or parts[0] != _PREFIX:
        raise ShareFormatError(position, "expected sp1-<k>-<i>-<groups>-<checksum>")
    k_text, i_text, checksum = parts[1], parts[2], parts[-1]
    body = "".join(parts[3:-1])
    if not (_DECIMAL.fullmatch(k_text) and _DECIMAL.fullmatch(i_text)):
        raise ShareFormatError(position, "threshold and index must be numbers")
    threshold, index = int(k_text), int(i_text)
    if not (2 <= threshold <= 255 and 1 <= index <= 255):
        raise ShareFormatError(position, "threshold or index out of range")
    if len(body) != _PAYLOAD_CHARS or not _B32.fullmatch(body):
        raise ShareFormatError(position, "share body has the wrong length or characters")
    if len(checksum) != _CHECKSUM_CHARS or not _B32.fullmatch(checksum):
        raise ShareFormatError(position, "checksum has the wrong length or characters")
    try:
        payload = base64.b32decode(body)
    except (binascii.Error, ValueError):
        raise ShareFormatError(position, "share body is not base32") from None
    if not secrets.compare_digest(_checksum(threshold, index, payload), checksum):
        raise ShareChecksumError(position)
    return Share(threshold, index, payload[:SET_ID_SIZE], payload[SET_ID_SIZE:])


def split_secret(secret: bytes | bytearray, threshold: int, shares: int) -> list[str]:
    """Split a 32-byte secret into ``shares`` texts, any ``threshold`` of which rebuild it.

    ``2 <= threshold <= shares <= 255``: a 1-of-n split would put the root
    key verbatim in every share.
    """
    if len(secret) != SECRET_SIZE:
        raise ValueError(f"secret must be {SECRET_SIZE} bytes")
    if not 2 <= threshold <= shares <= 255:
        raise ValueError("need 2 <= threshold <= shares <= 255")
    set_id = secrets.token_bytes(SET_ID_SIZE)
    values = [bytearray(SECRET_SIZE) for _ in range(shares)]
    for pos, byte in enumerate(secret):
        coefficients = [byte, *secrets.token_bytes(threshold - 1)]
        for i in range(shares):
            values[i][pos] = _eval_poly(coefficients, i + 1)
        coefficients[:] = [0] * threshold
    texts = [format_share(Share(threshold, i + 1, set_id, bytes(v))) for i, v in enumerate(values)]
    for v in values:
        v[:] = bytes(SECRET_SIZE)
    return texts


def check_compatible(shares: Sequence[Share]) -> None:
    """Raise :class:`InconsistentSharesError` unless ``shares`` can belong to one split."""
    if not shares:
        return
    first = shares[0]
    seen: dict[int, bytes] = {}
    for share in shares:
        if share.set_id != first.set_id:
            raise InconsistentSharesError("shares come from different splits")
        if share.threshold != first.threshold:
            raise InconsistentSharesError("shares disagree on the threshold")
        known = seen.setdefault(share.index, share.value)
        if not secrets.compare_digest(known, share.value):
            raise InconsistentSharesError("two different shares carry the same index")


def combine_shares(texts: Sequence[str]) -> bytearray:
    """Rebuild the secret from at least ``k`` share texts of one split.

    Returns a ``bytearray`` so the caller can zero it once a keyring is built.
    Raises ``ShareChecksumError``/``ShareFormatError`` (with position),
    ``InconsistentSharesError`` or ``NotEnoughSharesError``.
    """
    if isinstance(texts, str):
        raise TypeError("pass a sequence of share texts, not one string")
    parsed = [parse_share(text, position) for position, text in enumerate(texts, start=1)]
    if not parsed:
        raise NotEnoughSharesError(0, 2)
    check_compatible(parsed)
    distinct: dict[int, bytes] = {}
    for share in parsed:
        distinct.setdefault(share.index, share.value)
    threshold = parsed[0].threshold
    if len(distinct) < threshold:
        raise NotEnoughSharesError(len(distinct), threshold)
    points = list(distinct.items())
    basis, extra = points[:threshold], points[threshold:]
    for x, y in extra:
        if not secrets.compare_digest(bytes(_interpolate(basis, x)), y):
            raise InconsistentSharesError("a share does not lie on the others' polynomial")
    return _interpolate(basis, 0)
