"""Chunked streaming AEAD for files: the STREAM construction.

Hoang, Reyhanitabar, Rogaway and Vizár (2015), with AES-256-GCM. Layout::

    0   4   magic "SPST"
    4   1   format version (0x01)
    5   1   algorithm (0x01 = AES-256-GCM)
    6   4   key id, u32 big-endian
    10  32  random salt: file key = HKDF(key, salt, ctx("safepassage/stream/v1", context, header))
    42  7   random nonce prefix
    49  ... chunks: AES-GCM(64 KiB of plaintext) + 16-byte tag; the last chunk
            holds 0..64 KiB; chunk nonce = prefix || u32 counter || last flag

Every chunk authenticates the header as associated data. The per-file key
(random salt) stops chunks being swapped between files; the counter stops
reordering and dropping; the last-chunk flag stops truncation at a chunk
boundary and appending. A chunk's plaintext is only released after its tag
verified, but the *stream* is only known complete at the end: on any
exception the caller must discard what was written to ``dst``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .encoding import MAX_U32, encode_context, pack_u32, unpack_u32
from .errors import DecryptionError, EnvelopeFormatError, UnknownKeyError

MAGIC = b"SPST"
STREAM_VERSION = 1
ALG_AES256GCM = 1
HEADER_SIZE = 49
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
CIPHER_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE


@dataclass(frozen=True, slots=True)
class StreamHeader:
    """The parsed, not yet authenticated, header of an encrypted stream."""

    key_id: int
    salt: bytes
    nonce_prefix: bytes
    raw: bytes


def parse_stream_header(data: bytes) -> StreamHeader:
    """Parse the first 49 bytes of a stream; raises :class:`EnvelopeFormatError`."""
    if not isinstance(data, bytes | bytearray) or len(data) < HEADER_SIZE:
        raise EnvelopeFormatError("stream header is truncated")
    if data[:4] != MAGIC:
        raise EnvelopeFormatError("not an encrypted stream")
    if data[4] != STREAM_VERSION:
        raise EnvelopeFormatError("unknown stream version")
    if data[5] != ALG_AES256GCM:
        raise EnvelopeFormatError("unknown stream algorithm")
    raw = bytes(data[:HEADER_SIZE])
    return StreamHeader(unpack_u32(raw, 6), raw[10:42], raw[42:49], raw)


def _file_cipher(key: bytes | bytearray, context: bytes, header: StreamHeader) -> AESGCM:
    if len(key) != 32:
        raise ValueError("stream key must be 32 bytes")
    if not isinstance(context, bytes):
        raise TypeError("context must be bytes (see encode_context)")
    info = encode_context("safepassage/stream/v1", context, header.raw)
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=header.salt, info=info)
    return AESGCM(kdf.derive(bytes(key)))


def _nonce(header: StreamHeader, counter: int, last: bool) -> bytes:
    if counter > MAX_U32:
        raise ValueError("stream too long")
    return header.nonce_prefix + pack_u32(counter) + (b"\x01" if last else b"\x00")


class StreamEncryptor:
    """Incremental encryption: ``header`` first, then ``update()`` output, then ``finalize()``."""

    def __init__(self, key: bytes | bytearray, context: bytes, key_id: int = 0) -> None:
        raw = (
            MAGIC
            + bytes([STREAM_VERSION, ALG_AES256GCM])
            + pack_u32(key_id)
            + secrets.token_bytes(32 + 7)
        )
        self._header = parse_stream_header(raw)
        self._cipher = _file_cipher(key, context, self._header)
        self._pending = bytearray()
        self._counter = 0
        self._done = False

    @property
    def header(self) -> bytes:
        """The 49 header bytes; write them before any chunk."""
        return self._header.raw

    def _seal(self, chunk: bytes, last: bool) -> bytes:
        nonce = _nonce(self._header, self._counter, last)
        self._counter += 1
        return self._cipher.encrypt(nonce, chunk, self._header.raw)

    def update(self, data: bytes) -> bytes:
        """Buffer ``data``; return the chunks now known not to be the last."""
        if self._done:
            raise ValueError("stream already finalized")
        self._pending += data
        out = bytearray()
        while len(self._pending) > CHUNK_SIZE:
            out += self._seal(bytes(self._pending[:CHUNK_SIZE]), last=False)
            del self._pending[:CHUNK_SIZE]
        return bytes(out)

    def finalize(self) -> bytes:
        """The last chunk (possibly of empty plaintext)."""
        if self._done:
            raise ValueError("stream already finalized")
        self._done = True
        out = self._seal(bytes(self._pending), last=True)
        self._pending[:] = bytes(len(self._pending))
        return out


class StreamDecryptor:
    """Incremental decryption; every returned byte belongs to an authenticated chunk.

    Only :meth:`finalize` proves the stream was complete.
    """

    def __init__(
        self, key: bytes | bytearray, context: bytes, expected_key_id: int | None = None
    ) -> None:
        self._key = bytes(key)
        self._context = context
        self._expected = expected_key_id
        self._cipher: AESGCM | None = None
        self._header: StreamHeader | None = None
        self._buffer = bytearray()
        self._counter = 0
        self._done = False

    def _open(self, chunk: bytes, last: bool) -> bytes:
        if self._cipher is None or self._header is None:
            raise DecryptionError("stream header not read")
        nonce = _nonce(self._header, self._counter, last)
        try:
            plain = self._cipher.decrypt(nonce, chunk, self._header.raw)
        except InvalidTag:
            raise DecryptionError("stream chunk failed authentication") from None
        self._counter += 1
        return plain

    def update(self, data: bytes) -> bytes:
        """Feed ciphertext; return plaintext of chunks verified so far."""
        if self._done:
            raise ValueError("stream already finalized")
        self._buffer += data
        if self._header is None:
            if len(self._buffer) < HEADER_SIZE:
                return b""
            header = parse_stream_header(bytes(self._buffer[:HEADER_SIZE]))
            if self._expected is not None and header.key_id != self._expected:
                raise UnknownKeyError(f"stream names key id {header.key_id}")
            self._cipher = _file_cipher(self._key, self._context, header)
            self._header = header
            del self._buffer[:HEADER_SIZE]
        out = bytearray()
        while len(self._buffer) > CIPHER_CHUNK_SIZE:
            out += self._open(bytes(self._buffer[:CIPHER_CHUNK_SIZE]), last=False)
            del self._buffer[:CIPHER_CHUNK_SIZE]
        return bytes(out)

    def finalize(self) -> bytes:
        """Verify and return the last chunk; raises if the stream was truncated."""
        if self._done:
            raise ValueError("stream already finalized")
        self._done = True
        if self._header is None:
            parse_stream_header(bytes(self._buffer))  # raises: header is truncated
        if len(self._buffer) < TAG_SIZE:
            raise DecryptionError("stream is truncated")
        return self._open(bytes(self._buffer), last=True)


class Readable(Protocol):
    """What the stream functions read from: any binary file, or an ``EncryptedTempFile``."""

    def read(self, size: int, /) -> bytes: ...


class Writable(Protocol):
    """What they write to."""

    def write(self, data: bytes, /) -> int: ...


def _read_exact(src: Readable, size: int) -> bytes:
    parts = []
    while size:
        part = src.read(size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def encrypt_stream(
    key: bytes | bytearray, src: Readable, dst: Writable, context: bytes, key_id: int = 0
) -> int:
    """Encrypt ``src`` to ``dst`` bound to ``context``; returns bytes written."""
    encryptor = StreamEncryptor(key, context, key_id)
    written = dst.write(encryptor.header)
    while chunk := _read_exact(src, CHUNK_SIZE):
        written += dst.write(encryptor.update(chunk))
    written += dst.write(encryptor.finalize())
    return written


def decrypt_stream(
    key: bytes | bytearray,
    src: Readable,
    dst: Writable,
    context: bytes,
    key_id: int | None = None,
) -> int:
    """Decrypt ``src`` to ``dst``; returns plaintext bytes written.

    Raises on any tampering, truncation or appended data. On an exception,
    ``dst`` holds a verified but incomplete prefix: discard it.
    """
    decryptor = StreamDecryptor(key, context, key_id)
    written = 0
    while chunk := _read_exact(src, CIPHER_CHUNK_SIZE):
        written += dst.write(decryptor.update(chunk))
    written += dst.write(decryptor.finalize())
    return written
