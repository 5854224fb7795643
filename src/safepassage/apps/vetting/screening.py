"""Screening cases in the worker: the index it holds, full screens and incremental rescreens.

Only the worker imports this module's index. It builds one ``WatchlistIndex`` over every
current list version and keeps it while the set of current versions stays the same; a web
process never builds it (its memory does not grow with list size). Entity ids in the index
are ``"<version id>:<entity id>"`` so that two lists may use the same ids.

- A case due (created, or its names, birth date or citizenship edited) or out of date (not
  screened against the current versions) is screened in full against the held index.
- A new list version is compared incrementally: a small index of only its new and changed
  entities against every open, up-to-date case; hits on entities that changed or left the
  list are re-examined. The case is then marked screened against the new version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case, Identity
from safepassage.apps.vetting.models import ListedEntity, ListVersion
from safepassage.cores.screening import (
    BirthDate,
    Match,
    Query,
    Screener,
    WatchlistEntity,
    WatchlistIndex,
    parse_birth_date,
)

NOT_OPEN = (Stage.CLOSED, Stage.PROTECTED, Stage.EXCLUDED)
SCREENED_SECTIONS = frozenset({"created", "merged", "name", "identity"})
_CHUNK = 5000


def open_cases_unrestricted() -> QuerySet[Case]:
    """Every open case of every organisation: for the worker only, never for a view."""
    return Case.objects.exclude(stage__in=NOT_OPEN)


def version_key(versions: Iterable[ListVersion | int]) -> str:
    ids = sorted(v if isinstance(v, int) else v.pk for v in versions)
    return ",".join(str(i) for i in ids)


def entity_from_row(version_id: int, entity_id: str, data: dict[str, Any]) -> WatchlistEntity:
    dates: list[BirthDate] = []
    for text in data.get("birth_dates", []):
        try:
            dates.append(parse_birth_date(text))
        except ValueError:
            continue
    return WatchlistEntity(
        id=f"{version_id}:{entity_id}",
        names=tuple(data.get("names", [])),
        birth_dates=tuple(dates),
        gender=data.get("gender"),
        nationalities=tuple(data.get("nationalities", [])),
        source=str(data.get("source", "")),
    )


def _rows(entities: QuerySet[ListedEntity]) -> Iterator[WatchlistEntity]:
    values = entities.values_list("version_id", "entity_id", "data")
    for version_id, entity_id, data in values.iterator(chunk_size=_CHUNK):
        yield entity_from_row(version_id, entity_id, data)


@dataclass
class HeldIndex:
    key: str
    index: WatchlistIndex
    versions: list[ListVersion] = field(default_factory=list)
    identity: str = ""


_HELD: HeldIndex | None = None


def held_index() -> HeldIndex:
    """The worker's index over every current list version, rebuilt when that set changes."""
    global _HELD
    versions = ListVersion.objects.current()
    key = version_key(versions)
    # Ids alone could repeat (a database restored from a backup): the content decides.
    identity = ";".join(f"{v.pk}:{v.fingerprint}:{v.imported_at.isoformat()}" for v in versions)
    if _HELD is None or _HELD.identity != identity:
        _HELD = None  # let the old index go before the new one is built
        entities = ListedEntity.objects.filter(version__in=versions)
        _HELD = HeldIndex(key, WatchlistIndex.build(_rows(entities)), versions, identity)
    return _HELD


def drop_held_index() -> None:
    global _HELD
    _HELD = None


def case_queries(case: Case) -> list[Query]:
    """Every name form of the case with its birth date and first citizenship (opened here)."""
    names = [row.full_name for row in case.names.all()]  # rows share the case's data key
    birth: BirthDate | None = None
    nationality: str | None = None
    try:
        identity: Identity | None = case.identity
    except Identity.DoesNotExist:
        identity = None
    if identity is not None:
        if identity.birth_date is not None:
            birth = parse_birth_date(identity.birth_date.isoformat())
        citizenships = identity.citizenships or []
        nationality = str(citizenships[0]) if citizenships else None
    unique = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    return [
        Query(id=f"q{i}", name=name, birth_date=birth, nationality=nationality)
        for i, name in enumerate(unique)
    ]


@dataclass(frozen=True)
class Found:
    """The best match of one listed entity over all of a case's name forms."""

    version_id: int
    entity_id: str
    match: Match
    more: int = 0


LISTING_RULES = "sp-translit-v1"  # lists every namesake instead of counting them


def _screen(screener: Screener, query: Query) -> tuple[list[Match], int]:
    """The matches and how many more persons reached 'possible' than were returned.

    The engine's current rules answer a common name that no birth date tells apart with a
    count of namesakes rather than with names (``ScreenResult.namesakes``). A vetting officer
    must see and decide every one of them, and an unseen namesake must block a
    recommendation: so such a query is screened again under rules that list them, and they
    become hits like any other, with "N more" when they exceed the limit.
    """
    result = screener.screen_result(query)
    matches, more = list(result.matches), result.more
    if result.namesakes:
        listing = Screener(screener.index, screener.thresholds, screener.limit, LISTING_RULES)
        wide = listing.screen_result(query)
        known = {match.entity_id for match in matches}
        matches += [match for match in wide.matches if match.entity_id not in known]
        more = max(more, wide.more)
    return matches, more


def screen_queries(screener: Screener, queries: list[Query]) -> dict[str, Found]:
    best: dict[str, Found] = {}
    for query in queries:
        matches, more = _screen(screener, query)
        for match in matches:
            version_part, _, entity_id = match.entity_id.partition(":")
            held = best.get(match.entity_id)
            if held is None or match.score > held.match.score:
                best[match.entity_id] = Found(int(version_part), entity_id, match, more)
    return best
