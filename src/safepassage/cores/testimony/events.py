"""Key events (contract, call-up, deployment, wound, leave, leaving the unit, border, arrival)
and the dates they are tied to.

A date is tied to the nearest event word in its sentence, counting a clause break
(``, а``, ``and then``, ``puis``) as a long way. In a question-and-answer transcript a
date in an answer with no event word is tied to the event named in the question just
before it. ``с марта по июнь``, ``from March to June``, ``de mars à juin`` after a
deployment word give its start and its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ._data import load_json
from ._tables import Hit, Table
from .dates import DateMention
from .model import Claim
from .places import place
from .text import Sentences, clause_breaks, lower

_DURING = "deployment_during"
_HOME_COUNTRIES = frozenset({"RU", "UA", "BY"})
_CLAUSE_COST = 60
_COMMA_COST = 20
_MAX_COST = 90  # beyond this a date belongs to no event word in its sentence
_DATE_AFTER_EVENT_LANGUAGES = frozenset({"en", "fr"})
_EVENT_AFTER_DATE_COST = 15
_STARTS = re.compile(r"(?:(?<![\w])со?|since|from|depuis|à\s+partir\s+d[eu']|dès)\s*$", re.I)
_ENDS = re.compile(r"(?:(?<![\w])по|(?<![\w])до|until|till|to|jusqu'(?:au|à|en)|au)\s*$", re.I)
_RANGE_BETWEEN = re.compile(
    r"\s*(?:по|до|to|until|till|through|au|à|jusqu'(?:au|à|en))\s*|\s*[-–—]\s*"
)


# A sentence that only points back: "Это было 2 декабря", "That was on 2 December".
_ANAPHORA = re.compile(
    r"\s*[—–-]?\s*(?:это\s+было|это\s+случилось|случилось\s+это|that\s+was|it\s+was|this\s+was"
    r"|c'était|cela\s+s'est\s+passé|ça\s+s'est\s+passé)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Events:
    table: Table
    foreign_only: frozenset[str]  # events that need a place outside RU, UA, BY
    needs_place: dict[str, frozenset[str]]  # events that need a place in these countries
    renamed: dict[str, str]  # pattern groups that report as another event


@cache
def _events() -> _Events:
    data = load_json("events.json")
    return _Events(
        Table(data["events"].items()),
        frozenset(data["foreign_only"]),
        {k: frozenset(v) for k, v in data["needs_place"].items()},
        dict(data["renamed"]),
    )


def _distance(text: str, hit: Hit, date: DateMention, language: str) -> int:
    extra = 0
    if hit.end <= date.start:
        gap_start, gap_end = hit.end, date.start
    elif date.end <= hit.start:
        gap_start, gap_end = date.end, hit.start
        if language in _DATE_AFTER_EVENT_LANGUAGES:
            extra = _EVENT_AFTER_DATE_COST
    else:
        return 0
    strong, weak = clause_breaks(text, gap_start, gap_end)
    return gap_end - gap_start + _CLAUSE_COST * strong + _COMMA_COST * weak + extra


def _bound(text: str, date: DateMention) -> str | None:
    """``start`` or ``end`` when the date is introduced by since/from or until/to."""
    before_start = max(0, date.start - 16)
    if _STARTS.search(text, before_start, date.start):
        return "start"
    if _ENDS.search(text, before_start, date.start):
        return "end"
    return None


def _countries_in(places: list[Claim], start: int, end: int) -> set[str]:
    found = set()
    for claim in places:
        if start <= claim.span[0] < end:
            p = place(claim.value)
            if p is not None:
                found.add(p.country)
    return found


def _place_allows(ev: _Events, hit: Hit, countries: set[str]) -> bool:
    if hit.id in ev.foreign_only and not countries - _HOME_COUNTRIES:
        return False
    wanted = ev.needs_place.get(hit.id)
    return wanted is None or bool(countries & wanted)


def extract_events(
    interview: str,
    text: str,
    sentences: Sentences,
    dates: list[DateMention],
    places: list[Claim],
    language: str = "ru",
) -> list[Claim]:
    """``event`` claims; those tied to a date carry it in ``Claim.date``."""
    ev = _events()
    hits: list[Hit] = []
    for hit in ev.table.find(lower(text)):
        if hit.id in ev.foreign_only or hit.id in ev.needs_place:
            lo, hi = sentences.bounds(sentences.index(hit.start))
            if not _place_allows(ev, hit, _countries_in(places, lo, hi)):
                continue
        hits.append(Hit(ev.renamed.get(hit.id, hit.id), hit.start, hit.end))

    by_sentence: dict[int, list[Hit]] = {}
    for hit in hits:
        by_sentence.setdefault(sentences.index(hit.start), []).append(hit)
    dated_sentences = {sentences.index(d.start) for d in dates}

    tied: dict[Hit, list[DateMention]] = {}
    for date in dates:
        s = sentences.index(date.start)
        candidates = by_sentence.get(s, [])
        answer = s > 0 and sentences.is_question(s - 1) and s - 1 not in dated_sentences
        from_question = not candidates and answer
        if from_question:
            candidates = by_sentence.get(s - 1, [])
        elif not candidates and s > 0 and _ANAPHORA.match(text, sentences.bounds(s)[0]):
            candidates = by_sentence.get(s - 1, [])[-1:]
            from_question = True  # the sentence before is what "that was" points to
        bound = _bound(text, date)
        if bound is None:
            candidates = [h for h in candidates if h.id != _DURING]
        if not candidates:
            continue
        best = min(candidates, key=lambda h: _distance(text, h, date, language))
        if from_question or _distance(text, best, date, language) <= _MAX_COST:
            tied.setdefault(best, []).append(date)

    claims: list[Claim] = []
    for hit in hits:
        dated = sorted(tied.get(hit, []), key=lambda d: d.start)
        if not dated:
            name = "deployment" if hit.id == _DURING else hit.id
            claims.append(_claim(interview, text, name, hit, None))
            continue
        for i, date in enumerate(dated):
            name = hit.id
            if hit.id == _DURING:
                name = "deployment_end" if _bound(text, date) == "end" else "deployment_start"
            elif (
                hit.id == "deployment_start"
                and i == 1
                and _RANGE_BETWEEN.fullmatch(text, dated[0].end, date.start)
            ):
                name = "deployment_end"
            claims.append(_claim(interview, text, name, hit, date))
    return claims


def _claim(interview: str, text: str, name: str, hit: Hit, date: DateMention | None) -> Claim:
    if date is None:
        return Claim(interview, "event", name, text[hit.start : hit.end], (hit.start, hit.end))
    start, end = min(hit.start, date.start), max(hit.end, date.end)
    return Claim(interview, "event", name, text[start:end], (start, end), date.value)
