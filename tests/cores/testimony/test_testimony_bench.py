"""The benchmark and the evaluation command run (smoke test; figures are not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_runs_small(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("testimony").main(["--words", "300", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "check:" in out
    assert "ratio" in out


def test_evaluation_command_prints_both_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("testimony_eval").main([]) == 0
    out = capsys.readouterr().out
    assert "tuned:" in out
    assert "heldout:" in out
    assert "contradiction" in out
