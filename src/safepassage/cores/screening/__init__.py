"""Screening core: cross-script name screening against watchlists.

Pure Python, no Django. Load persons from FollowTheMoney JSON lines, the
OpenSanctions "simple" CSV or a plain ``id,name,aliases,birth_date`` CSV
(UTF-8 or Windows-1251), index them, and screen names written in any script
or romanisation. Every match carries a score in [0, 1], a decision
(``match`` or ``possible``) and an explanation naming the algorithm
(:data:`ALGORITHM`), which part matched which, under which convention, and
what lowered the score. A match is an allegation for a person to review,
never a verdict.

>>> from safepassage.cores.screening import Query, Screener, WatchlistEntity, WatchlistIndex
>>> index = WatchlistIndex.build([
...     WatchlistEntity(id="X1", names=("Чувиляев Александр Петрович",)),
... ])
>>> [m.decision for m in Screener(index).screen(Query(id="q1", name="Sasha Czuwiliajew"))]
['match']
"""

from __future__ import annotations

from .dates import BirthDate, DateOutcome, compare_birth_dates, parse_birth_date
from .index import IndexStats, NameRecord, WatchlistIndex
from .model import Decision, LoadIssue, Match, Query, ScreenResult, WatchlistEntity
from .queries import QueryLoad, load_queries
from .rules import DEFAULT_RULES, RULE_VERSIONS, RULES, Rules, rules_for
from .scoring import ScoredName, Thresholds, score_name
from .screener import ALGORITHM, Screener
from .watchlists import LoadResult, load_watchlist, normalise_gender

__all__ = [
    "ALGORITHM",
    "DEFAULT_RULES",
    "RULES",
    "RULE_VERSIONS",
    "BirthDate",
    "DateOutcome",
    "Decision",
    "IndexStats",
    "LoadIssue",
    "LoadResult",
    "Match",
    "NameRecord",
    "Query",
    "QueryLoad",
    "Rules",
    "ScoredName",
    "ScreenResult",
    "Screener",
    "Thresholds",
    "WatchlistEntity",
    "WatchlistIndex",
    "compare_birth_dates",
    "load_queries",
    "load_watchlist",
    "normalise_gender",
    "parse_birth_date",
    "rules_for",
    "score_name",
]
