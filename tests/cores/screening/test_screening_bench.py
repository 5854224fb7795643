"""The benchmark script keeps running (tiny size; the real figures come from bench/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "screening.py"


def test_benchmark_smoke_run() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--persons", "2000"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "p95" in done.stdout
    assert "ratios" in done.stdout


def test_scale_benchmark_smoke_run() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH.parent / "screening_scale.py"),
            *("--sizes", "1500", "--queries", "40", "--tail", "2000"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "sp-translit-v1" in done.stdout
    assert "sp-translit-v2" in done.stdout
    assert "match prec" in done.stdout
