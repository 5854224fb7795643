"""Reading the check's JSON input and validating it.

Input: ``{"interviews": [{"id", "date": "YYYY-MM-DD", "language": "ru"|"en"|"fr",
"text"}, ...], "record": {...}}`` (``record`` optional, see :mod:`.record`). Errors name
the place (``interviews[2].date``) and the problem, never the content.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from .errors import InputError
from .model import LANGUAGES, Interview

_TOP_KEYS = frozenset({"interviews", "record"})
_INTERVIEW_KEYS = ("id", "date", "language", "text")


def loads(data: str | bytes) -> object:
    """Parse JSON text, turning a syntax error into :class:`InputError`."""
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = (
            f" at line {exc.lineno} column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise InputError(f"input is not valid JSON{where}") from None


def _interview(i: int, raw: object) -> Interview:
    where = f"interviews[{i}]"
    if not isinstance(raw, Mapping):
        raise InputError(f"{where}: expected an object")
    for key in _INTERVIEW_KEYS:
        if key not in raw:
            raise InputError(f"{where}: missing {key!r}")
    extra = sorted(set(raw) - set(_INTERVIEW_KEYS))
    if extra:
        raise InputError(f"{where}: unknown key {extra[0]!r}")
    iid, date, language, text = (raw[k] for k in _INTERVIEW_KEYS)
    if isinstance(iid, bool) or not isinstance(iid, str | int) or str(iid).strip() == "":
        raise InputError(f"{where}.id: expected a non-empty string")
    if not isinstance(date, str):
        raise InputError(f"{where}.date: expected a string YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"{where}.date: not a valid date YYYY-MM-DD") from None
    if len(date) != len("YYYY-MM-DD"):
        raise InputError(f"{where}.date: not a valid date YYYY-MM-DD")
    if language not in LANGUAGES:
        raise InputError(f"{where}.language: expected one of {', '.join(LANGUAGES)}")
    if not isinstance(text, str):
        raise InputError(f"{where}.text: expected a string")
    return Interview(str(iid), day, str(language), text)


def parse_document(doc: object) -> tuple[list[Interview], Mapping[str, object]]:
    """Validate a decoded input document; returns the interviews and the record."""
    if not isinstance(doc, Mapping):
        raise InputError("input: expected a JSON object with 'interviews'")
    extra = sorted(set(doc) - _TOP_KEYS)
    if extra:
        raise InputError(f"input: unknown key {extra[0]!r}; expected 'interviews' and 'record'")
    if "interviews" not in doc:
        raise InputError("input: missing 'interviews'")
    raw = doc["interviews"]
    if not isinstance(raw, list) or not raw:
        raise InputError("interviews: expected a non-empty list")
    interviews = [_interview(i, item) for i, item in enumerate(raw)]
    seen: set[str] = set()
    for i, interview in enumerate(interviews):
        if interview.id in seen:
            raise InputError(f"interviews[{i}].id: duplicate id")
        if interview.id == "record":
            raise InputError(f"interviews[{i}].id: 'record' is reserved for the structured record")
        seen.add(interview.id)
    record = doc.get("record", {})
    if record is None:
        record = {}
    if not isinstance(record, Mapping):
        raise InputError("record: expected an object")
    return interviews, record
