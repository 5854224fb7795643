"""The linkage core: what makes a pair same, possible or no candidate, and why."""

from __future__ import annotations

import datetime

import pytest

from safepassage.cores.linkage import (
    LinkageIndex,
    PersonRecord,
    compare_dates,
    link_all,
    normalise_document,
    normalise_handle,
    score_pair,
)

D = datetime.date


def person(key: str, *names: str, **fields: object) -> PersonRecord:
    return PersonRecord(key, names, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (D(1994, 3, 8), D(1994, 3, 8), "exact"),
        (D(1994, 3, 8), D(1994, 8, 3), "swapped"),
        (D(1994, 3, 8), D(1994, 3, 9), "one_digit"),
        (D(1994, 3, 8), D(1995, 3, 8), "year_off_by_one"),
        (D(1994, 1, 1), D(1994, 6, 17), "placeholder"),
        (D(1994, 3, 8), D(1971, 11, 23), "conflict"),
    ],
)
def test_date_agreements_are_named(first: D, second: D, kind: str) -> None:
    assert compare_dates(first, None, second, None).kind == kind


def test_a_year_alone_agrees_or_conflicts_and_nothing_is_unknown() -> None:
    assert compare_dates(D(1994, 3, 8), None, None, 1994).kind == "same_year"
    assert compare_dates(None, 1960, None, 1994).kind == "conflict"
    assert compare_dates(None, None, D(1994, 3, 8), None).kind == "unknown"


def test_identifiers_are_normalised() -> None:
    assert normalise_handle("+7 (912) 345-67-89") == normalise_handle("79123456789")
    assert normalise_handle("@Ivan_TG") == "ivan_tg"
    assert normalise_handle("n/a") == ""
    assert normalise_document("75 12-345678") == "7512345678"
    assert normalise_document("—") == ""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Чувиляев Александр Петрович",), ("Aleksandr CHUVILYAEV",)),
        (("Чувиляев Александр",), ("Czuwiliajew Aleksander",)),  # Polish
        (("Соловьёв Дмитрий",), ("Solowjow Dmitri",)),  # German
        (("Шевченко Олександр",), ("Shevchenko Oleksandr",)),  # Ukrainian national
        (("Петров Александр Иванович",), ("Sasha Petrov",)),  # diminutive
    ],
)
def test_the_same_person_under_another_convention_and_date_error_is_same(
    first: tuple[str, ...], second: tuple[str, ...]
) -> None:
    found = score_pair(
        person("SP-A", *first, birth_date=D(1994, 3, 8)),
        person("SP-B", *second, birth_date=D(1994, 8, 3)),
    )
    assert found is not None
    assert found.decision == "same", found.reasons
    assert any("day and month swapped" in r.text for r in found.reasons)
    assert any(r.code == "names" for r in found.reasons)


def test_namesakes_with_different_birth_dates_are_no_candidates() -> None:
    assert (
        score_pair(
            person("SP-A", "Иванов Иван", birth_date=D(1960, 1, 2)),
            person("SP-B", "Ivan Ivanov", birth_date=D(1990, 5, 17)),
        )
        is None
    )


def test_namesakes_without_dates_are_only_possible() -> None:
    found = score_pair(person("SP-A", "Иванов Иван"), person("SP-B", "Ivan Ivanov"))
    assert found is not None
    assert found.decision == "possible"


def test_father_and_son_with_one_name_are_never_same() -> None:
    found = score_pair(
        person("SP-A", "Петров Иван Сергеевич"),
        person("SP-B", "Петров Иван Иванович"),
    )
    assert found is None or found.decision != "same"
    assert found is None or any(r.code == "names_conflict" for r in found.reasons)


def test_brothers_are_not_same_even_in_one_unit() -> None:
    found = score_pair(
        person("SP-A", "Петров Иван Сергеевич", unit_number="30926", birth_date=D(1990, 1, 5)),
        person("SP-B", "Петров Алексей Сергеевич", unit_number="30926", birth_date=D(1992, 4, 9)),
    )
    assert found is None


def test_different_units_keep_a_pair_from_same() -> None:
    found = score_pair(
        person("SP-A", "Петров Иван", unit_number="30926", birth_date=D(1990, 1, 5)),
        person("SP-B", "Petrov Ivan", unit_number="12345", birth_date=D(1990, 1, 5)),
    )
    assert found is not None
    assert found.decision == "possible"
    assert "different unit numbers" in [r.text for r in found.reasons]


def test_a_man_and_a_woman_are_never_same() -> None:
    found = score_pair(
        person("SP-A", "Петров Александр", birth_date=D(1990, 1, 5)),
        person("SP-B", "Петрова Александра", birth_date=D(1990, 1, 5)),
    )
    assert found is None or found.decision != "same"


def test_a_shared_handle_under_different_names_is_an_impostor_signal() -> None:
    found = score_pair(
        person("SP-A", "Петров Иван", handles=("@ivan_tg",)),
        person("SP-B", "Сидорова Мария", handles=("Ivan_TG",)),
    )
    assert found is not None
    assert found.impostor
    assert found.decision == "possible"
    assert {"handle", "impostor"} <= found.kinds
    assert "same contact handle" in [r.text for r in found.reasons]


def test_a_shared_photo_or_document_is_reported_by_kind() -> None:
    found = score_pair(
        person("SP-A", "Петров Иван", photos=("ab" * 32,), documents=("7512 345678",)),
        person("SP-B", "Petrov Ivan", photos=("AB" * 32,), documents=("7512345678",)),
    )
    assert found is not None
    assert found.decision == "same"
    assert {"photo", "document"} <= found.kinds
    assert not found.impostor


def test_pairs_come_once_ordered_with_same_first() -> None:
    records = [
        person("SP-C", "Petrov Ivan", birth_date=D(1990, 1, 5)),
        person("SP-A", "Петров Иван", birth_date=D(1990, 1, 5)),
        person("SP-B", "Ivan Petrov"),
    ]
    pairs = link_all(records)
    assert next((c.a, c.b) for c in pairs) == ("SP-A", "SP-C")
    assert len({(c.a, c.b) for c in pairs}) == len(pairs) == 3
    assert all(c.a < c.b for c in pairs)
    assert [c.decision for c in pairs] == ["same", "possible", "possible"]


def test_the_index_follows_edits_and_removals() -> None:
    index = LinkageIndex()
    index.put(person("SP-A", "Петров Иван", birth_date=D(1990, 1, 5)))
    index.put(person("SP-B", "Сидоров Пётр", birth_date=D(1990, 1, 5)))
    assert index.candidates_for("SP-A") == []
    index.put(person("SP-B", "Petrov Ivan", birth_date=D(1990, 1, 5)))
    assert [c.b for c in index.candidates_for("SP-A")] == ["SP-B"]
    index.drop("SP-B")
    assert index.candidates_for("SP-A") == []
    assert len(index) == 1


def test_an_oversized_block_is_not_compared_but_a_shared_identifier_still_is() -> None:
    index = LinkageIndex(max_block=3)
    for n in range(5):
        index.put(person(f"SP-{n}", "Иванов Иван"))
    assert index.neighbours("SP-0") == set()
    index.put(person("SP-9", "Иванов Иван", handles=("@same_one",)))
    index.put(person("SP-8", "Сидорова Мария", handles=("@same_one",)))
    assert index.neighbours("SP-9") == {"SP-8"}
