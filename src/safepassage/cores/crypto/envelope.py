"""Versioned AEAD envelopes for encrypted database fields.

Layout (``34 + bucket`` bytes; no timestamp, no plaintext length)::

    0   1   format version (0x01)
    1   1   algorithm (0x01 = AES-256-GCM)
    2   4   key id, u32 big-endian (which data key / key version sealed it)
    6   12  random nonce
    18  b   ciphertext of the padded plaintext (b is a bucket, see :mod:`.padding`)
    18+b 16 GCM tag

The associated data binds the domain, table, column, the row's immutable id
and the whole header (version, algorithm, key id), so an envelope copied to
another row, column or table, or relabelled with another key id, fails.
Every error raises; nothing here returns ciphertext, empty or a default.
Random 96-bit nonces are safe for 2^32 seals per key; a per-case key sees
a tiny fraction of that.
"""

from __future__ import annotations

import datetime
import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .encoding import MAX_U32, encode_context, pack_u32, unpack_u32
from .errors import DecryptionError, EnvelopeFormatError, UnknownKeyError
from .padding import BUCKETS, pad, unpad

FIELD_VERSION = 1
ALG_AES256GCM = 1
HEADER_SIZE = 18
TAG_SIZE = 16
OVERHEAD = HEADER_SIZE + TAG_SIZE
#: Every length an envelope can have: 34 + a bucket.
ENVELOPE_LENGTHS: frozenset[int] = frozenset(OVERHEAD + b for b in BUCKETS)


@dataclass(frozen=True, slots=True)
class FieldContext:
    """Where a ciphertext belongs. ``row_id`` must be immutable: a UUID, never an editable value."""

    domain: str  # e.g. "case.identity"; versioned purpose of the field
    table: str
    column: str
    row_id: str
    key_id: int  # the data key's id/version; also stored in the envelope

    def __post_init__(self) -> None:
        for name in ("domain", "table", "column", "row_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise ValueError(f"FieldContext.{name} must be a non-empty string")
        if isinstance(self.key_id, bool) or not isinstance(self.key_id, int):
            raise TypeError("FieldContext.key_id must be an int")
        if not 0 <= self.key_id <= MAX_U32:
            raise ValueError("FieldContext.key_id must fit in 32 unsigned bits")

    def associated_data(self, header: bytes) -> bytes:
        """The AEAD associated data for this context and envelope header."""
        return encode_context(
            "safepassage/field/v1", self.domain, self.table, self.column, self.row_id, header
        )


def _cipher(data_key: bytes | bytearray) -> AESGCM:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    return AESGCM(bytes(data_key))


def envelope_key_id(envelope: bytes | bytearray | memoryview) -> int:
    """The key id an envelope names, after checking version, algorithm and length.

    Lets a caller pick the key to open it with, or count envelopes per key before retiring one.
    """
    if not isinstance(envelope, bytes | bytearray | memoryview):
        raise EnvelopeFormatError("envelope must be bytes")
    envelope = bytes(envelope)
    if len(envelope) not in ENVELOPE_LENGTHS:
        raise EnvelopeFormatError("envelope has an invalid length")
    if envelope[0] != FIELD_VERSION:
        raise EnvelopeFormatError("unknown envelope version")
    if envelope[1] != ALG_AES256GCM:
        raise EnvelopeFormatError("unknown envelope algorithm")
    return unpack_u32(envelope, 2)


def seal_field(data_key: bytes | bytearray, plaintext: bytes, context: FieldContext) -> bytes:
    """Pad and encrypt ``plaintext`` (at most 1 MiB - 1) for exactly this ``context``."""
    if not isinstance(plaintext, bytes):
        raise TypeError("plaintext must be bytes; use seal_text or seal_json")
    cipher = _cipher(data_key)
    header = (
        bytes([FIELD_VERSION, ALG_AES256GCM]) + pack_u32(context.key_id) + secrets.token_bytes(12)
    )
    body = cipher.encrypt(header[6:], pad(plaintext), context.associated_data(header))
    return header + body


def open_field(
    data_key: bytes | bytearray, envelope: bytes | bytearray | memoryview, context: FieldContext
) -> bytes:
    """Authenticate and decrypt, or raise. Never returns anything but the original plaintext."""
    key_id = envelope_key_id(envelope)
    envelope = bytes(envelope)
    if key_id != context.key_id:
        raise UnknownKeyError(f"envelope names key id {key_id}, context expects {context.key_id}")
    cipher = _cipher(data_key)
    header = bytes(envelope[:HEADER_SIZE])
    try:
        padded = cipher.decrypt(
            header[6:], bytes(envelope[HEADER_SIZE:]), context.associated_data(header)
        )
    except InvalidTag:
        raise DecryptionError("field does not decrypt in this context") from None
    return unpad(padded)


def seal_text(data_key: bytes | bytearray, text: str, context: FieldContext) -> bytes:
    """:func:`seal_field` for a ``str`` (UTF-8)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    return seal_field(data_key, text.encode("utf-8"), context)


def open_text(
    data_key: bytes | bytearray, envelope: bytes | bytearray | memoryview, context: FieldContext
) -> str:
    """Inverse of :func:`seal_text`."""
    data = open_field(data_key, envelope, context)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise EnvelopeFormatError("field is not UTF-8 text") from None


def canonical_json(value: object) -> bytes:
    """Sorted keys, no whitespace, UTF-8, no NaN: one byte string per JSON value."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def seal_json(data_key: bytes | bytearray, value: object, context: FieldContext) -> bytes:
    """:func:`seal_field` for a JSON value (keys are encrypted too)."""
    return seal_field(data_key, canonical_json(value), context)


def open_json(
    data_key: bytes | bytearray, envelope: bytes | bytearray | memoryview, context: FieldContext
) -> object:
    """Inverse of :func:`seal_json`."""
    data = open_field(data_key, envelope, context)
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise EnvelopeFormatError("field is not canonical JSON") from None


def seal_date(data_key: bytes | bytearray, value: datetime.date, context: FieldContext) -> bytes:
    """:func:`seal_field` for a date, as ISO 8601 ``YYYY-MM-DD``."""
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError("value must be a datetime.date")
    return seal_field(data_key, value.isoformat().encode("ascii"), context)


def open_date(
    data_key: bytes | bytearray, envelope: bytes | bytearray | memoryview, context: FieldContext
) -> datetime.date:
    """Inverse of :func:`seal_date`."""
    data = open_field(data_key, envelope, context)
    try:
        return datetime.date.fromisoformat(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise EnvelopeFormatError("field is not an ISO date") from None
