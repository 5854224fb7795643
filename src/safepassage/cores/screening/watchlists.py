"""Loading watchlists: FollowTheMoney JSON lines, OpenSanctions "simple" CSV, plain CSV.

Only persons are kept (companies, sanctions and addresses in FtM files are
skipped without complaint). A line that cannot be read is reported with its
file and line number and the rest of the file still loads.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import BirthDate, parse_birth_date
from .model import LoadIssue, WatchlistEntity
from .textfiles import LineReader, csv_records, json_objects

__all__ = ["LoadResult", "load_watchlist", "normalise_gender"]

_FTM_NAME_PROPERTIES = ("name", "alias", "previousName")
_MAX_COMPOSED_NAMES = 8
_CSV_SPLIT = ";"
csv.field_size_limit(1 << 20)


@dataclass
class LoadResult:
    """Entities read from one or more files, and the problems met."""

    entities: list[WatchlistEntity] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    skipped: int = 0  # rows that are valid but not persons


def normalise_gender(value: str | None) -> str | None:
    """'m' / 'f' from the many ways files spell it; None when unknown."""
    text = (value or "").strip().lower()
    if text in {"m", "male", "man", "м", "муж", "мужской", "ч", "чоловіча"}:
        return "m"
    if text in {"f", "female", "woman", "ж", "жен", "женский", "жіноча"}:
        return "f"
    return None


def _dates(values: Iterable[str], reader: LineReader) -> tuple[BirthDate, ...]:
    found: list[BirthDate] = []
    for value in values:
        if not value.strip():
            continue
        try:
            found.append(parse_birth_date(value))
        except ValueError as error:
            reader.report(f"{error}; date ignored, entry kept")
    return tuple(dict.fromkeys(found))


def _composed_names(props: dict[str, Any]) -> list[str]:
    """'lastName, firstName fatherName' combinations from structured FtM properties."""
    last_names = _strings(props.get("lastName"))
    first_names = _strings(props.get("firstName"))
    fathers = _strings(props.get("fatherName"))
    composed: list[str] = []
    for last in last_names:
        for first in first_names:
            father = fathers[0] if fathers and " " not in first.strip() else ""
            composed.append(f"{last}, {first} {father}".strip())
            if len(composed) >= _MAX_COMPOSED_NAMES:
                return composed
    return composed


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _ftm_entities(reader: LineReader, result: LoadResult) -> Iterator[WatchlistEntity]:
    for record in json_objects(reader):
        if not isinstance(record.get("properties"), dict):
            reader.report("not a FollowTheMoney entity (no properties object)")
            continue
        if record.get("schema") != "Person":
            result.skipped += 1
            continue
        props: dict[str, Any] = record["properties"]
        entity_id = record.get("id")
        names = [n for key in _FTM_NAME_PROPERTIES for n in _strings(props.get(key))]
        names += _composed_names(props)
        names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not isinstance(entity_id, str) or not entity_id or not names:
            reader.report("person without an id or a name")
            continue
        genders = _strings(props.get("gender"))
        yield WatchlistEntity(
            id=entity_id,
            names=tuple(names),
            birth_dates=_dates(_strings(props.get("birthDate")), reader),
            gender=normalise_gender(genders[0]) if genders else None,
            nationalities=tuple(_strings(props.get("nationality"))),
            source=f"{reader.path.name}:{reader.line_number}",
        )


def _csv_entities(reader: LineReader, result: LoadResult) -> Iterator[WatchlistEntity]:
    for cells in csv_records(reader):
        simple = "schema" in cells
        if simple and cells.get("schema", "Person") != "Person":
            result.skipped += 1
            continue
        names = [cells["name"], *cells.get("aliases", "").split(_CSV_SPLIT)]
        names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not cells["id"].strip() or not names:
            reader.report("row without an id or a name")
            continue
        yield WatchlistEntity(
            id=cells["id"].strip(),
            names=tuple(names),
            birth_dates=_dates(cells.get("birth_date", "").split(_CSV_SPLIT), reader),
            gender=normalise_gender(cells.get("gender")),
            nationalities=tuple(c for c in cells.get("countries", "").split(_CSV_SPLIT) if c),
            source=f"{reader.path.name}:{reader.line_number}",
        )


def load_watchlist(path: str | Path, into: LoadResult | None = None) -> LoadResult:
    """Load one watchlist file (format sniffed from its content) into a LoadResult."""
    result = into if into is not None else LoadResult()
    reader = LineReader(Path(path))
    try:
        first = reader.first_content_char()
    except OSError as error:
        result.issues.append(LoadIssue(str(path), 0, f"cannot read file ({error.strerror})"))
        return result
    before = len(result.entities)
    parse = _ftm_entities if first == "{" else _csv_entities
    try:
        result.entities.extend(parse(reader, result))
    except OSError as error:
        reader.report(f"read error ({error.strerror})")
    result.issues.extend(reader.issues)
    if len(result.entities) == before and not reader.issues:
        result.issues.append(LoadIssue(str(path), 0, "no persons found (empty list)"))
    return result
