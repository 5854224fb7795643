"""STREAM file encryption: truncation, reordering, swapping and appending are caught."""

from __future__ import annotations

import io
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    CryptoError,
    DecryptionError,
    EnvelopeFormatError,
    StreamDecryptor,
    UnknownKeyError,
    decrypt_stream,
    encrypt_stream,
    parse_stream_header,
)
from safepassage.cores.crypto.stream import CHUNK_SIZE, CIPHER_CHUNK_SIZE, HEADER_SIZE

KEY = bytes(range(64, 96))
CONTEXT = b"file:1"
KNOWN_STREAM = bytes.fromhex(
    "53505354010100000003e22bbf3c0343cbced66395f005e5af83c1edc247af0cfe271c2ea607aee50e"
    "0b2a7f759533acfc8b0db9d8843de5969c00420657b9e393b5e6e69a786f995af0df90b9f4bc14dd4e23"
)


def encrypt(data: bytes, key: bytes = KEY, context: bytes = CONTEXT, key_id: int = 3) -> bytes:
    out = io.BytesIO()
    encrypt_stream(key, io.BytesIO(data), out, context, key_id)
    return out.getvalue()


def decrypt(blob: bytes, key: bytes = KEY, context: bytes = CONTEXT, **kw: int) -> bytes:
    out = io.BytesIO()
    decrypt_stream(key, io.BytesIO(blob), out, context, **kw)
    return out.getvalue()


def noise(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


def chunks(blob: bytes) -> tuple[bytes, list[bytes]]:
    body = blob[HEADER_SIZE:]
    return blob[:HEADER_SIZE], [
        body[i : i + CIPHER_CHUNK_SIZE] for i in range(0, len(body), CIPHER_CHUNK_SIZE)
    ]


def test_known_answer() -> None:
    """A stream written by this version decrypts forever."""
    assert decrypt(KNOWN_STREAM, key_id=3) == b"deserter testimony"
    assert parse_stream_header(KNOWN_STREAM).key_id == 3


SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 5]


@pytest.mark.parametrize("size", SIZES)
def test_round_trip_at_chunk_boundaries(size: int) -> None:
    """Sizes around chunk boundaries round-trip; the ciphertext grows by 49 + 16 per chunk."""
    data = noise(size)
    blob = encrypt(data)
    n_chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(blob) == HEADER_SIZE + size + 16 * n_chunks
    assert decrypt(blob) == data


@given(st.binary(max_size=5000))
def test_round_trip(data: bytes) -> None:
    """decrypt(encrypt(x)) == x."""
    assert decrypt(encrypt(data)) == data


def test_incremental_feeding() -> None:
    """Feeding the decryptor one odd-sized piece at a time gives the same plaintext."""
    data = noise(2 * CHUNK_SIZE + 77)
    blob = encrypt(data)
    decryptor = StreamDecryptor(KEY, CONTEXT)
    out = bytearray()
    for i in range(0, len(blob), 9999):
        out += decryptor.update(blob[i : i + 9999])
    out += decryptor.finalize()
    assert bytes(out) == data


def test_wrong_key_context_or_key_id() -> None:
    """The key, the context and the expected key id all have to match."""
    blob = encrypt(b"x" * 100)
    with pytest.raises(DecryptionError):
        decrypt(blob, key=bytes(32))
    with pytest.raises(DecryptionError):
        decrypt(blob, context=b"file:2")
    with pytest.raises(UnknownKeyError):
        decrypt(blob, key_id=4)


def test_every_flipped_bit_in_a_small_stream() -> None:
    """Header and chunk bits are all authenticated."""
    blob = encrypt(b"a short testimony")
    for i in range(len(blob) * 8):
        tampered = bytearray(blob)
        tampered[i // 8] ^= 1 << (i % 8)
        with pytest.raises(CryptoError):
            decrypt(bytes(tampered))


BIG = noise(3 * CHUNK_SIZE + 5)
BIG_BLOB = encrypt(BIG)


@given(st.integers(0, len(BIG_BLOB) * 8 - 1))
def test_flipped_bit_in_a_long_stream(bit: int) -> None:
    """A flipped bit in any chunk of a multi-chunk stream raises."""
    tampered = bytearray(BIG_BLOB)
    tampered[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(CryptoError):
        decrypt(bytes(tampered))


def test_truncation_at_each_chunk_boundary() -> None:
    """Dropping whole trailing chunks is detected by the last-chunk flag."""
    header, parts = chunks(BIG_BLOB)
    for keep in range(len(parts)):
        with pytest.raises(DecryptionError):
            decrypt(header + b"".join(parts[:keep]))


@given(st.integers(0, len(BIG_BLOB) - 1))
def test_truncation_anywhere(cut: int) -> None:
    """Any prefix fails."""
    with pytest.raises(CryptoError):
        decrypt(BIG_BLOB[:cut])


def test_reordered_chunks() -> None:
    """Swapping two chunks breaks the counter."""
    header, parts = chunks(BIG_BLOB)
    parts[0], parts[1] = parts[1], parts[0]
    with pytest.raises(DecryptionError):
        decrypt(header + b"".join(parts))


def test_chunk_from_another_file() -> None:
    """A chunk moved between two files under the same key and context is refused."""
    header, parts = chunks(BIG_BLOB)
    _, other_parts = chunks(encrypt(BIG))
    parts[1] = other_parts[1]
    with pytest.raises(DecryptionError):
        decrypt(header + b"".join(parts))


@pytest.mark.parametrize("extra", [b"\x00", b"x" * 16, "last"])
def test_appended_data(extra: bytes | str) -> None:
    """Bytes or a chunk appended after the final chunk are detected."""
    _, parts = chunks(BIG_BLOB)
    tail = parts[-1] if extra == "last" else extra
    assert isinstance(tail, bytes)
    with pytest.raises(DecryptionError):
        decrypt(BIG_BLOB + tail)


def test_only_verified_chunks_are_released() -> None:
    """When chunk 2 is tampered with, dst holds exactly chunk 1, verified, then it raises."""
    tampered = bytearray(BIG_BLOB)
    tampered[HEADER_SIZE + CIPHER_CHUNK_SIZE + 5] ^= 1
    out = io.BytesIO()
    with pytest.raises(DecryptionError):
        decrypt_stream(KEY, io.BytesIO(bytes(tampered)), out, CONTEXT)
    assert out.getvalue() == BIG[:CHUNK_SIZE]


@pytest.mark.parametrize(
    "header",
    [
        b"",
        b"SPST",
        b"XXXX\x01\x01" + bytes(43),
        b"SPST\x02\x01" + bytes(43),
        b"SPST\x01\x09" + bytes(43),
    ],
)
def test_bad_headers(header: bytes) -> None:
    """Truncated, foreign, future-version or unknown-algorithm headers are format errors."""
    with pytest.raises(EnvelopeFormatError):
        decrypt(header)
