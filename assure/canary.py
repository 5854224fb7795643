"""Canaries written through the forms never reach the PostgreSQL statement log.

    python scripts/with_postgres.py --log-statements -- python assure/canary.py

The throw-away server logs every statement with its parameters (``log_statement=all``).
A case is created through the page with a unique canary in every sensitive field, a note
is added and the exact address revealed; then the statement log, the server's and the
commands' logs and the data folder are scanned for each canary, in UTF-8 and UTF-16.
Sealed fields are encrypted before they reach SQL, so nothing may be found. The scan
must also see the log working: the INSERT statements of the case must be in it.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
from pathlib import Path
from tempfile import mkdtemp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import e2e, finish, new_world, sign_in

TAG = secrets.token_hex(3).upper()
CANARIES = e2e.canary_case(TAG)
SECOND_NOTE = f"Second interview CANARYNOTE{TAG}"


def needles() -> list[bytes]:
    texts = [*CANARIES.values(), SECOND_NOTE]
    texts += [part for value in texts for part in value.split() if TAG in part]
    return sorted({t.encode() for t in texts} | {t.encode("utf-16-le") for t in texts})


def scan(paths: list[Path]) -> list[str]:
    hits = []
    for root in paths:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            data = path.read_bytes()
            hits += [f"{path.name}: a canary" for n in needles() if n in data]
    return hits


def main() -> int:
    log = os.environ.get("SAFEPASSAGE_PG_LOG")
    if not log or not os.environ.get("DATABASE_URL"):
        sys.exit("canary: run under scripts/with_postgres.py --log-statements")
    world = new_world(Path(mkdtemp(prefix="sp-canary-")), caseworkers=1)
    world.start()
    try:
        browser = e2e.Browser(world.site)
        sign_in(browser, "cw.01", world.site.password, world.caseworkers["cw.01"])
        fields = CANARIES | {"citizenships": ["RU"], "country": "KZ", "birth_date": "1911-11-11"}
        status, _ = browser.post("/cases/new", fields)
        _, listing = browser.get("/cases/")
        found = re.search(r"SP-[0-9A-Z]{4}-[0-9A-Z]{4}", listing)
        if status != 302 or not found:
            sys.exit("canary: the case was not created")
        reference = found.group(0)
        case_page = f"/cases/{reference}"
        browser.post(f"{case_page}/notes", {"text": SECOND_NOTE}, form_on=case_page)
        _, location = browser.post(f"{case_page}/location", {}, form_on=case_page)
        _, page = browser.get(case_page)
        if CANARIES["legal_name"] not in page or CANARIES["exact_address"] not in location:
            sys.exit("canary: the data is not readable through the pages")
    finally:
        world.site.stop()
    statements = Path(log).read_text(encoding="utf-8", errors="replace")
    # Django binds parameters on the client by default, so values are inside each statement.
    if 'INSERT INTO "cases_' not in statements:
        sys.exit("canary: the statement log does not hold the case's statements")
    hits = scan([Path(log), world.root / "logs", world.site.data])
    size = Path(log).stat().st_size
    inserts = statements.count("INSERT INTO")
    print(
        f"canary: PostgreSQL statement log ({size // 1024} KiB, {inserts} INSERTs with their "
        f"values), logs and data folder: {len(hits)} canaries found"
    )
    for hit in hits:
        print(f"canary: {hit}", file=sys.stderr)
    return finish(world, 1 if hits else 0)


if __name__ == "__main__":
    sys.exit(main())
