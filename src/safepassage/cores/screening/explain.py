"""A match's explanation as structured parts with stable message ids, for translation.

The screener's explanation is a JSON-ready dict (which name part met which, under which
convention, the birth-date outcome, what lowered the score). This module reads it into
small records whose ``*_id`` fields are stable identifiers (``role``, ``how``, ``outcome``,
``reason``) that an interface translates; names, dates and conventions are data and pass
through. Unknown ids pass through too, so a newer engine never breaks an older reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["ExplainedPart", "ExplainedPenalty", "Explanation", "explain"]


@dataclass(frozen=True, slots=True)
class ExplainedPart:
    """One name part of the query and the listed part it met."""

    query: str
    listed: str
    role_id: str  # surname, given, patronymic, unknown, initial
    how_id: str  # same_name, similar_spelling, given_name_equivalent, ...
    similarity: float
    query_convention: str = ""
    list_convention: str = ""


@dataclass(frozen=True, slots=True)
class ExplainedPenalty:
    reason_id: str  # e.g. "patronymics differ", "birth date conflict"
    query: str = ""
    listed: str = ""


@dataclass(frozen=True, slots=True)
class Explanation:
    algorithm: str
    list_name: str
    name_score: float
    parts: tuple[ExplainedPart, ...]
    penalties: tuple[ExplainedPenalty, ...]
    birth_outcome_id: str  # same, year_only, same_year_differs, conflict, unknown
    birth_query: str
    birth_listed: tuple[str, ...]
    nationality_query: str
    nationality_listed: tuple[str, ...]
    source: str


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _part(raw: Mapping[str, Any]) -> ExplainedPart:
    return ExplainedPart(
        query=_text(raw.get("query")),
        listed=_text(raw.get("list")),
        role_id=_text(raw.get("role")) or "unknown",
        how_id=_text(raw.get("how")),
        similarity=_number(raw.get("similarity")),
        query_convention=_text(raw.get("query_convention")),
        list_convention=_text(raw.get("list_convention")),
    )


def explain(explanation: Mapping[str, Any]) -> Explanation:
    """Read a Match's explanation (tolerating missing or odd fields) into parts."""
    birth = _mapping(explanation.get("birth_date"))
    nationality = _mapping(explanation.get("nationality"))
    parts = explanation.get("parts")
    penalties = explanation.get("penalties")
    return Explanation(
        algorithm=_text(explanation.get("algorithm")),
        list_name=_text(explanation.get("list_name")),
        name_score=_number(explanation.get("name_score")),
        parts=tuple(_part(_mapping(p)) for p in parts) if isinstance(parts, list) else (),
        penalties=tuple(
            ExplainedPenalty(
                _text(_mapping(p).get("reason")),
                _text(_mapping(p).get("query")),
                _text(_mapping(p).get("list")),
            )
            for p in penalties
        )
        if isinstance(penalties, list)
        else (),
        birth_outcome_id=_text(birth.get("outcome")) or "unknown",
        birth_query=_text(birth.get("query")),
        birth_listed=_strings(birth.get("list")),
        nationality_query=_text(nationality.get("query")),
        nationality_listed=_strings(nationality.get("list")),
        source=_text(explanation.get("source")),
    )
