"""Collecting shares from files, file descriptors or the terminal, and unsealing with them.

Shares are read, used and dropped: never logged, never written anywhere, never echoed.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Sequence

from safepassage.apps.audit.actions import record
from safepassage.apps.vault import keystore
from safepassage.cores.crypto import (
    DecryptionError,
    InconsistentSharesError,
    Keyring,
    NotEnoughSharesError,
    ShareChecksumError,
    parse_share,
)


class UnsealFailed(RuntimeError):
    """Shares could not open the keyring; the message says why, without share content."""


def _read_fd(fd: int) -> list[str]:
    with os.fdopen(fd, "r", encoding="ascii", closefd=True) as handle:
        return [line.strip() for line in handle if line.strip()]


def _read_file(path: str) -> list[str]:
    try:
        with open(path, encoding="ascii") as handle:
            return [line.strip() for line in handle if line.strip()]
    except (OSError, UnicodeDecodeError):
        raise UnsealFailed(f"cannot read the share file given as share {path!r}") from None


def collect_shares(files: Sequence[str], fds: Sequence[int], *, prompt: bool) -> list[str]:
    shares: list[str] = []
    for path in files:
        shares.extend(_read_file(path))
    for fd in fds:
        shares.extend(_read_fd(fd))
    if not shares and prompt:
        shares = _prompt_for_shares()
    return shares


def _prompt_for_shares() -> list[str]:
    """Ask each trustee in turn; a mistyped share is reported at once and asked again."""
    shares: list[str] = []
    needed: int | None = None
    while needed is None or len(shares) < needed:
        text = getpass.getpass(f"Trustee share {len(shares) + 1} (empty line: stay sealed): ")
        if not text.strip():
            return []
        try:
            share = parse_share(text, position=len(shares) + 1)
        except ShareChecksumError:
            print(
                "That share has a typing mistake (its checksum does not match). Try again.",
                file=sys.stderr,
            )
            continue
        needed = share.threshold
        shares.append(text)
    return shares


def unseal_with(shares: Sequence[str]) -> Keyring:
    """Open the keyring and install it in this process."""
    try:
        ring = keystore.open_with_shares(shares)
    except ShareChecksumError as error:
        raise UnsealFailed(
            f"share {error.position} has a typing mistake; ask its trustee to read it again"
        ) from None
    except NotEnoughSharesError:
        raise UnsealFailed("not enough shares: the server stays sealed") from None
    except InconsistentSharesError:
        raise UnsealFailed("the shares come from different key ceremonies") from None
    except DecryptionError:
        raise UnsealFailed("these shares do not open this server's keyring state") from None
    keystore.install(ring)
    record("keys.unseal", detail={"shares": len(shares)})
    return ring
