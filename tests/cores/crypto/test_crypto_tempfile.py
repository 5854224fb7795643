"""Encrypted temporary files for uploads in processing."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import EncryptedTempFile, SealedError

CANARY = b"CANARY-Chuvilyaev-Almaty-+7-701-555-0199"


@given(st.lists(st.binary(max_size=3000), max_size=5))
def test_round_trip(pieces: list[bytes]) -> None:
    """What was written is read back, whole."""
    with EncryptedTempFile() as tmp:
        for piece in pieces:
            assert tmp.write(piece) == len(piece)
        assert tmp.read() == b"".join(pieces)
        assert tmp.size == sum(map(len, pieces))


def test_large_file_in_small_reads_and_rewind() -> None:
    """Multi-chunk content reads back in small pieces, and again after seek(0)."""
    data = random.Random(2).randbytes(200_000)
    with EncryptedTempFile() as tmp:
        tmp.write(data[:1000])
        tmp.write(data[1000:])
        got = bytearray()
        while piece := tmp.read(7777):
            got += piece
        assert bytes(got) == data
        assert tmp.read() == b""
        tmp.seek(0)
        assert tmp.read() == data


def test_disk_holds_no_plaintext() -> None:
    """The bytes on disk never contain the plaintext."""
    with EncryptedTempFile() as tmp:
        tmp.write(CANARY * 3000)
        tmp.seek(0)
        raw_file = tmp._file
        raw_file.seek(0)
        raw = raw_file.read()
        assert CANARY not in raw
        assert len(raw) > len(CANARY) * 3000
        tmp.seek(0)
        assert tmp.read() == CANARY * 3000


def test_close_drops_the_key() -> None:
    """After close the key is zeroed and every use raises SealedError."""
    tmp = EncryptedTempFile()
    tmp.write(CANARY)
    key = tmp._key
    tmp.close()
    tmp.close()
    assert key is not None
    assert not any(key)
    assert tmp.closed
    with pytest.raises(SealedError):
        tmp.read()
    with pytest.raises(SealedError):
        tmp.write(b"more")


def test_no_writes_after_reading() -> None:
    """Writing ends at the first read; the stream is finalised exactly once."""
    with EncryptedTempFile() as tmp:
        tmp.write(b"abc")
        assert tmp.read(1) == b"a"
        assert not tmp.writable()
        with pytest.raises(ValueError, match="after reading"):
            tmp.write(b"d")
        assert tmp.read() == b"bc"


def test_only_rewind_is_supported() -> None:
    """Random access would need the whole plaintext; it is refused."""
    with EncryptedTempFile() as tmp, pytest.raises(ValueError, match="seek"):
        tmp.seek(5)


def test_repr_shows_no_content() -> None:
    """repr reveals only size and state."""
    with EncryptedTempFile() as tmp:
        tmp.write(CANARY)
        assert "CANARY" not in repr(tmp)
