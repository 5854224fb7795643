"""Precision and recall of the testimony engine on its evaluation set.

    .venv/bin/python bench/testimony_eval.py [--verbose]

Prints one table per part of the set (``tuned``: the cases the extractors were developed
against; ``heldout``: written before the extractors and never used to tune them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from safepassage.cores.testimony.evaluation import Evaluation, evaluate

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "cores" / "testimony" / "eval"
PARTS = ("tuned", "heldout", "fresh", "blind")


def run_part(part: str) -> Evaluation:
    data = json.loads((EVAL_DIR / f"{part}.json").read_text(encoding="utf-8"))
    return evaluate(data["cases"])


def render(part: str, result: Evaluation, verbose: bool) -> str:
    lines = [
        f"{part}: {result.cases} cases, {result.benign_cases} paraphrase-only, "
        f"{len(result.benign_with_findings)} of them with a finding",
        f"  {'kind':<14}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}",
    ]
    for kind, s in result.scores.items():
        lines.append(f"  {kind:<14}{s.tp:>4}{s.fp:>4}{s.fn:>4}{s.precision:>11.2f}{s.recall:>8.2f}")
    if verbose:
        lines += [f"    {m}" for m in result.misses + result.extras]
        lines += [f"    paraphrase with findings: {n}" for n in result.benign_with_findings]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    for part in PARTS:
        print(render(part, run_part(part), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
