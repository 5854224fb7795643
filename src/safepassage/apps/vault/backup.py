"""Encrypted backups: the database and the encrypted blobs in one sealed archive.

The archive is a tar stream (manifest, database snapshot, blobs) encrypted with the
keyring's backup key for the current epoch in the STREAM construction, so any changed,
truncated or reordered byte is refused. The keyring state is *not* inside: it is backed
up apart, so an old archive cannot bring back epochs that have since been forgotten.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from safepassage.apps.vault import keystore
from safepassage.apps.vault.blobs import blob_root
from safepassage.cores.crypto import (
    CryptoError,
    EncryptedTempFile,
    Purpose,
    StreamEncryptor,
    decrypt_stream,
    encode_context,
    parse_stream_header,
)

FORMAT = "safepassage-backup/1"
CONTEXT = encode_context("safepassage.backup.v1")


class BackupError(RuntimeError):
    """The archive is unusable; the message says why (never its content).

    ``reason`` is a short identifier for the audit trail (``damaged``, ``epoch``, ...).
    """

    def __init__(self, message: str, reason: str = "damaged") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class BackupSummary:
    database: str
    blobs: int
    epoch: int


class _EncryptingWriter(io.RawIOBase):
    """A write-only file object that encrypts what tarfile writes into it."""

    def __init__(self, encryptor: StreamEncryptor, sink: IO[bytes]) -> None:
        self.encryptor, self.sink = encryptor, sink
        sink.write(encryptor.header)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.sink.write(self.encryptor.update(bytes(data)))
        return len(data)

    def finish(self) -> None:
        self.sink.write(self.encryptor.finalize())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _snapshot_database(workdir: Path) -> Path:
    """A consistent copy of the database in ``workdir`` (which lives under DATA_DIR)."""
    if connection.vendor == "sqlite":
        target = workdir / "database.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return target
    if connection.vendor == "postgresql":
        target = workdir / "database.sql"
        with target.open("wb") as handle:
            command = [_pg_tool("pg_dump"), "--no-owner", "--no-privileges", "--format=plain"]
            subprocess.run(command, stdout=handle, env=_pg_env(), check=True)  # noqa: S603
        return target
    raise BackupError(f"backups do not support the {connection.vendor} database")


def _pg_tool(name: str) -> str:
    """Absolute path of a PostgreSQL client tool, or a clear error."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is needed for PostgreSQL backups; install postgresql-client")
    return found


def _pg_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = dict(
        os.environ,
        PGDATABASE=str(db["NAME"]),
        PGUSER=str(db.get("USER") or ""),
        PGHOST=str(db.get("HOST") or ""),
        PGPORT=str(db.get("PORT") or ""),
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def create_backup(out_path: Path) -> BackupSummary:
    """Write an encrypted archive to ``out_path`` (refuses to overwrite).

    The archive file is created first, so an unwritable path fails before the database
    is copied; on any later error the partial file is removed.
    """
    ring = keystore.keyring()
    epoch = ring.current_epoch
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as sink:
            blobs = _write_archive(sink, ring.key_for(Purpose.BACKUP, epoch), epoch)
    except BaseException:
        out_path.unlink(missing_ok=True)
        raise
    return BackupSummary(blobs[0], blobs[1], epoch)


def _write_archive(sink: IO[bytes], key: bytes, epoch: int) -> tuple[str, int]:
    """Snapshot the database and stream it with the blobs, encrypted, into ``sink``."""
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".backup-") as tmp:
        database = _snapshot_database(Path(tmp))
        blobs = (
            sorted(p for p in blob_root().rglob("*") if p.is_file()) if blob_root().exists() else []
        )
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "vendor": connection.vendor,
            "database": {"name": database.name, "sha256": _sha256(database)},
            "blobs": [{"name": p.name, "sha256": _sha256(p)} for p in blobs],
        }
        writer = _EncryptingWriter(StreamEncryptor(key, CONTEXT, key_id=epoch), sink)
        with tarfile.open(fileobj=writer, mode="w|") as archive:
            body = json.dumps(manifest, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
            archive.add(database, arcname=database.name)
            for path in blobs:
                archive.add(path, arcname=f"blobs/{path.name}")
        writer.finish()
    return database.name, len(blobs)


def _decrypted(archive_path: Path) -> EncryptedTempFile:
    """Decrypt the whole archive into an encrypted temporary file; raises on any tampering."""
    ring = keystore.keyring()
    with archive_path.open("rb") as source:
        try:
            header = parse_stream_header(source.read(64))
            source.seek(0)
            key = ring.key_for(Purpose.BACKUP, header.key_id)
        except CryptoError:
            raise BackupError(
                "this archive was made under a key epoch this server no longer "
                "holds, or it is not a SafePassage backup",
                reason="epoch",
            ) from None
        plain = EncryptedTempFile(dir=str(settings.DATA_DIR))
        try:
            decrypt_stream(key, source, plain, CONTEXT)
        except CryptoError:
            plain.close()
            raise BackupError(
                "the archive was altered, truncated or damaged; nothing was restored"
            ) from None
    plain.seek(0)
    return plain


def _check_members(archive_path: Path, extract_to: Path | None) -> dict[str, Any]:
    plain = _decrypted(archive_path)
    try:
        # typeshed asks every tarfile file object for tell(); a stream ("r|") only reads,
        # and EncryptedTempFile deliberately has no tell() (it is not randomly seekable).
        with tarfile.open(fileobj=plain, mode="r|") as archive:  # type: ignore[call-overload]
            manifest: dict[str, Any] | None = None
            seen: dict[str, str] = {}
            for member in archive:
                if not member.isfile() or member.name.startswith("/") or ".." in member.name:
                    raise BackupError("the archive holds an unexpected entry")
                handle = archive.extractfile(member)
                data = handle.read() if handle else b""
                if member.name == "manifest.json":
                    manifest = json.loads(data)
                    continue
                seen[member.name] = hashlib.sha256(data).hexdigest()
                if extract_to is not None:
                    target = extract_to / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
    finally:
        plain.close()
    if manifest is None or manifest.get("format") != FORMAT:
        raise BackupError("the archive has no SafePassage manifest")
    expected = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    expected |= {f"blobs/{b['name']}": b["sha256"] for b in manifest["blobs"]}
    if expected != seen:
        raise BackupError("the archive's contents do not match its manifest")
    return manifest


def verify_backup(archive_path: Path) -> dict[str, Any]:
    return _check_members(archive_path, None)


def restore_backup(archive_path: Path) -> dict[str, Any]:
    """Verify fully, then replace the database and blobs. Nothing changes on any error."""
    data_dir = Path(settings.DATA_DIR)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as tmp:
        staging = Path(tmp)
        manifest = _check_members(archive_path, staging)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"this archive is of a {manifest['vendor']} database", reason="vendor"
            )
        _restore_database(staging / manifest["database"]["name"])
        if blob_root().exists():
            shutil.rmtree(blob_root())
        if (staging / "blobs").exists():
            blob_root().mkdir(parents=True, exist_ok=True)
            for path in (staging / "blobs").iterdir():
                target = blob_root() / path.name[:2] / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, target)
    return manifest


def _restore_database(snapshot: Path) -> None:
    connection.close()
    if connection.vendor == "sqlite":
        name = Path(settings.DATABASES["default"]["NAME"])
        source = sqlite3.connect(snapshot)
        target = sqlite3.connect(name)
        with target:
            source.backup(target)
        source.close()
        target.close()
        return
    reset = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
    psql = [_pg_tool("psql"), "--quiet", "--set=ON_ERROR_STOP=1"]
    for extra in (["-c", reset], ["-f", str(snapshot)]):
        command = [*psql, *extra]
        subprocess.run(command, env=_pg_env(), check=True, stdout=subprocess.DEVNULL)  # noqa: S603
