"""Benchmark the screening engine on a generated list of persons (default one million).

    .venv/bin/python bench/screening.py                 # 1,000,000 persons
    .venv/bin/python bench/screening.py --quick         # 20,000 persons, smoke test

Reports index build time, peak memory, per-query p50/p95 latency and
throughput on one core, and the same figures for the naive baseline (ASCII
fold + rapidfuzz token-sort ratio against every name), measured in the same
run on a subset and scaled linearly to the full list (it is a linear scan).
Targets (issue 3): build <= 120 s, peak <= 4 GB, p95 <= 20 ms, >= 300 queries/s.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from safepassage.cores.screening import (
    BirthDate,
    Query,
    Screener,
    WatchlistEntity,
    WatchlistIndex,
)
from screening_baseline import NaiveBaseline


def _words(text: str) -> list[str]:
    return text.split()


ONSETS = _words("б в г д ж з к л м н п р с т ф х ц ч ш щ бр гр др кр пр тр ст сп ск зв шв хл")
VOWELS = ["а", "о", "у", "е", "и", "ы", "я", "ю"]
CODAS = ["", "", "", "н", "р", "л", "к", "ш", "ч", "в", "д", "с"]
SUFFIXES = [
    ("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ский", "ская"),
    ("енко", "енко"), ("ук", "ук"), ("чук", "чук"), ("ых", "ых"),
]  # fmt: skip
MALE = _words(
    "Александр Алексей Андрей Антон Борис Вадим Василий Виктор Владимир Вячеслав Геннадий "
    "Георгий Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид "
    "Максим Михаил Николай Олег Павел Пётр Роман Сергей Степан Фёдор Юрий Яков Тимур Руслан "
    "Артём Никита Матвей"
)
FEMALE = _words(
    "Александра Анна Валентина Галина Дарья Евгения Екатерина Елена Ирина Людмила Мария "
    "Наталья Ольга Светлана Татьяна Юлия Надежда Марина Оксана Вера"
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
GERMAN = {
    "shch": "schtsch", "ts": "z", "ch": "tsch", "sh": "sch", "zh": "sch", "kh": "ch",
    "v": "w", "ya": "ja", "yu": "ju",
}  # fmt: skip
GERMAN_GROUPS = re.compile("|".join(sorted(GERMAN, key=len, reverse=True)))


def _patronymic(father: str, female: bool) -> str:
    stem = father[:-1] + "ь" if father.endswith(("й", "ь")) else father
    if father.endswith("й"):
        stem = father[:-1]
        return stem + ("евна" if female else "евич")
    if father.endswith("ь"):
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith(("а", "я")):
        return father[:-1] + ("ична" if female else "ич")
    return stem + ("овна" if female else "ович")


def make_surnames(rng: random.Random, roots: int) -> list[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    while len(found) < roots:
        root = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
        root += rng.choice(CODAS)
        male, female = rng.choice(SUFFIXES)
        found.add(((root + male).capitalize(), (root + female).capitalize()))
    return sorted(found)


def make_persons(count: int, seed: int) -> list[WatchlistEntity]:
    rng = random.Random(seed)
    surnames = make_surnames(rng, max(1000, count // 20))
    weights = [1 / (rank + 10) for rank in range(len(surnames))]  # Zipf-like: many Ivanovs
    picks = rng.choices(surnames, weights=weights, k=count)
    persons = []
    for number, (male_surname, female_surname) in enumerate(picks):
        female = rng.random() < 0.3
        given = rng.choice(FEMALE if female else MALE)
        patronymic = _patronymic(rng.choice(MALE), female)
        surname = female_surname if female else male_surname
        cyrillic = f"{surname} {given} {patronymic}"
        latin = cyrillic.translate(LATIN)
        roll = rng.random()
        names = (cyrillic,) if roll < 0.4 else (latin,) if roll < 0.7 else (latin, cyrillic)
        date = BirthDate(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        persons.append(WatchlistEntity(f"B{number:07d}", names, (date,), "f" if female else "m"))
    return persons


def _german(latin: str) -> str:
    """A German-style spelling from the English-style one, in one pass over letter groups."""
    return GERMAN_GROUPS.sub(lambda m: GERMAN[m.group()], latin.lower()).title()


def make_queries(
    persons: list[WatchlistEntity], count: int, seed: int
) -> list[tuple[Query, str | None]]:
    rng = random.Random(seed + 1)
    queries: list[tuple[Query, str | None]] = []
    for number in range(count):
        if number % 4 == 3:  # a name that is not listed
            name = f"{rng.choice(MALE)} Неизвестнов{number}"
            queries.append((Query(f"q{number}", name), None))
            continue
        person = rng.choice(persons)
        cyrillic = person.names[-1]
        surname, given, patronymic = cyrillic.split(" ")
        styles = [
            f"{given} {surname}",
            f"{given} {patronymic} {surname}".translate(LATIN),
            _german(f"{given} {surname}".translate(LATIN)),
            f"{surname.upper()}, {given} {patronymic}",
        ]
        date = person.birth_dates[0] if rng.random() < 0.5 else None
        query = Query(f"q{number}", styles[number % 4], date)
        queries.append((query, person.id))
    return queries


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def time_queries(
    screen: Callable[[Query], list[str]], queries: list[tuple[Query, str | None]]
) -> dict[str, float]:
    latencies = []
    found = expected = 0
    started = time.perf_counter()
    for query, target in queries:
        t0 = time.perf_counter()
        listed = screen(query)
        latencies.append(time.perf_counter() - t0)
        if target is not None:
            expected += 1
            found += target in listed
    total = time.perf_counter() - started
    latencies.sort()
    return {
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "qps": len(queries) / total,
        "hit_rate": found / expected if expected else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--baseline-persons", type=int, default=20_000)
    parser.add_argument("--baseline-queries", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="20,000 persons, 200 queries")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.quick:
        args.persons, args.queries = min(args.persons, 20_000), 200
        args.baseline_persons, args.baseline_queries = 5_000, 50
    print(f"generating {args.persons:,} persons ...", flush=True)
    persons = make_persons(args.persons, args.seed)
    queries = make_queries(persons, args.queries, args.seed)
    gc.collect()
    before = current_rss_mb()
    started = time.perf_counter()
    index = WatchlistIndex.build(persons)
    build_s = time.perf_counter() - started
    after = current_rss_mb()
    stats = index.stats()
    print(
        f"index: {stats.entities:,} persons, {stats.names:,} names, "
        f"{stats.distinct_tokens:,} tokens, {stats.keys:,} keys, {stats.token_pairs:,} token pairs"
    )
    print(
        f"build time: {build_s:.1f} s   index memory: {after - before:,.0f} MB   "
        f"peak RSS so far: {peak_rss_mb():,.0f} MB"
    )
    screener = Screener(index)
    engine = time_queries(lambda q: [m.entity_id for m in screener.screen(q)], queries)
    print(
        f"engine   : p50 {engine['p50_ms']:.2f} ms  p95 {engine['p95_ms']:.2f} ms  "
        f"{engine['qps']:.0f} queries/s  found {engine['hit_rate']:.3f} of listed targets"
    )
    subset = persons[: args.baseline_persons]
    baseline = NaiveBaseline(subset)
    base_queries = [(q, t) for q, t in make_queries(subset, args.baseline_queries, args.seed)]
    base = time_queries(lambda q: [e for e, _ in baseline.screen(q)], base_queries)
    scale = args.persons / len(subset)
    print(
        f"baseline : on {len(subset):,} persons p50 {base['p50_ms']:.2f} ms  "
        f"p95 {base['p95_ms']:.2f} ms  "
        f"{base['qps']:.0f} queries/s  found {base['hit_rate']:.3f}"
    )
    print(
        f"baseline scaled to {args.persons:,}: p50 {base['p50_ms'] * scale:.1f} ms  "
        f"p95 {base['p95_ms'] * scale:.1f} ms  {base['qps'] / scale:.1f} queries/s"
    )
    print(
        f"ratios (baseline scaled / engine): p50 x{base['p50_ms'] * scale / engine['p50_ms']:.0f}  "
        f"p95 x{base['p95_ms'] * scale / engine['p95_ms']:.0f}  "
        f"throughput x{engine['qps'] / (base['qps'] / scale):.0f}"
    )
    print(f"peak RSS (whole run, incl. generated data): {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
