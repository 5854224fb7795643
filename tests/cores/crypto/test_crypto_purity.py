"""The crypto core never sees Django or its SECRET_KEY."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import safepassage.cores.crypto as crypto

MODULES = sorted(Path(crypto.__file__).parent.glob("*.py"))
FORBIDDEN_IMPORTS = ("django", "random", "pickle")


def test_modules_found() -> None:
    """The scan looks at the real package."""
    assert len(MODULES) >= 10


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_secret_key_no_django(path: Path) -> None:
    """No module mentions SECRET_KEY or imports django, random or pickle."""
    source = path.read_text(encoding="utf-8")
    assert "SECRET_KEY" not in source
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN_IMPORTS, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_small_documented_modules(path: Path) -> None:
    """Every module has a docstring and stays under about 400 lines."""
    source = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(source))
    assert source.count("\n") < 400


def test_public_names_resolve() -> None:
    """The curated __all__ lists only names that exist."""
    for name in crypto.__all__:
        assert hasattr(crypto, name), name
