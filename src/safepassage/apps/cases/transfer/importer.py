"""Importing cases from JSON lines or CSV (UTF-8 or Windows-1251), all or nothing.

Every row is parsed and validated before anything is written; a file with any bad row
imports nothing and the report names each bad row by line number and field, never by
its content. The format is documented in docs/case-import.md, with a JSON Schema
generated from :class:`ImportRow`.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    field_validator,
)

from safepassage.apps.cases.countries import COUNTRY_CODES
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.record.sections import ServiceKind, unit_number

MAX_ROWS = 100_000
LIST_SEPARATOR = "|"

NUMBER = re.compile(r"\s*[+-]?\d+(\.\d*)?\s*")


def _no_number(value: Any) -> Any:
    """pydantic reads a number, or a string of digits, as seconds since 1970: refuse it."""
    if isinstance(value, int | float) or (isinstance(value, str) and NUMBER.fullmatch(value)):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_no_number)]
COUNTRY_ENUM: list[JsonValue] = [*sorted(COUNTRY_CODES)]  # declared in the API schema


class ImportRow(BaseModel):
    """One case. Lists are JSON arrays in JSON lines, and '|'-separated in CSV."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    legal_name: str = Field(min_length=1, max_length=200)
    country: str = Field(
        description="ISO 3166-1 alpha-2 code of the country he is in now",
        json_schema_extra={"enum": COUNTRY_ENUM},  # lower case is accepted too
    )
    other_names: list[str] = Field(default_factory=list, max_length=20)
    birth_date: IsoDate | None = None
    birth_place: str = Field(default="", max_length=200)
    citizenships: list[str] = Field(default_factory=list, max_length=5)
    contact_channel: str = Field(default="", max_length=100)
    contact_handle: str = Field(default="", max_length=200)
    contact_protocol: str = Field(default="", max_length=2000)
    coarse_place: str = Field(default="", max_length=120)
    exact_address: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=20000)
    stage: Stage = Stage.INTAKE
    pathway: Pathway = Pathway.UNDECIDED
    assignee: str = Field(default="", max_length=64, description="username of a caseworker")
    service_kind: ServiceKind = "unknown"
    unit_name: str = Field(default="", max_length=200)
    unit_number: str = Field(default="", max_length=16)
    rank: str = Field(default="", max_length=80)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        if value.upper() not in COUNTRY_CODES:
            raise ValueError("not a country code from the list (for example KZ, AM, GE)")
        return value.upper()

    @field_validator("citizenships")
    @classmethod
    def _citizenships(cls, values: list[str]) -> list[str]:
        upper = [v.strip().upper() for v in values if v.strip()]
        if any(v not in COUNTRY_CODES for v in upper):
            raise ValueError("citizenships must be country codes from the list")
        return upper

    @field_validator("unit_number")
    @classmethod
    def _unit(cls, value: str) -> str:
        return unit_number(value)


LIST_FIELDS = {"other_names", "citizenships"}
COLUMNS = frozenset(ImportRow.model_fields)


@dataclass
class ParseReport:
    """Valid rows, and problems as "line N: where: reason" (never a value from the file).

    ``row_count`` is how many data rows were read (``None`` when the file could not be
    read as rows at all); ``bad_lines`` the data rows with at least one problem.
    """

    rows: list[tuple[int, ImportRow]] = field(default_factory=list)
    encoding: str = ""
    row_count: int | None = None
    bad_lines: set[int] = field(default_factory=set)
    _problems: list[tuple[int, str]] = field(default_factory=list)

    def problem(self, line: int | None, reason: str, *, row: bool = True) -> None:
        self._problems.append((line or 0, f"line {line}: {reason}" if line else reason))
        if row and line is not None:
            self.bad_lines.add(line)

    @property
    def errors(self) -> list[str]:
        """The problems in file order (whole-file problems first)."""
        return [message for _, message in sorted(self._problems, key=lambda p: p[0])]


def decode(raw: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Text and the encoding used; auto tries UTF-8 (with or without BOM), then cp1251."""
    if encoding != "auto":
        return raw.decode(encoding).removeprefix("\ufeff"), encoding
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1251"), "cp1251"


@dataclass(frozen=True)
class _Broken:
    reason: str


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # The same key twice would silently keep one value: name its place, not the key.
    seen: set[str] = set()
    for place, (key, _) in enumerate(pairs, start=1):
        if key in seen:
            raise _Duplicate(place)
        seen.add(key)
    return dict(pairs)


class _Duplicate(ValueError):
    def __init__(self, place: int) -> None:
        super().__init__("duplicate key")
        self.place = place


def _json_records(text: str) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append((number, json.loads(line, object_pairs_hook=_json_object)))
        except _Duplicate as duplicate:
            out.append((number, _Broken(f"key {duplicate.place}: the same key appears twice")))
        except (ValueError, RecursionError):  # also too deep, or an integer too long
            out.append((number, _Broken("not valid JSON")))
    return out


def _csv_records(text: str, report: ParseReport) -> list[tuple[int, Any]] | None:
    """Rows as dicts of known columns; problems of the header row are reported once."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        first = next(reader, None)
        if first is None:
            return []
        header = [name.strip() for name in first]
        if not COLUMNS.intersection(header):
            report.problem(1, _NO_HEADER, row=False)
            return None
        for place, name in enumerate(header, start=1):
            if name not in COLUMNS:
                report.problem(1, f"column {place}: unknown column", row=False)
            elif header.index(name) != place - 1:
                report.problem(1, f"column {place}: the same column appears twice", row=False)
        return [(reader.line_num, _from_csv(header, cells)) for cells in reader if cells]
    except csv.Error:
        report.problem(
            reader.line_num or 1,
            "the CSV cannot be read from here on (a quote left open, or a value too long)",
            row=False,
        )
        return None


_NO_HEADER = (
    "the first line is not a header row: it must name the columns (legal_name, country, ...)"
)


def _from_csv(header: list[str], cells: list[str]) -> dict[str, Any] | _Broken:
    if len(cells) > len(header):
        return _Broken("more values than columns")
    data: dict[str, Any] = {}
    for key, value in zip(header, cells, strict=False):
        if key not in COLUMNS or value == "" or key in data:
            continue
        data[key] = (
            [v.strip() for v in value.split(LIST_SEPARATOR)] if key in LIST_FIELDS else value
        )
    return data


def parse(raw: bytes, *, kind: str, encoding: str = "auto") -> ParseReport:
    """Parse and validate every row; never raises for bad content."""
    report = ParseReport()
    try:
        text, report.encoding = decode(raw, encoding)
    except (UnicodeDecodeError, LookupError):
        report.problem(
            None,
            "the file is neither UTF-8 nor Windows-1251"
            if encoding == "auto"
            else f"the file is not in the {encoding} encoding",
        )
        return report
    records = _csv_records(text, report) if kind == "csv" else _json_records(text)
    if records is None:
        return report
    report.row_count = len(records)
    if len(records) > MAX_ROWS:
        report.problem(None, f"more than {MAX_ROWS} rows; split the file")
        return report
    for line, data in records:
        if isinstance(data, _Broken):
            report.problem(line, data.reason)
        elif not isinstance(data, dict):
            report.problem(line, "each line must be a JSON object")
        else:
            try:
                report.rows.append((line, ImportRow.model_validate(data)))
            except ValidationError as error:
                for message in _explain(error, list(data)):
                    report.problem(line, message)
    if not records:
        report.problem(None, "the file holds no rows")
    return report


def _explain(error: ValidationError, keys: list[str]) -> list[str]:
    """One message per problem: field and reason, never the value (nor an unknown key)."""
    messages = []
    for problem in error.errors(include_input=False, include_url=False, include_context=False):
        messages.append(f"{_where(problem['loc'], keys)}: {_reason(problem)}")
    return messages


def _where(loc: tuple[int | str, ...], keys: list[str]) -> str:
    if not loc:
        return "row"
    head, *rest = loc
    if head not in COLUMNS:
        # Not one of ours: the key came from the file. Say where it stands, not what it is.
        return f"key {keys.index(str(head)) + 1}" if head in keys else "row"
    return ".".join([str(head), *(str(p) if isinstance(p, int) else "?" for p in rest)])


def _reason(problem: Any) -> str:
    if problem["type"] == "extra_forbidden":
        return "unknown column"
    return str(problem["msg"]).removeprefix("Value error, ")


def schema() -> dict[str, Any]:
    """The JSON Schema of one row (docs/case-import.schema.json is generated from it)."""
    return ImportRow.model_json_schema()
