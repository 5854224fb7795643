"""Each comparison rule, on hand-built sources: what is and is not a finding."""

from __future__ import annotations

import datetime as dt

import pytest

from safepassage.cores.testimony import (
    Claim,
    Source,
    parse_partial_date,
    rules_dates,
    rules_facts,
    rules_omission,
    rules_timeline,
)

DAY = dt.date(2025, 1, 1)


def source(sid: str, *claims: tuple[str, str], date: dt.date = DAY) -> Source:
    """A source from (field, value) pairs; an event's value is its date."""
    src = Source(sid, date)
    for field, value in claims:
        if field in rules_facts.AGREE:
            src.facts.setdefault(field, []).append(Claim(sid, field, value, value, (0, 1)))
        else:
            when = parse_partial_date(value)
            assert when is not None
            claim = Claim(sid, "event", field, value, (0, 1), when)
            src.dates.setdefault(field, []).append(claim)
            src.mentioned.add(field)
    return src


FACT_CASES = [
    # (field, values in A, values in B, contradiction?)
    ("unit_number", ["41278"], ["41278"], False),
    ("unit_number", ["41278"], ["41287"], True),
    ("unit_number", ["06705"], ["6705"], False),
    ("unit_number", ["41278", "11111"], ["11111"], False),
    ("unit_name", ["brigade 155"], ["brigade 155"], False),
    ("unit_name", ["brigade 155"], ["brigade 40"], True),
    ("unit_name", ["brigade 155"], ["division 76"], False),
    ("unit_name", ["regiment 104", "division 76"], ["division 76"], False),
    ("rank", ["efreitor"], ["senior_seaman"], False),
    ("rank", ["efreitor"], ["corporal"], False),
    ("rank", ["sergeant"], ["lieutenant"], True),
    ("rank", ["private", "efreitor"], ["efreitor"], False),
    ("service_kind", ["contract"], ["contract"], False),
    ("service_kind", ["contract"], ["officer"], True),
    ("service_kind", ["conscript"], ["mobilised"], True),
    ("service_kind", ["conscript", "contract"], ["contract"], False),
    ("service_kind", ["contract"], ["volunteer"], False),
    ("service_kind", ["pmc"], ["convict"], False),
]


@pytest.mark.parametrize(("field", "a", "b", "contradiction"), FACT_CASES)
def test_fact_contradictions(field: str, a: list[str], b: list[str], contradiction: bool) -> None:
    sa = source("A", *((field, v) for v in a))
    sb = source("B", *((field, v) for v in b))
    found = rules_facts.check([sa, sb])
    assert bool(found) is contradiction
    if found:
        assert found[0].kind == "contradiction"
        assert found[0].field == field
        assert found[0].severity == "high"
        assert {e.interview for e in found[0].evidence} == {"A", "B"}


DATE_CASES = [
    # (A's date, B's date, contradiction?)
    ("2023-03-03", "2023-03-03", False),
    ("2023-03-03", "2023-03-05", False),
    ("2023-03-03", "2023-03-17", True),
    ("2023-03", "2023-03-20", False),
    ("2023-03", "2023-04", False),
    ("2023-03", "2023-07", True),
    ("2023", "2023-11-30", False),
    ("2022", "2023-06", True),
    ("2023-04-05", "2023-04", False),
]


@pytest.mark.parametrize(("a", "b", "contradiction"), DATE_CASES)
def test_date_contradictions_depend_on_precision(a: str, b: str, contradiction: bool) -> None:
    found = rules_dates.check([source("A", ("left_unit", a)), source("B", ("left_unit", b))])
    assert bool(found) is contradiction
    if found:
        assert found[0].field == "left_unit"


def test_date_contradiction_severity_grows_with_the_gap() -> None:
    near = rules_dates.check(
        [source("A", ("left_unit", "2023-03-03")), source("B", ("left_unit", "2023-03-20"))]
    )
    far = rules_dates.check(
        [source("A", ("left_unit", "2023-03-03")), source("B", ("left_unit", "2023-09-20"))]
    )
    assert near[0].severity == "medium"
    assert far[0].severity == "high"


TIMELINE_CASES = [
    # (claims of one source, expected fields)
    ([("left_unit", "2023-05-10"), ("crossed_border", "2023-05-22")], []),
    ([("left_unit", "2023-05-10"), ("crossed_border", "2023-05-02")], ["left_unit<crossed_border"]),
    ([("left_unit", "2023-05"), ("crossed_border", "2023-05-02")], []),
    (
        [("deployment_start", "2024-01"), ("deployment_end", "2023-11")],
        ["deployment_start<deployment_end"],
    ),
    ([("called_up", "2023-10-11"), ("left_unit", "2023-08-03")], ["called_up<left_unit"]),
    (
        [("contract_signed", "2024-09-15"), ("left_unit", "2024-08-20")],
        ["contract_signed<left_unit"],
    ),
    ([("crossed_border", "2024-06"), ("arrived", "2024-02-15")], ["crossed_border<arrived"]),
    ([("crossed_border", "2025-01-12")], ["crossed_border<interview"]),
    ([("crossed_border", "2025-01-01")], []),
]


@pytest.mark.parametrize(("claims", "fields"), TIMELINE_CASES)
def test_timeline(claims: list[tuple[str, str]], fields: list[str]) -> None:
    found = rules_timeline.check([source("A", *claims)])
    assert [f.field for f in found] == fields
    assert all(f.kind == "timeline" and f.severity == "high" for f in found)


@pytest.mark.parametrize(
    ("kinds", "called_up", "expected"),
    [
        (["mobilised"], "2022-08-15", True),
        (["mobilised"], "2022-09-23", False),
        (["mobilised"], "2022", False),
        (["conscript"], "2022-08-15", False),
        (["mobilised", "conscript"], "2022-08-15", False),
    ],
)
def test_mobilisation_before_the_decree(kinds: list[str], called_up: str, expected: bool) -> None:
    src = source("A", *(("service_kind", k) for k in kinds), ("called_up", called_up))
    found = [f for f in rules_timeline.check([src]) if f.field == "mobilisation_decree<called_up"]
    assert bool(found) is expected


def test_timeline_checks_each_source_alone() -> None:
    a = source("A", ("left_unit", "2023-05-10"))
    b = source("B", ("crossed_border", "2023-05-02"))
    assert rules_timeline.check([a, b]) == []


OMISSION_CASES = [
    # (claims of A, claims of B, expected fields)
    ([("unit_number", "41278")], [("unit_number", "41278")], []),
    ([("unit_number", "41278")], [], ["unit_number"]),
    ([("wounded", "2023-06")], [], ["wounded"]),
    ([("leave", "2023-06")], [], []),
    ([("rank", "private"), ("left_unit", "2023-06")], [("rank", "private")], ["left_unit"]),
    ([("crossed_border", "2023-06-02")], [("arrived", "2023-06-02")], []),
]


@pytest.mark.parametrize(("a", "b", "fields"), OMISSION_CASES)
def test_omissions(a: list[tuple[str, str]], b: list[tuple[str, str]], fields: list[str]) -> None:
    found = rules_omission.check([source("A", *a), source("B", *b)])
    assert [f.field for f in found] == fields
    for f in found:
        assert f.kind == "omission"
        assert [e.interview for e in f.evidence if not e.quote] == ["B"]


def test_the_record_is_never_reported_as_omitting() -> None:
    record = source("record", date=DAY)
    record.is_record = True
    assert rules_omission.check([source("A", ("unit_number", "41278")), record]) == []


def test_an_event_named_next_to_an_untied_date_is_not_an_omission() -> None:
    b = source("B")
    b.near_date.add("left_unit")
    assert rules_omission.check([source("A", ("left_unit", "2023-06")), b]) == []


def test_three_sources_give_one_finding_per_field() -> None:
    sources = [
        source("A", ("unit_number", "41278")),
        source("B", ("unit_number", "41278")),
        source("C", ("unit_number", "99999")),
    ]
    found = rules_facts.check(sources)
    assert len(found) == 1
    assert {e.interview for e in found[0].evidence} == {"A", "B", "C"}
