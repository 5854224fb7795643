"""Helpers the case registry needs around computed deadlines."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from .model import DeadlineResult, DeadlineState, Rule
from .rules import RuleSet, default_ruleset

K = TypeVar("K")


def rules_for(key: str, *, on: date | None = None, ruleset: RuleSet | None = None) -> list[Rule]:
    """The rule versions in force on ``on`` (default today, UTC) for a country code
    ("FR", "DE") or a pathway key ("fr_asylum_visa", "de_asylum", "de_section_22" ...),
    sorted by lifecycle stage then id. A pathway with no statutory deadlines (e.g.
    "de_section_22") gives an empty list; an unknown key raises ``KeyError``."""
    rules = ruleset or default_ruleset()
    return rules.rules_for(key, on or datetime.now(UTC).date())


def upcoming(
    deadlines: Iterable[tuple[K, DeadlineResult]],
    today: date,
    horizon_days: int,
    *,
    include_overdue: bool = True,
    include_suspended: bool = False,
) -> list[tuple[K, DeadlineResult]]:
    """Deadlines whose ``act_by`` date falls within ``horizon_days`` of ``today``.

    Each item is ``(key, result)``, the key being whatever the caller needs back (a
    case id, a model instance). Sorted most urgent first: by ``act_by``, then by rule
    id. Deadlines already passed are kept (first) unless ``include_overdue=False``;
    suspended ones, which have no date, are appended last only with
    ``include_suspended=True``. Removing deadlines already met is the caller's job.
    """
    if horizon_days < 0:
        raise ValueError("horizon_days must not be negative")
    limit = today + timedelta(days=horizon_days)
    dated: list[tuple[K, DeadlineResult]] = []
    suspended: list[tuple[K, DeadlineResult]] = []
    for key, result in deadlines:
        act_by = result.act_by
        if result.state is DeadlineState.SUSPENDED and act_by is None:
            if include_suspended:
                suspended.append((key, result))
        elif act_by is not None and act_by <= limit and (include_overdue or act_by >= today):
            dated.append((key, result))
    dated.sort(key=lambda item: (item[1].act_by or today, item[1].rule_id))
    suspended.sort(key=lambda item: (item[1].trigger_date, item[1].rule_id))
    return dated + suspended
