"""The procedures core has a curated front door that explains the domain.

Imports and module size are checked for every core in tests/test_import_rules.py.
"""

from __future__ import annotations

import safepassage.cores.procedures as procedures


def test_public_names_resolve() -> None:
    """__all__ lists only names that exist, and the package docstring explains the domain."""
    for name in procedures.__all__:
        assert hasattr(procedures, name), name
    assert "jours francs" in (procedures.__doc__ or "")
