"""A real SafePassage server in a temporary data folder, driven over HTTP like a browser.

Used by the end-to-end tests: commands run as subprocesses of the installed
``safepassage`` entry point, the server is gunicorn on a free loopback port, and the
database is a SQLite file or, when ``DATABASE_URL`` is set, that PostgreSQL database.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

BIN = Path(sys.executable).parent
SETUP_USER = """
from safepassage.apps.accounts.models import Membership, Organisation, User
org = Organisation.objects.create(slug="e2e-org", name="E2E Organisation")
user = User.objects.create_user("e2e.caseworker", {password!r})
user.totp_secret = {secret!r}
user.save()
Membership.objects.create(user=user, organisation=org, role="caseworker")
Membership.objects.create(user=user, organisation=org, role="coordinator")
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def reset_postgres(url: str) -> None:
    import dj_database_url
    import psycopg

    db = dj_database_url.parse(url)
    with psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"] or None,
        autocommit=True,
    ) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@dataclass
class Site:
    root: Path
    env: dict[str, str]
    logs: list[Path] = field(default_factory=list)
    server: subprocess.Popen[bytes] | None = None
    server_log: IO[bytes] | None = None
    port: int = 0
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    totp_secret: str = ""

    @property
    def data(self) -> Path:
        return self.root / "data"

    def command(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        log = self.root / "logs" / f"cmd-{len(self.logs)}.log"
        log.parent.mkdir(exist_ok=True)
        self.logs.append(log)
        result = subprocess.run(
            [str(BIN / "safepassage"), *args],
            env=self.env,
            text=True,
            capture_output=True,
            timeout=120,
            check=False,
        )
        log.write_text(result.stdout + result.stderr, encoding="utf-8")
        if check and result.returncode != 0:
            raise AssertionError(f"safepassage {args[0]} failed: {result.stderr[-2000:]}")
        return result

    def setup(self) -> None:
        import pyotp

        if "DATABASE_URL" in self.env:
            reset_postgres(self.env["DATABASE_URL"])
        self.command("migrate", "--verbosity", "0")
        self.command(
            "keys",
            "init",
            "--shares",
            "3",
            "--threshold",
            "2",
            "--out-dir",
            str(self.root / "shares"),
        )
        self.totp_secret = pyotp.random_base32()
        script = SETUP_USER.format(password=self.password, secret=self.totp_secret)
        self.command("shell", "--no-imports", "-c", script)

    def share(self, index: int) -> str:
        return str(self.root / "shares" / f"share-{index}.txt")

    def start(self, *extra: str) -> subprocess.Popen[bytes]:
        self.port = _free_port()
        log = self.root / "logs" / f"server-{len(self.logs)}.log"
        self.logs.append(log)
        handle = self.server_log = log.open("wb")
        self.server = subprocess.Popen(
            [
                str(BIN / "safepassage"),
                "serve",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                *extra,
            ],
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                self.server_log.close()
                self.server_log = None
                return self.server
            try:
                urllib.request.urlopen(self.url("/health"), timeout=2)  # noqa: S310 - loopback
                return self.server
            except (urllib.error.URLError, ConnectionError, TimeoutError):  # busy machine
                time.sleep(0.2)
        raise AssertionError("server did not start")

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=30)
        self.server = None
        if self.server_log is not None:
            self.server_log.close()
            self.server_log = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class Browser:
    """Cookies, CSRF tokens and forms, like a person's browser without JavaScript."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(
        self,
        method: str,
        path: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        req = urllib.request.Request(  # noqa: S310 - http to loopback only
            self.site.url(path), data=data, method=method, headers=headers or {}
        )
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def csrf(self, path: str) -> str:
        _, body = self.get(path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not found:
            raise AssertionError(f"no form on {path}")
        return found.group(1)

    def post(
        self,
        path: str,
        fields: dict[str, str | list[str]],
        *,
        form_on: str | None = None,
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, str]:
        token = self.csrf(form_on or path)
        pairs: list[tuple[str, str]] = [("csrfmiddlewaretoken", token)]
        for key, value in fields.items():
            pairs.extend((key, v) for v in (value if isinstance(value, list) else [value]))
        if not files:
            body = urllib.parse.urlencode(pairs).encode()
            return self.request(
                "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
            )
        boundary = secrets.token_hex(12)
        parts: list[bytes] = []
        for key, value in pairs:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for key, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            b"".join(parts),
            {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )

    def sign_in(self) -> None:
        import pyotp

        status, _ = self.post(
            "/login",
            {
                "username": "e2e.caseworker",
                "password": self.site.password,
                "code": pyotp.TOTP(self.site.totp_secret).now(),
            },
        )
        if status != 302:
            raise AssertionError("sign-in failed")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def new_site(tmp_path: Path) -> Site:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFEPASSAGE_")}
    env["SAFEPASSAGE_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONUNBUFFERED"] = "1"
    return Site(tmp_path, env)


def canary_case(tag: str) -> dict[str, str]:
    """A new case's form fields, each holding ``tag``: a canary whose every value must be
    found nowhere on disk, in a log or in a backup (the seizure test and ``make assure``)."""
    return {
        "legal_name": f"Канареечкин{tag} Пётр Ильич",
        "other_names": f"Kanareechkin{tag} Pyotr",
        "birth_place": f"Канарейск{tag}",
        "contact_channel": f"Signal{tag}",
        "contact_handle": f"+7999{tag}777",
        "contact_protocol": f"кодовое слово щегол{tag}",
        "coarse_place": f"Алматы{tag}",
        "exact_address": f"улица Тайная{tag}, дом 5",
        "note": f"Дезертировал{tag} из части в мае",
    }
