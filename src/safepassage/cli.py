"""The ``safepassage`` command line: our own sub-commands, then Django's.

``safepassage screen ...``, ``safepassage testimony ...`` and ``safepassage deadline ...``
run pure cores;
anything we do not define (``migrate``, ``shell``, ...) goes to Django's
management machinery, so one entry point serves operators and developers.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# name -> (module under safepassage.commands, one-line help). Modules are imported only
# when their command runs, so `safepassage --help` stays quick and light.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("serve", "Unseal with trustee shares, then serve the web application."),
    "demo": ("demo", "Migrate, load fictional demo data, print the demo logins and serve."),
    "createadmin": ("createadmin", "Create an organisation's coordinator; prints a setup link."),
    "audit": ("audit", "Audit trail tools: 'audit verify' checks the hash chain."),
    "keys": ("keys", "Key ceremony and rotation: 'keys init', 'keys rotate', 'keys status'."),
    "seal": ("seal", "Panic seal: every server process drops its keys within seconds."),
    "backup": ("backup", "Encrypted backups: 'backup create|verify|restore FILE'."),
    "cases": ("cases", "Cases in bulk: 'cases import FILE' (JSON lines or CSV), 'cases export'."),
    "worker": (
        "worker",
        "Background jobs: reminders, missed check-ins, risk flags; --loop to keep running.",
    ),
    "lists": (
        "lists",
        "Watchlists: 'lists import FILE --name NAME [--source URL] [--licence T]', 'lists show'.",
    ),
    "screen": ("screen", "Screen names against watchlists across scripts and spellings."),
    "testimony": ("testimony", "Check interviews for contradictions: 'testimony check FILE'."),
    "deadline": (
        "deadline",
        "Legal deadlines without a case: 'deadline compute --rule ID --event DATE', 'rules'.",
    ),
}

EPILOG = """Any other COMMAND is one of Django's management commands, for example
  safepassage migrate        apply database migrations
  safepassage check --deploy check production settings
  safepassage help           list every Django management command
Run 'safepassage COMMAND --help' for a command's options."""


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safepassage",
        description="SafePassage command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _command_parser(name: str) -> argparse.ArgumentParser:
    module = importlib.import_module(f"safepassage.commands.{COMMANDS[name][0]}")
    parser = argparse.ArgumentParser(prog=f"safepassage {name}", description=module.HELP)
    module.configure(parser)
    parser.set_defaults(handler=module.run)
    return parser


def _run_django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safepassage", *argv])
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (tests call it directly)."""
    from safepassage.project.env import ConfigurationError

    try:
        return _dispatch(argv)
    except ConfigurationError as error:
        print(f"safepassage: configuration error: {error}", file=sys.stderr)
        return 2


def _dispatch(argv: list[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] in {"-h", "--help"}:
        _top_parser().print_help()
        return 0
    name = args_list[0]
    if name not in COMMANDS:
        return _run_django(args_list)
    args = _command_parser(name).parse_args(args_list[1:])
    try:
        return int(args.handler(args))
    except (Exception, KeyboardInterrupt) as error:
        return _fail(name, error)


def _fail(name: str, error: BaseException) -> int:
    """One line and an exit code, never a traceback (see ``commands/failures.py``)."""
    from safepassage.project.env import ConfigurationError

    if isinstance(error, ConfigurationError):
        raise error
    from safepassage.commands.failures import explain

    message, code = explain(error)
    print(f"safepassage {name}: error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
