"""The structured case record a check may compare the interviews against.

Keys (all optional; any other key is an error):

- ``unit_number``: ``"12345"`` or a list of them (4 to 6 digits, leading zeros kept);
- ``unit_name``: ``"brigade 155"``, ``"155th brigade"``, ``"155-я бригада"`` or a list;
- ``rank``: a rank id (``junior_sergeant``) or a rank in any language (``младший сержант``);
- ``service_kind``: ``conscript``, ``contract``, ``mobilised``, ``officer``, ``pmc``,
  ``convict``, ``volunteer`` (or a word for one in any language), or a list;
- one key per event (``contract_signed``, ``called_up``, ``deployment_start``,
  ``deployment_end``, ``wounded``, ``leave``, ``left_unit``, ``crossed_border``,
  ``arrived``): a date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping

from .errors import InputError
from .model import EVENTS, FIELDS, Claim, DateValue, Source
from .ranks import extract_ranks, rank_ids
from .service import extract_service, service_kinds
from .text import fold
from .units import extract_unit_names

RECORD_ID = "record"
_UNIT_NUMBER = re.compile(r"\d{4,6}")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_partial_date(value: str) -> DateValue | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as an interval; None if not a valid date."""
    m = _PARTIAL_DATE.fullmatch(value)
    if m is None:
        return None
    try:
        year = int(m[1])
        if m[3]:
            d = dt.date(year, int(m[2]), int(m[3]))
            return DateValue(d, d, "day")
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1]
            return DateValue(dt.date(year, month, 1), dt.date(year, month, last), "month")
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    except (ValueError, calendar.IllegalMonthError):
        return None


def _strings(key: str, value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise InputError(f"record.{key}: expected a non-empty string or a list of them")
    return [v.strip() for v in items if isinstance(v, str)]


def _unit_number(key: str, text: str) -> list[Claim]:
    if not _UNIT_NUMBER.fullmatch(text):
        raise InputError(f"record.{key}: expected 4 to 6 digits")
    return [Claim(RECORD_ID, key, text, text, (0, len(text)))]


def _unit_name(key: str, text: str) -> list[Claim]:
    claims = extract_unit_names(RECORD_ID, fold(text))
    if not claims:
        raise InputError(f"record.{key}: not a formation with a number (e.g. 'brigade 155')")
    return [Claim(RECORD_ID, key, c.value, text, (0, len(text))) for c in claims[:1]]


def _rank(key: str, text: str) -> list[Claim]:
    if text in rank_ids():
        return [Claim(RECORD_ID, key, text, text, (0, len(text)))]
    claims = extract_ranks(RECORD_ID, fold(text))
    if not claims:
        raise InputError(f"record.{key}: unrecognised rank")
    return [Claim(RECORD_ID, key, c.value, text, (0, len(text))) for c in claims[:1]]


def _service(key: str, text: str) -> list[Claim]:
    if text in service_kinds():
        return [Claim(RECORD_ID, key, text, text, (0, len(text)))]
    claims = extract_service(RECORD_ID, fold(text))
    if not claims:
        raise InputError(f"record.{key}: unrecognised kind of service")
    return [Claim(RECORD_ID, key, c.value, text, (0, len(text))) for c in claims[:1]]


_FACT_PARSERS: dict[str, Callable[[str, str], list[Claim]]] = {
    "unit_number": _unit_number,
    "unit_name": _unit_name,
    "rank": _rank,
    "service_kind": _service,
}


def record_source(record: Mapping[str, object]) -> Source:
    """The record as a :class:`Source`; raises :class:`InputError` on a malformed record."""
    source = Source(RECORD_ID, None, is_record=True)
    for key, value in record.items():
        if key not in FIELDS:
            raise InputError(f"record: unknown key {key!r}; known keys: {', '.join(FIELDS)}")
        if key in EVENTS:
            if not isinstance(value, str):
                raise InputError(f"record.{key}: expected a date string YYYY[-MM[-DD]]")
            date = parse_partial_date(value.strip())
            if date is None:
                raise InputError(f"record.{key}: not a valid date YYYY[-MM[-DD]]")
            claim = Claim(RECORD_ID, "event", key, value, (0, len(value)), date)
            source.dates.setdefault(key, []).append(claim)
            source.mentioned.add(key)
            continue
        for text in _strings(key, value):
            source.facts.setdefault(key, []).extend(_FACT_PARSERS[key](key, text))
    return source
