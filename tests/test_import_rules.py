"""The import rules that keep SafePassage one-way: pure cores, layered apps, no cycles.

Every import counts: absolute or relative, at module level or inside a function, and a
string handed to ``importlib.import_module``. Model relations written as strings
(``"cases.Case"``) count too, since they tie the tables together just as an import would.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

import safepassage

SRC = Path(safepassage.__file__).parent
APPS_DIR = SRC / "apps"
CORES_DIR = SRC / "cores"

# Bottom to top. An app may import only apps on a lower layer (never its peers):
# platform (jobs .. access), domain (cases, safety, ...), interfaces (shell, api).
LAYERS: dict[str, int] = {
    "jobs": 0,
    "audit": 1,
    "accounts": 2,
    "vault": 3,
    "access": 4,
    "cases": 5,
    "safety": 6,
    "vetting": 7,
    "linkage": 7,
    "shell": 10,
    "api": 10,
}
TOP_LEVEL = ("safepassage.cli", "safepassage.commands", "safepassage.project", "safepassage.demo")
NOT_IN_CORES = ("django", "ninja", "pydantic", "psycopg")
NOT_IN_CRYPTO = ("random", "pickle")
DYNAMIC_IMPORTERS = {"import_module", "__import__", "import_string"}
RELATIONS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module, dotted and absolute
    line: int
    in_function: str | None  # the enclosing function's name, if any

    def where(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(dotted: str) -> bool:
    """Whether a dotted name inside safepassage is a module or package on disk."""
    path = SRC.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


class _Collector(ast.NodeVisitor):
    def __init__(self, path: Path, root: Path) -> None:
        self.source = module_name(path, root)
        self.package = self.source if path.name == "__init__.py" else self.source.rpartition(".")[0]
        self.functions: list[str] = []
        self.found: list[Import] = []

    def _add(self, target: str, node: ast.AST) -> None:
        function = self.functions[-1] if self.functions else None
        self.found.append(Import(self.source, target, getattr(node, "lineno", 0), function))

    def _within(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        self.functions.append(getattr(node, "name", "<lambda>"))
        self.generic_visit(node)
        self.functions.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _within

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - (node.level - 1)]
            module = ".".join([*base, node.module] if node.module else base)
        else:
            module = node.module or ""
        for alias in node.names:
            submodule = f"{module}.{alias.name}"
            inside = submodule.startswith("safepassage.")
            self._add(submodule if inside and is_module(submodule) else module, node)

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            if name in DYNAMIC_IMPORTERS:
                self._add(first.value, node)
            elif name in RELATIONS and "." in first.value:
                label = first.value.split(".")[0]
                self._add(f"safepassage.apps.{label}.models", node)
        self.generic_visit(node)


def imports_in(folder: Path, root: Path = SRC.parent) -> list[Import]:
    found: list[Import] = []
    for path in sorted(folder.rglob("*.py")):
        collector = _Collector(path, root)
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found.extend(collector.found)
    return found


def app_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    return parts[2] if parts[:2] == ["safepassage", "apps"] and len(parts) > 2 else None


def is_migration(dotted: str) -> bool:
    return ".migrations." in f"{dotted}."


def _in_ready(item: Import) -> bool:
    """AppConfig.ready runs after every app is loaded: the one place for late imports."""
    return item.source.endswith(".apps") and item.in_function == "ready"


APP_IMPORTS = imports_in(APPS_DIR)
CORE_IMPORTS = imports_in(CORES_DIR)


def layer_violations(imports: list[Import]) -> list[str]:
    problems = []
    for item in imports:
        source_app, target_app = app_of(item.source), app_of(item.target)
        if source_app is None or target_app is None or source_app == target_app:
            continue
        if LAYERS[target_app] >= LAYERS[source_app]:
            problems.append(f"{item.where()}: {target_app} is not below {source_app}")
    return problems


def cycles(imports: list[Import]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for item in imports:
        if item.target.startswith("safepassage.") and not _in_ready(item):
            graph[item.source].add(item.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_the_scan_sees_the_real_code() -> None:
    """Guards the guard: an empty scan would pass every rule below."""
    assert len(APP_IMPORTS) > 500
    assert len(CORE_IMPORTS) > 100
    assert any(item.target == "safepassage.apps.cases.models" for item in APP_IMPORTS)


def test_every_app_has_a_layer() -> None:
    apps = {path.parent.name for path in APPS_DIR.glob("*/apps.py")}
    assert apps == set(LAYERS), "add the new app to LAYERS (and to INSTALLED_APPS in that order)"


def test_installed_apps_follow_the_layers() -> None:
    ours = [app_of(name) for name in settings.INSTALLED_APPS if app_of(name)]
    assert ours == sorted(ours, key=lambda app: LAYERS[str(app)])
    assert set(ours) == set(LAYERS)


def test_apps_import_only_lower_layers() -> None:
    assert layer_violations(APP_IMPORTS) == []


def test_apps_never_import_the_command_line_or_project() -> None:
    offenders = [item.where() for item in APP_IMPORTS if item.target.startswith(TOP_LEVEL)]
    assert offenders == []


def test_no_import_hidden_in_a_function() -> None:
    """A function-level import is how a cycle hides; only AppConfig.ready may import late."""
    offenders = [
        item.where()
        for item in APP_IMPORTS
        if item.in_function and item.target.startswith("safepassage.") and not _in_ready(item)
    ]
    assert offenders == []


def test_migrations_import_no_app_code() -> None:
    """A migration that imports app code breaks when that code changes later."""
    offenders = [
        item.where()
        for item in APP_IMPORTS
        if is_migration(item.source) and item.target.startswith("safepassage")
    ]
    assert offenders == []


def test_no_import_cycles_between_modules() -> None:
    assert cycles(APP_IMPORTS + CORE_IMPORTS) == []


def test_cores_import_only_cores_and_libraries() -> None:
    offenders = [
        item.where()
        for item in CORE_IMPORTS
        if item.target.split(".")[0] in NOT_IN_CORES
        or (
            item.target.startswith("safepassage")
            and not item.target.startswith("safepassage.cores")
        )
    ]
    assert offenders == []


def test_crypto_core_uses_no_weak_randomness_or_pickle_nor_djangos_key() -> None:
    crypto = [item for item in CORE_IMPORTS if item.source.startswith("safepassage.cores.crypto")]
    assert [item.where() for item in crypto if item.target.split(".")[0] in NOT_IN_CRYPTO] == []
    for path in (CORES_DIR / "crypto").rglob("*.py"):
        assert "SECRET_KEY" not in path.read_text(encoding="utf-8"), path


CORE_MODULES = sorted(CORES_DIR.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: str(p.relative_to(CORES_DIR)))
def test_core_modules_are_small_and_documented(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(source)), "each module says why it exists"
    assert source.count("\n") < 400, "split modules before about 400 lines"


def test_planted_violations_are_caught(tmp_path: Path) -> None:
    """Each rule fails on the kind of import it exists to catch."""
    upward = Import("safepassage.apps.vault.x", "safepassage.apps.cases.models", 1, None)
    peer = Import("safepassage.apps.api.x", "safepassage.apps.shell.views", 1, None)
    assert len(layer_violations([upward, peer])) == 2
    loop = [
        Import("safepassage.apps.cases.a", "safepassage.apps.cases.b", 1, None),
        Import("safepassage.apps.cases.b", "safepassage.apps.cases.a", 1, "late"),
    ]
    assert cycles(loop) == [["safepassage.apps.cases.a", "safepassage.apps.cases.b"]]
    planted = tmp_path / "safepassage" / "cores" / "procedures" / "planted.py"
    planted.parent.mkdir(parents=True)
    planted.write_text(
        "def f():\n    from ...apps.cases import models\n"
        '    import importlib\n    importlib.import_module("django.db")\n'
        "    return models\n",
        encoding="utf-8",
    )
    found = imports_in(tmp_path, root=tmp_path)
    assert {item.target for item in found} >= {"safepassage.apps.cases.models", "django.db"}
    assert all(item.in_function == "f" for item in found)
