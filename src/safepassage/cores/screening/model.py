"""The data screening works on: listed persons, queries, matches and load problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .dates import BirthDate

__all__ = ["Decision", "LoadIssue", "Match", "Query", "ScreenResult", "WatchlistEntity"]

Decision = Literal["match", "possible"]


@dataclass(frozen=True, slots=True)
class WatchlistEntity:
    """One listed person: every name the list gives, birth dates, gender, nationality."""

    id: str
    names: tuple[str, ...]
    birth_dates: tuple[BirthDate, ...] = ()
    gender: str | None = None
    nationalities: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Query:
    """A name to screen (a case's person), with optional birth date, gender, nationality."""

    id: str
    name: str
    birth_date: BirthDate | None = None
    gender: str | None = None
    nationality: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A listed person a query may be: score in [0, 1], decision and its reasons."""

    entity_id: str
    score: float
    decision: Decision
    explanation: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "score": self.score,
            "decision": self.decision,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """One query's answer: the persons listed, best first, and what was left out.

    ``total`` persons reached 'possible' or better; ``more`` of them fit but are not
    listed because of the limit; ``namesakes`` fit but no birth date can tell them
    apart (missing on one side), so they are counted instead of listed
    (``namesake_ids`` names them, for a reviewer who asks to see them all).
    """

    matches: list[Match]
    total: int
    more: int = 0
    namesakes: int = 0
    namesake_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadIssue:
    """A line that could not be (fully) read. Never carries the line's content."""

    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"
