"""``safepassage backup create|verify|restore``: encrypted archives of database and files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from safepassage.commands import add_share_arguments, django_setup, unseal_from_args

HELP = "Encrypted backups: 'backup create FILE', 'backup verify FILE', 'backup restore FILE'."


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    for name, text in (
        ("create", "Write an encrypted archive of the database and files."),
        ("verify", "Decrypt and check an archive completely, change nothing."),
        ("restore", "Verify an archive, then replace the database and files with it."),
    ):
        action = sub.add_parser(name, help=text)
        action.add_argument("archive", help="archive file")
        add_share_arguments(action)
        if name == "restore":
            action.add_argument(
                "--yes", action="store_true", help="confirm that the current data is to be replaced"
            )


def run(args: argparse.Namespace) -> int:
    django_setup()
    from safepassage.apps.audit.actions import record
    from safepassage.apps.vault.backup import BackupError, create_backup, verify_backup
    from safepassage.apps.vault.restoring import restore_recorded

    if not unseal_from_args(args):
        print(
            "error: backups need the server's keys: give the trustees' shares "
            "(--share-file or on the terminal)",
            file=sys.stderr,
        )
        return 2
    path = Path(args.archive)
    try:
        if args.backup_command == "create":
            summary = create_backup(path)
            record("backup.create", detail={"blobs": summary.blobs, "epoch": summary.epoch})
            print(f"Backup written: database and {summary.blobs} files, key epoch {summary.epoch}.")
        elif args.backup_command == "verify":
            manifest = verify_backup(path)
            print(f"Backup intact: made {manifest['created_at']}, {len(manifest['blobs'])} files.")
        else:
            if not args.yes:
                print(
                    "error: restore replaces the current database and files; add --yes",
                    file=sys.stderr,
                )
                return 2
            restored = restore_recorded(path)
            print(_restored_message(restored))
    except FileExistsError:
        print("error: the archive file already exists; choose another name", file=sys.stderr)
        return 2
    except FileNotFoundError:
        if args.backup_command == "create":
            print("error: cannot write the archive there (no such folder)", file=sys.stderr)
        else:
            print("error: no archive at that path", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write the archive there ({error.strerror})", file=sys.stderr)
        return 2
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _restored_message(restored: Any) -> str:
    made = restored.manifest["created_at"]
    rolled = f"; {restored.entries_rolled_back} later audit entries are gone from the trail"
    where = (
        f", restore record {restored.record_path}"
        if restored.record_path
        else "; SAFEPASSAGE_AUDIT_WITNESS_DIR is not set, so no restore record was written"
    )
    return f"Restored the backup made {made}{rolled}{where}."
