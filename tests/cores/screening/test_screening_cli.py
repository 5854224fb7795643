"""``safepassage screen``: the contract other tools depend on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safepassage.cli import main

ZALA = Path("/work/shared/data/public/zala.entities.ftm.json")  # OpenSanctions, CC BY-NC 4.0
PLAIN_CSV = "id,name,aliases,birth_date\nchuv,Чувиляев Александр Петрович,,1980-05-17\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _queries(path: Path, *rows: dict[str, str]) -> Path:
    return _write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def _out(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_ftm_list_and_json_queries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = _queries(
        tmp_path / "q.jsonl",
        {"id": "a", "name": "Sasha Zacharow", "birth_date": "1965"},
        {"id": "b", "name": "Nobody Atall"},
        {"id": "c", "name": "Марія Захарова", "gender": "f"},
    )
    out = tmp_path / "out.jsonl"
    code = main(["screen", "--list", str(ZALA), "--queries", str(queries), "--out", str(out)])
    assert code == 0
    lines = _out(out)
    assert [line["query_id"] for line in lines] == ["a", "b", "c"]
    first = lines[0]["matches"][0]  # type: ignore[index]
    assert first["entity_id"] == "NK-aU5ybkbRFJucf8YMwsJvDw"
    assert first["decision"] == "match"
    assert 0 <= first["score"] <= 1
    assert first["explanation"]["algorithm"] == "sp-translit-v2"
    assert "more" not in lines[0]
    assert "namesakes" not in lines[0]
    assert lines[1]["matches"] == []
    assert "6 persons" in capsys.readouterr().err


def test_plain_csv_list_in_cp1251_and_csv_queries(tmp_path: Path) -> None:
    listed = _write(tmp_path / "list.csv", PLAIN_CSV, "cp1251")
    queries = _write(tmp_path / "q.csv", "id,name,birth_date\nq1,Tschuwiljajew Alexander,1980\n")
    out = tmp_path / "out.jsonl"
    assert (
        main(["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]) == 0
    )
    assert _out(out)[0]["matches"][0]["entity_id"] == "chuv"  # type: ignore[index]


def test_opensanctions_simple_csv_and_several_lists(tmp_path: Path) -> None:
    simple = _write(
        tmp_path / "targets.simple.csv",
        "id,schema,name,aliases,birth_date,countries\nos1,Person,Ivan Petrov,,1970,ru\n"
        "os2,Company,Petrov LLC,,,ru\n",
    )
    plain = _write(tmp_path / "list.csv", PLAIN_CSV)
    queries = _queries(
        tmp_path / "q.jsonl",
        {"id": "1", "name": "Иван Петров"},
        {"id": "2", "name": "Czuwiliajew Aleksander"},
    )
    out = tmp_path / "out.jsonl"
    args = ["screen", "--list", str(simple), "--list", str(plain), "--queries", str(queries)]
    assert main([*args, "--out", str(out)]) == 0
    ids = [[m["entity_id"] for m in line["matches"]] for line in _out(out)]  # type: ignore[union-attr]
    assert ids == [["os1"], ["chuv"]]


def test_malformed_lines_reported_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _write(tmp_path / "list.csv", PLAIN_CSV + "broken,row\n")
    queries = _write(tmp_path / "q.jsonl", '{"id": "1", "name": "Chuvilyaev"}\n{oops\n')
    out = tmp_path / "out.jsonl"
    code = main(["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{listed}:3: expected 4 columns, found 2" in err
    assert f"{queries}:2: not valid JSON" in err
    assert "1 list problem(s)" in err
    assert "1 query problem(s)" in err
    assert len(_out(out)) == 1  # the run went on


def test_strict_stops_before_screening(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = _write(tmp_path / "list.csv", PLAIN_CSV + "broken,row\n")
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Chuvilyaev"})
    out = tmp_path / "out.jsonl"
    args = [
        "screen",
        "--strict",
        "--list",
        str(listed),
        "--queries",
        str(queries),
        "--out",
        str(out),
    ]
    assert main(args) == 2
    assert not out.exists()
    assert "nothing screened" in capsys.readouterr().err


def test_empty_list_is_a_problem_empty_queries_are_not(tmp_path: Path) -> None:
    empty_list = _write(tmp_path / "empty.csv", "")
    listed = _write(tmp_path / "list.csv", PLAIN_CSV)
    empty_queries = _write(tmp_path / "q.jsonl", "")
    out = tmp_path / "out.jsonl"
    args = ["--queries", str(empty_queries), "--out", str(out)]
    assert main(["screen", "--list", str(listed), *args]) == 0
    assert out.read_text("utf-8") == ""
    assert main(["screen", "--list", str(empty_list), *args]) == 1


def test_hits_beyond_limit_are_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"n{i},Иванов Иван Иванович,,1980-01-02\n" for i in range(5))
    listed = _write(tmp_path / "list.csv", "id,name,aliases,birth_date\n" + rows)
    queries = _queries(
        tmp_path / "q.jsonl", {"id": "1", "name": "Ivan Ivanov", "birth_date": "1980-01-02"}
    )
    out = tmp_path / "out.jsonl"
    args = ["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]
    assert main([*args, "--limit", "2"]) == 0
    line = _out(out)[0]
    assert len(line["matches"]) == 2  # type: ignore[arg-type]
    assert line["more"] == 3
    assert "1 queries had more than 2 possible persons" in capsys.readouterr().err


def test_undated_namesakes_are_counted_on_the_line(tmp_path: Path) -> None:
    rows = "".join(f"n{i},Иванов Иван Иванович,,\n" for i in range(5))
    listed = _write(tmp_path / "list.csv", "id,name,aliases,birth_date\n" + rows)
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Ivan Ivanov"})
    out = tmp_path / "out.jsonl"
    args = ["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]
    assert main(args) == 0
    assert _out(out)[0] == {"query_id": "1", "matches": [], "namesakes": 5}


@pytest.mark.parametrize("limit", ["0", "-3", "two"])
def test_limit_below_one_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    listed = _write(tmp_path / "list.csv", "id,name,aliases,birth_date\nn1,Иванов Иван,,\n")
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Ivan Ivanov"})
    out = tmp_path / "out.jsonl"
    args = ["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]
    with pytest.raises(SystemExit) as stopped:
        main([*args, "--limit", limit])
    assert stopped.value.code == 2
    assert "--limit" in capsys.readouterr().err
    assert not out.exists()


def test_older_rule_version_stays_selectable(tmp_path: Path) -> None:
    listed = _write(tmp_path / "list.csv", "id,name,aliases,birth_date\nn1,Иванов Иван,,\n")
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Ivan Ivanov"})
    out = tmp_path / "out.jsonl"
    args = ["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]
    assert main([*args, "--rules", "sp-translit-v1"]) == 0
    match = _out(out)[0]["matches"][0]  # type: ignore[index]
    assert match["explanation"]["algorithm"] == "sp-translit-v1"


def test_unwritable_output_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = _write(tmp_path / "list.csv", PLAIN_CSV)
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Chuvilyaev"})
    out = tmp_path / "missing-dir" / "out.jsonl"
    assert (
        main(["screen", "--list", str(listed), "--queries", str(queries), "--out", str(out)]) == 2
    )
    assert "cannot write" in capsys.readouterr().err


def test_messages_never_echo_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = _write(tmp_path / "list.csv", PLAIN_CSV + "x9,Секретов Секрет,,13.13.1313\n")
    queries = _write(
        tmp_path / "q.jsonl", '{"id": "1", "name": "Тайнов", "birth_date": "31.02.1990"}\n'
    )
    main(["screen", "--list", str(listed), "--queries", str(queries), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert "Секрет" not in err
    assert "Тайнов" not in err
    assert "birth date" in err


def test_installed_entry_point(tmp_path: Path) -> None:
    """The console script works end to end in a fresh process."""
    listed = _write(tmp_path / "list.csv", PLAIN_CSV)
    queries = _queries(tmp_path / "q.jsonl", {"id": "1", "name": "Chuviliaev Aleksandr"})
    out = tmp_path / "out.jsonl"
    script = Path(sys.executable).parent / "safepassage"
    done = subprocess.run(
        [
            str(script),
            "screen",
            "--list",
            str(listed),
            "--queries",
            str(queries),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert _out(out)[0]["matches"][0]["entity_id"] == "chuv"  # type: ignore[index]
