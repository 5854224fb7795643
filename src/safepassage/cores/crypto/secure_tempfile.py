"""A temporary file encrypted under an ephemeral in-memory key.

For uploads while they are processed (size and type checks, metadata
stripping): the plaintext never reaches the disk, and once the file is
closed the key is dropped, so the bytes left on disk, in swap-free tmpfs or
in a filesystem snapshot are noise. Same idea as SecureDrop's
``secure_tempfile.py``, built on this core's STREAM encryption.

Use: ``write()`` any number of times, then ``read()`` (writing ends at the
first read); ``seek(0)`` re-reads from the start. Not randomly seekable:
a library that needs ``seek``/``tell`` must get a copy in memory.
"""

from __future__ import annotations

import secrets
import tempfile
from types import TracebackType

from .errors import SealedError
from .stream import CIPHER_CHUNK_SIZE, StreamDecryptor, StreamEncryptor

_CONTEXT = b"safepassage/tempfile/v1"


class EncryptedTempFile:
    """Write, then read back, through an anonymous temporary file of ciphertext."""

    def __init__(self, dir: str | None = None) -> None:
        self._key: bytearray | None = bytearray(secrets.token_bytes(32))
        self._file = tempfile.TemporaryFile(dir=dir)  # noqa: SIM115 - closed in close()
        self._encryptor: StreamEncryptor | None = StreamEncryptor(self._key, _CONTEXT)
        self._file.write(self._encryptor.header)
        self._decryptor: StreamDecryptor | None = None
        self._plain = bytearray()
        self._eof = False
        self._size = 0

    @property
    def closed(self) -> bool:
        """True once closed; the key is gone."""
        return self._key is None

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise SealedError("temporary file is closed; its key is gone")
        return self._key

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return self._encryptor is not None

    def write(self, data: bytes) -> int:
        """Encrypt and append ``data``; only before the first read."""
        self._require_key()
        if self._encryptor is None:
            raise ValueError("cannot write after reading has started")
        self._file.write(self._encryptor.update(bytes(data)))
        self._size += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        """Only ``seek(0)``: finish writing if needed and rewind for reading."""
        if offset != 0 or whence != 0:
            raise ValueError("EncryptedTempFile only supports seek(0)")
        key = self._require_key()
        if self._encryptor is not None:
            self._file.write(self._encryptor.finalize())
            self._file.flush()
            self._encryptor = None
        self._file.seek(0)
        self._decryptor = StreamDecryptor(key, _CONTEXT)
        self._plain.clear()
        self._eof = False
        return 0

    def read(self, size: int = -1) -> bytes:
        """Read decrypted bytes; the first call ends writing and starts from the beginning."""
        self._require_key()
        if self._decryptor is None:
            self.seek(0)
        decryptor = self._decryptor
        if decryptor is None:  # pragma: no cover - seek(0) always sets it
            raise SealedError("temporary file is not readable")
        while not self._eof and (size < 0 or len(self._plain) < size):
            chunk = self._file.read(CIPHER_CHUNK_SIZE)
            if chunk:
                self._plain += decryptor.update(chunk)
            else:
                self._plain += decryptor.finalize()
                self._eof = True
        if size < 0:
            size = len(self._plain)
        out = bytes(self._plain[:size])
        del self._plain[:size]
        return out

    @property
    def size(self) -> int:
        """Plaintext bytes written."""
        return self._size

    def close(self) -> None:
        """Drop the key (zeroed, best effort) and delete the file. Idempotent."""
        if self._key is not None:
            self._key[:] = bytes(len(self._key))
            self._key = None
        self._encryptor = None
        self._decryptor = None
        self._plain[:] = bytes(len(self._plain))
        self._plain.clear()
        self._file.close()

    def __enter__(self) -> EncryptedTempFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<EncryptedTempFile size={self._size} closed={self.closed}>"
