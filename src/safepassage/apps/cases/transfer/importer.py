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
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from safepassage.apps.cases.countries import COUNTRY_CODES
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.record.sections import ServiceKind, unit_number

MAX_ROWS = 100_000
LIST_SEPARATOR = "|"


class ImportRow(BaseModel):
    """One case. Lists are JSON arrays in JSON lines, and '|'-separated in CSV."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    legal_name: str = Field(min_length=1, max_length=200)
    country: str = Field(description="ISO 3166-1 alpha-2 code of the country he is in now")
    other_names: list[str] = Field(default_factory=list, max_length=20)
    birth_date: datetime.date | None = None
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


@dataclass
class ParseReport:
    rows: list[tuple[int, ImportRow]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "line 7: birth_date: ..."
    encoding: str = ""


def decode(raw: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Text and the encoding used; auto tries UTF-8 (with or without BOM), then cp1251."""
    if encoding != "auto":
        return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1251"), "cp1251"


def _records(text: str, kind: str) -> list[tuple[int, Any]]:
    if kind == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [(reader.line_num, row) for row in reader]
    out: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                out.append((number, json.loads(line)))
            except json.JSONDecodeError:
                out.append((number, _Broken("not valid JSON")))
    return out


@dataclass(frozen=True)
class _Broken:
    reason: str


def _from_csv(row: dict[str | None, Any]) -> dict[str, Any] | _Broken:
    if None in row:
        return _Broken("more values than columns")
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key is None or value is None or value == "":
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
        report.errors.append(f"the file is not in the {encoding} encoding")
        return report
    try:
        records = _records(text, kind)
    except csv.Error as error:
        report.errors.append(f"the CSV cannot be read: {type(error).__name__}")
        return report
    if len(records) > MAX_ROWS:
        report.errors.append(f"more than {MAX_ROWS} rows; split the file")
        return report
    for line, record in records:
        data = _from_csv(record) if kind == "csv" else record
        if isinstance(data, _Broken):
            report.errors.append(f"line {line}: {data.reason}")
        elif not isinstance(data, dict):
            report.errors.append(f"line {line}: each line must be a JSON object")
        else:
            try:
                report.rows.append((line, ImportRow.model_validate(data)))
            except ValidationError as error:
                report.errors.extend(_explain(line, error))
    if not records:
        report.errors.append("the file holds no rows")
    return report


def _explain(line: int, error: ValidationError) -> list[str]:
    """One message per problem: line, field and reason, never the value."""
    messages = []
    for problem in error.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in problem["loc"]) or "row"
        reason = str(problem["msg"]).removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            reason = "unknown column"
        messages.append(f"line {line}: {where}: {reason}")
    return messages


def schema() -> dict[str, Any]:
    """The JSON Schema of one row (docs/case-import.schema.json is generated from it)."""
    return ImportRow.model_json_schema()
