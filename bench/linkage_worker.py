"""The linkage worker on a real database: first run over N imported cases, then one edit.

    .venv/bin/python bench/linkage_worker.py [--cases 2000]

Cases come from the linkage evaluation set (JSON lines), imported with the real importer
(sealed rows under real case keys). Figures: the worker's first ``relink`` (opening every
case's sealed rows, building the index, storing every pair), then one case edited (a name
added, noted by the watcher) and relinked. The baseline, measured in the same run, is the
core alone linking the same records from scratch (no database, nothing to open).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests" / "cores" / "linkage"))
from linkage_evalset import REPORT_SEED, build_eval_set, record_of  # noqa: E402

import _site  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    _site.setup()
    from safepassage.apps.accounts.models import Organisation
    from safepassage.apps.cases.models import Case, PersonName
    from safepassage.apps.cases.registry.actions import NewCase, create_case
    from safepassage.apps.linkage.linking import relink
    from safepassage.apps.linkage.models import LinkPair
    from safepassage.apps.linkage.watching import note_due
    from safepassage.cores.linkage import link_all

    evalset = build_eval_set(int(args.cases / 1.32), REPORT_SEED)
    rows = evalset.rows[: args.cases]
    orgs = {slug: Organisation.objects.create(slug=slug, name=slug) for slug in
            {row.organisation for row in rows}}  # fmt: skip
    start = time.perf_counter()
    for row in rows:
        data = row.data
        create_case(orgs[row.organisation], NewCase(
            legal_name=data["legal_name"], country=data["country"],
            other_names=data.get("other_names", []),
            birth_date=_date(data.get("birth_date")),
            contact_handle=data.get("contact_handle", ""),
        ), actor=None)  # fmt: skip
    created = time.perf_counter() - start
    start = time.perf_counter()
    relink()
    first = time.perf_counter() - start
    case = Case.objects.order_by("pk")[len(rows) // 2]
    start = time.perf_counter()
    PersonName.objects.create(case=case, kind="alias", position=9, full_name="Ivan Testov")
    note_due(case, "name")
    relink()
    edit = time.perf_counter() - start
    start = time.perf_counter()
    link_all(record_of(row) for row in rows)
    core = time.perf_counter() - start
    print(f"{len(rows)} cases ({created:.0f} s to create): worker first run {first:.1f} s, "
          f"{LinkPair.objects.count()} pairs; one edit relinked {edit * 1000:.0f} ms; "
          f"core alone {core:.1f} s (ratio {first / core:.1f}x)")  # fmt: skip


def _date(text: str | None) -> object:
    import datetime

    return datetime.date.fromisoformat(text) if text else None


if __name__ == "__main__":
    main()
