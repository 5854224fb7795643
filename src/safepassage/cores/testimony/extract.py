"""Reading every claim out of one interview.

Extractors of facts share one shape, ``(interview_id, folded_text) -> list[Claim]``, and are
listed in :data:`FACT_EXTRACTORS`; dates and events need more context and run after them.
"""

from __future__ import annotations

from collections.abc import Callable

from .dates import extract_dates
from .events import extract_events
from .model import Claim, Interview
from .places import extract_places
from .ranks import extract_ranks
from .service import extract_service
from .text import Sentences, fold
from .units import extract_unit_names, extract_unit_numbers

FactExtractor = Callable[[str, str], list[Claim]]

#: Extractors of facts, in output order. A new extractor is one more entry here.
FACT_EXTRACTORS: tuple[FactExtractor, ...] = (
    extract_unit_numbers,
    extract_unit_names,
    extract_ranks,
    extract_service,
    extract_places,
)


def extract(interview: Interview) -> list[Claim]:
    """Every claim in one interview, quotes taken from the original text."""
    text = interview.text
    folded = fold(text)
    claims: list[Claim] = []
    for extractor in FACT_EXTRACTORS:
        claims.extend(extractor(interview.id, folded))
    places = [c for c in claims if c.kind == "place"]
    dates = extract_dates(folded, interview.date)
    sentences = Sentences(folded)
    events = extract_events(interview.id, folded, sentences, dates, places, interview.language)
    claims.extend(
        Claim(interview.id, "date", d.value.label, "", (d.start, d.end), d.value) for d in dates
    )
    claims.extend(events)
    # Quotes come from the original text (folding changed ё, backslashes and apostrophes).
    claims.sort(key=lambda c: (c.span[0], c.span[1]))
    return [_requote(c, text) for c in claims]


def _requote(claim: Claim, text: str) -> Claim:
    start, end = claim.span
    return Claim(claim.interview, claim.kind, claim.value, text[start:end], claim.span, claim.date)
