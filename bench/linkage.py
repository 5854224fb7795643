"""Linkage: evaluation table (precision and recall by kind) and timings at 10,000 and 100,000.

    .venv/bin/python bench/linkage.py [--people N] [--seed S] [--sizes 10000,100000]

The evaluation set comes from ``tests/cores/linkage/linkage_evalset.py`` (JSON lines for
``cases import``, with known truth). The rules were tuned on ``TUNE_SEED``; the default
here is ``REPORT_SEED``, a set never tuned on. Timings: linking N cases from scratch (the
worker's start: index every record, then score every candidate pair), one edited case
relinked (drop, put, candidates), and as a baseline measured in the same run, scoring all
pairs of 1,000 cases, extrapolated to N (what linking without blocking would cost).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "cores" / "linkage"))

from linkage_evalset import REPORT_SEED, build_eval_set, record_of  # noqa: E402
from linkage_scores import evaluate  # noqa: E402

from safepassage.cores.linkage import RULE_VERSION, LinkageIndex, link_all, score_pair  # noqa: E402

ORDER = (
    "overall", "same_org", "cross_org", "convention", "ukrainian", "diminutive", "typo",
    "no_patronymic", "reordered", "date_exact", "date_swapped", "date_one_digit", "date_year",
    "date_missing", "impostor_signal",
)  # fmt: skip


def table(people: int, seed: int) -> None:
    evalset = build_eval_set(people, seed)
    candidates = link_all(record_of(row) for row in evalset.rows)
    result = evaluate(evalset, candidates)
    print(f"rule {RULE_VERSION}, seed {seed}, {len(evalset.rows)} cases")
    print(f"{'kind':<18}{'planted':>8}{'flagged':>9}{'recall':>8}{'as same':>9}")
    for kind in ORDER:
        tally = result.by_kind.get(kind)
        if tally:
            print(
                f"{kind:<18}{tally.planted:>8}{tally.flagged:>9}{tally.recall:>8.3f}{tally.same:>9}"
            )
    print(
        f"same pairs {result.same_pairs}, correct {result.same_correct}, "
        f"precision {result.same_precision:.3f}"
    )
    print(
        f"possible pairs {result.possible_pairs}, of which the same person "
        f"{result.possible_correct}"
    )
    print(f"wrong 'same' by relation: {result.wrong_same or 'none'}")


def timings(size: int) -> None:
    evalset = build_eval_set(int(size / 1.32), REPORT_SEED + size)
    records = [record_of(row) for row in evalset.rows][:size]
    start = time.perf_counter()
    index = LinkageIndex()
    for record in records:
        index.put(record)
    pairs = sum(1 for _ in index.all_candidates())
    scratch = time.perf_counter() - start
    edited = records[len(records) // 2]
    start = time.perf_counter()
    index.drop(edited.key)
    index.put(edited)
    index.candidates_for(edited.key)
    edit = time.perf_counter() - start
    sample = records[:1000]
    start = time.perf_counter()
    for first, second in itertools.combinations(sample, 2):
        score_pair(first, second)
    all_pairs = (time.perf_counter() - start) * (size * (size - 1)) / (1000 * 999)
    print(
        f"{len(records)} cases: from scratch {scratch:.1f} s ({pairs} pairs), "
        f"one edit {edit * 1000:.0f} ms; all-pairs baseline ~{all_pairs:.0f} s, "
        f"ratio {all_pairs / scratch:.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=REPORT_SEED)
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    table(args.people, args.seed)
    for size in (int(s) for s in args.sizes.split(",") if s):
        timings(size)


if __name__ == "__main__":
    main()
