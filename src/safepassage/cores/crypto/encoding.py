"""Canonical, unambiguous encoding of associated data and key-derivation info.

Each part is tagged with its type and prefixed with its length, so
``("ab", "c")`` and ``("a", "bc")`` encode differently, as do ``"1"`` and ``1``.
Changing this encoding changes every derived key and every associated data:
it is frozen by known-answer tests.
"""

from __future__ import annotations

import struct

_U32 = struct.Struct(">I")
MAX_U32 = 0xFFFFFFFF

ContextPart = str | bytes | int


def encode_context(*parts: ContextPart) -> bytes:
    """Encode ``parts`` as ``count || (tag || u32 length || data)*``.

    Tags: ``b`` bytes, ``s`` UTF-8 text, ``i`` unsigned integer (8 bytes, big-endian).
    """
    out = bytearray(_U32.pack(len(parts)))
    for part in parts:
        if isinstance(part, bool):
            raise TypeError("booleans are not context parts; use an explicit string")
        if isinstance(part, bytes):
            tag, data = b"b", part
        elif isinstance(part, str):
            tag, data = b"s", part.encode("utf-8")
        elif isinstance(part, int):
            if not 0 <= part < 2**64:
                raise ValueError("integer context parts must fit in 64 unsigned bits")
            tag, data = b"i", part.to_bytes(8, "big")
        else:
            raise TypeError("context parts are str, bytes or int")
        out += tag
        out += _U32.pack(len(data))
        out += data
    return bytes(out)


def pack_u32(value: int) -> bytes:
    """Big-endian unsigned 32-bit; raises ``ValueError`` out of range."""
    if not 0 <= value <= MAX_U32:
        raise ValueError("value must fit in 32 unsigned bits")
    return _U32.pack(value)


def unpack_u32(data: bytes | bytearray, offset: int = 0) -> int:
    """Inverse of :func:`pack_u32`; the caller checks lengths first."""
    value: int = _U32.unpack_from(data, offset)[0]
    return value
