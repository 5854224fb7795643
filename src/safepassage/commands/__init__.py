"""Sub-commands of the ``safepassage`` command line.

Each sub-command is one module here with the same shape:

- ``HELP``: one line shown by ``safepassage --help``;
- ``configure(parser)``: adds the sub-command's arguments to an ``argparse`` parser;
- ``run(args) -> int``: does the work and returns the process exit code.

Commands that need the database call ``safepassage.commands.django_setup()`` first;
pure commands (``screen``, ``testimony``) never touch Django.
"""

from __future__ import annotations

import argparse
import os


def django_setup() -> None:
    """Configure Django for a command that needs models or settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.project.settings")
    import django

    django.setup()


def database_needs_migrating() -> bool:
    """True (after saying so, in one line) when migrations are missing: refuse to start."""
    import sys

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    print(
        "error: the database needs migrating first: run 'safepassage migrate' (after a backup)",
        file=sys.stderr,
    )
    return True


def add_share_arguments(parser: argparse.ArgumentParser) -> None:
    """The ways a command can receive unseal shares (never as a command-line value)."""
    parser.add_argument(
        "--share-file",
        action="append",
        default=[],
        metavar="PATH",
        help="file holding one trustee share (repeat for each share)",
    )
    parser.add_argument(
        "--share-fd",
        action="append",
        default=[],
        type=int,
        metavar="FD",
        help="open file descriptor to read shares from, one per line",
    )


def unseal_from_args(args: argparse.Namespace, *, prompt: bool = True) -> bool:
    """Unseal this process from the given shares, or by asking on the terminal.

    Returns False when no shares were offered (the caller decides whether that is fatal);
    raises ``UnsealFailed`` (one line for the operator, see ``cli.main``) when shares were
    offered but cannot be read or do not unseal.
    """
    import sys

    from safepassage.apps.vault.unseal import collect_shares, unseal_with

    shares = collect_shares(args.share_file, args.share_fd, prompt=prompt and sys.stdin.isatty())
    if not shares:
        return False
    try:
        unseal_with(shares)
    finally:
        shares.clear()
    return True
