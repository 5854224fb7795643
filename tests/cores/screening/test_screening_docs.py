"""The examples in docs/screening.md run as written."""

from __future__ import annotations

import doctest
from pathlib import Path

import safepassage.cores.screening as screening

DOC = Path(__file__).resolve().parents[3] / "docs" / "screening.md"


def test_documentation_examples() -> None:
    result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= 6


def test_package_docstring_examples() -> None:
    assert doctest.testmod(screening).failed == 0
