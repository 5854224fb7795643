"""Procedure words in the reader's language, for pages and API alike.

The procedures core writes rule titles, event names and every line of a deadline's
working in English, French and Russian; this module hands it Django's active language
(set per request by LocaleMiddleware from the cookie or Accept-Language), so no page or
API response shows an internal id such as ``fr.dublin_appeal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import get_language

from safepassage.cores.procedures import (
    Step,
    describe_step,
    manner_label,
    rule_title,
    seat_label,
    track_label,
    trigger_label,
)

LABELLERS = {
    "trigger": trigger_label,
    "track": lambda code, lang: track_label("", code, lang),
    "court_seat": seat_label,
    "notified_by": manner_label,
    "rule": rule_title,
}


def label(kind: str, code: str) -> str:
    """A procedure code of ``kind`` ("trigger", "track", "court_seat", "notified_by",
    "rule") in the active language."""
    return str(LABELLERS[kind](code, get_language()))


def working(steps: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """A stored deadline's working (``Deadline.steps``), each line in the active language."""
    lang = get_language()
    lines = []
    for step in steps or []:
        params = {str(k): str(v) for k, v in (step.get("params") or {}).items()}
        stored = Step(str(step.get("code")), params, str(step.get("text", "")))
        lines.append(describe_step(stored, lang))
    return lines
