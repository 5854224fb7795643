"""The linkage evaluation set: cases as JSON lines for ``cases import``, with known truth.

People are drawn from the screening evaluation's data files (written from the published
romanisation standards, not from the engine's tables) plus synthetic surnames built from
Russian stems and endings, so that 100,000 cases are not 115 families. Each person is
entered once; some again, once or twice, at the same or another organisation, under
another spelling (a romanisation convention, the Ukrainian form, a diminutive or English
given name, a typo, the patronymic left out, the order changed) with a birth date carrying
a typical error (day and month swapped, one digit, year off by one, left out). Hard
negatives are planted beside them: namesakes born in other years, brothers, a father and
his son with the same given name, and strangers given the same contact handle (impostor
signals, which must be flagged). Seeded: ``TUNE_SEED`` was used to tune the rules,
``REPORT_SEED`` only to report.
"""

from __future__ import annotations

import datetime
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "screening"))

from screening_evalset import _rows, romanisation_tables, romanise

from safepassage.cores.linkage import PersonRecord

TUNE_SEED = 20261203
REPORT_SEED = 4177
ORGANISATIONS = ("org-north", "org-south", "org-east")
COUNTRIES = ("KZ", "AM", "GE", "KG", "RS", "TR")
CONVENTIONS = ("icao", "passport_1997", "bgn_pcgn_ascii", "german", "polish", "french")
_STEMS = [
    "Бел",
    "Бор",
    "Вас",
    "Вол",
    "Гор",
    "Гром",
    "Губ",
    "Дем",
    "Дор",
    "Ерм",
    "Жар",
    "Зай",
    "Зим",
    "Иль",
    "Кал",
    "Кир",
    "Клим",
    "Коз",
    "Корн",
    "Кос",
    "Крюч",
    "Кудр",
    "Лап",
    "Лес",
    "Лип",
    "Лук",
    "Мак",
    "Мал",
    "Мар",
    "Мед",
    "Мих",
    "Мор",
    "Муш",
    "Нест",
    "Ник",
    "Нов",
    "Окун",
    "Орл",
    "Пан",
    "Пес",
    "Пол",
    "Пот",
    "Рад",
    "Род",
    "Руд",
    "Рыб",
    "Сав",
    "Сед",
    "Сем",
    "Сер",
    "Сит",
    "Ско",
    "Сок",
    "Сол",
    "Стар",
    "Сух",
    "Тар",
    "Тим",
    "Тих",
    "Тол",
    "Уш",
    "Фед",
    "Фил",
    "Фом",
    "Хар",
    "Хом",
    "Цвет",
    "Чер",
    "Чиж",
    "Шар",
    "Шеп",
    "Шум",
    "Щеп",
    "Юд",
    "Яков",
    "Ярц",
]
_MIDDLES = ("", "ан", "ин", "ул", "ен", "ак", "ич", "ор", "ыш", "ет")
_ENDINGS = ("ов", "ев", "ин", "енко", "ук", "ский", "ов", "ин")


@dataclass
class Person:
    id: str
    surname: str  # Russian Cyrillic, masculine
    ukrainian: str
    given: dict[str, str]
    father: dict[str, str]
    birth: datetime.date
    unit: str
    handle: str


@dataclass
class Row:
    """One line of an import file, its organisation, its person and how it was varied."""

    organisation: str
    data: dict[str, Any]
    person: str
    kind: str  # "original" or the variation of a duplicate
    key: str = ""


@dataclass
class EvalSet:
    rows: list[Row] = field(default_factory=list)
    relations: dict[frozenset[str], str] = field(default_factory=dict)  # hard negatives

    def jsonl(self, organisation: str) -> str:
        return "".join(
            json.dumps(r.data, ensure_ascii=False) + "\n"
            for r in self.rows
            if r.organisation == organisation
        )


def _synthetic_surnames(rng: random.Random, count: int) -> list[tuple[str, str]]:
    names = set()
    while len(names) < count:
        names.add(rng.choice(_STEMS) + rng.choice(_MIDDLES) + rng.choice(_ENDINGS))
    return [(n, n.replace("ий", "ий")) for n in sorted(names)]


def _birth(rng: random.Random, low: int = 1965, high: int = 2004) -> datetime.date:
    return datetime.date(rng.randint(low, high), rng.randint(1, 12), rng.randint(1, 28))


def _erred(date: datetime.date, rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.4:
        return date.isoformat(), "date_exact"
    if roll < 0.55 and date.day <= 12 and date.day != date.month:
        return date.replace(month=date.day, day=date.month).isoformat(), "date_swapped"
    if roll < 0.7:
        day = date.day + 1 if date.day % 10 != 9 and date.day < 28 else date.day - 1
        return date.replace(day=day).isoformat(), "date_one_digit"
    if roll < 0.8:
        return date.replace(year=date.year + rng.choice((-1, 1))).isoformat(), "date_year"
    return "", "date_missing"


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(2, len(word) - 1)
    return (
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if rng.random() < 0.5
        else word[:i] + word[i + 1 :]
    )


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tables = romanisation_tables()
        given = _rows("given_names.csv")
        self.males = [g for g in given if g["gender"] == "m"]
        base = [(r["masculine"], r["ukrainian"]) for r in _rows("surnames.csv")]
        self.surnames = base + _synthetic_surnames(self.rng, 1500)
        self.set = EvalSet()
        self.handles = 0

    def person(self, number: int, **fixed: Any) -> Person:
        rng = self.rng
        surname, ukrainian = fixed.get("surname") or rng.choice(self.surnames)
        unit = str(rng.randint(10000, 99999)) if rng.random() < 0.6 else ""
        self.handles += 1
        handle = f"@tg_user{self.handles:06d}{rng.randint(10, 99)}" if rng.random() < 0.5 else ""
        return Person(
            f"P{number:06d}",
            surname,
            ukrainian,
            fixed.get("given") or rng.choice(self.males),
            fixed.get("father") or rng.choice(self.males),
            fixed.get("birth") or _birth(rng),
            fixed.get("unit", unit),
            handle,
        )

    def _row(
        self, person: Person, legal: str, other: list[str], date: str, **extra: str
    ) -> dict[str, Any]:
        data: dict[str, Any] = {"legal_name": legal, "country": self.rng.choice(COUNTRIES)}
        if other:
            data["other_names"] = other
        if date:
            data["birth_date"] = date
        if extra.get("unit"):
            data["service_kind"] = "mobilised"
            data["unit_number"] = extra["unit"]
        if extra.get("handle"):
            data["contact_channel"] = "Telegram"
            data["contact_handle"] = extra["handle"]
        return data

    def original(self, person: Person, organisation: str, kind: str = "original") -> None:
        s, g, p = person.surname, person.given["ru"], person.father["ru_patr_m"]
        legal = f"{s} {g} {p}" if self.rng.random() < 0.7 else f"{g} {p} {s}"
        icao = self.tables["icao"]
        other = (
            [f"{romanise(g, icao)} {romanise(s, icao, True).upper()}"]
            if self.rng.random() < 0.5
            else []
        )
        data = self._row(
            person, legal, other, person.birth.isoformat(), unit=person.unit, handle=person.handle
        )
        self.set.rows.append(Row(organisation, data, person.id, kind))

    def _variant_name(self, person: Person) -> tuple[str, str]:
        rng = self.rng
        s, g, p = person.surname, person.given["ru"], person.father["ru_patr_m"]
        table = self.tables[rng.choice(CONVENTIONS)]
        kind = rng.choice(
            ("convention", "ukrainian", "diminutive", "typo", "no_patronymic", "reordered")
        )
        if kind == "ukrainian":
            return f"{person.ukrainian} {person.given['uk']} {person.father['uk_patr_m']}", kind
        if kind == "diminutive" and (person.given["diminutive"] or person.given["english"]):
            first = person.given["english"] or romanise(
                person.given["diminutive"], self.tables["english_press"]
            )
            return f"{first} {romanise(s, table, True)}", kind
        latin = [romanise(g, table), romanise(p, table), romanise(s, table, True)]
        if kind == "typo" and len(latin[2]) >= 6:
            latin[2] = _typo(latin[2], rng)
        elif kind == "no_patronymic":
            return f"{latin[0]} {latin[2]}", kind
        elif kind == "reordered":
            return f"{latin[2].upper()}, {latin[0]} {latin[1]}", kind
        else:
            kind = "convention"
        return " ".join(latin), kind

    def duplicate(self, person: Person, organisation: str) -> None:
        rng = self.rng
        name, kind = self._variant_name(person)
        date, date_kind = _erred(person.birth, rng)
        unit = person.unit if rng.random() < 0.5 else ""
        handle = person.handle if rng.random() < 0.3 else ""
        data = self._row(person, name, [], date, unit=unit, handle=handle)
        self.set.rows.append(Row(organisation, data, person.id, f"{kind}+{date_kind}"))

    def relate(self, first: Person, second: Person, relation: str) -> None:
        self.set.relations[frozenset((first.id, second.id))] = relation


def build_eval_set(people: int, seed: int = REPORT_SEED) -> EvalSet:
    """About ``people`` * 1.4 rows: originals, duplicates and hard negatives."""
    builder = _Builder(seed)
    rng = builder.rng
    number = 0
    for _ in range(people):
        number += 1
        person = builder.person(number)
        home = rng.choice(ORGANISATIONS)
        builder.original(person, home)
        copies = 1 if rng.random() < 0.15 else 2 if rng.random() < 0.04 else 0
        for _ in range(copies):
            builder.duplicate(person, home if rng.random() < 0.5 else rng.choice(ORGANISATIONS))
        roll = rng.random()
        number += 1
        if roll < 0.04:  # a namesake, born in another year
            other = builder.person(
                number,
                surname=(person.surname, person.ukrainian),
                given=person.given,
                birth=_birth(rng, person.birth.year + 3, person.birth.year + 15),
            )
            builder.original(other, rng.choice(ORGANISATIONS), "namesake")
            builder.relate(person, other, "namesake")
        elif roll < 0.08:  # a brother: same surname and father, another given name, often same unit
            given = rng.choice([g for g in builder.males if g["key"] != person.given["key"]])
            other = builder.person(
                number,
                surname=(person.surname, person.ukrainian),
                given=given,
                father=person.father,
                birth=_birth(rng, person.birth.year - 6, person.birth.year + 6),
                unit=person.unit if rng.random() < 0.4 else "",
            )
            builder.original(other, rng.choice(ORGANISATIONS), "brother")
            builder.relate(person, other, "brother")
        elif roll < 0.11:  # a son with his father's given name (and so his patronymic)
            other = builder.person(
                number,
                surname=(person.surname, person.ukrainian),
                given=person.given,
                father=person.given,
                birth=_birth(rng, person.birth.year + 20, person.birth.year + 30),
            )
            builder.original(other, rng.choice(ORGANISATIONS), "father_son")
            builder.relate(person, other, "father_son")
        elif roll < 0.12 and person.handle:  # a stranger using this person's handle
            other = builder.person(number)
            other.handle = person.handle
            builder.original(other, rng.choice(ORGANISATIONS), "impostor")
            builder.relate(person, other, "impostor")
    for line, row in enumerate(builder.set.rows):
        row.key = f"R{line:07d}"
    return builder.set


def record_of(row: Row) -> PersonRecord:
    """The linkage record the worker would build from the imported case."""
    data = row.data
    date = datetime.date.fromisoformat(data["birth_date"]) if data.get("birth_date") else None
    return PersonRecord(
        key=row.key,
        names=(data["legal_name"], *data.get("other_names", [])),
        birth_date=date,
        unit_number=data.get("unit_number", ""),
        handles=(data["contact_handle"],) if data.get("contact_handle") else (),
        group=row.organisation,
    )
