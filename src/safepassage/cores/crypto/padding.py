"""Length buckets for field plaintexts, so a ciphertext's length reveals only its bucket.

Padding is ISO/IEC 7816-4 style: the plaintext, one ``0x80`` byte, then
zeros up to the bucket. Buckets are the powers of two from 32 to 1 MiB, so a
plaintext of ``n`` bytes occupies ``max(32, 2**ceil(log2(n + 1)))`` bytes:
0-31 bytes -> 32, 32-63 -> 64, 64-127 -> 128, and so on. Larger values
belong in encrypted files.
"""

from __future__ import annotations

from .errors import DecryptionError

MIN_BUCKET = 32
MAX_BUCKET = 1 << 20
MAX_PLAINTEXT = MAX_BUCKET - 1
BUCKETS: tuple[int, ...] = tuple(1 << i for i in range(5, 21))


def bucket_for(length: int) -> int:
    """The padded size of a plaintext of ``length`` bytes."""
    if not 0 <= length <= MAX_PLAINTEXT:
        raise ValueError(f"field plaintext must be at most {MAX_PLAINTEXT} bytes")
    return max(MIN_BUCKET, 1 << length.bit_length())


def pad(plaintext: bytes) -> bytes:
    """Pad to the bucket: ``plaintext || 0x80 || 0x00*``."""
    size = bucket_for(len(plaintext))
    return plaintext + b"\x80" + bytes(size - len(plaintext) - 1)


def unpad(padded: bytes) -> bytes:
    """Remove the padding; raises ``DecryptionError`` if it is malformed."""
    if len(padded) not in BUCKETS:
        raise DecryptionError("padded plaintext has an invalid length")
    stripped = padded.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise DecryptionError("malformed padding")
    return stripped[:-1]
