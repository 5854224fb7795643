"""Run a command against a throw-away PostgreSQL server started just for it.

    python scripts/with_postgres.py -- pytest tests/web

Finds PostgreSQL's server binaries (installing Debian's ``postgresql`` package when they
are missing and we are root), runs ``initdb`` into a temporary folder (as the
``postgres`` user when we are root, since initdb refuses root), listens only on a Unix
socket in that folder with password authentication, exports ``DATABASE_URL`` to the
command, and removes everything afterwards.

    python scripts/with_postgres.py --log-statements -- python assure/canary.py

``--log-statements`` starts the server with ``log_statement=all`` (every statement and its
parameters go to the server log) and exports that log's path as ``SAFEPASSAGE_PG_LOG``, so
the command can scan it (``make assure`` looks for canaries in it).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

DB_USER = "safepassage"
DB_NAME = "safepassage"


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("with_postgres: installing PostgreSQL server binaries", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
            check=True,
            env=env,
        )
        return _bindir()
    sys.exit("with_postgres: PostgreSQL server binaries (initdb) not found; install postgresql")


def _as_owner(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        sys.exit("usage: with_postgres.py [--log-statements] -- COMMAND [ARGS...]")
    options_given, command = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    if set(options_given) - {"--log-statements"}:
        sys.exit("usage: with_postgres.py [--log-statements] -- COMMAND [ARGS...]")
    log_statements = "--log-statements" in options_given
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="sp-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    password = secrets.token_urlsafe(24)
    pwfile = root / "pw"
    pwfile.write_text(password)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        for path in (sockets, pwfile):
            shutil.chown(path, "postgres")
        root.chmod(0o755)
    port = _free_port()
    quiet = {"stdout": subprocess.DEVNULL}
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    DB_USER,
                    "--auth=scram-sha-256",
                    f"--pwfile={pwfile}",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            **quiet,
        )
        logged = "all" if log_statements else "none"
        options = (
            f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off -c log_statement={logged} "
            "-c log_min_error_statement=panic"
        )
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            **quiet,
        )
        env = dict(os.environ, PGPASSWORD=password)
        subprocess.run(
            [str(bindir / "createdb"), "-h", str(sockets), "-p", str(port), "-U", DB_USER, DB_NAME],
            check=True,
            env=env,
        )
        host = quote(str(sockets), safe="")
        url = f"postgres://{DB_USER}:{quote(password)}@{host}:{port}/{DB_NAME}"
        print(
            f"with_postgres: PostgreSQL ({bindir.parent.name}) on socket port {port}",
            file=sys.stderr,
        )
        env = dict(os.environ, DATABASE_URL=url)
        if log_statements:
            env["SAFEPASSAGE_PG_LOG"] = str(root / "server.log")
        return subprocess.run(command, env=env).returncode
    finally:
        subprocess.run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
