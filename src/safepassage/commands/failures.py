"""Turning any failure of an operator command into one line and an exit code.

An operator under stress should read what went wrong and what to do, not a traceback;
and a traceback or an exception's own message may quote data (a value the database
refused, a row's content), so neither is ever printed. Each known failure gets its own
specific sentence; anything else is named by its class only.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.apps import apps
from django.db import DatabaseError, IntegrityError, OperationalError, ProgrammingError

from safepassage.cores.crypto import CryptoError, SealedError, UnknownKeyError

FORGOTTEN_EPOCH = (
    "stored data is wrapped under a key epoch this keyring does not hold (forgotten by "
    "'keys rotate --forget-older', or from another server): it cannot be opened"
)


SEALED = "the keys were dropped (panic seal) while this command ran; it stopped"


def _vault_failure(error: BaseException) -> tuple[str, int] | None:
    """The vault's own errors; importable only once Django's apps are loaded."""
    from safepassage.apps.vault.keystore import ServerSealed, VaultError
    from safepassage.apps.vault.unseal import UnsealFailed

    if isinstance(error, UnsealFailed | VaultError):
        return str(error), 2  # written for operators, never holding data
    if isinstance(error, ServerSealed):
        return SEALED, 1
    return None


def explain(error: BaseException) -> tuple[str, int]:
    """The line to print for ``error`` (without a prefix) and the exit code."""
    vault = _vault_failure(error) if apps.ready else None
    if vault is not None:
        return vault
    if isinstance(error, SealedError):
        return SEALED, 1
    if isinstance(error, UnknownKeyError):
        return FORGOTTEN_EPOCH, 1
    if isinstance(error, CryptoError):
        return "stored data could not be opened: it was altered or belongs elsewhere", 1
    if isinstance(error, OperationalError | ProgrammingError):
        return (
            "the database could not be used: check DATABASE_URL and run 'safepassage migrate'",
            2,
        )
    if isinstance(error, IntegrityError | DatabaseError):
        return f"the database refused a change ({type(error).__name__}); nothing was saved", 1
    if isinstance(error, subprocess.CalledProcessError):
        tool = Path(str(error.cmd[0] if isinstance(error.cmd, list) else error.cmd)).name
        return f"{tool} failed with exit code {error.returncode}", 1
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        return f"cannot use{where}: {error.strerror or type(error).__name__}", 2
    if isinstance(error, KeyboardInterrupt):
        return "interrupted", 130
    return f"unexpected failure ({type(error).__name__}); its details are not printed", 1
