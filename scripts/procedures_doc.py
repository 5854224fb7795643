"""Print the rule table of docs/procedures.md §3 from the shipped rule data.

    .venv/bin/python scripts/procedures_doc.py > /tmp/table.md

``tests/cores/procedures/test_procedures_doc.py`` fails when the document's table differs
from this output, so the document can never list a rule, version or source the data does
not have (or miss one it has).
"""

from __future__ import annotations

from safepassage.cores.procedures import Rule, Track, default_ruleset, rule_title
from safepassage.cores.procedures.i18n.dates import span


def _mark(part: Rule | Track) -> str:
    return "✔ text read" if part.text_verified else "⚠ unverified"


def _period(part: Rule | Track) -> str:
    return f"{span(part.length, part.unit.value)} ({part.counting.value})"


def _version(rule: Rule) -> list[str]:
    end = rule.effective_to.isoformat() if rule.effective_to else "…"
    regime = " · EU Pact" if rule.regime == "pact" else ""
    counting = "✔" if rule.counting_verified else "⚠"
    weekend = "✔" if rule.non_working_verified else "⚠"
    head = (
        f"- **{rule.effective_from} → {end}**{regime}: {_period(rule)}, weekends "
        f"{rule.non_working.value}; {_mark(rule)}; convention checks: counting "
        f"{counting}, weekend {weekend}"
    )
    lines = [head, f"  - Basis: {rule.legal_basis}"]
    lines += [f"  - Source: <{url}>" for url in rule.sources]
    if rule.quote:
        lines.append(f"  - Quote: «{rule.quote}»")
    for track in rule.tracks:
        default = " (default)" if track.name == rule.default_track else ""
        lines.append(
            f"  - Track `{track.name}`{default}: {_period(track)}; {_mark(track)}; "
            f"{track.legal_basis}" + (f"; «{track.quote}»" if track.quote else "")
        )
    if rule.note:
        lines.append(f"  - Note: {rule.note}")
    return lines


def table() -> str:
    """The markdown of §3: every rule, every version, its sources and quote."""
    rules = default_ruleset()
    lines: list[str] = []
    for rule_id in rules.ids():
        versions = rules.versions(rule_id)
        first = versions[0]
        lines.append(f"#### `{rule_id}` — {rule_title(rule_id)}")
        lines.append("")
        lines.append(f"Event `{first.trigger}`; binds: {first.kind.value}; stage {first.stage}.")
        lines.append("")
        for version in versions:
            lines += _version(version)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(table(), end="")
