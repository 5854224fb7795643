"""Sub-commands of the ``safepassage`` command line.

Each sub-command is one module here with the same shape:

- ``HELP``: one line shown by ``safepassage --help``;
- ``configure(parser)``: adds the sub-command's arguments to an ``argparse`` parser;
- ``run(args) -> int``: does the work and returns the process exit code.

Commands that need the database call ``safepassage.commands.django_setup()`` first;
pure commands (``screen``, ``testimony``) never touch Django.
"""

from __future__ import annotations

import os


def django_setup() -> None:
    """Configure Django for a command that needs models or settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.project.settings")
    import django

    django.setup()
