"""Importing cases: good, bad and mixed files, encodings, dry run, nothing partial."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
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
    assert "line 2: key 3: unknown column" in err
    assert "pasport" not in err  # a key from the file can be a name: its place is named


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


def test_csv_without_a_header_row_is_one_problem_naming_no_value(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Чувиляев Александр,KZ,Алматы\r\nИванов Иван,AM,Ереван\r\n", encoding="utf-8")
    assert _run(path, "--dry-run") == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "people.csv: line 1: the first line is not a header row: it must name the columns "
        "(legal_name, country, ...)",
        "1 problem(s): nothing imported",
    ]


def test_an_unknown_json_key_is_named_by_its_place_and_counted_once(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"legal_name": "Петров Пётр", "country": "KZ", "Петров Пётр": "Алматы"},
        {"legal_name": "Ivan IVANOV", "country": "AM"},
    ]
    assert _run(_jsonl(tmp_path, rows), "--dry-run") == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "cases.jsonl: line 1: key 3: unknown column",
        "1 problem(s) in 1 of 2 row(s): nothing imported",
    ]


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


# --- Reports never repeat the file: fuzzed with canaries in every position -------------------
#
# Every value a generated file holds (header names, cells, keys, nested values) is a canary
# drawn from an alphabet that no report message uses (Cyrillic and "Qzx", in cp1251 too), so
# any run of three of its characters in the command's output, in a log line or in an
# exception's text is a leak. Each generated row is good or carries one known defect, so the
# summary's counts can be checked: P problems printed, in B bad rows of N.

CANARY_ALPHABET = "ЖыЯЩЮёQzx"
# Past every CSV field limit in force: Python's default (128 KiB) and the 1 MiB the
# screening core sets for the whole process when it is imported.
HUGE = 1_100_000
canaries = st.text(CANARY_ALPHABET, min_size=6, max_size=14)
GOOD_VALUES = {"country": "KZ", "birth_date": "1990-01-02", "service_kind": "mobilised"}
ROW_DEFECTS = [
    None,
    "unknown_key",
    "bad_country",
    "bad_date",
    "too_long",
    "missing_name",
    "bad_unit",
    "nested",
    "huge",
]
JSON_DEFECTS = [*ROW_DEFECTS, "not_object", "broken", "huge_int", "deep", "duplicate_key"]
CSV_DEFECTS = [*ROW_DEFECTS, "extra_value"]


def _leaks(canary: str, text: str) -> bool:
    forms = {
        canary,
        canary.encode("utf-8").decode("cp1251", errors="replace"),
        canary.encode("cp1251").decode("utf-8", errors="replace"),
    }
    return any(form[i : i + 3] in text for form in forms for i in range(len(form) - 2))


def _row(defect: str | None, canary: str) -> tuple[dict[str, object], str | None]:
    """A row (column -> value) holding the canary, and what JSON-only text replaces it."""
    row: dict[str, object] = {"legal_name": canary, "coarse_place": canary, **GOOD_VALUES}
    if defect == "unknown_key":
        row[canary + "Щ"] = canary
    elif defect in {"bad_country", "bad_date", "bad_unit"}:
        row[
            {"bad_country": "country", "bad_date": "birth_date", "bad_unit": "unit_number"}[defect]
        ] = canary
    elif defect == "too_long":
        row["legal_name"] = canary * 40
    elif defect == "huge":
        row["note"] = canary * (HUGE // len(canary))
    elif defect == "missing_name":
        del row["legal_name"]
        row["note"] = canary
    elif defect == "nested":
        row["birth_place"] = {canary: [canary]}
    special = {
        "not_object": json.dumps([canary, {canary: canary}], ensure_ascii=False),
        "broken": '{"legal_name": "' + canary,
        "huge_int": '{"legal_name": "' + canary + '", "country": ' + "7" * 5000 + "}",
        "deep": "[" * 100_000 + json.dumps(canary, ensure_ascii=False),
        "duplicate_key": f'{{"legal_name": "{canary}", "country": "KZ", "legal_name": "{canary}"}}',
    }
    return row, special.get(defect or "")


def _scan(canary_list: list[str], captured: dict[str, str]) -> None:
    for where, text in captured.items():
        for canary in canary_list:
            assert not _leaks(canary, text), f"a canary leaked into {where}: {text[:300]!r}"


def _run_dry(world: World, raw: bytes, suffix: str, *extra: str) -> dict[str, str]:
    out, err = io.StringIO(), io.StringIO()
    handler = _Collect()
    logging.getLogger().addHandler(handler)
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"cases{suffix}"
            path.write_bytes(raw)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = _run(path, "--dry-run", *extra)
                except BaseException as error:
                    code = -1
                    err.write(f"RAISED {type(error).__name__}: {error}")
    finally:
        logging.getLogger().removeHandler(handler)
    return {
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
        "logs": handler.text(),
        "code": str(code),
    }


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def text(self) -> str:
        return "\n".join(self.lines)


SUMMARY = re.compile(r"^(\d+) problem\(s\)(?: in (\d+) of (\d+) row\(s\))?: nothing imported$")


def _counts(captured: dict[str, str]) -> tuple[int, int | None, int | None, int]:
    """(problems in the summary, bad rows, rows, problem lines printed)."""
    lines = captured["stderr"].splitlines()
    assert lines, captured
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    printed = [line for line in lines[:-1] if line.startswith("cases.")]
    assert len(printed) == len(lines) - 1, lines  # nothing else is printed
    problems, bad, rows = summary.groups()
    return int(problems), bad and int(bad), rows and int(rows), len(printed)  # type: ignore[return-value]


fuzz = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(
    st.lists(st.tuples(st.sampled_from(JSON_DEFECTS), canaries), min_size=1, max_size=6),
    st.booleans(),
)
def test_jsonl_reports_never_repeat_a_value_and_count_right(
    world: World, rows: list[tuple[str | None, str]], bom: bool
) -> None:
    lines = []
    for defect, canary in rows:
        row, special = _row(defect, canary)
        lines.append(special or json.dumps(row, ensure_ascii=False))
    raw = ("\ufeff" if bom else "").encode() + "\n".join(lines).encode("utf-8")
    captured = _run_dry(world, raw, ".jsonl")
    _scan([c for _, c in rows], captured)
    bad = sum(1 for defect, _ in rows if defect is not None)
    if not bad:
        assert captured["code"] == "0"
        assert f"{len(rows)} rows are valid" in captured["stdout"]
        return
    assert captured["code"] == "1"
    assert _counts(captured) == (bad, bad, len(rows), bad)  # one problem per defect


def _csv_row(defect: str | None, canary: str) -> dict[str, object]:
    row, _ = _row(defect, canary)
    if defect == "nested":  # CSV has no nesting: a list cell of canaries instead
        row["birth_place"] = ""
        row["citizenships"] = f"{canary}|{canary}"
    return row


@fuzz
@given(
    st.lists(st.tuples(st.sampled_from(CSV_DEFECTS), canaries), min_size=1, max_size=6),
    st.lists(canaries, max_size=3, unique=True),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]),
)
def test_csv_reports_never_repeat_a_value_and_count_right(
    world: World,
    rows: list[tuple[str | None, str]],
    unknown: list[str],
    with_header: bool,
    encoding: str,
) -> None:
    built = [_csv_row(defect, canary) for defect, canary in rows]
    columns = sorted({k for r in built for k in r}) + [f"{c}Ю" for c in unknown]
    out = io.StringIO()
    writer = csv.writer(out)
    if with_header:
        writer.writerow(columns)
    for r, (defect, canary) in zip(built, rows, strict=True):
        extra = [canary] if defect == "extra_value" else []
        writer.writerow([r.get(c, "") for c in columns] + extra)
    captured = _run_dry(world, out.getvalue().encode(encoding), ".csv")
    _scan([c for _, c in rows] + unknown, captured)
    if not with_header:
        assert _counts(captured) == (1, None, None, 1)  # one problem: no header row
        return
    # An unknown column is one problem of the header row (line 1), not of each row.
    header_problems = len([c for c in columns if c not in ImportRow.model_fields])
    if any(d == "huge" for d, _ in rows):  # past the CSV field limit: rows cannot be read
        assert _counts(captured) == (header_problems + 1, None, None, header_problems + 1)
        return
    bad = sum(1 for defect, _ in rows if defect not in (None, "unknown_key"))
    if not bad and not header_problems:
        assert captured["code"] == "0"
        assert f"{len(rows)} rows are valid" in captured["stdout"]
        return
    assert _counts(captured) == (header_problems + bad, bad, len(rows), header_problems + bad)


@fuzz
@given(
    st.binary(max_size=300),
    canaries,
    st.sampled_from(["csv", "jsonl"]),
    st.sampled_from(["auto", "utf-8", "cp1251"]),
)
def test_undecodable_or_random_bytes_around_a_canary_never_echo_it(
    world: World, noise: bytes, canary: str, kind: str, encoding: str
) -> None:
    raw = noise[:150] + canary.encode("utf-8") + b"\x98" + canary.encode("cp1251") + noise[150:]
    captured = _run_dry(world, raw, f".{kind}", "--encoding", encoding)
    _scan([canary], captured)
    assert captured["code"] == "1"
    assert _counts(captured) == (1, None, None, 1)
