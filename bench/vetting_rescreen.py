"""Benchmark vetting's rescreens: full rescreen (baseline) against incremental, same run.

    .venv/bin/python bench/vetting_rescreen.py                  # 1,000,000 listed, 10,000 cases
    .venv/bin/python bench/vetting_rescreen.py --listed 200000  # a smaller list
    .venv/bin/python bench/vetting_rescreen.py --quick          # 20,000 listed, smoke test

Part 1, the engine's share (no database): a generated list of ``--listed`` persons and
``--cases`` open cases with two name forms each (Cyrillic and a Latin spelling) and a birth
date. The baseline is what a full rescreen costs: build the index over the whole list and
screen every case against it (this is also what the first import of a list costs, since all
its entities are new). The incremental rescreen after a 1 % update fingerprints every entity,
diffs against the previous version, builds an index of only the changed 1 % and screens every
case against that. Targets (issue 12): the full rescreen of 10,000 cases after a one-million
import <= 10 min, the 1 % update <= 1 min, on 2 cores (this runs on one).

Times are CPU seconds of this process (``time.process_time``): on a machine shared with
other work, wall-clock time measures the neighbours; the worker is one process like this one.

Part 2, end to end through Django on a throw-away SQLite database (``--db-cases`` real cases
with sealed names, a ``--db-listed`` list): the worker job after the first import (every
case screened), after a 1 % update (incremental), and a forced full rescreen for comparison.
It gives the per-case cost of opening sealed names and writing rows, to add to part 1.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from safepassage.cores.screening import (
    BirthDate,
    Query,
    Screener,
    WatchlistEntity,
    WatchlistIndex,
)


def _words(text: str) -> list[str]:
    return text.split()


SURNAME_STEMS = _words(
    "Иван Петр Сидор Смирн Кузнец Попов Васил Соколов Михайл Новик Федор Морозов Волк "
    "Алекс Лебед Семен Егор Павл Козл Степан Никола Орл Андре Макар Никит Захар Зайц "
    "Соловь Борис Яковл Григор Роман Воробь Серге Кузьмин Фролов Александр Дмитри Корол "
    "Гусев Киселев Ильин Максим Поляк Сорокин Виноград Ковал Бел Медвед Антон Тарас Жук "
    "Баран Филипп Комар Данил Тимоф Голуб Карп Шевчук Бондар Ткач Кравч Олейн Мельник "
    "Лысенк Руденк Савчук Гончар"
)
ENDINGS = ("ов", "ев", "ин", "ский", "енко", "ук", "ых", "ой")
GIVEN = _words(
    "Александр Алексей Андрей Антон Борис Вадим Василий Виктор Владимир Геннадий Георгий "
    "Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим "
    "Михаил Николай Олег Павел Пётр Роман Сергей Степан Фёдор Юрий Тимур Руслан Артём "
    "Никита"
)
FATHERS = _words(
    "Александрович Алексеевич Андреевич Иванович Петрович Сергеевич Владимирович "
    "Николаевич Михайлович Олегович Викторович Юрьевич Дмитриевич Игоревич"
)
LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ж": "Zh", "З": "Z", "И": "I",
    "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ф": "F", "Х": "Kh", "Ц": "Ts", "Ч": "Ch", "Ш": "Sh", "Щ": "Shch", "Э": "E",
    "Ю": "Yu", "Я": "Ya", "Ё": "Yo",
})  # fmt: skip


def person(rng: random.Random) -> tuple[str, BirthDate]:
    """A Russian-style full name (Zipf-like surname choice) and a birth date."""
    stem = SURNAME_STEMS[min(int(rng.paretovariate(1.1)) - 1, len(SURNAME_STEMS) - 1)]
    stem = stem if rng.random() < 0.5 else rng.choice(SURNAME_STEMS)
    surname = stem + rng.choice(ENDINGS) + (rng.choice("аеикнор") if rng.random() < 0.6 else "")
    name = f"{surname} {rng.choice(GIVEN)} {rng.choice(FATHERS)}"
    born = BirthDate(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    return name, born


def listed(count: int, seed: int) -> list[WatchlistEntity]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        name, born = person(rng)
        names = (name, name.translate(LATIN)) if rng.random() < 0.3 else (name,)
        out.append(WatchlistEntity(id=f"L{i}", names=names, birth_dates=(born,)))
    return out


def cases(count: int, entities: list[WatchlistEntity], seed: int) -> list[list[Query]]:
    """Open cases: two name forms each; one in fifty is a listed person under a Latin spelling."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        if rng.random() < 0.02:
            source = rng.choice(entities)
            name, born = source.names[0], source.birth_dates[0]
        else:
            name, born = person(rng)
        out.append(
            [
                Query(id=f"c{i}a", name=name, birth_date=born),
                Query(id=f"c{i}b", name=name.translate(LATIN), birth_date=born),
            ]
        )
    return out


def update(entities: list[WatchlistEntity], share: float, seed: int) -> list[WatchlistEntity]:
    """A new version: ``share`` of entities changed (a new alias or date), as many added."""
    rng = random.Random(seed)
    changed = set(rng.sample(range(len(entities)), int(len(entities) * share / 2)))
    out = []
    for i, entity in enumerate(entities):
        if i in changed:
            name, born = person(rng)
            entity = WatchlistEntity(
                id=entity.id, names=(*entity.names, name), birth_dates=(*entity.birth_dates, born)
            )
        out.append(entity)
    extra = listed(int(len(entities) * share / 2), seed + 1)
    out += [
        WatchlistEntity(id=f"N{i}", names=e.names, birth_dates=e.birth_dates)
        for i, e in enumerate(extra)
    ]
    return out


def fingerprints(entities: list[WatchlistEntity]) -> dict[str, str]:
    from safepassage.apps.vetting.fingerprints import entity_data, fingerprint

    return {e.id: fingerprint(entity_data(e)) for e in entities}


def screen_all(index: WatchlistIndex, all_cases: list[list[Query]]) -> int:
    screener = Screener(index)
    return sum(len(screener.screen(q)) for queries in all_cases for q in queries)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def part_one(listed_count: int, case_count: int) -> None:
    print(f"Part 1: engine, {listed_count:,} listed persons, {case_count:,} open cases")
    entities = listed(listed_count, 1)
    open_cases = cases(case_count, entities, 2)
    gc.collect()
    start = time.process_time()
    index = WatchlistIndex.build(entities)
    built = time.process_time() - start
    start = time.process_time()
    found = screen_all(index, open_cases)
    screened = time.process_time() - start
    full = built + screened
    print(
        f"  full rescreen (baseline): build {built:.1f} s + screen {screened:.1f} s = {full:.1f} s"
    )
    print(
        f"    {found} matches; {2 * case_count / screened:.0f} queries/s; peak {peak_mb():.0f} MB"
    )
    del index
    gc.collect()
    newer = update(entities, 0.01, 3)
    start = time.process_time()
    before = fingerprints(entities)
    after = fingerprints(newer)
    printed = time.process_time() - start
    start = time.process_time()
    changed = [e for e in newer if before.get(e.id) != after[e.id]]
    small = WatchlistIndex.build(changed)
    small_built = time.process_time() - start
    start = time.process_time()
    found = screen_all(small, open_cases)
    small_screened = time.process_time() - start
    incremental = small_built + small_screened
    print(
        f"  incremental after a 1 % update ({len(changed):,} new or changed): diff+build "
        f"{small_built:.1f} s + screen {small_screened:.1f} s = {incremental:.1f} s "
        f"(fingerprinting both versions, done at import: {printed:.1f} s)"
    )
    print(f"    {found} matches; ratio full / incremental = {full / incremental:.1f}x")
    scale = (1_000_000 / listed_count, 10_000 / case_count)
    if scale != (1.0, 1.0):
        print(
            "  linear extrapolation to 1,000,000 listed and 10,000 cases (index build scales"
            " with the list, screening with cases):"
            f" full ~{built * scale[0] + screened * scale[1]:.0f} s,"
            f" incremental ~{(small_built * scale[0] + small_screened * scale[1]):.0f} s"
            " (screening time per query grows with the list too: treat as a lower bound)"
        )


def part_two(db_cases: int, db_listed: int) -> None:
    import _site

    vendor = _site.setup()
    from safepassage.apps.accounts.models import Organisation
    from safepassage.apps.cases.registry.actions import NewCase, create_case
    from safepassage.apps.vetting.lists import ListImport, import_entities
    from safepassage.apps.vetting.models import CaseScreening, Hit, ListVersion, ScreeningDue
    from safepassage.apps.vetting.rescreen import screen_everything
    from safepassage.apps.vetting.screening import drop_held_index, version_key

    current = ListVersion.objects.current

    print(f"Part 2: end to end ({vendor}), {db_cases:,} cases, {db_listed:,} listed persons")
    entities = listed(db_listed, 5)
    org = Organisation.objects.create(slug="bench", name="Bench")
    for queries in cases(db_cases, entities, 6):
        b = queries[0].birth_date
        assert b is not None
        assert b.month
        assert b.day
        create_case(
            org,
            NewCase(
                legal_name=queries[0].name,
                other_names=[queries[1].name],
                country="GE",
                birth_date=datetime.date(b.year, b.month, b.day),
            ),
            actor=None,
        )

    def run() -> float:
        """The worker's job until nothing is left (it takes a batch of cases per run)."""
        start = time.process_time()
        while True:
            screen_everything(datetime.datetime.now(datetime.UTC))
            fresh = CaseScreening.objects.filter(version_key=version_key(current()))
            if fresh.count() == db_cases and not ScreeningDue.objects.exists():
                return time.process_time() - start

    import_entities(entities, ListImport("bench"), actor_id=None)
    first = run()
    print(
        f"  first import, every case screened in full: {first:.1f} s ({Hit.objects.count()} hits)"
    )
    import_entities(update(entities, 0.01, 7), ListImport("bench"), actor_id=None)
    incremental = run()
    print(f"  1 % update, incremental: {incremental:.1f} s")
    CaseScreening.objects.all().delete()
    drop_held_index()
    full = run()
    print(f"  the same state rescreened in full (baseline): {full:.1f} s")
    print(
        f"  ratio full / incremental = {full / incremental:.1f}x; per case: full "
        f"{1000 * full / db_cases:.1f} ms, incremental {1000 * incremental / db_cases:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--listed", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--db-cases", type=int, default=300)
    parser.add_argument("--db-listed", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-db", action="store_true")
    parser.add_argument("--skip-engine", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.listed, args.cases, args.db_cases, args.db_listed = 20_000, 1_000, 50, 2_000
    if not args.skip_engine:
        part_one(args.listed, args.cases)
    if not args.skip_db:
        part_two(args.db_cases, args.db_listed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
