"""Load: 50 caseworkers at once against a real gunicorn, p50/p95 per page.

    python assure/load.py --seconds 300 --out var/assure/load-postgresql.json \
        --beside var/assure/load-sqlite.json

Sets up a production-like site (``assure/common.py``) with 50 caseworkers and
``--cases`` cases imported through ``safepassage cases import`` (each caseworker assigned
an equal share, every case on a check-in schedule), serves it with gunicorn (two
workers, as ``safepassage serve`` defaults to), and runs locust headless with
``assure/locustfile.py``: ``--users`` simulated caseworkers, each pausing 1 to 4 seconds
between actions. Any failed request fails the run. Prints p50 and p95 per page, with the
figures of an earlier run (``--beside``, e.g. the other database) in the next columns.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import add_schedules, case_rows, database_label, e2e, finish, import_cases, new_world


def run_locust(world: Any, users: int, seconds: int) -> dict[str, Any]:
    credentials = world.root / "load-users.json"
    credentials.write_text(
        json.dumps({"password": world.site.password, "seeds": world.caseworkers}),
        encoding="utf-8",
    )
    prefix = world.root / "locust"
    command = [
        str(e2e.BIN / "locust"),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        "10",
        "--run-time",
        f"{seconds}s",
        "--host",
        world.site.url(""),
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    env = dict(world.site.env, ASSURE_LOAD_USERS=str(credentials))
    log = world.root / "locust.log"
    with log.open("wb") as handle:
        code = subprocess.run(command, env=env, stdout=handle, stderr=subprocess.STDOUT).returncode
    rows = list(csv.DictReader((world.root / "locust_stats.csv").open(encoding="utf-8")))
    pages = {
        row["Name"]: {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "p50": float(row["50%"] or 0),
            "p95": float(row["95%"] or 0),
        }
        for row in rows
    }
    failures = sum(p["failures"] for p in pages.values())
    failed = world.root / "locust_failures.csv"
    for row in csv.DictReader(failed.open(encoding="utf-8")) if failed.exists() else []:
        print(f"load: failed {row['Occurrences']}x {row['Name']}: {row['Error']}", file=sys.stderr)
    if code != 0 and not failures:
        print(log.read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
    return {"database": database_label(), "seconds": seconds, "users": users, "pages": pages}


def table(mine: dict[str, Any], beside: dict[str, Any] | None) -> str:
    head = f"{mine['database']} {mine['seconds']} s"
    other = f"{beside['database']} {beside['seconds']} s" if beside else ""
    lines = [
        f"load: {mine['users']} caseworkers at once; p50 / p95 in ms per page",
        f"{'page':34} {head:>24} {other:>24}",
    ]
    for name, figures in mine["pages"].items():
        cell = f"{figures['p50']:.0f} / {figures['p95']:.0f} ({figures['requests']})"
        theirs = (beside or {}).get("pages", {}).get(name)
        other_cell = (
            f"{theirs['p50']:.0f} / {theirs['p95']:.0f} ({theirs['requests']})" if theirs else ""
        )
        lines.append(f"{name:34} {cell:>24} {other_cell:>24}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--out", type=Path, help="write the figures here (JSON)")
    parser.add_argument("--beside", type=Path, help="an earlier run's figures to print beside")
    args = parser.parse_args(argv)
    started = time.monotonic()
    world = new_world(Path(mkdtemp(prefix="sp-load-")), caseworkers=args.users)
    names = sorted(world.caseworkers)
    for start in range(0, args.cases, 500):
        rows = case_rows(min(500, args.cases - start), names)
        for i, row in enumerate(rows):
            row["stage"] = ("intake", "triage", "vetting")[i % 3]
        import_cases(world, rows, name=f"cases-{start}.jsonl")
    add_schedules(world)
    world.start()
    print(
        f"load ({database_label()}): {args.cases} cases, set up in "
        f"{time.monotonic() - started:.0f} s; {args.users} users for {args.seconds} s"
    )
    try:
        figures = run_locust(world, args.users, args.seconds)
    finally:
        world.site.stop()
    beside = None
    if args.beside and args.beside.exists():
        beside = json.loads(args.beside.read_text(encoding="utf-8"))
    print(table(figures, beside))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    failures = sum(p["failures"] for p in figures["pages"].values())
    total = figures["pages"].get("Aggregated", {}).get("requests", 0)
    print(f"load ({figures['database']}): {total} requests, {failures} failed")
    return finish(world, 1 if failures or not total else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
