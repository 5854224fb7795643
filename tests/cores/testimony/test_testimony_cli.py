"""``safepassage testimony check FILE [--out FILE]``: the stable command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safepassage.cli import main

DOCUMENT = {
    "interviews": [
        {
            "id": "ru1",
            "date": "2024-09-01",
            "language": "ru",
            "text": "Я контрактник, сержант, в/ч 51460. Дезертировал 3 марта 2024 года.",
        },
        {
            "id": "fr1",
            "date": "2024-10-05",
            "language": "fr",
            "text": "Officier, lieutenant, unité militaire 51460. Il a déserté le 3 mars 2024.",
        },
    ],
    "record": {"unit_number": "51460"},
}


@pytest.fixture
def input_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_writes_claims_and_findings_to_out(input_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["testimony", "check", str(input_file), "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) >= {"claims", "findings"}
    for claim in result["claims"]:
        assert set(claim) >= {"interview", "kind", "value", "quote", "span"}
        text = DOCUMENT["interviews"][0 if claim["interview"] == "ru1" else 1]["text"]
        assert isinstance(text, str)
        assert text[claim["span"][0] : claim["span"][1]] == claim["quote"]
    fields = {(f["kind"], f["field"]) for f in result["findings"]}
    assert fields == {("contradiction", "rank"), ("contradiction", "service_kind")}
    for finding in result["findings"]:
        assert set(finding) >= {"kind", "field", "severity", "message", "evidence"}
        assert finding["severity"] in {"high", "medium", "low"}
        for ev in finding["evidence"]:
            assert set(ev) == {"interview", "value", "quote", "span"}
            source = DOCUMENT["interviews"][0 if ev["interview"] == "ru1" else 1]["text"]
            assert isinstance(source, str)
            assert source[ev["span"][0] : ev["span"][1]] == ev["quote"]


def test_check_prints_to_stdout_without_out(
    input_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["testimony", "check", str(input_file)]) == 0
    assert json.loads(capsys.readouterr().out)["findings"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "input is not valid JSON"),
        ('{"interviews": []}', "interviews: expected a non-empty list"),
        ('{"record": {}}', "missing 'interviews'"),
        (
            '{"interviews": [{"id": "a", "date": "2024-02-30", "language": "ru", "text": ""}]}',
            "interviews[0].date: not a valid date",
        ),
        (
            '{"interviews": [{"id": "a", "date": "2024-02-03", "language": "uk", "text": ""}]}',
            "interviews[0].language",
        ),
        (
            '{"interviews": [{"id": "a", "date": "2024-02-03", "language": "ru", "text": 5}]}',
            "interviews[0].text: expected a string",
        ),
    ],
)
def test_malformed_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["testimony", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["testimony", "check", str(tmp_path / "nope.json")]) == 2
    assert "cannot read input file" in capsys.readouterr().err


def test_installed_command_runs_in_a_subprocess(input_file: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("safepassage")
    out = tmp_path / "out.json"
    done = subprocess.run(
        [str(script), "testimony", "check", str(input_file), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    done = subprocess.run(
        [str(script), "testimony", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "safepassage testimony check: input: expected a JSON object with 'interviews'"
    )
