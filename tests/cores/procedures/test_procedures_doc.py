"""docs/procedures.md lists every rule, version, source and quote the data holds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _generated() -> str:
    spec = importlib.util.spec_from_file_location(
        "procedures_doc", ROOT / "scripts/procedures_doc.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.table())


def test_rule_section_matches_the_data() -> None:
    """§3 equals the generator's output: regenerate it when the data changes."""
    text = (ROOT / "docs/procedures.md").read_text(encoding="utf-8")
    begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
    section = text[text.index(begin) + len(begin) : text.index(end)]
    assert section == _generated()


def test_every_rule_id_is_documented() -> None:
    """A rule id missing from the document fails even if the generator changed."""
    from safepassage.cores.procedures import default_ruleset

    text = (ROOT / "docs/procedures.md").read_text(encoding="utf-8")
    for rule_id in default_ruleset().ids():
        assert f"`{rule_id}`" in text
