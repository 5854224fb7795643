"""Helpers the rules share: evidence lists and one-line messages."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Claim, Evidence


def evidence(claims: Iterable[Claim]) -> list[Evidence]:
    """One evidence entry per distinct (source, value), first quote kept."""
    seen: set[tuple[str, str]] = set()
    out: list[Evidence] = []
    for c in claims:
        value = c.date.label if c.kind == "event" and c.date is not None else c.value
        if (c.interview, value) in seen:
            continue
        seen.add((c.interview, value))
        out.append(Evidence(c.interview, value, c.quote, c.span))
    return out


def says(items: Iterable[Evidence]) -> str:
    """``i1 says 41278; i2 says 35956`` — grouped by source, for a one-line message."""
    by_source: dict[str, list[str]] = {}
    for e in items:
        by_source.setdefault(e.interview, []).append(e.value)
    return "; ".join(f"{src} says {' / '.join(vals)}" for src, vals in by_source.items())
