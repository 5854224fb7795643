"""Panic seal against a real server and worker: no key of any level survives in any process.

The web server (gunicorn master and two workers) and ``worker --loop`` are unsealed,
serve case pages, fill the country cache and run the risk flagging, so case keys are
really in their memory. After ``safepassage seal`` every one of those processes must be
replaced by a sealed one, and reading the memory of every process (``/proc/<pid>/mem``)
must find none of the root, epoch secrets, purpose keys, case keys or share texts.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from .memory import count_in_memory, found, key_material, process_tree
from .site import BIN, Browser, Site, new_site

pytestmark = pytest.mark.slow

MAKE_CASES = """
import datetime
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.safety.actions import Assessment, record_assessment
org = Organisation.objects.get(slug="e2e-org")
for name in ("Первый Иван", "Второй Пётр"):
    print(create_case(org, NewCase(legal_name=name, country="KZ"), actor=None).reference)
record_assessment(Assessment("KZ", "low", datetime.date(2026, 1, 1), ["e2e"], "e2e"), actor=None)
"""
RISK_RISES = """
import datetime
from safepassage.apps.safety.actions import Assessment, record_assessment
record_assessment(Assessment("KZ", "high", datetime.date(2026, 2, 1), ["e2e"], "e2e"), actor=None)
"""
FLAGGING_STATE = """
from safepassage.apps.safety.models import CountryRisk
print("FLAGGING", CountryRisk.objects.order_by("-pk").first().flagging)
"""
WRAPPED_KEYS = """
from safepassage.apps.cases.models import CaseKey
for row in CaseKey.objects.select_related("case"):
    print("KEY", row.case.uid, bytes(row.wrapped).hex())
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    made = new_site(tmp_path)
    made.setup()
    made.env["SAFEPASSAGE_AUDIT_WITNESS_DIR"] = str(tmp_path / "witness")
    (tmp_path / "witness").mkdir()
    yield made
    made.stop()


def _unsealed_shell(site: Site, script: str) -> str:
    wrapper = (
        "from safepassage.apps.vault.unseal import unseal_with\n"
        f"unseal_with([open({site.share(1)!r}).read().strip(), "
        f"open({site.share(2)!r}).read().strip()])\n" + script
    )
    return site.command("shell", "--no-imports", "-c", wrapper).stdout


def _wait_for(predicate: object, seconds: float) -> float | None:
    """Seconds until ``predicate()`` held, or None if it never did."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():  # type: ignore[operator]
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except OSError:
        return []


def _start_worker(site: Site, log: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *(str(BIN / "safepassage"), "worker", "--loop", "--interval", "1"),
            *("--share-file", site.share(1), "--share-file", site.share(3)),
        ],
        env=site.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )


def _scan(pids: list[int], needles: dict[str, bytes]) -> dict[int, dict[str, int]]:
    return {pid: found(count_in_memory(pid, needles)) for pid in pids}


def test_panic_seal_leaves_no_key_material_in_any_process(site: Site) -> None:
    references = _unsealed_shell(site, MAKE_CASES).split()
    server = site.start("--share-file", site.share(1), "--share-file", site.share(2))
    worker_log = (site.root / "logs" / "worker.log").open("wb")
    site.logs.append(site.root / "logs" / "worker.log")
    worker = _start_worker(site, worker_log)
    try:
        browser = Browser(site)
        browser.sign_in()
        for _ in range(3):  # both gunicorn workers open both cases and the country filter
            for reference in references:
                assert browser.get(f"/cases/{reference}")[0] == 200
            assert browser.get("/cases/?country=KZ")[0] == 200
        _unsealed_shell(site, RISK_RISES)
        assert _wait_for(lambda: "done" in _unsealed_shell(site, FLAGGING_STATE), 60)

        rows = [line.split() for line in _unsealed_shell(site, WRAPPED_KEYS).splitlines()]
        wrapped = [(uid, bytes.fromhex(hexed)) for tag, uid, hexed in rows if tag == "KEY"]
        shares = [Path(site.share(i)).read_text() for i in (1, 2, 3)]
        state = (site.data / "keys" / "keyring.state").read_bytes()
        needles = key_material(shares, state, wrapped)

        web_before, worker_before = process_tree(server.pid), process_tree(worker.pid)
        before = _scan(web_before + worker_before, needles)
        case_keys_seen = sum(n for hits in before.values() for k, n in hits.items() if "case" in k)
        assert case_keys_seen > 0, "the scan must see the case keys while unsealed"

        site.command("seal")

        def replaced() -> bool:
            web = process_tree(server.pid)
            return (
                "--sealed" in _cmdline(server.pid)
                and len(web) == 3  # the master and two fresh workers
                and not set(web[1:]) & set(web_before)
                and "--share-file" not in _cmdline(worker.pid)
                and Browser(site).get("/health")[0] == 200
            )

        seconds = _wait_for(replaced, 30)
        after = _scan(process_tree(server.pid) + process_tree(worker.pid), needles)
        print(f"pre-seal hits: {before}\nseal reached every process in {seconds} s")
        assert seconds is not None, f"processes not replaced by sealed ones; hits: {after}"
        assert all(hits == {} for hits in after.values()), after
        assert server.poll() is None  # sealed, still running
        assert worker.poll() is None
        assert Browser(site).get("/login")[0] == 200
        status, _ = Browser(site).get(f"/cases/{references[0]}")
        assert status == 302  # sessions ended; signing in again reaches a sealed server
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        worker_log.close()
