"""The crypto core's front door lists only what exists.

Imports (no Django, no ``random``, no ``pickle``, no SECRET_KEY) and module size are checked
for every core in tests/test_import_rules.py.
"""

from __future__ import annotations

import safepassage.cores.crypto as crypto


def test_public_names_resolve() -> None:
    """The curated __all__ lists only names that exist."""
    assert len(crypto.__all__) >= 10
    for name in crypto.__all__:
        assert hasattr(crypto, name), name
