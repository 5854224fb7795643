"""Token comparison: same person's name under any spelling; different names kept apart."""

from __future__ import annotations

import pytest

from safepassage.cores.names import compare_tokens, initial_matches, is_gender_pair

SHOULD_MATCH = [
    ("Oleksandr", "Александр", "given_name_equivalent"),
    ("Sasha", "Александр", "given_name_equivalent"),
    ("Alexander", "Александр", "given_name_equivalent"),
    ("Саша", "Oleksandr", "given_name_equivalent"),
    ("Volodymyr", "Владимир", "given_name_equivalent"),
    ("Yevhen", "Евгений", "given_name_equivalent"),
    ("Eugene", "Евгений", "given_name_equivalent"),
    ("Hanna", "Анна", "given_name_equivalent"),
    ("Olena", "Елена", "given_name_equivalent"),
    ("Oleksandrovych", "Александрович", "patronymic_equivalent"),
    ("Serhiyovych", "Сергеевич", "patronymic_equivalent"),
    ("Mykolaivna", "Николаевна", "patronymic_equivalent"),
    ("Yakovych", "Яковлевич", "patronymic_equivalent"),
    ("Chernyshov", "Чернышёв", "same_name"),
    ("Соловйов", "Соловьёв", "same_name"),
    ("Влади́мир", "Владимир", "same_name"),
    ("ПУТИН", "путин", "same_name"),
]

SHOULD_NOT_MATCH = [
    ("Petrova", "Петров", "gendered_form_differs"),
    ("Aleksandra", "Александр", "gendered_form_differs"),
    ("Dostoevskaya", "Достоевский", "gendered_form_differs"),
    ("Darya", "Мария", "different_given_names"),
    ("Ilia", "Юлия", "different_given_names"),
    ("Bogdanovsky", "Богданов", "different_surname_suffix"),
    ("Gerasimenko", "Герасимов", "different_surname_suffix"),
    ("Melnikov", "Мельник", "different_surname_suffix"),
    ("Ivanov", "Smirnov", "similar_spelling"),
]


@pytest.mark.parametrize(("query", "listed", "how"), SHOULD_MATCH)
def test_equivalent_tokens_match(query: str, listed: str, how: str) -> None:
    found = compare_tokens(query, listed)
    assert found.how == how
    assert found.similarity >= 0.9


@pytest.mark.parametrize(("query", "listed", "how"), SHOULD_NOT_MATCH)
def test_different_names_do_not_match(query: str, listed: str, how: str) -> None:
    found = compare_tokens(query, listed)
    assert found.similarity < 0.78
    if how != "similar_spelling":
        assert found.how == how


def test_typo_scores_high_but_below_exact() -> None:
    found = compare_tokens("Chuvilaev", "Чувиляев")
    assert 0.8 <= found.similarity < 1.0
    assert found.how == "similar_spelling"


def test_gender_pairs_on_skeletons() -> None:
    assert is_gender_pair("петров", "петрова")
    assert is_gender_pair("достоевски", "достоевскаиа")
    assert not is_gender_pair("шевчук", "шевчук")
    assert not is_gender_pair("петров", "петренко")


@pytest.mark.parametrize(
    ("initial", "name", "expected"),
    [
        ("V.", "Владимир", True),
        ("В", "Vladimir", True),
        ("W", "Владимир", True),
        ("S", "Владимир", False),
    ],
)
def test_initials(initial: str, name: str, expected: bool) -> None:
    assert initial_matches(initial, name) is expected


def test_other_scripts_are_romanised_and_compared_by_sound() -> None:
    assert compare_tokens("푸틴", "푸틴").similarity == 1.0
    assert compare_tokens("푸틴", "Путин").how == "same_name"  # anyascii: PuTin
    arabic = compare_tokens("بوتين", "Путин")  # bwtyn: no vowels, b for p
    assert (arabic.how, arabic.similarity) == ("same_sound", 0.85)
    assert compare_tokens("بوتين", "Петров").similarity < 0.78
    assert compare_tokens("Βλαντίμιρ", "Владимир").how == "same_name"  # ντ is d in Greek


@pytest.mark.parametrize(
    ("spelling", "cyrillic", "convention"),
    [
        ("Poetin", "Путин", "dutch"),
        ("Chroesjtsjov", "Хрущёв", "dutch"),
        ("Vladimiras", "Владимир", "lithuanian"),
        ("Sergejus", "Сергей", "lithuanian"),
        ("Vladimirs", "Владимир", "latvian"),
        ("Dmitrijs", "Дмитрий", "latvian"),
        ("Uladzimir", "Владимир", "belarusian"),
        ("Lukashenka", "Лукашенко", "belarusian"),
        ("Пуцін", "Путин", "belarusian"),
    ],
)
def test_dutch_baltic_and_belarusian_spellings(
    spelling: str, cyrillic: str, convention: str
) -> None:
    found = compare_tokens(spelling, cyrillic)
    assert found.similarity == 1.0
    assert convention in found.query_convention.split(", ")


def test_belarusian_reading_does_not_merge_distinct_names() -> None:
    assert compare_tokens("Пуцін", "Пуцина").similarity < 0.78
    assert compare_tokens("Uladzimir", "Владислав").similarity < 0.78
