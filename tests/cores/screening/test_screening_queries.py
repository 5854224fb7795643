"""Query files: JSON lines or CSV with id, name and optional birth_date, gender, nationality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepassage.cores.screening import BirthDate, load_queries, parse_birth_date


def test_json_lines_queries(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [
        {"id": "q1", "name": "Sasha Czuwiliajew", "birth_date": "1980-02-03", "gender": "male"},
        {"id": 2, "name": "Путин", "birth_date": "1952", "nationality": "ru"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    loaded = load_queries(path)
    assert loaded.issues == []
    first, second = loaded.queries
    assert (first.id, first.birth_date, first.gender) == ("q1", BirthDate(1980, 2, 3), "m")
    assert (second.id, second.birth_date, second.nationality) == ("2", BirthDate(1952), "ru")


def test_csv_queries_in_cp1251(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes("id,name,birth_date\nq1,Чувиляев Александр,1980\n".encode("cp1251"))
    loaded = load_queries(path)
    assert loaded.issues == []
    assert loaded.queries[0].name == "Чувиляев Александр"


def test_malformed_query_lines(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"id": "ok", "name": "Иван Иванов"}\n'
        "[1, 2]\n"
        '{"id": "x", "name": "Тайный Свидетель", "birth_date": "03.02.1980"}\n'
        '{"name": "Без Номера"}\n'
        '{"id": "y", "name": ["list"]}\n'
        "\n",
        "utf-8",
    )
    loaded = load_queries(path)
    assert [q.id for q in loaded.queries] == ["ok"]
    assert [(i.line, i.problem) for i in loaded.issues] == [
        (2, "not a JSON object"),
        (3, "'birth_date': birth date is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (4, "missing 'id'"),
        (5, "field is not text"),
    ]
    assert all("Тайный" not in str(i) for i in loaded.issues)


def test_empty_query_file(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("", "utf-8")
    loaded = load_queries(path)
    assert loaded.queries == []
    assert loaded.issues == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980", BirthDate(1980)),
        ("1980-02", BirthDate(1980, 2)),
        ("1980-02-29", BirthDate(1980, 2, 29)),
    ],
)
def test_parse_birth_date(text: str, expected: BirthDate) -> None:
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text", ["", "80", "1981-02-29", "1980-00", "02.03.1980", "3000"])
def test_bad_birth_dates(text: str) -> None:
    with pytest.raises(ValueError, match="birth"):
        parse_birth_date(text)
