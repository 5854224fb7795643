"""Key events are found in three languages and tied to the right date."""

from __future__ import annotations

import datetime as dt

import pytest

from safepassage.cores.testimony import Interview, extract


def dated_events(text: str, language: str) -> set[tuple[str, str]]:
    claims = extract(Interview("i", dt.date(2025, 1, 1), language, text))
    return {(c.value, c.date.label) for c in claims if c.kind == "event" and c.date is not None}


def named_events(text: str, language: str) -> set[str]:
    claims = extract(Interview("i", dt.date(2025, 1, 1), language, text))
    return {c.value for c in claims if c.kind == "event"}


RUSSIAN = [
    ("Контракт подписал 10.03.2022.", {("contract_signed", "2022-03-10")}),
    ("Я заключил контракт в феврале 2023 года.", {("contract_signed", "2023-02")}),
    ("Меня мобилизовали 25 сентября 2022 года.", {("called_up", "2022-09-25")}),
    ("В апреле 2023 нас отправили на фронт.", {("deployment_start", "2023-04")}),
    ("24 февраля 2022 года зашли на Украину.", {("deployment_start", "2022-02-24")}),
    ("С передовой нас вывели в ноябре 2023 года.", {("deployment_end", "2023-11")}),
    ("12 мая 2022 года получил ранение.", {("wounded", "2022-05-12")}),
    ("Из части ушёл 10 мая 2023 года.", {("left_unit", "2023-05-10")}),
    ("19 октября 2024 года ушёл в СОЧ.", {("left_unit", "2024-10-19")}),
    ("Дезертировал 3 марта 2024 года.", {("left_unit", "2024-03-03")}),
    ("2 сентября 2023 года пересёк границу.", {("crossed_border", "2023-09-02")}),
    ("В Армению выехал 30 января 2024 года.", {("crossed_border", "2024-01-30")}),
    ("15 февраля 2024 года прилетел в Ереван.", {("arrived", "2024-02-15")}),
    (
        "Из части я ушёл 10 мая 2023 года, а 22 мая 2023 года пересёк границу.",
        {("left_unit", "2023-05-10"), ("crossed_border", "2023-05-22")},
    ),
    (
        "С 15 января 2023 года был на передовой под Авдеевкой.",
        {("deployment_start", "2023-01-15")},
    ),
    (
        "8 февраля 2024 года я ушёл из части, а через две недели перешёл границу.",
        {("left_unit", "2024-02-08"), ("crossed_border", "2024-02-21..2024-02-23")},
    ),
]

ENGLISH = [
    ("He signed the contract in May 2022.", {("contract_signed", "2022-05")}),
    ("Mobilised on 23 September 2022.", {("called_up", "2022-09-23")}),
    ("Deployed to Zaporizhzhia in December 2022.", {("deployment_start", "2022-12")}),
    ("Wounded on August 14th, 2023.", {("wounded", "2023-08-14")}),
    ("He deserted on 14 January 2024.", {("left_unit", "2024-01-14")}),
    ("He left the unit in March 2023.", {("left_unit", "2023-03")}),
    ("Crossed into Armenia on 30 January 2024.", {("crossed_border", "2024-01-30")}),
    (
        "Deserted on 3 January 2024, crossed into Kazakhstan on 12 January 2024.",
        {("left_unit", "2024-01-03"), ("crossed_border", "2024-01-12")},
    ),
    (
        "He crossed into Armenia on 5 June 2024 and deserted on 20 June 2024.",
        {("crossed_border", "2024-06-05"), ("left_unit", "2024-06-20")},
    ),
]

FRENCH = [
    ("Il a signé son contrat le 1er juillet 2022.", {("contract_signed", "2022-07-01")}),
    ("Mobilisé le 15 août 2022.", {("called_up", "2022-08-15")}),
    ("Déployé en décembre 2022.", {("deployment_start", "2022-12")}),
    ("Blessé le 12 mai 2022.", {("wounded", "2022-05-12")}),
    ("Il a quitté son unité le 05/06/2023.", {("left_unit", "2023-06-05")}),
    ("Il a déserté en octobre 2024.", {("left_unit", "2024-10")}),
    ("Il a franchi la frontière le 19 juin 2023.", {("crossed_border", "2023-06-19")}),
    (
        "Désertion en octobre 2024, arrivée en Arménie le 2 novembre 2024.",
        {("left_unit", "2024-10"), ("arrived", "2024-11-02")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_events(text: str, expected: set[tuple[str, str]]) -> None:
    assert dated_events(text, "ru") == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_events(text: str, expected: set[tuple[str, str]]) -> None:
    assert dated_events(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_events(text: str, expected: set[tuple[str, str]]) -> None:
    assert dated_events(text, "fr") == expected


def test_answer_date_is_tied_to_the_event_in_the_question() -> None:
    text = "— Когда вы покинули часть?\n— Четвёртого марта 2024 года."
    assert dated_events(text, "ru") == {("left_unit", "2024-03-04")}


def test_deployment_range_gives_start_and_end() -> None:
    text = "С марта по июнь 2023 года я был на фронте."
    assert dated_events(text, "ru") == {
        ("deployment_start", "2023-03"),
        ("deployment_end", "2023-06"),
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Приехали в Белгород 3 марта 2023 года.", "ru"),
        ("We arrived at the unit on 3 March 2023.", "en"),
    ],
)
def test_arrival_needs_a_place_abroad(text: str, language: str) -> None:
    assert "arrived" not in named_events(text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Я больше в часть не вернулся. Это было 2 декабря 2023 года.",
            "ru",
            {("left_unit", "2023-12-02")},
        ),
        ("He never returned. That was on 2 December 2023.", "en", {("left_unit", "2023-12-02")}),
        ("Sent to the Kreminna area on 8 July 2023.", "en", {("deployment_start", "2023-07-08")}),
        ("Envoyé près de Bakhmout le 8 juillet 2023.", "fr", {("deployment_start", "2023-07-08")}),
        ("He never returned; he says 4 March 2024.", "en", {("left_unit", "2024-03-04")}),
        ("Il a abandonné son unité le 20 juin 2024.", "fr", {("left_unit", "2024-06-20")}),
        ("Le 29/03/2023, il est passé en Géorgie.", "fr", {("crossed_border", "2023-03-29")}),
        ("— А границу?\n— Перешёл 20 января 2024 года.", "ru", {("crossed_border", "2024-01-20")}),
    ],
)
def test_harder_phrasings(text: str, language: str, expected: set[tuple[str, str]]) -> None:
    assert dated_events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We were sent to Moscow on 8 July 2023.", "en"),
        ("Нас отправили в Белгород 8 июля 2023 года.", "ru"),
    ],
)
def test_sending_is_a_deployment_only_to_ukraine(text: str, language: str) -> None:
    assert "deployment_start" not in named_events(text, language)


def test_a_date_far_from_any_event_word_stays_untied() -> None:
    text = (
        "В конце декабря 2023 года было холодно, а в январе 2024 года, говорят, я перешёл границу."
    )
    assert ("crossed_border", "2023-12-21..2023-12-31") not in dated_events(text, "ru")


def test_birth_date_is_not_an_event() -> None:
    assert dated_events("Родился я 5 мая 1999 года в Оренбургской области.", "ru") == set()
