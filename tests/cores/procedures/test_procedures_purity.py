"""The procedures core stays pure, small and documented, with a curated front door."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import safepassage.cores.procedures as procedures

MODULES = sorted(Path(procedures.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_django_small_and_documented(path: Path) -> None:
    """No module imports Django; each has a docstring and stays under about 400 lines."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert ast.get_docstring(tree)
    assert source.count("\n") < 400
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            assert name.split(".")[0] not in {"django", "ninja"}, f"{path.name} imports {name}"


def test_public_names_resolve() -> None:
    """__all__ lists only names that exist, and the package docstring explains the domain."""
    for name in procedures.__all__:
        assert hasattr(procedures, name), name
    assert "jours francs" in (procedures.__doc__ or "")
