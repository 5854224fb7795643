"""Importing cases: good, bad and mixed files, encodings, dry run, nothing partial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Case, Location, PersonName, ServiceRecord, StageTransition
from safepassage.apps.cases.transfer.importer import ImportRow, parse, schema
from safepassage.apps.cases.transfer.records import write_rows
from safepassage.cli import main

from .conftest import World

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "legal_name": "Чувиляев Александр Петрович",
        "country": "KZ",
        "other_names": ["Chuvilyaev"],
        "birth_date": "1994-03-08",
        "unit_number": "30926",
        "service_kind": "mobilised",
        "assignee": "caseworker",
    },
    {"legal_name": "Ivan IVANOV", "country": "am", "citizenships": ["RU", "UA"]},
]


def _jsonl(tmp_path: Path, rows: list[object], name: str = "cases.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def _run(path: Path, *extra: str) -> int:
    return main(["cases", "import", str(path), "--organisation", "org-a", *extra])


def _unsealed_import(
    world: World,
    path: Path,
    *extra: str,
    monkeypatch: pytest.MonkeyPatch,
) -> int:
    # The fixture already unsealed this process; the command would otherwise ask for shares.
    monkeypatch.setattr("safepassage.commands.cases.unseal_from_args", lambda args: True)
    return _run(path, *extra)


def test_good_file_imports_every_row(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = Case.objects.count()
    assert _unsealed_import(world, _jsonl(tmp_path, GOOD), monkeypatch=monkeypatch) == 0
    assert Case.objects.count() == before + 2
    names = {n.full_name for n in PersonName.objects.all()}
    assert {"Чувиляев Александр Петрович", "Chuvilyaev", "Ivan IVANOV"} <= names
    assert {loc.country for loc in Location.objects.all()} == {"KZ", "AM"}
    assert ServiceRecord.objects.get().service["unit_number"] == "30926"
    assert AuditEntry.objects.filter(action="case.import").exists()


def test_mixed_file_imports_nothing_and_names_each_bad_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        *GOOD,
        {"legal_name": "Секретов Секрет", "country": "XY"},
        {"legal_name": "Тайный", "country": "KZ", "birth_date": "31.12.1990"},
    ]
    path = _jsonl(tmp_path, rows)
    path.write_text(path.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    before = Case.objects.count()
    assert _run(path) == 1
    err = capsys.readouterr().err
    assert "line 3: country: not a country code" in err
    assert "line 4: birth_date:" in err
    assert "line 5: not valid JSON" in err
    assert "nothing imported" in err
    assert "Секретов" not in err
    assert "Тайный" not in err
    assert Case.objects.count() == before


def test_unknown_assignee_and_unknown_column_are_errors(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(
        tmp_path,
        [
            {"legal_name": "А", "country": "KZ", "assignee": "nobody"},
            {"legal_name": "Б", "country": "KZ", "pasport": "123"},
        ],
    )
    assert _run(path) == 1
    err = capsys.readouterr().err
    assert "line 1: assignee: no active caseworker" in err
    assert "line 2: pasport: unknown column" in err


def test_csv_in_windows_1251_with_list_columns(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cases.csv"
    text = "legal_name,country,other_names,citizenships\r\nИванов Иван,GE,Ivanov|Iwanow,RU\r\n"
    path.write_bytes(text.encode("cp1251"))
    assert parse(path.read_bytes(), kind="csv").encoding == "cp1251"
    assert _unsealed_import(world, path, monkeypatch=monkeypatch) == 0
    assert {"Иванов Иван", "Ivanov", "Iwanow"} <= {n.full_name for n in PersonName.objects.all()}


def test_dry_run_writes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Case.objects.count()
    assert _run(_jsonl(tmp_path, GOOD), "--dry-run") == 0
    assert "2 rows are valid" in capsys.readouterr().out
    assert Case.objects.count() == before


@pytest.mark.parametrize("content", [b"", b"\n\n", b"legal_name,country\r\n"])
def test_empty_files_are_reported(world: World, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert _run(path) == 1


def test_csv_row_with_too_many_values(world: World) -> None:
    report = parse(b"legal_name,country\r\nA,KZ,extra\r\n", kind="csv")
    assert report.errors == ["line 2: more values than columns"]


@given(st.binary(max_size=400), st.sampled_from(["csv", "jsonl"]))
def test_parser_never_crashes_on_arbitrary_bytes(raw: bytes, kind: str) -> None:
    report = parse(raw, kind=kind)
    assert report.errors or report.rows


def test_committed_json_schema_matches_the_importer() -> None:
    committed = Path(__file__).parents[2] / "docs" / "case-import.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == schema()


def test_export_writes_selected_fields_and_audits_each_case(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unsealed_import(world, _jsonl(tmp_path, GOOD), monkeypatch=monkeypatch)
    monkeypatch.setattr("safepassage.commands.cases.unseal_from_args", lambda args: True)
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "cases",
            "export",
            "--organisation",
            "org-a",
            "--fields",
            "reference,legal_name,country",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["country"] for r in rows if r["country"]} == {"KZ", "AM"}
    assert AuditEntry.objects.filter(action="case.export").count() == len(rows)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert (
        main(
            [
                "cases",
                "export",
                "--organisation",
                "org-a",
                "--fields",
                "password",
                "--out",
                str(tmp_path / "x"),
            ]
        )
        == 2
    )


def test_imported_cases_past_intake_say_so_in_their_history(world: World) -> None:
    (ref,) = write_rows(world.org, [(1, ImportRow(legal_name="Y", country="AM", stage="vetting"))])
    transition = StageTransition.objects.get(case__reference=ref)
    assert (transition.from_stage, transition.to_stage) == ("intake", "vetting")
