"""Watchlist loading: FtM JSON lines, OpenSanctions simple CSV, plain CSV; UTF-8 or cp1251.

Lists are untrusted files: a bad line is reported with its file and line
number (never its content) and the rest still loads.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.cores.screening import BirthDate, LoadResult, load_watchlist

ZALA = Path("/work/shared/data/public/zala.entities.ftm.json")  # OpenSanctions, CC BY-NC 4.0

SIMPLE_HEADER = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
    "phones,emails,program_ids,dataset,first_seen,last_seen,last_change\n"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_real_ftm_cluster_loads_its_six_persons() -> None:
    """The yente 'zala' fixture: 91 entities, six of them persons."""
    result = load_watchlist(ZALA)
    assert result.issues == []
    assert len(result.entities) == 6
    assert result.skipped == 85
    maria = next(e for e in result.entities if e.id == "NK-2Tbri3s6GgNtAwsSXh4qpL")
    assert "Захарова Марія Олександрівна" in maria.names
    assert maria.birth_dates == (BirthDate(1988, 1, 7),)
    assert maria.gender == "f"
    assert "ru" in maria.nationalities


def test_ftm_structured_name_parts_are_composed(tmp_path: Path) -> None:
    entity = {
        "id": "p1",
        "schema": "Person",
        "properties": {"firstName": ["Иван"], "lastName": ["Петров"], "fatherName": ["Иванович"]},
    }
    result = load_watchlist(_write(tmp_path / "l.json", json.dumps(entity) + "\n"))
    assert result.entities[0].names == ("Петров, Иван Иванович",)


def test_opensanctions_simple_csv_keeps_persons_only(tmp_path: Path) -> None:
    text = SIMPLE_HEADER + (
        'os-1,Person,Ivan Petrov,"Иван Петров;Ivan Petroff",1970-01-02;1971,ru,,,,,,,'
        "ds,2024-01-01,2024-01-01,2024-01-01\n"
        "os-2,Company,Acme,,,,,,,,,,ds,2024-01-01,2024-01-01,2024-01-01\n"
    )
    result = load_watchlist(_write(tmp_path / "targets.simple.csv", text))
    assert result.issues == []
    assert [e.id for e in result.entities] == ["os-1"]
    assert result.entities[0].names == ("Ivan Petrov", "Иван Петров", "Ivan Petroff")
    assert result.entities[0].birth_dates == (BirthDate(1970, 1, 2), BirthDate(1971))
    assert result.skipped == 1


def test_plain_csv_in_windows_1251(tmp_path: Path) -> None:
    text = "id,name,aliases,birth_date\nx1,Чувиляев Александр,Chuvilyaev Alexander,1980\n"
    result = load_watchlist(_write(tmp_path / "list.csv", text, "cp1251"))
    assert result.issues == []
    assert result.entities[0].names == ("Чувиляев Александр", "Chuvilyaev Alexander")


def test_plain_csv_in_utf8_with_bom(tmp_path: Path) -> None:
    text = "\ufeffid,name,aliases,birth_date\nx1,Путин Владимир,,\n"
    result = load_watchlist(_write(tmp_path / "list.csv", text))
    assert result.issues == []
    assert result.entities[0].id == "x1"


def test_malformed_lines_are_reported_by_number_and_skipped(tmp_path: Path) -> None:
    good = {"id": "a", "schema": "Person", "properties": {"name": ["Секретный Человек"]}}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "b", "schema": "Person"}),
        json.dumps({"id": "c", "schema": "Person", "properties": {"name": []}}),
        json.dumps(
            {**good, "id": "d", "properties": {"name": ["X Y"], "birthDate": ["1990-13-01"]}}
        ),
    ]
    path = _write(tmp_path / "bad.jsonl", "\n".join(lines) + "\n")
    result = load_watchlist(path)
    assert [e.id for e in result.entities] == ["a", "d"]
    assert [(i.line, i.problem) for i in result.issues] == [
        (2, "not valid JSON"),
        (3, "not a FollowTheMoney entity (no properties object)"),
        (4, "person without an id or a name"),
        (5, "birth date is not a calendar date; date ignored, entry kept"),
    ]
    assert all(i.path == str(path) for i in result.issues)
    assert all("Секретный" not in str(i) for i in result.issues)


def test_csv_row_with_wrong_column_count(tmp_path: Path) -> None:
    text = "id,name,aliases,birth_date\nx1,Иван Иванов,,\nx2,Пётр\nx3,Сидоров Сидор,,1950\n"
    result = load_watchlist(_write(tmp_path / "l.csv", text))
    assert [e.id for e in result.entities] == ["x1", "x3"]
    assert [(i.line, i.problem) for i in result.issues] == [(3, "expected 4 columns, found 2")]


def test_csv_without_required_columns(tmp_path: Path) -> None:
    result = load_watchlist(_write(tmp_path / "l.csv", "who,what\n1,2\n"))
    assert result.entities == []
    assert [(i.line, i.problem) for i in result.issues] == [
        (1, "CSV header lacks an 'id' or 'name' column")
    ]


def test_empty_file_is_reported(tmp_path: Path) -> None:
    result = load_watchlist(_write(tmp_path / "empty.csv", ""))
    assert result.entities == []
    assert [(i.line, i.problem) for i in result.issues] == [(0, "no persons found (empty list)")]


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    result = load_watchlist(tmp_path / "nope.json")
    assert len(result.issues) == 1
    assert result.issues[0].problem.startswith("cannot read file")


def test_undecodable_line_after_utf8_start(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(
        "id,name,aliases,birth_date\nx1,Иван Иванов,,\n".encode()
        + b"x2,\xff\xfe broken,,\n"
        + "x3,Сидоров Сидор,,\n".encode()
    )
    result = load_watchlist(path)
    assert [e.id for e in result.entities] == ["x1", "x3"]
    assert [(i.line, i.problem) for i in result.issues] == [(3, "not valid utf-8 text")]


def test_several_files_accumulate(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.csv", "id,name,aliases,birth_date\na,Иван Иванов,,\n")
    second = _write(tmp_path / "b.csv", "id,name,aliases,birth_date\nb,Пётр Петров,,\n")
    result = LoadResult()
    load_watchlist(first, into=result)
    load_watchlist(second, into=result)
    assert [e.id for e in result.entities] == ["a", "b"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=60), st.binary(max_size=60).map(repr)), max_size=8))
def test_fuzzed_csv_never_raises(tmp_path: Path, rows: list[str]) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_text("id,name,aliases,birth_date\n" + "\n".join(rows), encoding="utf-8")
    result = load_watchlist(path)
    assert all(issue.line >= 0 for issue in result.issues)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzzed_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    for name in ("fuzz.json", "fuzz.csv"):
        path = tmp_path / name
        path.write_bytes(data)
        result = load_watchlist(path)
        assert all(str(path) in str(issue) for issue in result.issues)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(["id", "schema", "properties", "caption"]),
        st.one_of(json_values, st.just("Person")),
    ),
    st.dictionaries(
        st.sampled_from(
            ["name", "alias", "birthDate", "gender", "firstName", "lastName", "fatherName"]
        ),
        json_values,
    ),
)
def test_fuzzed_ftm_entities_never_raise(
    tmp_path: Path, entity: dict[str, object], props: dict[str, object]
) -> None:
    entity.setdefault("schema", "Person")
    if isinstance(entity.get("properties"), dict):
        entity["properties"] = props
    path = tmp_path / "fuzz.jsonl"
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    result = load_watchlist(path)
    assert len(result.entities) + len(result.issues) + result.skipped >= 1
