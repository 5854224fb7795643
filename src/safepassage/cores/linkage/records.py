"""What the linkage core knows of a person: every name form, dates, unit and identifiers.

A record is built by the caller (the worker, the evaluation script) from whatever the case
holds. Identifiers are normalised here, once, so that "+7 (912) 345-67-89" and "79123456789",
or "75 1234567" and "751234567", meet.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["PersonRecord", "normalise_document", "normalise_handle"]

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PHONE = re.compile(r"^\+?[\d\s().-]{7,}$")
MIN_IDENTIFIER = 5  # shorter "numbers" (a street number, "n/a") say nothing about a person


def normalise_handle(handle: str) -> str:
    """A contact handle as compared: phones as digits, other handles lower case without '@'."""
    text = unicodedata.normalize("NFKC", handle).strip().lower()
    if _PHONE.match(text):
        digits = re.sub(r"\D", "", text)
        return "tel:" + digits if len(digits) >= MIN_IDENTIFIER else ""
    text = text.removeprefix("@").replace(" ", "")
    return text if len(text) >= MIN_IDENTIFIER else ""


def normalise_document(number: str) -> str:
    """A document number as compared: letters and digits only, upper case."""
    text = _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", number).lower()).upper()
    return text if len(text) >= MIN_IDENTIFIER else ""


@dataclass(frozen=True)
class PersonRecord:
    """One case's person, as the linkage core sees it.

    ``key`` is the caller's pseudonymous id (a case reference). ``gender`` is "m", "f" or
    empty; when empty the core infers it from the names where they say it. ``photos`` are
    content hashes of uploaded photographs.
    """

    key: str
    names: tuple[str, ...]
    birth_date: datetime.date | None = None
    birth_year: int | None = None
    gender: str = ""
    unit_number: str = ""
    handles: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    photos: tuple[str, ...] = ()
    group: str = field(default="", compare=False)

    @property
    def year(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def identifiers(self) -> dict[str, frozenset[str]]:
        """Normalised identifiers by kind ("handle", "document", "photo"), empties dropped."""
        return _identifiers(self)


@lru_cache(maxsize=400_000)
def _identifiers(record: PersonRecord) -> dict[str, frozenset[str]]:
    handles = {normalise_handle(h) for h in record.handles}
    documents = {normalise_document(d) for d in record.documents}
    photos = {p.strip().lower() for p in record.photos}
    return {
        "handle": frozenset(h for h in handles if h),
        "document": frozenset(d for d in documents if d),
        "photo": frozenset(p for p in photos if p),
    }
