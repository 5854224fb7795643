"""A production-like SafePassage site for the assurance runs (``make assure``).

Built on the end-to-end helpers in ``tests/e2e/site.py``: a temporary data folder, real
``safepassage`` commands, a real gunicorn. On top: production mode (secret key, allowed
hosts; TLS is a proxy's job, so secure cookies and the HTTPS redirect are off on loopback),
an organisation with many caseworkers, a vetting officer and every other role, API tokens
for each role, a second organisation whose name is a canary, and a realistic number of
cases imported through ``safepassage cases import``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("e2e_site", ROOT / "tests" / "e2e" / "site.py")
assert _spec is not None
assert _spec.loader is not None
e2e = importlib.util.module_from_spec(_spec)
sys.modules["e2e_site"] = e2e
_spec.loader.exec_module(e2e)

ORG = "assure-org"
OTHER_ORG = "canary-org"
TAG = secrets.token_hex(4).upper()
OTHER_CANARY = f"CanaryOrg{TAG}"  # the other organisation's name: must never be answered
ROLES = ("caseworker", "coordinator", "vetting_officer", "auditor", "trustee", "liaison")

SETUP = r"""
import json
from safepassage.apps.accounts.models import Membership, Organisation, User
from django.contrib.auth.hashers import make_password
from safepassage.apps.accounts.tokens import issue_token
hashed = make_password({password!r})  # one Argon2 hash for all: setting up stays quick
org = Organisation.objects.create(slug={org!r}, name="Assurance Organisation")
other = Organisation.objects.create(slug={other!r}, name={canary!r})
out = {{"users": {{}}, "tokens": {{}}}}
def person(name, organisation, role, secret):
    user = User.objects.create_user(name, None)
    user.password = hashed
    user.totp_secret = secret
    user.save()
    return Membership.objects.create(user=user, organisation=organisation, role=role)
for name, secret in {caseworkers!r}:
    person(name, org, "caseworker", secret)
for role in {roles!r}:
    membership = person("role." + role, org, role, "")
    out["tokens"][role] = issue_token(membership, "assure")
out["tokens"]["vetting_officer_2"] = issue_token(
    person("role.vetting_officer_2", org, "vetting_officer", ""), "assure")
outsider = person("outsider.caseworker", other, "caseworker", "")
out["tokens"]["outsider"] = issue_token(outsider, "assure")
print("ASSURE" + json.dumps(out))
"""

SCHEDULES = r"""
from django.utils import timezone
from safepassage.apps.cases.models import Case
from safepassage.apps.safety.models import CheckInSchedule
now = timezone.now()
CheckInSchedule.objects.bulk_create(
    [CheckInSchedule(case=c, interval_hours=48, grace_hours=12, started_at=now)
     for c in Case.objects.filter(checkin_schedule__isnull=True)]
)
"""


@dataclass
class World:
    site: Any
    caseworkers: dict[str, str] = field(default_factory=dict)  # username -> TOTP seed
    tokens: dict[str, str] = field(default_factory=dict)  # role -> bearer token

    def shares(self) -> list[str]:
        return ["--share-file", self.site.share(1), "--share-file", self.site.share(2)]

    def start(self, workers: int = 2) -> None:
        self.site.start("--workers", str(workers), *self.shares())
        if self.site.server is None or self.site.server.poll() is not None:
            raise SystemExit("assure: the server did not start; see its log in " + str(self.root))

    @property
    def root(self) -> Path:
        return Path(self.site.root)


def production_env(env: dict[str, str]) -> dict[str, str]:
    return env | {
        "SAFEPASSAGE_MODE": "production",
        "SECRET_KEY": "assure-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        # No TLS on loopback: in production a proxy terminates TLS in front of gunicorn.
        "SAFEPASSAGE_SECURE_COOKIES": "0",
        "SAFEPASSAGE_SSL_REDIRECT": "0",
        "SAFEPASSAGE_HSTS_SECONDS": "0",
    }


def new_world(root: Path, caseworkers: int = 4) -> World:
    import pyotp

    root.mkdir(parents=True, exist_ok=True)
    site = e2e.new_site(root)
    site.env = production_env(site.env)
    site.data.mkdir(mode=0o700)
    site.setup()
    names = [(f"cw.{i:02d}", pyotp.random_base32()) for i in range(1, caseworkers + 1)]
    script = SETUP.format(
        org=ORG,
        other=OTHER_ORG,
        canary=OTHER_CANARY,
        password=site.password,
        caseworkers=names,
        roles=list(ROLES),
    )
    result = site.command("shell", "--no-imports", "-c", script)
    data = json.loads(result.stdout.split("ASSURE", 1)[1])
    return World(site, dict(names), data["tokens"])


def case_rows(count: int, assignees: list[str], stage: str = "intake") -> list[dict[str, Any]]:
    """Fictional people (transliterated Russian names, ordinary places)."""
    first = ["Ivan", "Pyotr", "Sergei", "Alexei", "Dmitri", "Nikolai", "Oleg", "Yuri"]
    last = ["Sokolov", "Popov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Pavlov"]
    places = [("KZ", "Almaty"), ("AM", "Yerevan"), ("GE", "Tbilisi"), ("RS", "Belgrade")]
    rows = []
    for i in range(count):
        country, place = places[i % len(places)]
        rows.append(
            {
                "legal_name": f"{first[i % 8]} {last[(i // 8) % 8]} {i}",
                "country": country,
                "coarse_place": place,
                "birth_date": f"19{70 + i % 30}-0{1 + i % 9}-1{i % 9}",
                "note": f"Intake interview {i}: left after mobilisation notice.",
                "stage": stage,
                "assignee": assignees[i % len(assignees)] if assignees else "",
            }
        )
    return rows


def import_cases(world: World, rows: list[dict[str, Any]], name: str = "cases.jsonl") -> None:
    path = world.root / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    world.site.command("cases", "import", str(path), "--organisation", ORG, *world.shares())
    path.unlink()


def add_schedules(world: World) -> None:
    world.site.command("shell", "--no-imports", "-c", SCHEDULES)


def sign_in(browser: Any, username: str, password: str, seed: str) -> None:
    """Sign in through the form with a fresh TOTP code (the way tests/e2e does)."""
    import pyotp

    for _ in range(3):  # a code already used in this 30 s window is refused: wait for the next
        fields = {"username": username, "password": password, "code": pyotp.TOTP(seed).now()}
        status, _ = browser.post("/login", fields)
        if status == 302:
            return
        time.sleep(31 - time.time() % 30)
    raise SystemExit(f"assure: sign-in failed for {username}")


def finish(world: World, code: int) -> int:
    """Remove the site's folder after a clean run; keep it (and say where) after a failure."""
    import shutil

    if code == 0:
        shutil.rmtree(world.root, ignore_errors=True)
    else:
        print(f"assure: logs and data kept in {world.root}", file=sys.stderr)
    return code


def database_label() -> str:
    return "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
