"""Malformed input and records get errors naming the field, never the content."""

from __future__ import annotations

import datetime as dt

import pytest

from safepassage.cores.testimony import InputError, check_document, loads, record_source

SECRET = "Иванов Пётр, в/ч 41278"


def doc(**interview: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "i1", "date": "2024-05-14", "language": "ru", "text": SECRET}
    base.update(interview)
    return {"interviews": [base]}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "input: expected a JSON object"),
        ({}, "input: missing 'interviews'"),
        ({"interviews": []}, "interviews: expected a non-empty list"),
        ({"interviews": "x"}, "interviews: expected a non-empty list"),
        ({"interviews": ["x"]}, "interviews[0]: expected an object"),
        ({"interviews": [{"id": "a"}]}, "interviews[0]: missing 'date'"),
        ({"interviews": [], "extra": 1}, "input: unknown key 'extra'"),
        (doc(date="2024-13-01"), "interviews[0].date: not a valid date"),
        (doc(date="14.05.2024"), "interviews[0].date: not a valid date"),
        (doc(date="20240514"), "interviews[0].date: not a valid date"),
        (doc(date=20240514), "interviews[0].date: expected a string"),
        (doc(language="de"), "interviews[0].language: expected one of ru, en, fr"),
        (doc(text=None), "interviews[0].text: expected a string"),
        (doc(id=""), "interviews[0].id: expected a non-empty string"),
        (doc(id=True), "interviews[0].id: expected a non-empty string"),
        (doc(id="record"), "interviews[0].id: 'record' is reserved"),
        (doc(notes="x"), "interviews[0]: unknown key 'notes'"),
        ({**doc(), "record": []}, "record: expected an object"),
        ({**doc(), "record": {"unit": "1"}}, "record: unknown key 'unit'"),
        ({**doc(), "record": {"unit_number": "12ab"}}, "record.unit_number: expected 4 to 6"),
        ({**doc(), "record": {"unit_number": 41278}}, "record.unit_number: expected a non-empty"),
        ({**doc(), "record": {"rank": "генералиссимус"}}, "record.rank: unrecognised rank"),
        ({**doc(), "record": {"service_kind": "x"}}, "record.service_kind: unrecognised"),
        ({**doc(), "record": {"unit_name": "brigade"}}, "record.unit_name: not a formation"),
        ({**doc(), "record": {"left_unit": "2024-02-30"}}, "record.left_unit: not a valid date"),
        ({**doc(), "record": {"left_unit": 2024}}, "record.left_unit: expected a date string"),
    ],
)
def test_malformed_documents(document: object, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_document(document)
    assert str(caught.value).startswith(message)
    assert "Иванов" not in str(caught.value)
    assert "41278" not in str(caught.value)


def test_duplicate_interview_ids() -> None:
    first = doc()["interviews"]
    assert isinstance(first, list)
    with pytest.raises(InputError, match=r"interviews\[1\]\.id: duplicate id"):
        check_document({"interviews": [first[0], first[0]]})


@pytest.mark.parametrize("text", ["{", "not json", "", b"\xff\xfe\x00"])
def test_not_json(text: str | bytes) -> None:
    with pytest.raises(InputError, match="input is not valid JSON"):
        loads(text)


def test_integer_ids_are_accepted_as_strings() -> None:
    report = check_document(doc(id=7))
    assert {c.interview for c in report.claims} == {"7"}


def test_record_accepts_ids_words_lists_and_partial_dates() -> None:
    src = record_source(
        {
            "unit_number": ["41278", "06705"],
            "unit_name": "155-я бригада",
            "rank": "младший сержант",
            "service_kind": ["mobilised", "contract"],
            "left_unit": "2023-08",
            "crossed_border": "2023",
            "called_up": "2022-10-04",
        }
    )
    assert [c.value for c in src.facts["unit_number"]] == ["41278", "06705"]
    assert [c.value for c in src.facts["unit_name"]] == ["brigade 155"]
    assert [c.value for c in src.facts["rank"]] == ["junior_sergeant"]
    assert [c.value for c in src.facts["service_kind"]] == ["mobilised", "contract"]
    left = src.dates["left_unit"][0].date
    assert left is not None
    assert (left.start, left.end) == (dt.date(2023, 8, 1), dt.date(2023, 8, 31))
    assert src.is_record


def test_record_contradiction_carries_the_record_value() -> None:
    report = check_document({**doc(), "record": {"unit_number": "41287"}})
    (finding,) = [f for f in report.findings if f.field == "unit_number"]
    assert {e.interview: e.value for e in finding.evidence} == {"i1": "41278", "record": "41287"}
