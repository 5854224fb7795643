"""Reading untrusted text files line by line, in UTF-8 or Windows-1251.

Lists come from registries and NGOs' own spreadsheets; Russian ones are often
saved in Windows-1251. The encoding is decided from the start of the file;
a later line that does not decode is reported by number and skipped, never
raised as a traceback.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import LoadIssue

__all__ = ["LineReader", "csv_records", "detect_encoding", "json_objects"]

_SAMPLE_BYTES = 1 << 20


def detect_encoding(sample: bytes) -> str:
    """'utf-8-sig' when most non-ASCII lines of the sample are UTF-8, else 'cp1251'.

    A stray broken line in a UTF-8 file is then reported on its own instead of
    turning the whole file into Windows-1251 mojibake.
    """
    lines = sample.split(b"\n")
    if len(lines) > 1 and len(sample) >= _SAMPLE_BYTES:
        lines = lines[:-1]  # the last one may be cut mid-character
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return "utf-8-sig" if good >= bad else "cp1251"


@dataclass
class LineReader:
    """Decoded lines of a file with their 1-based numbers; issues collected on the side."""

    path: Path
    issues: list[LoadIssue] = field(default_factory=list)
    encoding: str = ""
    line_number: int = 0

    def lines(self) -> Iterator[str]:
        """Decoded lines (without newline). Undecodable lines are reported and skipped."""
        with self.path.open("rb") as handle:
            self.encoding = detect_encoding(handle.read(_SAMPLE_BYTES))
            handle.seek(0)
            for self.line_number, raw in enumerate(handle, start=1):
                if self.line_number == 1 and self.encoding == "utf-8-sig":
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                try:
                    text = raw.decode("utf-8" if self.encoding == "utf-8-sig" else "cp1251")
                except UnicodeDecodeError:
                    self.report(f"not valid {self.encoding.removesuffix('-sig')} text")
                    continue
                if "\x00" in text:
                    self.report("contains a NUL byte")
                    continue
                yield text.rstrip("\r\n")

    def report(self, problem: str, line: int | None = None) -> None:
        """Record a problem with the current (or given) line."""
        number = self.line_number if line is None else line
        self.issues.append(LoadIssue(str(self.path), number, problem))

    def first_content_char(self) -> str:
        """The first non-blank character of the file ('' when empty), to sniff the format."""
        with self.path.open("rb") as handle:
            sample = handle.read(4096)
        text = sample.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        return text[:1]


def csv_records(reader: LineReader) -> Iterator[dict[str, str]]:
    """Rows of a CSV file with an ``id`` and a ``name`` column, as header -> cell dicts.

    Unreadable, blank or ragged lines are reported with their number and skipped; a file
    whose header lacks those columns yields nothing and says why.
    """
    rows = csv.reader(reader.lines())
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        return
    except csv.Error:
        reader.report("unreadable CSV header")
        return
    if "id" not in header or "name" not in header:
        reader.report("CSV header lacks an 'id' or 'name' column")
        return
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error:
            reader.report("unreadable CSV line")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            reader.report(f"expected {len(header)} columns, found {len(row)}")
            continue
        yield dict(zip(header, row, strict=True))


def json_objects(reader: LineReader) -> Iterator[dict[str, Any]]:
    """JSON objects of a JSON-lines file; blank lines skipped, others reported and skipped."""
    for line in reader.lines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            reader.report("not valid JSON")
            continue
        if not isinstance(record, dict):
            reader.report("not a JSON object")
            continue
        yield record
