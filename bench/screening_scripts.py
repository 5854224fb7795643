"""Real spellings in other scripts: how many each transliterator lets the engine find.

    .venv/bin/python bench/screening_scripts.py

Two sets: the 80 real spellings of one name in the nomenklatura fixture
(/work/shared/data/public/putin_names.txt, the set the sound key was written
against) and the held-out set tests/cores/screening/evaldata/other_scripts.tsv
(five other names in ten scripts each). Each spelling is screened against a list
holding the six listed Cyrillic names and 2,000 generated persons; it counts as
found when its person is a match or possible. The engine romanises other scripts
with anyascii; the same run swaps in ICU's "Any-Latin; Latin-ASCII" transform
(PyICU, when installed: ``pip install PyICU`` with Debian's libicu-dev) as the
baseline, everything else unchanged.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "cores" / "screening"))

from population import make_population  # noqa: E402

from safepassage.cores.names import compare, detect_script, forms, otherscripts, parse  # noqa: E402
from safepassage.cores.screening import Query, Screener, WatchlistEntity, WatchlistIndex  # noqa: E402

PUTIN = Path("/work/shared/data/public/putin_names.txt")
HELD_OUT = ROOT / "tests" / "cores" / "screening" / "evaldata" / "other_scripts.tsv"
PUTIN_NAME = "Путин Владимир Владимирович"


def _sets() -> list[tuple[str, str, str, str]]:
    """(set, script, spelling, listed Cyrillic name)."""
    rows = []
    if PUTIN.exists():
        for line in PUTIN.read_text("utf-8").splitlines():
            if line.strip():
                rows.append(("putin_names", _script(line), line.strip(), PUTIN_NAME))
    for line in HELD_OUT.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            listed, script, spelling = line.split("\t")
            rows.append(("held-out", script, spelling, listed))
    return rows


def _script(line: str) -> str:
    found = detect_script(line)
    return found if found in ("latin", "cyrillic") else "other"


ORIGINAL = otherscripts.romanise_other


def _use(transliterate: Callable[[str], str] | None) -> None:
    """Make the names core romanise other scripts with this function (None: anyascii)."""
    if transliterate is None:
        chosen = ORIGINAL
    else:

        def chosen(text: str) -> str:
            return otherscripts.romanise_with(text, transliterate)

    forms.romanise_other = chosen  # type: ignore[assignment]
    otherscripts.romanise_other = chosen  # type: ignore[assignment]
    for cached in (
        forms.token_forms,
        otherscripts.sound_key,
        compare.compare_tokens,
        parse._word_role,
    ):
        cached.cache_clear()


def _run(rows: list[tuple[str, str, str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    listed = sorted({row[3] for row in rows})
    ids = {name: f"T{i}" for i, name in enumerate(listed)}
    entities = [WatchlistEntity(ids[name], (name,)) for name in listed]
    entities += make_population(2000, 0, seed=5, tail=20_000).entities
    screener = Screener(WatchlistIndex.build(entities))
    tally: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    for number, (group, script, spelling, name) in enumerate(rows):
        hits = {m.entity_id for m in screener.screen(Query(f"s{number}", spelling))}
        for key in ((group, script), (group, "all")):
            tally[key] += 1
            found[key] += ids[name] in hits
    return {key: (found[key], tally[key]) for key in tally}


def main() -> int:
    rows = _sets()
    results = {"anyascii": _run(rows)}
    try:
        import icu  # type: ignore[import-not-found]

        transform = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
        _use(transform.transliterate)
        results["ICU"] = _run(rows)
        _use(None)
    except ImportError:
        print("PyICU is not installed: the ICU column is skipped (pip install PyICU)")
    names = list(results)
    print(f"{'set':12} {'script':12} " + " ".join(f"{n:>10}" for n in names))
    first = results[names[0]]
    for key in sorted(first, key=lambda k: (k[0], k[1] == "all", k[1])):
        cells = " ".join(f"{results[n][key][0]:>4}/{results[n][key][1]:<5}" for n in names)
        print(f"{key[0]:12} {key[1]:12} {cells}")
    if len(names) == 2:
        for group in sorted({k[0] for k in first}):
            a, b = results["anyascii"][(group, "all")][0], results["ICU"][(group, "all")][0]
            print(
                f"{group}: anyascii finds {a}, ICU {b} (ratio {a / b if b else float('inf'):.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
