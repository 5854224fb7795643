"""Dates in Russian, English and French become intervals with a precision."""

from __future__ import annotations

import datetime as dt

import pytest

from safepassage.cores.testimony.dates import extract_dates
from safepassage.cores.testimony.text import fold

INTERVIEW_DAY = dt.date(2024, 6, 1)


def labels(text: str) -> list[tuple[str, str, str]]:
    folded = fold(text)
    return [
        (text[m.start : m.end], m.value.label, m.value.precision)
        for m in extract_dates(folded, INTERVIEW_DAY)
    ]


def only(text: str) -> tuple[str, str]:
    found = labels(text)
    assert len(found) == 1, found
    return found[0][1], found[0][2]


RUSSIAN = [
    ("3 марта 2023 года", "2023-03-03", "day"),
    ("3-го марта 2023 г.", "2023-03-03", "day"),
    ("12.08.2023", "2023-08-12", "day"),
    ("12.08.23", "2023-08-12", "day"),
    ("в январе 2023 года", "2023-01", "month"),
    ("в феврале 2023-го", "2023-02", "month"),
    ("в феврале двадцать третьего", "2023-02", "month"),
    ("Пятнадцатого августа 2023 года", "2023-08-15", "day"),
    ("двадцать первого мая 2022 года", "2022-05-21", "day"),
    ("январь 2024", "2024-01", "month"),
    ("декабрём 2022", "2022-12", "month"),
    ("в 2021 году", "2021", "year"),
    ("в 23-м году", "2023", "year"),
    ("весной 2024 года", "2024-03-01..2024-05-31", "season"),
    ("в конце апреля 2024", "2024-04-21..2024-04-30", "part"),
    ("в начале 2023 года", "2023-01-01..2023-04-30", "part"),
    ("в середине сентября 2022", "2022-09-11..2022-09-20", "part"),
    ("5 січня 2023", "2023-01-05", "day"),
    ("03.2023", "2023-03", "month"),
]

ENGLISH = [
    ("3 March 2023", "2023-03-03", "day"),
    ("March 3, 2023", "2023-03-03", "day"),
    ("March 3rd 2023", "2023-03-03", "day"),
    ("the 3rd of March 2023", "2023-03-03", "day"),
    ("on 1st May 2023", "2023-05-01", "day"),
    ("in May 2023", "2023-05", "month"),
    ("Sept. 2022", "2022-09", "month"),
    ("2023-03-03", "2023-03-03", "day"),
    ("03/21/2024", "2024-03-21", "day"),
    ("in spring 2023", "2023-03-01..2023-05-31", "season"),
    ("in the summer of 2022", "2022-06-01..2022-08-31", "season"),
    ("in late March 2023", "2023-03-21..2023-03-31", "part"),
    ("mid-March 2023", "2023-03-11..2023-03-20", "part"),
    ("early 2023", "2023-01-01..2023-04-30", "part"),
    ("in 2022", "2022", "year"),
]

FRENCH = [
    ("le 3 mars 2023", "2023-03-03", "day"),
    ("le 1er juillet 2022", "2022-07-01", "day"),
    ("03/03/2023", "2023-03-03", "day"),
    ("en mars 2023", "2023-03", "month"),
    ("en février 2024", "2024-02", "month"),
    ("en août 2023", "2023-08", "month"),
    ("au printemps 2023", "2023-03-01..2023-05-31", "season"),
    ("à l'automne 2022", "2022-09-01..2022-11-30", "season"),
    ("début mars 2024", "2024-03-01..2024-03-10", "part"),
    ("fin 2023", "2023-09-01..2023-12-31", "part"),
    ("mi-mars 2023", "2023-03-11..2023-03-20", "part"),
    ("en 2021", "2021", "year"),
]


@pytest.mark.parametrize(("text", "label", "precision"), RUSSIAN)
def test_russian_dates(text: str, label: str, precision: str) -> None:
    assert only(text) == (label, precision)


@pytest.mark.parametrize(("text", "label", "precision"), ENGLISH)
def test_english_dates(text: str, label: str, precision: str) -> None:
    assert only(text) == (label, precision)


@pytest.mark.parametrize(("text", "label", "precision"), FRENCH)
def test_french_dates(text: str, label: str, precision: str) -> None:
    assert only(text) == (label, precision)


@pytest.mark.parametrize(
    "text",
    [
        "He may have been there.",
        "They march at dawn.",
        "Il a été mobilisé.",
        "в/ч 12345",
        "VUS 113259",
        "нас было 120 человек",
        "sept soldats",
        "",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert labels(text) == []


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("3 марта 2023 года ушёл, через две недели пересёк границу", "2023-03-16..2023-03-18"),
        ("Left on 3 March 2023; two weeks later he crossed.", "2023-03-16..2023-03-18"),
        ("Parti le 3 mars 2023, deux semaines plus tard il a passé.", "2023-03-16..2023-03-18"),
        ("3 марта 2023 года ушёл, на следующий день пересёк", "2023-03-04"),
        ("on 3 March 2023, and the next day he crossed", "2023-03-04"),
        ("le 3 mars 2023, et le lendemain il a franchi", "2023-03-04"),
        ("3 марта 2023 года. Спустя месяц уехал", "2023-03-28..2023-04-07"),
    ],
)
def test_relative_dates_count_from_the_previous_date(text: str, relative: str) -> None:
    found = labels(text)
    assert found[-1][1] == relative
    assert found[-1][2] in {"relative", "day"}


def test_relative_date_without_anchor_is_dropped() -> None:
    assert labels("Через две недели он уехал.") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("В 2022 году, 3 марта, он ушёл", "2022-03-03"),
        ("In 2021. Then on 5 May he left", "2021-05-05"),
        ("Он ушёл 3 марта", "2024-03-03"),
        ("Он ушёл в сентябре", "2023-09"),
    ],
)
def test_missing_year_comes_from_context_then_interview(text: str, label: str) -> None:
    assert labels(text)[-1][1] == label


def test_approximate_date_is_widened() -> None:
    (_, label, _) = labels("примерно 10 мая 2023 года")[0]
    assert label == "2023-05-03..2023-05-17"


def test_invalid_day_is_skipped() -> None:
    assert labels("31.02.2023") == []
