"""The screening evaluation set, generated from data files written from the standards.

Nothing here uses the engine's own transliteration tables: spellings are
produced from ``evaldata/romanisation.json`` (Cyrillic-to-Latin, written from
the published standards), ``evaldata/given_names.csv`` (Ukrainian forms,
diminutives, English exonyms, patronymics) and ``evaldata/surnames.csv``
(masculine, feminine and Ukrainian forms, and a *different* similar surname).
The generator is seeded, so the set is the same on every run.

Used by ``tests/cores/screening/test_screening_evaluation.py`` (targets) and
``bench/screening_eval.py`` (the printed table).
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safepassage.cores.screening import BirthDate, Query, WatchlistEntity

DATA = Path(__file__).parent / "evaldata"
Table = dict[str, Any]  # one convention of romanisation.json
PUTIN_NAMES = Path("/work/shared/data/public/putin_names.txt")
VOWELS = set("аеёиоуыэюяіїє")
SIGNS = set("ьъ'")
SEED = 20261124
DISTRACTORS = 4000


@dataclass(frozen=True)
class Person:
    id: str
    gender: str
    surname: dict[str, str]  # ru, uk
    given: dict[str, str]  # key, ru, uk, diminutive, english
    father: dict[str, str]  # row of the father's given name
    birth_date: BirthDate | None


@dataclass(frozen=True)
class EvalCase:
    query: Query
    kind: str
    expected: str | None  # entity that must be found (positives)
    forbidden: str | None = None  # entity that must not be found (negatives)


@dataclass
class EvalSet:
    entities: list[WatchlistEntity] = field(default_factory=list)
    cases: list[EvalCase] = field(default_factory=list)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def romanisation_tables() -> dict[str, Table]:
    raw = json.loads((DATA / "romanisation.json").read_text("utf-8"))
    tables: dict[str, Table] = raw["conventions"]
    for table in tables.values():
        table["common"] = raw["common"]
    return tables


def _context(previous: str) -> str:
    if not previous:
        return "initial"
    return "after_vowel" if previous in VOWELS or previous in SIGNS else "after_consonant"


def romanise(word: str, table: Table, surname: bool = False) -> str:
    """Spell one Cyrillic word under one convention table (title case kept)."""
    lower = word.lower()
    endings: dict[str, str] = dict(table.get("endings", {}))
    if surname:
        endings.update(table.get("surname_endings", {}))
    tail = ""
    for ending in sorted(endings, key=len, reverse=True):
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            lower, tail = lower[: -len(ending)], endings[ending]
            break
    letters: dict[str, str] = {**table["common"], **table["letters"]}
    after_letter: dict[str, dict[str, str]] = table.get("after_letter", {})
    before_letter: dict[str, dict[str, str]] = table.get("before_letter", {})
    out = []
    for i, char in enumerate(lower):
        previous = lower[i - 1] if i else ""
        following = lower[i + 1] if i + 1 < len(lower) else (tail[:1] and "а")
        context: dict[str, str] = table.get(_context(previous), {})
        between: dict[str, str] = table.get("between_vowels", {})
        if char in between and previous in VOWELS and following in VOWELS:
            out.append(between[char])
        elif char in after_letter.get(previous, {}):
            out.append(after_letter[previous][char])
        elif char in before_letter and following in before_letter[char]:
            out.append(before_letter[char][following])
        elif char in context:
            out.append(context[char])
        else:
            out.append(letters.get(char, char))
    latin = "".join(out) + tail
    parts = latin.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts)


def _patronymic(father: dict[str, str], gender: str, lang: str) -> str:
    return father[f"{lang}_patr_{gender}"]


def _people(rng: random.Random) -> list[Person]:
    given = _rows("given_names.csv")
    males = [g for g in given if g["gender"] == "m"]
    females = [g for g in given if g["gender"] == "f"]
    people: list[Person] = []
    for number, row in enumerate(_rows("surnames.csv")):
        genders = ["m"] + (["f"] if number % 5 in (1, 3) else [])
        for gender in genders:
            surname = {
                "ru": row["masculine"] if gender == "m" else row["feminine"],
                "uk": row["ukrainian"] if gender == "m" else row["feminine"],
                "similar": row["similar"],
                "masculine": row["masculine"],
                "feminine": row["feminine"],
            }
            first = rng.choice(males if gender == "m" else females)
            father = rng.choice(males)
            roll = rng.random()
            date = BirthDate(rng.randint(1950, 2003), rng.randint(1, 12), rng.randint(1, 28))
            birth = date if roll < 0.8 else BirthDate(date.year) if roll < 0.9 else None
            people.append(Person(f"P{len(people):04d}", gender, surname, first, father, birth))
    return people


def _entity(
    person: Person, rng: random.Random, tables: dict[str, dict[str, object]]
) -> WatchlistEntity:
    s, g = person.surname["ru"], person.given["ru"]
    p = _patronymic(person.father, person.gender, "ru")
    names = [f"{s} {g} {p}" if rng.random() < 0.5 else f"{g} {p} {s}"]
    if rng.random() < 0.5:
        icao = tables["icao"]
        names.append(f"{romanise(g, icao)} {romanise(p, icao)} {romanise(s, icao, True).upper()}")
    return WatchlistEntity(
        id=person.id,
        names=tuple(names),
        birth_dates=(person.birth_date,) if person.birth_date else (),
        gender=person.gender if rng.random() < 0.5 else None,
    )


def _query_date(person: Person, rng: random.Random) -> BirthDate | None:
    if person.birth_date is None:
        return None
    roll = rng.random()
    if roll < 0.4:
        return person.birth_date
    if roll < 0.7:
        return BirthDate(person.birth_date.year)
    return None


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["delete", "swap", "double", "replace"])
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    neighbours = {"a": "s", "e": "r", "i": "o", "o": "i", "u": "y", "n": "m", "v": "b", "k": "l"}
    return word[:i] + neighbours.get(word[i], "e") + word[i + 1 :]


def _positive_cases(person: Person, rng: random.Random, tables: dict[str, Table]) -> list[EvalCase]:
    s, g = person.surname["ru"], person.given["ru"]
    p = _patronymic(person.father, person.gender, "ru")
    cases: list[tuple[str, str]] = [("cyrillic", f"{g} {p} {s}")]
    for conv, table in tables.items():
        if conv == "ukrainian_national":
            us, ug = person.surname["uk"], person.given["uk"]
            up = _patronymic(person.father, person.gender, "uk")
            spelled = " ".join(romanise(w, table, w == us) for w in (ug, up, us))
        else:
            spelled = " ".join(romanise(w, table, w == s) for w in (g, p, s))
        cases.append((f"conv:{conv}", spelled))
    us, ug = person.surname["uk"], person.given["uk"]
    cases.append(("ukrainian_form", f"{us} {ug} {_patronymic(person.father, person.gender, 'uk')}"))
    english = tables["english_press"]
    if person.given["diminutive"]:
        dim = person.given["diminutive"]
        dim = dim if rng.random() < 0.5 else romanise(dim, english)
        cases.append(("diminutive", f"{dim} {romanise(s, english, True)}"))
    if person.given["english"]:
        cases.append(("exonym", f"{person.given['english']} {romanise(s, english, True)}"))
    table = tables[rng.choice(["icao", "english_press", "bgn_pcgn_ascii"])]
    latin_s = romanise(s, table, True)
    if len(latin_s) >= 6:
        typo_name = f"{romanise(g, table)} {romanise(p, table)} {_typo(latin_s, rng)}"
        cases.append(("typo", typo_name))
    table = tables["passport_1997"]
    cases.append(
        (
            "reordered",
            f"{romanise(s, table, True).upper()}, {romanise(g, table)} {romanise(p, table)}",
        )
    )
    cases.append(("reordered", f"{s.upper()} {g} {p}"))
    cases.append(
        ("missing_patronymic", f"{romanise(g, tables['icao'])} {romanise(s, tables['icao'], True)}")
    )
    cases.append(("initials", f"{s} {g[0]}. {p[0]}."))
    icao = tables["icao"]
    cases.append(
        ("initials", f"{romanise(g, icao)[0]}.{romanise(p, icao)[0]}. {romanise(s, icao, True)}")
    )
    return [
        EvalCase(Query(f"{person.id}-{n}", name, _query_date(person, rng)), kind, person.id)
        for n, (kind, name) in enumerate(cases)
    ]


def _other_given(person: Person, rng: random.Random, gender: str) -> dict[str, str]:
    pool = [
        r
        for r in _rows("given_names.csv")
        if r["gender"] == gender and r["key"] != person.given["key"]
    ]
    return rng.choice(pool)


def _feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин", "ёв")):
        return surname + "а"
    if surname.endswith("ий"):
        return surname[:-2] + "ая"
    return surname


def _negative_cases(
    person: Person,
    rng: random.Random,
    tables: dict[str, Table],
    taken: set[tuple[str, str]],
) -> list[EvalCase]:
    english = tables["english_press"]
    s, g = person.surname["ru"], person.given["ru"]
    p = _patronymic(person.father, person.gender, "ru")
    cases: list[tuple[str, str, BirthDate | None]] = []
    if person.birth_date is not None:
        other_year = person.birth_date.year + rng.choice([-12, -7, -4, 3, 6, 11])
        other = BirthDate(other_year, rng.randint(1, 12), rng.randint(1, 28))
        cases.append(
            (
                "neg:namesake_other_birthdate",
                " ".join(romanise(w, tables["icao"], w == s) for w in (g, p, s)),
                other,
            )
        )
    flip = "f" if person.gender == "m" else "m"
    relative_surname = person.surname["feminine" if flip == "f" else "masculine"]
    counterpart = person.given["opposite"]
    rows = {r["key"]: r for r in _rows("given_names.csv")}
    relative_given = rows[counterpart] if counterpart else _other_given(person, rng, flip)
    relative = f"{relative_given['ru']} {_patronymic(person.father, flip, 'ru')} {relative_surname}"
    cases.append(
        (
            "neg:opposite_gender_relative",
            " ".join(romanise(w, english, w == relative_surname) for w in relative.split()),
            None,
        )
    )
    similar = (
        _feminine(person.surname["similar"]) if person.gender == "f" else person.surname["similar"]
    )
    cases.append(
        (
            "neg:similar_surname",
            " ".join(romanise(w, english, w == similar) for w in (g, p, similar)),
            None,
        )
    )
    brother = _other_given(person, rng, person.gender)
    cases.append(("neg:other_given_name", f"{brother['ru']} {p} {s}", None))
    taken.add((person.surname["masculine"], brother["key"]))
    taken.add((person.surname["masculine"], relative_given["key"]))
    return [
        EvalCase(Query(f"{person.id}-n{n}", name, date), kind, None, person.id)
        for n, (kind, name, date) in enumerate(cases)
    ]


def _distractors(
    people: list[Person], rng: random.Random, count: int, taken: set[tuple[str, str]]
) -> list[WatchlistEntity]:
    """Other listed persons; never sharing surname and given name with a query's person."""
    given = _rows("given_names.csv")
    surnames = _rows("surnames.csv")
    taken = taken | {(p.surname["masculine"], p.given["key"]) for p in people}
    males = [r for r in given if r["gender"] == "m"]
    out: list[WatchlistEntity] = []
    while len(out) < count:
        row = rng.choice(surnames)
        first = rng.choice(given)
        if (row["masculine"], first["key"]) in taken:
            continue
        gender = first["gender"]
        surname = row["masculine"] if gender == "m" else row["feminine"]
        patronymic = _patronymic(rng.choice(males), gender, "ru")
        date = BirthDate(rng.randint(1950, 2003), rng.randint(1, 12), rng.randint(1, 28))
        out.append(
            WatchlistEntity(
                f"D{len(out):05d}", (f"{surname} {first['ru']} {patronymic}",), (date,), gender
            )
        )
    return out


def _putin_cases() -> tuple[WatchlistEntity, list[EvalCase]]:
    """Real spellings (nomenklatura fixture, MIT) of one listed name, Latin and Cyrillic only."""
    from safepassage.cores.names import detect_script

    entity = WatchlistEntity(
        "REAL-PUTIN", ("Путин Владимир Владимирович",), (BirthDate(1952, 10, 7),), "m"
    )
    cases = []
    for n, line in enumerate(PUTIN_NAMES.read_text("utf-8").splitlines()):
        if line.strip() and detect_script(line) in ("latin", "cyrillic"):
            cases.append(EvalCase(Query(f"putin-{n}", line.strip()), "real:putin_names", entity.id))
    return entity, cases


def build_eval_set(distractors: int = DISTRACTORS, seed: int = SEED) -> EvalSet:
    """The watchlist (persons, distractors, one real entry) and the queries with answers."""
    rng = random.Random(seed)
    tables = romanisation_tables()
    people = _people(rng)
    result = EvalSet()
    taken: set[tuple[str, str]] = set()
    for person in people:
        result.entities.append(_entity(person, rng, tables))
        result.cases.extend(_positive_cases(person, rng, tables))
        result.cases.extend(_negative_cases(person, rng, tables, taken))
    result.entities.extend(_distractors(people, rng, distractors, taken))
    if PUTIN_NAMES.exists():
        entity, cases = _putin_cases()
        result.entities.append(entity)
        result.cases.extend(cases)
    return result


def kinds_summary(cases: list[EvalCase]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for case in cases:
        counts[case.kind] += 1
    return dict(counts)
