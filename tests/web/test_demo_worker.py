"""``make demo`` runs the background worker beside the server and stops it with the server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from safepassage.commands import demo


class _FakeWorker:
    pid = 4242

    def __init__(self) -> None:
        self.terminated = False

    def poll(self) -> int | None:
        return 0 if self.terminated else None

    def terminate(self) -> None:
        self.terminated = True

    def wait(self, timeout: float | None = None) -> int:
        return 0


def test_the_worker_command_unseals_with_the_demo_shares(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def popen(command: list[str], **kwargs: Any) -> _FakeWorker:
        seen["command"] = command
        return _FakeWorker()

    monkeypatch.setattr(subprocess, "Popen", popen)
    demo.start_worker(tmp_path)
    command = seen["command"]
    assert command[0] == sys.executable
    assert command[3:7] == ["worker", "--loop", "--interval", str(demo.WORKER_INTERVAL)]
    assert command.count("--share-file") == 2
    assert str(tmp_path / "share-1.txt") in command


def test_the_worker_stops_with_the_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    worker = _FakeWorker()
    monkeypatch.setattr(demo, "start_worker", lambda shares: worker)
    monkeypatch.setattr(demo, "_unseal_with_demo_shares", lambda: str(tmp_path))
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: None)

    def serve(bind: str, workers: int) -> None:
        assert not worker.terminated  # running beside the server
        raise KeyboardInterrupt  # Ctrl-C stops the server

    import safepassage.commands.serve as serve_module

    monkeypatch.setattr(serve_module, "serve", serve)
    monkeypatch.setattr("safepassage.demo.loader.load_demo", _loaded)
    args = type("Args", (), {"bind": "127.0.0.1:0", "no_serve": False})()
    with pytest.raises(KeyboardInterrupt):
        demo.run(args)  # type: ignore[arg-type]
    assert worker.terminated


def _loaded() -> Any:
    return type("Summary", (), {"usernames": [], "created": False})()


def test_a_real_worker_process_is_stopped(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    demo.stop_worker(sleeper)
    assert sleeper.poll() is not None
