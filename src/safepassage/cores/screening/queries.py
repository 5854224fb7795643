"""Loading the names to screen: JSON lines or CSV with id, name, birth_date, gender, nationality."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import BirthDate, parse_birth_date
from .model import LoadIssue, Query
from .textfiles import LineReader, csv_records, json_objects
from .watchlists import normalise_gender

__all__ = ["QueryLoad", "load_queries"]


@dataclass
class QueryLoad:
    """Queries in input order, and the lines that could not be read."""

    queries: list[Query] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value).strip()
    raise ValueError("field is not text")


def _query_from_fields(fields: dict[str, Any]) -> Query:
    """Build a query or raise ValueError naming the field at fault (never its value)."""
    query_id = _text(fields.get("id"))
    name = _text(fields.get("name"))
    if not query_id:
        raise ValueError("missing 'id'")
    if not name:
        raise ValueError("missing 'name'")
    raw_date = _text(fields.get("birth_date"))
    birth_date: BirthDate | None = None
    if raw_date:
        try:
            birth_date = parse_birth_date(raw_date)
        except ValueError as error:
            raise ValueError(f"'birth_date': {error}") from None
    return Query(
        id=query_id,
        name=name,
        birth_date=birth_date,
        gender=normalise_gender(_text(fields.get("gender"))),
        nationality=_text(fields.get("nationality")) or None,
    )


def _json_queries(reader: LineReader) -> Iterator[Query]:
    for record in json_objects(reader):
        try:
            yield _query_from_fields(record)
        except ValueError as error:
            reader.report(str(error))


def _csv_queries(reader: LineReader) -> Iterator[Query]:
    for cells in csv_records(reader):
        try:
            yield _query_from_fields(cells)
        except ValueError as error:
            reader.report(str(error))


def load_queries(path: str | Path) -> QueryLoad:
    """Load queries; the format is JSON lines when the file starts with '{', else CSV."""
    result = QueryLoad()
    reader = LineReader(Path(path))
    try:
        first = reader.first_content_char()
        result.queries.extend(_json_queries(reader) if first == "{" else _csv_queries(reader))
    except OSError as error:
        reader.report(f"cannot read file ({error.strerror})", line=reader.line_number)
    result.issues.extend(reader.issues)
    return result
