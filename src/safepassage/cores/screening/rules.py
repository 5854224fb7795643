"""Versioned screening rules: every verdict names the rule version that produced it.

A version is frozen once released; a change that could alter a verdict is a new
version, and the old one stays selectable (``Screener(index, rules="sp-translit-v1")``)
so that remembered decisions can be re-checked under the rules they were made with.

sp-translit-v1
    Name evidence (weighted token agreement across scripts and conventions),
    birth date and gender adjustments; every person at or above ``possible`` is
    listed, up to the limit.
sp-translit-v2
    v1's name evidence, plus what makes a flag worth a reviewer's time in big lists:

    * a patronymic given by one of a person's names holds for all of them (a list that
      writes "Ivanov Sergei" beside "Иванов Сергей Петрович" has told us the father);
    * a full birth date that differs in month or day weighs like a year conflict in v1
      (-0.35 instead of -0.12): a possible at best, for a perfect name agreement;
    * a birth-year conflict (both sides give a full date or year and the years differ)
      removes the person: namesakes born in other years are not the person;
    * weak evidence is flagged only with a birth date that agrees, and never as a
      ``match``: a surname that matched only approximately when the list holds the
      query's surname as written (Popkov is another family than Popov, not a typo),
      or the surname alone (no given name, nor its initial, agrees) when more than
      three listed names hold it (rarity: "President Putin" stays a lead, "Ivanov" alone
      is none);
    * persons no birth date can tell apart (the date missing on one side), when more
      than three fit or when the query's full name (surname and given name) is common
      on the list (more than three listed persons hold it, whatever their dates), are
      reported as a count, ``namesakes``, instead of as a list nobody can act on but by
      asking for a birth date: a common full name without a date is a count of
      namesakes, not 25 identical matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .dates import DateOutcome

__all__ = ["DEFAULT_RULES", "RULES", "RULE_VERSIONS", "Rules", "rules_for"]


def _frozen(values: dict[DateOutcome, float]) -> Mapping[DateOutcome, float]:
    return MappingProxyType(values)


V1_DATES = _frozen(
    {
        "same": 0.05,
        "year_only": 0.02,
        "same_year_differs": -0.12,
        "conflict": -0.35,
        "unknown": 0.0,
    }
)


@dataclass(frozen=True, slots=True)
class Rules:
    """The parameters of one rule version."""

    version: str
    date_adjustments: Mapping[DateOutcome, float] = field(default_factory=lambda: V1_DATES)
    # v2: a patronymic one of an entity's names gives holds for all its names.
    entity_patronymic: bool = False
    # v2: drop persons whose birth year conflicts with the query's.
    drop_year_conflicts: bool = False
    # v2: weak evidence (approximate surname, surname-only agreement) needs an agreeing date.
    weak_needs_date: bool = False
    # v2: a surname held by more listed names than this is common: agreement on it alone
    # is weak evidence.
    common_surname_holders: int = 3
    # v2: persons without a comparable birth date are counted as namesakes, not listed,
    # when more of them than this fit (0: never) ...
    namesakes_listed: int = 0
    # ... or when more listed persons than this hold the query's surname and given name
    # (the rarity of the full name; 0: not considered).
    common_name_holders: int = 0


RULES: dict[str, Rules] = {
    "sp-translit-v1": Rules("sp-translit-v1"),
    "sp-translit-v2": Rules(
        "sp-translit-v2",
        date_adjustments=_frozen(
            {
                "same": 0.08,
                "year_only": 0.02,
                "same_year_differs": -0.35,
                "conflict": -0.5,
                "unknown": 0.0,
            }
        ),
        entity_patronymic=True,
        drop_year_conflicts=True,
        weak_needs_date=True,
        namesakes_listed=3,
        common_name_holders=3,
    ),
}
RULE_VERSIONS = tuple(RULES)
DEFAULT_RULES = "sp-translit-v2"


def rules_for(version: str | Rules) -> Rules:
    """The rules of a version name; ValueError naming the known versions otherwise."""
    if isinstance(version, Rules):
        return version
    found = RULES.get(version)
    if found is None:
        raise ValueError(f"unknown rule version; known: {', '.join(RULE_VERSIONS)}")
    return found
