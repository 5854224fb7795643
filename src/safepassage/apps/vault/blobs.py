"""Document contents on disk: encrypted under the case key, under a random name."""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings

from safepassage.apps.vault.sealed import KeyOwner
from safepassage.cores.crypto import decrypt_stream, encode_context, encrypt_stream


class BlobOwner(Protocol):
    """A row whose file lives in a blob: a document of a case (or, later, an intake file)."""

    pk: Any
    blob_name: str

    def sealing_case(self) -> KeyOwner: ...


def blob_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "blobs"


def _path(name: str) -> Path:
    if len(name) != 32 or not all(c in "0123456789abcdef" for c in name):
        raise ValueError("not a blob name")
    return blob_root() / name[:2] / name


def _context(document: BlobOwner) -> bytes:
    return encode_context("safepassage.document.v1", str(document.pk))


def new_blob_name() -> str:
    return secrets.token_hex(16)


def write_blob(document: BlobOwner, source: IO[bytes]) -> int:
    """Encrypt ``source`` into the document's blob; returns the plaintext size."""
    key, key_id = document.sealing_case().data_key()
    path = _path(document.blob_name)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            size = encrypt_stream(key, source, handle, _context(document), key_id=key_id)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return size


def read_blob(document: BlobOwner) -> bytes:
    """The whole plaintext, released only after every chunk and the end were verified."""
    key, _ = document.sealing_case().data_key()
    out = io.BytesIO()
    with _path(document.blob_name).open("rb") as handle:
        decrypt_stream(key, handle, out, _context(document))
    return out.getvalue()


def delete_blob(name: str) -> None:
    _path(name).unlink(missing_ok=True)
