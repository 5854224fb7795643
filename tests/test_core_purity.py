"""The pure cores import neither Django nor the Django side of SafePassage."""

from __future__ import annotations

import ast
from pathlib import Path

import safepassage

CORES = Path(safepassage.__file__).parent / "cores"
FORBIDDEN = ("django", "ninja", "safepassage.apps", "safepassage.project", "safepassage.commands")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_cores_do_not_import_django() -> None:
    offenders = [
        f"{path.relative_to(CORES)}: {name}"
        for path in CORES.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in {"django", "ninja"} or name.startswith(FORBIDDEN)
    ]
    assert offenders == []


def test_no_crypto_code_mentions_djangos_secret_key() -> None:
    for path in (CORES / "crypto").rglob("*.py"):
        assert "SECRET_KEY" not in path.read_text(encoding="utf-8"), path
