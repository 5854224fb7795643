"""``safepassage screen``: screen names against watchlist files, write JSON lines.

Contract (other tools depend on it): one output line per query, in input
order, ``{"query_id": ..., "matches": [{"entity_id", "score", "decision",
"explanation"}, ...]}``, best first. Two keys are added only when they apply:
``"more": N`` when N more listed persons fit the query than ``--limit`` lets it
list, and ``"namesakes": N`` when N listed namesakes that no birth date can tell
apart were counted instead of listed. Problems in input files are reported on
stderr as ``file:line: problem`` (never with the line's content) and counted;
the exit code is 0 only when every line of every file loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TextIO

from safepassage.cores.screening import (
    DEFAULT_RULES,
    RULE_VERSIONS,
    LoadIssue,
    LoadResult,
    Query,
    QueryLoad,
    Screener,
    WatchlistIndex,
    load_queries,
    load_watchlist,
)

HELP = "Screen names against watchlists (FtM JSON lines, OpenSanctions CSV, plain CSV)."

EXIT_OK = 0
EXIT_ISSUES = 1
EXIT_STRICT_ABORT = 2  # also: output cannot be written
PROGRESS_SECONDS = 2.0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        required=True,
        metavar="FILE",
        help="watchlist file; repeat for several lists",
    )
    parser.add_argument(
        "--queries", required=True, metavar="FILE", help="JSON lines or CSV of names"
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="JSON lines output file")
    parser.add_argument(
        "--strict", action="store_true", help="stop before screening if any line is malformed"
    )
    parser.add_argument(
        "--limit",
        type=_positive,
        default=25,
        help="most persons listed per query, at least 1 (default 25)",
    )
    parser.add_argument(
        "--rules",
        choices=RULE_VERSIONS,
        default=DEFAULT_RULES,
        help=f"rule version (default {DEFAULT_RULES}; older ones stay selectable)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress messages")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number, at least 1") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


class _Progress:
    """Progress lines on stderr, at most every couple of seconds."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.last = time.monotonic()

    def say(self, message: str, force: bool = False) -> None:
        now = time.monotonic()
        if not self.quiet and (force or now - self.last >= PROGRESS_SECONDS):
            print(f"screen: {message}", file=self.stream, flush=True)
            self.last = now


def _report(issues: list[LoadIssue], stream: TextIO) -> None:
    for issue in issues:
        print(f"screen: {issue}", file=stream)


def _load(args: argparse.Namespace, progress: _Progress) -> tuple[LoadResult, QueryLoad]:
    loaded = LoadResult()
    for path in args.lists:
        load_watchlist(path, into=loaded)
        progress.say(f"{len(loaded.entities)} persons loaded after {path}", force=True)
    return loaded, load_queries(args.queries)


def _screen_all(
    screener: Screener, queries: list[Query], out: TextIO, progress: _Progress
) -> tuple[int, int]:
    """Write one JSON line per query, in input order.

    Returns how many queries had a hit, and how many had more hits than --limit shows.
    """
    listed = cut = 0
    for number, query in enumerate(queries, start=1):
        result = screener.screen_result(query)
        listed += bool(result.matches)
        cut += result.more > 0
        line: dict[str, object] = {
            "query_id": query.id,
            "matches": [m.as_json() for m in result.matches],
        }
        if result.more:
            line["more"] = result.more
        if result.namesakes:
            line["namesakes"] = result.namesakes
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        progress.say(f"{number}/{len(queries)} queries screened")
    return listed, cut


def run(args: argparse.Namespace) -> int:
    err = sys.stderr
    progress = _Progress(err, args.quiet)
    loaded, query_load = _load(args, progress)
    _report(loaded.issues + query_load.issues, err)
    summary = (
        f"screen: {len(loaded.entities)} persons from {len(args.lists)} list(s), "
        f"{loaded.skipped} non-person rows skipped, {len(loaded.issues)} list problem(s); "
        f"{len(query_load.queries)} queries, {len(query_load.issues)} query problem(s)"
    )
    has_issues = bool(loaded.issues or query_load.issues)
    if has_issues and args.strict:
        print(f"{summary}\nscreen: --strict given; nothing screened", file=err)
        return EXIT_STRICT_ABORT
    index = WatchlistIndex.build(
        loaded.entities, progress=lambda count: progress.say(f"{count} persons indexed")
    )
    progress.say(f"index built: {index.stats().names} names", force=True)
    try:
        with Path(args.out).open("w", encoding="utf-8") as out:
            screener = Screener(index, limit=args.limit, rules=args.rules)
            listed, cut = _screen_all(screener, query_load.queries, out, progress)
    except OSError as error:
        print(f"screen: cannot write {args.out} ({error.strerror})", file=err)
        return EXIT_STRICT_ABORT
    print(summary, file=err)
    print(
        f"screen: {len(query_load.queries)} queries screened with {screener.algorithm}, "
        f"{listed} with a match or possible match",
        file=err,
    )
    if cut:
        print(
            f"screen: {cut} queries had more than {args.limit} possible persons "
            '(namesakes); only the best are listed ("more" on their lines), '
            "raise --limit to see all",
            file=err,
        )
    return EXIT_ISSUES if has_issues else EXIT_OK
