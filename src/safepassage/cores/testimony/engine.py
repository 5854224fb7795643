"""The check itself: extract every interview, compare, report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .compare import compare, source_of
from .extract import extract
from .io import parse_document
from .model import Claim, Interview, Report, Source
from .record import record_source


def check(interviews: Sequence[Interview], record: Mapping[str, object] | None = None) -> Report:
    """Claims of every interview and findings across them and against ``record``."""
    claims: list[Claim] = []
    sources: list[Source] = []
    for interview in interviews:
        found = extract(interview)
        claims.extend(found)
        sources.append(source_of(interview, found))
    if record:
        sources.append(record_source(record))
    return Report(tuple(claims), tuple(compare(sources)))


def check_document(doc: object) -> Report:
    """Validate a decoded JSON document (see :mod:`.io`) and check it."""
    interviews, record = parse_document(doc)
    return check(interviews, record)
