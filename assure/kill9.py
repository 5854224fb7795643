"""Kill -9: acknowledged writes survive a crash of the server and the worker at any moment.

    python assure/kill9.py [--runs 50]          (SQLite, or DATABASE_URL's PostgreSQL)

Each run starts gunicorn (unsealed with two shares) and ``safepassage worker --loop``,
then drives writes at once from several threads: case creations through the API, a
``safepassage cases import`` of a few rows, notes through the case page, check-ins
through the API and vetting sign-offs through the case page. A write counts as
acknowledged when its answer came (2xx/3xx, or the import's exit 0). At a random moment
(0.2 to 1.5 s after the run's first acknowledged write)
the server, its workers, the worker and the import are all killed with SIGKILL. The
next run first checks, on the restarted server: every acknowledged write is there, every
case written since the last check opens without an unreadable field (no half-written
case), and ``audit verify`` passes. The database server itself is never killed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    ORG,
    SCHEDULES,
    World,
    add_schedules,
    case_rows,
    database_label,
    e2e,
    finish,
    import_cases,
    new_world,
    sign_in,
)

STATE = (
    SCHEDULES
    + r"""
import json
from safepassage.apps.cases.models import Case
from safepassage.apps.safety.models import CheckIn
from safepassage.apps.cases.models import VettingSignOff
from safepassage.apps.accounts.models import User
from safepassage.cli import main
names = dict(User.objects.values_list("pk", "username"))
state = {
    "cases": list(Case.objects.filter(organisation__slug=ORG).values_list("reference", flat=True)),
    "checkins": {},
    "signoffs": [[s.case.reference, names[s.reviewer_id]]
                 for s in VettingSignOff.objects.select_related("case")],
}
for ref in CheckIn.objects.values_list("case__reference", flat=True):
    state["checkins"][ref] = state["checkins"].get(ref, 0) + 1
state["audit_verify"] = main(["audit", "verify"])
print("STATE" + json.dumps(state))
""".replace("ORG", repr(ORG))
)

REVIEWERS = ("role.vetting_officer", "role.vetting_officer_2")


@dataclass
class Ledger:
    """Every acknowledged write, and what the last check saw."""

    created: set[str] = field(default_factory=set)
    imported_rows: int = 0
    notes: dict[str, str] = field(default_factory=dict)  # note text -> case reference
    checkins: dict[str, int] = field(default_factory=dict)
    signoffs: set[tuple[str, str]] = field(default_factory=set)
    baseline_cases: int = 0
    seen_cases: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def acknowledged(self) -> int:
        checkins = sum(self.checkins.values())
        return (
            len(self.created) + self.imported_rows + len(self.notes) + checkins + len(self.signoffs)
        )


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _kill(processes: list[subprocess.Popen[Any]]) -> None:
    pids = []
    for process in processes:
        if process.poll() is None:
            pids += [process.pid, *_children(process.pid)]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    for process in processes:
        process.wait()


class Writers:
    """The client side of one run: threads that write until told to stop."""

    def __init__(self, world: World, ledger: Ledger, sessions: dict[str, Any]) -> None:
        self.world, self.ledger, self.sessions = world, ledger, sessions
        self.stop = threading.Event()
        self.csrf: dict[str, str] = {}
        self.acknowledged = threading.Event()

    def _api(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, str]:
        browser = e2e.Browser(self.world.site)
        headers = {"Authorization": f"Bearer {self.world.tokens['coordinator']}"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        return browser.request(method, path, data, headers)

    def _form(self, username: str, path: str, fields: dict[str, str]) -> int:
        """A form post with the session's CSRF token, read once per run (as a browser
        keeps a page open), so that the short run is spent writing."""
        session = self.sessions[username]
        body = urllib.parse.urlencode(fields | {"csrfmiddlewaretoken": self.csrf[username]})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return int(session.request("POST", path, body.encode(), headers)[0])

    def _loop(self, action: Any) -> None:
        while not self.stop.is_set():
            try:
                action()
            except (OSError, AssertionError, HTTPException, ValueError):
                return  # the server went away mid-answer: this run's writing is over

    def create(self) -> None:
        row = case_rows(1, ["cw.01"])[0] | {"legal_name": f"Created {random.random()}"}
        row.pop("stage")
        status, body = self._api("POST", "/api/v1/cases", row)
        if status == 201:
            self.acknowledged.set()
            with self.ledger.lock:
                self.ledger.created.add(json.loads(body)["reference"])

    def note(self) -> None:
        reference = random.choice(sorted(self.ledger.seen_cases))
        text = f"kill9 note {random.getrandbits(64):016x}"
        path = f"/cases/{reference}/notes"
        status = self._form("cw.01", path, {"text": text})
        if status == 302:
            self.acknowledged.set()
            with self.ledger.lock:
                self.ledger.notes[text] = reference

    def check_in(self) -> None:
        reference = random.choice(sorted(self.ledger.seen_cases))
        status, _ = self._api("POST", f"/api/v1/cases/{reference}/check-in")
        if status == 200:
            self.acknowledged.set()
            with self.ledger.lock:
                self.ledger.checkins[reference] = self.ledger.checkins.get(reference, 0) + 1

    def sign_off(self) -> None:
        reviewer = random.choice(REVIEWERS)
        with self.ledger.lock:
            done = set(self.ledger.signoffs)
        open_pairs = [r for r in sorted(self.ledger.seen_cases) if (r, reviewer) not in done]
        if not open_pairs:
            time.sleep(0.05)
            return
        reference = random.choice(open_pairs)
        fields = {"outcome": "insufficient", "note": "kill9 sign-off"}
        path = f"/cases/{reference}/signoff"
        status = self._form(reviewer, path, fields)
        if status == 302:
            self.acknowledged.set()
            with self.ledger.lock:
                self.ledger.signoffs.add((reference, reviewer))

    def start(self) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=self._loop, args=(a,), daemon=True)
            for a in (self.create, self.note, self.check_in, self.sign_off)
        ]
        for thread in threads:
            thread.start()
        return threads


def _state_begin(world: World) -> subprocess.Popen[str]:
    """The database as it is (reads only), then audit verify, in a fresh process."""
    return subprocess.Popen(
        [str(e2e.BIN / "safepassage"), "shell", "--no-imports", "-c", STATE],
        env=world.site.env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _state(reading: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = reading.communicate(timeout=120)
    if "STATE" not in out:
        raise SystemExit(f"kill9: the state check failed: {err[-1500:]}")
    before, _, after = out.partition("STATE")
    state = dict(json.loads(after))
    state["verify_said"] = (before + err)[-600:]  # sequence numbers only, never data
    return state


def _restart_and_check(world: World, ledger: Ledger, sessions: dict[str, Any]) -> list[str]:
    # Read (and verify the chain) before the server starts: it appends as it comes up.
    state = _state(_state_begin(world))
    world.start()
    return check(world, ledger, sessions, state)


def check(
    world: World, ledger: Ledger, sessions: dict[str, Any], state: dict[str, Any]
) -> list[str]:
    """What was acknowledged and is missing, or half-written, or a broken chain."""
    problems = [] if state["audit_verify"] == 0 else [f"audit verify: {state['verify_said']}"]
    cases = set(state["cases"])
    problems += [f"created case {r} lost" for r in sorted(ledger.created - cases)]
    if len(cases) < ledger.baseline_cases + len(ledger.created) + ledger.imported_rows:
        problems.append("imported cases lost")
    for reference, count in ledger.checkins.items():
        if state["checkins"].get(reference, 0) < count:
            problems.append(f"check-in on {reference} lost")
    present = {(r, u) for r, u in state["signoffs"]}
    problems += [f"sign-off {p} lost" for p in sorted(ledger.signoffs - present)]
    api = e2e.Browser(world.site)
    headers = {"Authorization": f"Bearer {world.tokens['coordinator']}"}
    noted = set(ledger.notes.values())
    for reference in sorted((cases - ledger.seen_cases) | noted):
        status, body = api.request("GET", f"/api/v1/cases/{reference}", headers=headers)
        # Every case here was written with a legal name: a case without one is half-written.
        if status != 200 or '"unreadable"' in body or not json.loads(body).get("names"):
            problems.append(f"case {reference} does not open whole ({status})")
    for reference in sorted(noted):
        _, page = sessions["cw.01"].get(f"/cases/{reference}")
        problems += [
            f"note on {reference} lost"
            for text, ref in ledger.notes.items()
            if ref == reference and text not in page
        ]
    ledger.notes.clear()  # each note is checked once, in the run after it was written
    ledger.seen_cases = cases
    return problems


def _sessions(world: World) -> dict[str, Any]:
    sessions = {}
    for username in ("cw.01", *REVIEWERS):
        browser = e2e.Browser(world.site)
        sign_in(browser, username, world.site.password, world.caseworkers[username])
        sessions[username] = browser
    return sessions


def one_run(world: World, ledger: Ledger, sessions: dict[str, Any], index: int) -> list[str]:
    problems = _restart_and_check(world, ledger, sessions)
    env, bin_ = world.site.env, e2e.BIN / "safepassage"
    worker = subprocess.Popen(
        [str(bin_), "worker", "--loop", "--interval", "0.5", *world.shares()],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = case_rows(3, ["cw.01"], stage="vetting")
    import_file = world.root / f"import-{index}.jsonl"
    import_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    importer = subprocess.Popen(
        [str(bin_), "cases", "import", str(import_file), "--organisation", ORG, *world.shares()],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writers = Writers(world, ledger, sessions)
    some_case = f"/cases/{min(ledger.seen_cases)}"
    for username, session in sessions.items():  # as a browser with the case page open
        writers.csrf[username] = session.csrf(some_case)
    writers.start()
    # The random moment counts from the first acknowledged write: on a busy machine the
    # worker and the import starting up could otherwise starve the writers of the run.
    writers.acknowledged.wait(timeout=15)
    time.sleep(random.uniform(0.2, 1.5))
    assert world.site.server is not None
    _kill([world.site.server, worker, importer])
    writers.stop.set()
    if importer.returncode == 0:
        ledger.imported_rows += len(rows)
    world.site.server = None
    if world.site.server_log is not None:
        world.site.server_log.close()
        world.site.server_log = None
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    label = database_label()
    world = new_world(Path(mkdtemp(prefix="sp-kill9-")), caseworkers=1)
    world.caseworkers |= _role_seeds(world)
    import_cases(world, case_rows(30, ["cw.01"], stage="vetting"))
    add_schedules(world)
    world.start()
    sessions = _sessions(world)
    ledger = Ledger()
    ledger.seen_cases = set(_state(_state_begin(world))["cases"])
    ledger.baseline_cases = len(ledger.seen_cases)
    world.site.stop()
    started, problems = time.monotonic(), []
    for index in range(args.runs):
        problems += one_run(world, ledger, sessions, index)
    problems += _restart_and_check(world, ledger, sessions)
    world.site.stop()
    print(
        f"kill9 ({label}): {args.runs} runs in {time.monotonic() - started:.0f} s, "
        f"{ledger.acknowledged} acknowledged writes, lost: {len(problems)}"
    )
    for problem in problems:
        print(f"kill9 ({label}): {problem}", file=sys.stderr)
    return finish(world, 1 if problems else 0)


def _role_seeds(world: World) -> dict[str, str]:
    """Give the two vetting officers TOTP seeds, so they can sign in to sign off."""
    import pyotp

    seeds = {name: pyotp.random_base32() for name in REVIEWERS}
    script = "from safepassage.apps.accounts.models import User\n" + "".join(
        f"u = User.objects.get(username={name!r}); u.totp_secret = {seed!r}; u.save()\n"
        for name, seed in seeds.items()
    )
    world.site.command("shell", "--no-imports", "-c", script)
    return seeds


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
