"""Seizure test and the sealed life cycle, against a real server (issue: sealed storage).

Cases are created through the pages with a unique canary in every sensitive field and
file; then the raw database (file and WAL, or a pg_dump), the media folder, a backup
archive and every log are scanned for each canary in the script it was written in.
"""

from __future__ import annotations

import http.client
import re
import secrets
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from .site import Browser, Site, canary_case, new_site

pytestmark = pytest.mark.slow

TAG = secrets.token_hex(3).upper()
CANARIES = {**canary_case(TAG), "birth_date": "1911-11-11"}
EXTRA = {
    "second_note": f"Second interview CANARYNOTE{TAG}",
    "document_title": f"Военный билет{TAG}",
    "document_name": f"passport{TAG}.pdf",
    "file_content": f"FILECANARY{TAG}",
}


def _pdf(marker: str) -> bytes:
    return f"%PDF-1.4\n% {marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".encode()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    made = new_site(tmp_path)
    made.setup()
    yield made
    made.stop()


def _wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.25)
    return False


def _needles() -> list[bytes]:
    texts = [*CANARIES.values(), *EXTRA.values()]
    # Also each part of multi-word values, in the script it was written in.
    texts += [part for value in texts for part in value.split() if TAG in part]
    return sorted({t.encode("utf-8") for t in texts} | {t.encode("utf-16-le") for t in texts})


def _scan(paths: list[Path]) -> list[str]:
    hits = []
    needles = _needles()
    for root in paths:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            data = path.read_bytes()
            hits += [f"{path.name}: {n[:24]!r}" for n in needles if n in data]
    return hits


def test_seized_copies_reveal_no_canary(site: Site) -> None:
    server = site.start("--share-file", site.share(1), "--share-file", site.share(3))
    assert server.poll() is None
    browser = Browser(site)
    browser.sign_in()
    status, _ = browser.post(
        "/cases/new", CANARIES | {"citizenships": ["RU", "UA"], "country": "KZ"}
    )
    assert status == 302
    _, listing = browser.get("/cases/")
    reference = re.search(r"SP-[0-9A-Z]{4}-[0-9A-Z]{4}", listing).group(0)
    browser.post(
        f"/cases/{reference}/notes", {"text": EXTRA["second_note"]}, form_on=f"/cases/{reference}"
    )
    status, _ = browser.post(
        f"/cases/{reference}/documents",
        {"title": EXTRA["document_title"]},
        form_on=f"/cases/{reference}",
        files={"file": (EXTRA["document_name"], _pdf(EXTRA["file_content"]))},
    )
    assert status == 302
    _, page = browser.get(f"/cases/{reference}")
    for value in (CANARIES["legal_name"], EXTRA["second_note"], EXTRA["document_title"]):
        assert value in page  # the data is really there, readable when unsealed
    _, location = browser.post(f"/cases/{reference}/location", {}, form_on=f"/cases/{reference}")
    assert CANARIES["exact_address"] in location

    site.stop()
    backup = site.root / "backup.spbk"
    site.command(
        "backup",
        "create",
        str(backup),
        "--share-file",
        site.share(2),
        "--share-file",
        site.share(3),
    )
    site.command(
        "backup",
        "verify",
        str(backup),
        "--share-file",
        site.share(1),
        "--share-file",
        site.share(2),
    )

    seized: list[Path] = [site.data, backup, site.root / "logs"]
    if "DATABASE_URL" in site.env:
        pg_dump = site.root / "pg_dump.sql"
        _pg_dump(site, pg_dump)
        seized.append(pg_dump)
    else:
        assert list(site.data.glob("safepassage.sqlite3*"))
    assert list((site.data / "media").rglob("*"))
    assert _scan(seized) == []


def _pg_dump(site: Site, target: Path) -> None:
    import shutil
    import subprocess

    import dj_database_url

    db = dj_database_url.parse(site.env["DATABASE_URL"])
    env = dict(
        site.env,
        PGPASSWORD=str(db["PASSWORD"]),
        PGHOST=str(db["HOST"]),
        PGPORT=str(db["PORT"]),
        PGUSER=str(db["USER"]),
        PGDATABASE=str(db["NAME"]),
    )
    with target.open("wb") as handle:
        subprocess.run(
            [shutil.which("pg_dump") or "pg_dump"], env=env, stdout=handle, check=True, timeout=120
        )


def test_restart_is_sealed_and_panic_seal_reaches_every_worker(site: Site) -> None:
    site.start("--share-file", site.share(1), "--share-file", site.share(2))
    browser = Browser(site)
    browser.sign_in()
    _, page = browser.post("/account/tokens", {"label": "e2e", "membership": _membership(browser)})
    token = re.search(r'class="secret">(sp_[^<]+)<', page).group(1)
    api = Browser(site)

    def cases_status() -> int:
        """The API's answer; 0 while the seal restarts the server (requests in flight drop)."""
        try:
            headers = {"Authorization": f"Bearer {token}"}
            return api.request("GET", "/api/v1/cases", headers=headers)[0]
        except (ConnectionError, urllib.error.URLError, http.client.HTTPException):
            return 0

    assert {cases_status() for _ in range(8)} == {200}
    site.command("seal")
    assert _wait_for(lambda: {cases_status() for _ in range(8)} == {503}, seconds=10)
    assert browser.get("/cases/")[0] == 302  # sealing also ended the session
    assert Browser(site).get("/login")[0] == 200
    site.stop()

    site.start("--sealed")  # a restart comes up sealed
    assert cases_status() == 503
    assert Browser(site).get("/health")[0] == 200
    site.stop()

    failed = site.start("--share-file", site.share(3))  # k-1 shares
    assert failed.wait(timeout=60) != 0
    log = site.logs[-1].read_text(encoding="utf-8")
    assert "not enough shares" in log

    site.start("--share-file", site.share(3), "--share-file", site.share(2))
    assert cases_status() == 200


def _membership(browser: Browser) -> str:
    _, page = browser.get("/account/tokens")
    return re.findall(r'<option value="(\d+)"', page)[0]


def test_the_scan_finds_a_planted_canary(tmp_path: Path) -> None:
    """The seizure test can fail: a canary in any file, in UTF-8 or UTF-16, is found."""
    (tmp_path / "a.bin").write_bytes(b"xx" + CANARIES["birth_place"].encode() + b"yy")
    (tmp_path / "b.bin").write_bytes(EXTRA["file_content"].encode("utf-16-le"))
    (tmp_path / "c.bin").write_bytes(b"nothing here")
    hits = _scan([tmp_path])
    assert len(hits) == 2
