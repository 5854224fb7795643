"""``safepassage seal``: panic seal. Every process drops its keys within seconds."""

from __future__ import annotations

import argparse

from safepassage.commands import django_setup

HELP = "Panic seal: every server process drops its keys within seconds; sessions end."


def configure(parser: argparse.ArgumentParser) -> None:
    """No options: sealing must be quick to type under stress."""


def run(args: argparse.Namespace) -> int:
    django_setup()
    from safepassage.apps.audit.actions import record
    from safepassage.apps.vault import keystore
    from safepassage.apps.vault.control import seal_everywhere

    generation = seal_everywhere()
    keystore.drop()
    record("keys.seal", detail={"generation": generation})
    print(
        "Sealed. Every process drops its keys within a few seconds; all sessions ended. "
        "Unsealing needs the trustees' shares again (restart 'safepassage serve')."
    )
    return 0
