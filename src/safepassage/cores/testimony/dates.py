"""Dates in Russian, Ukrainian, English and French free text.

Absolute dates (``3 марта 2023 г.``, ``12.08.2023``, ``March 3rd, 2023``, ``le 1er mars 2023``,
``в феврале двадцать третьего``, ``au printemps 2023``, ``в конце апреля``) and relative ones
(``через две недели``, ``three weeks later``, ``le lendemain``) become intervals of days with
a precision. A date without a year takes the year of the last date before it, else the
interview's; a relative date counts from the last date before it and is dropped without one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ._data import load_json
from .model import DateValue
from .text import alternation, lower

_MIN_YEAR, _MAX_YEAR = 1990, 2035
_RANGE_GAP = 12  # characters between two dates that share one year
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_SEASON_AMBIGUOUS = {"fall", "été", "ete", "лето", "весна", "зима", "осень"}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNITS = {
    "day": "день|дня|дней|сутки|суток|days?|jours?",
    "week": "неделю|недели|недель|неделя|weeks?|semaines?",
    "month": "месяц|месяца|месяцев|months?|mois",
    "year": "год|года|лет|years?|ans?|années?",
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a text: where it is and what it means."""

    start: int
    end: int
    value: DateValue


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    part: str | None = None
    offset: tuple[int, int] | None = None  # relative: days after the previous date
    approx: bool = False


class _Patterns:
    """Regular expressions built once from ``months.json`` and ``numbers.json``."""

    def __init__(self) -> None:
        months = load_json("months.json")
        numbers = load_json("numbers.json")
        self.month_of: dict[str, int] = {}
        for num, forms in months["months"].items():
            for form in forms:
                self.month_of[form.lower()] = int(num)
        self.ambiguous = {w.lower() for w in months["ambiguous"]}
        self.season_of = {w: s for s, ws in months["seasons"].items() for w in ws}
        self.part_of = {w: p for p, ws in months["parts"].items() for w in ws}
        self.cardinal = {w: int(n) for n, ws in numbers["cardinals"].items() for w in ws}
        self.few = set(numbers["few"])
        self.ordinal_stems: dict[str, int] = numbers["ordinal_stems"]
        self.ordinal_tens: dict[str, int] = numbers["ordinal_tens"]
        latin = [m for m in self.month_of if re.fullmatch(r"[a-zàâçéèêëîïôûùü]+", m)]

        month = rf"(?<![\w])(?P<mon>{alternation(list(self.month_of))})(?:\.(?!\d))?(?![\w])"
        month_latin = rf"(?<![\w])(?P<mon>{alternation(latin)})(?:\.(?!\d))?(?![\w])"
        stems = alternation(list(self.ordinal_stems))
        tens = alternation(list(self.ordinal_tens))
        ordinal = rf"(?:(?:{tens})\s+)?(?:{stems})(?:ого|ьего|ое|ье|ий|ый|ой|ем|ьем|ом|го)"
        year_suffix = r"(?:-?(?:го|м|й|е)\b)?(?:\s*(?:года|году|год|гг?\.|г\b|р\.|року|рік))?"
        year4 = r"(?P<year>(?:19|20)\d\d)(?!\d)"
        year_any = (
            rf"(?:{year4}|(?P<y2>\d\d)(?=-?(?:го|м|й)\b|\s*(?:года|году|г\.))|['’](?P<y2b>\d\d)\b"
            rf"|(?:две\s+тысячи\s+)?(?P<yw>{ordinal}))"
        )
        day = r"(?P<day>[0-3]?\d)(?!\d)(?:-?(?:го|е|ое|ого|й)|st|nd|rd|th|er|re|ème|e)?\b"
        day_any = rf"(?:{day}|(?P<dw>{ordinal}))"
        part = rf"(?:(?P<part>{alternation(list(self.part_of))})[\s-]*)"
        season = rf"(?P<season>{alternation(list(self.season_of))})(?![\w])"

        flags = 0
        self.iso = re.compile(
            r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"
        )
        self.dmy = re.compile(
            r"(?<![\d/.])(?P<day>[0-3]?\d)[./-](?P<m>[0-3]?\d)[./-](?P<year>(?:19|20)?\d\d)(?![\d/])"
            rf"{year_suffix}",
            flags,
        )
        self.my = re.compile(
            r"(?<![\d./])(?P<m>0?[1-9]|1[0-2])[./](?P<year>(?:19|20)\d\d)(?![\d./])", flags
        )
        self.day_month = re.compile(
            rf"(?<![\w/.]){day_any}\s+(?:of\s+|de\s+)?{month}(?:,?\s+{year_any}{year_suffix})?",
            flags,
        )
        self.month_day = re.compile(rf"{month_latin}\s+{day}(?:,?\s+{year4})?", flags)
        self.month_year = re.compile(
            rf"{part}?{month}(?:,?\s+(?:of\s+|de\s+|d['’])?{year_any}{year_suffix})?", flags
        )
        self.season = re.compile(
            rf"(?:{part}\s*)?(?:(?:the|l['’])\s*)?{season}(?:\s+(?:of\s+|de\s+|d['’])?"
            rf"{year4}{year_suffix})?",
            flags,
        )
        self.year = re.compile(rf"(?<![\w/.-]){part}?{year4}{year_suffix}", flags)
        self.year2 = re.compile(r"(?<![\w])(?P<y2>\d\d)-?(?:м|й|го)\s+год\w*", flags)
        self.approx = re.compile(
            rf"(?:{alternation(months['approximate'])})\s*(?:[\w-]+\s+)?$", flags
        )
        number = rf"(?:\d{{1,3}}|{alternation([*self.cardinal, *self.few])})"
        units = "|".join(f"(?P<u_{k}>{v})" for k, v in _UNITS.items())
        self.relative = [
            re.compile(
                rf"(?<![\w])(?:через|спустя|after|au\s+bout\s+d['e]\s*)\s+(?:(?P<n>{number})\s+)?"
                rf"(?:{units})(?![\w])",
                flags,
            ),
            re.compile(
                rf"(?<![\w])(?P<n>{number})\s+(?:{units})\s+"
                r"(?:спустя|later|afterwards|after\s+that|plus\s+tard|après)(?![\w])",
                flags,
            ),
        ]
        self.next_day = re.compile(
            r"на\s+следующий\s+день|на\s+другой\s+день|назавтра|наутро"
            r"|the\s+(?:next|following)\s+day|le\s+lendemain|the\s+day\s+after",
            flags,
        )
        self.next_week = re.compile(
            r"на\s+следующей\s+неделе|the\s+(?:next|following)\s+week|la\s+semaine\s+suivante",
            flags,
        )

    def ordinal_value(self, words: str) -> int | None:
        total = 0
        for w in words.lower().split():
            if w in self.ordinal_tens:
                total += self.ordinal_tens[w]
                continue
            for stem, value in sorted(self.ordinal_stems.items(), key=lambda kv: -len(kv[0])):
                if w.startswith(stem):
                    total += value
                    break
        return total or None

    def number_value(self, word: str | None) -> tuple[int, int]:
        if word is None:
            return (1, 1)
        w = word.lower()
        if w.isdigit():
            return (int(w), int(w))
        if w in self.few:
            return (2, 7)
        return (self.cardinal.get(w, 1),) * 2


@cache
def patterns() -> _Patterns:
    return _Patterns()


def _year_of(p: _Patterns, m: re.Match[str]) -> int | None:
    gd = m.groupdict()
    if gd.get("year"):
        y = int(gd["year"])
        return y + 2000 if y < 100 else y
    for key in ("y2", "y2b"):
        if gd.get(key):
            return 2000 + int(gd[key])
    if gd.get("yw"):
        value = p.ordinal_value(gd["yw"])
        return 2000 + value if value is not None and value < 100 else None
    return None


def _raw_candidates(text: str) -> list[_Raw]:
    p = patterns()
    out: list[_Raw] = []
    for rx in (p.iso, p.dmy):
        for m in rx.finditer(text):
            d, mo, y = int(m["day"]), int(m["m"]), _year_of(p, m)
            if mo > 12 and d <= 12:  # 03/21/2024 written the American way
                d, mo = mo, d
            out.append(_Raw(m.start(), m.end(), y, mo, d))
    for m in p.my.finditer(text):
        out.append(_Raw(m.start(), m.end(), _year_of(p, m), int(m["m"])))
    for rx in (p.day_month, p.month_day):
        for m in rx.finditer(text):
            dd = int(m["day"]) if m["day"] else p.ordinal_value(m.groupdict().get("dw") or "")
            out.append(_Raw(m.start(), m.end(), _year_of(p, m), p.month_of[m["mon"].lower()], dd))
    for m in p.month_year.finditer(text):
        y = _year_of(p, m)
        mon = m["mon"].lower()
        if y is None and mon in p.ambiguous:
            continue
        part = p.part_of.get((m["part"] or "").lower())
        out.append(_Raw(m.start(), m.end(), y, p.month_of[mon], part=part))
    for m in p.season.finditer(text):
        word = m["season"].lower()
        if m["year"] is None and word in _SEASON_AMBIGUOUS:
            continue
        part = p.part_of.get((m["part"] or "").lower())
        out.append(_Raw(m.start(), m.end(), _year_of(p, m), season=p.season_of[word], part=part))
    for m in p.year.finditer(text):
        part = p.part_of.get((m["part"] or "").lower())
        out.append(_Raw(m.start(), m.end(), _year_of(p, m), part=part))
    for m in p.year2.finditer(text):
        out.append(_Raw(m.start(), m.end(), 2000 + int(m["y2"])))
    for rx in p.relative:
        for m in rx.finditer(text):
            unit = next(k for k in _UNIT_DAYS if m[f"u_{k}"])
            lo, hi = p.number_value(m["n"])
            days = _UNIT_DAYS[unit]
            slack = max(1, days // 6) if unit != "day" else (0 if lo == hi else 1)
            out.append(_Raw(m.start(), m.end(), offset=(lo * days - slack, hi * days + slack)))
    for m in p.next_day.finditer(text):
        out.append(_Raw(m.start(), m.end(), offset=(1, 1)))
    for m in p.next_week.finditer(text):
        out.append(_Raw(m.start(), m.end(), offset=(4, 13)))
    for r in out:
        if text[r.end - 1] == "." and not re.search(r"(?:\bгг?|\bр)\.$", text[r.start : r.end]):
            r.end -= 1
    return out


def _non_overlapping(raws: list[_Raw]) -> list[_Raw]:
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    last_end = -1
    for r in raws:
        if r.start >= last_end:
            kept.append(r)
            last_end = r.end
        elif r.end > last_end and kept and r.end - r.start > kept[-1].end - kept[-1].start:
            kept[-1] = r
            last_end = r.end
    return kept


def _interval(r: _Raw, year: int) -> DateValue | None:
    try:
        if r.month is not None and r.day is not None:
            d = dt.date(year, r.month, r.day)
            return DateValue(d, d, "day")
        if r.month is not None:
            last = calendar.monthrange(year, r.month)[1]
            if r.part is not None:
                lo, hi = {"start": (1, 10), "mid": (11, 20), "end": (21, last)}[r.part]
                return DateValue(dt.date(year, r.month, lo), dt.date(year, r.month, hi), "part")
            return DateValue(dt.date(year, r.month, 1), dt.date(year, r.month, last), "month")
        if r.season is not None:
            first, last_m = _SEASONS[r.season]
            if r.season == "winter":  # Dec of the year before to Feb of the year after
                return DateValue(dt.date(year - 1, 12, 1), dt.date(year + 1, 3, 1), "season")
            end = dt.date(year, last_m, calendar.monthrange(year, last_m)[1])
            return DateValue(dt.date(year, first, 1), end, "season")
        if r.part is not None:
            lo_m, hi_m = {"start": (1, 4), "mid": (5, 8), "end": (9, 12)}[r.part]
            hi_day = calendar.monthrange(year, hi_m)[1]
            return DateValue(dt.date(year, lo_m, 1), dt.date(year, hi_m, hi_day), "part")
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    except ValueError:
        return None


def _widen(v: DateValue, days: int) -> DateValue:
    delta = dt.timedelta(days=days)
    return DateValue(v.start - delta, v.end + delta, v.precision)


def extract_dates(text: str, interview_date: dt.date | None = None) -> list[DateMention]:
    """Every date in ``text`` (already folded), resolved to an interval, in text order."""
    p = patterns()
    text = lower(text)
    raws = _non_overlapping(_raw_candidates(text))
    out: list[DateMention] = []
    context_year: int | None = None
    previous: DateValue | None = None
    for i, r in enumerate(raws):
        # "с марта по июнь 2023": a yearless date just before a dated one shares its year.
        nxt = raws[i + 1] if i + 1 < len(raws) else r
        near = nxt.start - r.end <= _RANGE_GAP
        if r.year is None and r.offset is None and nxt.year is not None and near:
            late = r.month is not None and nxt.month is not None and r.month > nxt.month
            r.year = nxt.year - 1 if late else nxt.year
        if r.offset is not None:
            if previous is None:
                continue
            lo, hi = r.offset
            value = DateValue(
                previous.start + dt.timedelta(days=lo),
                previous.end + dt.timedelta(days=hi),
                "relative",
            )
        else:
            year = r.year if r.year is not None else context_year
            if year is None and interview_date is not None:
                year = interview_date.year
                if r.month is not None and r.month > interview_date.month:
                    year -= 1
            if year is None or not _MIN_YEAR <= year <= _MAX_YEAR:
                continue
            maybe = _interval(r, year)
            if maybe is None:
                continue
            value = maybe
            if r.year is not None:
                context_year = r.year
            if p.approx.search(text, max(0, r.start - 30), r.start):
                value = _widen(value, 7 if value.precision == "day" else 15)
        previous = value
        out.append(DateMention(r.start, r.end, value))
    return out
