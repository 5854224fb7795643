"""``safepassage lists import|show``: a good file is a new version, a bad one imports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.apps.vetting.models import ListedEntity, ListVersion
from safepassage.cli import main

pytestmark = pytest.mark.django_db

GOOD = (
    '{"id": "P1", "schema": "Person", "properties": {"name": ["Иванов Иван"], '
    '"birthDate": ["1980-01-01"]}}\n'
    '{"id": "C1", "schema": "Company", "properties": {"name": ["Acme"]}}\n'
)


def test_lists_import_makes_a_version_and_show_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text(GOOD, encoding="utf-8")
    args = ["lists", "import", str(path), "--name", "demo", "--licence", "CC BY 4.0"]
    assert main(args) == 0
    assert "demo v1: 1 persons" in capsys.readouterr().out
    assert main(args) == 0
    assert "demo v2: 1 persons, 0 new or changed" in capsys.readouterr().out
    assert ListVersion.objects.get(number=2).licence == "CC BY 4.0"
    assert main(["lists", "show"]) == 0
    shown = capsys.readouterr().out
    assert "demo v1" in shown
    assert "current" in shown
    assert "superseded" in shown


def test_a_truncated_file_imports_nothing_and_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text(GOOD + '{"id": "P2", "schema": "Pers', encoding="utf-8")
    assert main(["lists", "import", str(path), "--name", "demo"]) == 1
    err = capsys.readouterr().err
    assert "list.jsonl:3: not valid JSON" in err
    assert "Pers" not in err  # never the line's content
    assert not ListVersion.objects.exists()
    assert not ListedEntity.objects.exists()


def test_bad_arguments_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lists", "import", str(tmp_path / "missing.csv"), "--name", "demo"]) == 2
    assert main(["lists", "import", str(tmp_path), "--name", "Bad Name"]) == 2
    assert capsys.readouterr().err.count("error:") == 2
