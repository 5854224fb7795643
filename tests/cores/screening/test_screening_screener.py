"""Screening behaviour: who is found, who is not, and what the reviewer is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.cores.names import detect_script, parse_name
from safepassage.cores.screening import (
    ALGORITHM,
    BirthDate,
    Query,
    Screener,
    Thresholds,
    WatchlistEntity,
    WatchlistIndex,
    load_watchlist,
)

ZALA = Path("/work/shared/data/public/zala.entities.ftm.json")  # OpenSanctions, CC BY-NC 4.0
PUTIN_NAMES = Path("/work/shared/data/public/putin_names.txt")  # nomenklatura, MIT

LISTED = [
    WatchlistEntity("chuv", ("Чувиляев Александр Петрович",), (BirthDate(1980, 5, 17),), "m"),
    WatchlistEntity("petrov", ("PETROV, Ivan Sergeevich",), (BirthDate(1975),), "m"),
    WatchlistEntity("zhuk", ("Жуков Георгий Константинович",), ()),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(WatchlistIndex.build(LISTED))


def _ids(screener: Screener, name: str, birth_date: BirthDate | None = None) -> list[str]:
    return [m.entity_id for m in screener.screen(Query("q", name, birth_date))]


@pytest.mark.parametrize(
    "name",
    [
        "Alexander Chuvilyaev",
        "Oleksandr Chuviliaev",
        "Sasha Czuwiliajew",
        "Tschuwiljajew Alexander Petrowitsch",
        "Tchouviliaev Alexandre",
        "ЧУВИЛЯЕВ А. П.",
        "Chuvilaev Aleksandr Petrovich",
    ],
)
def test_spellings_of_a_listed_person_are_found(screener: Screener, name: str) -> None:
    assert _ids(screener, name) == ["chuv"]


@pytest.mark.parametrize(
    "name",
    [
        "Petrova Irina Sergeevna",  # a sister: feminine surname, other given name
        "Ivan Petrenko",  # a similar but different surname
        "Sergei Ivanovich Petrov",  # given name and patronymic swapped: another man
        "Chuvilyaev Dmitry",  # a namesake relative
    ],
)
def test_relatives_and_similar_names_are_not_found(screener: Screener, name: str) -> None:
    assert _ids(screener, name) == []


def test_namesake_with_other_birth_year_is_not_found(screener: Screener) -> None:
    assert _ids(screener, "Chuvilyaev Aleksandr Petrovich", BirthDate(1991)) == []
    assert _ids(screener, "Chuvilyaev Aleksandr Petrovich", BirthDate(1980)) == ["chuv"]


def test_explanation_names_parts_conventions_and_algorithm(screener: Screener) -> None:
    match = screener.screen(Query("q", "Czuwiliajew Sasha", BirthDate(1980)))[0]
    assert match.decision == "match"
    assert 0.0 <= match.score <= 1.0
    explanation = match.explanation
    assert explanation["algorithm"] == ALGORITHM == "sp-translit-v2"
    surname = next(p for p in explanation["parts"] if p["role"] == "surname")
    assert surname["query"] == "Czuwiliajew"
    assert surname["list"] == "Чувиляев"
    assert surname["query_convention"] == "polish"
    given = next(p for p in explanation["parts"] if p["role"] == "given")
    assert given["how"] == "given_name_equivalent"
    assert "diminutive" in given["detail"]
    assert explanation["birth_date"]["outcome"] == "year_only"
    assert any("lacks" in p["reason"] for p in explanation["penalties"])


def test_typo_is_at_most_possible(screener: Screener) -> None:
    match = screener.screen(Query("q", "Chuvilaev Aleksandr Petrovich"))[0]
    assert match.decision == "possible"
    assert any("approximately" in p["reason"] for p in match.explanation["penalties"])


def test_gender_conflict_lowers_score(screener: Screener) -> None:
    plain = screener.screen(Query("q", "Alexander Chuvilyaev"))[0].score
    conflicting = screener.screen(Query("q", "Alexander Chuvilyaev", gender="f"))
    assert not conflicting or conflicting[0].score < plain


def test_thresholds_and_limit_are_configurable() -> None:
    index = WatchlistIndex.build(LISTED)
    loose = Screener(index, Thresholds(match=0.99, possible=0.1), limit=1)
    found = loose.screen(Query("q", "Chuvilyaev"))
    assert len(found) == 1
    assert found[0].decision == "possible"


def test_empty_or_unreadable_query_finds_nothing(screener: Screener) -> None:
    assert _ids(screener, "") == []
    assert _ids(screener, "—") == []


def test_real_ftm_cluster() -> None:
    """Ukrainian, Russian and Latin forms in the yente 'zala' fixture meet."""
    index = WatchlistIndex.build(load_watchlist(ZALA).entities)
    screener = Screener(index)
    maria = "NK-2Tbri3s6GgNtAwsSXh4qpL"
    assert _ids(screener, "Марія Олександрівна Захарова", BirthDate(1988, 1, 7)) == [maria]
    assert _ids(screener, "Kostiantyn Ihorovych Abashkin") == ["NK-mCEmxFfuhfdjpC8gsxH74o"]
    assert _ids(screener, "Zacharow Aleksander Wiaczesławowicz") == ["NK-aU5ybkbRFJucf8YMwsJvDw"]
    # Svetlana Zakharova is a relative of Aleksandr, not Aleksandr.
    assert "NK-aU5ybkbRFJucf8YMwsJvDw" not in _ids(screener, "Svetlana Zakharova")


def _putin_spellings(scripts: tuple[str, ...] = ("latin", "cyrillic")) -> list[str]:
    lines = PUTIN_NAMES.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and detect_script(line) in scripts]


# Spellings not found; listed so that any change shows. Japanese katakana is found only by
# its sound key, Burmese by a near sound key; this one loses too much.
PUTIN_OUT_OF_SCOPE: set[str] = set()
PUTIN_OTHER_SCRIPTS_MISSED: set[str] = set()


def test_real_putin_spellings_match_a_cyrillic_listing() -> None:
    """80 real spellings (nomenklatura fixture): Latin and Cyrillic, Dutch, Lithuanian,
    Latvian and Belarusian ones included."""
    listed = WatchlistEntity("putin", ("Путин Владимир Владимирович",))
    screener = Screener(WatchlistIndex.build([listed]))
    spellings = _putin_spellings()
    assert len(spellings) >= 55
    missed = {s for s in spellings if "putin" not in _ids(screener, s)}
    assert missed == PUTIN_OUT_OF_SCOPE


def test_real_spellings_in_other_scripts_match_a_cyrillic_listing() -> None:
    """Armenian, Georgian, Greek, Hebrew, Arabic, Persian, Urdu, Indic, Burmese, Khmer, CJK."""
    listed = WatchlistEntity("putin", ("Путин Владимир Владимирович",))
    screener = Screener(WatchlistIndex.build([listed]))
    spellings = _putin_spellings(("other", "mixed"))
    assert len(spellings) >= 20
    missed = {s for s in spellings if "putin" not in _ids(screener, s)}
    assert missed == PUTIN_OTHER_SCRIPTS_MISSED


def test_cyrillic_query_finds_latin_putin_listings() -> None:
    """The reverse direction: each in-scope Latin spelling as a list entry."""
    spellings = [s for s in _putin_spellings() if s not in PUTIN_OUT_OF_SCOPE]
    entities = [WatchlistEntity(f"e{i}", (s,)) for i, s in enumerate(spellings)]
    screener = Screener(WatchlistIndex.build(entities), limit=100)
    result = screener.screen_result(Query("q", "Владимир Владимирович Путин"))
    # Undated, the 59 entries are namesakes no date tells apart: counted, not listed (v2).
    assert result.matches == []
    found = set(result.namesake_ids)
    missed = [s for i, s in enumerate(spellings) if f"e{i}" not in found]
    # "Präsident Putin": the surname alone, held by more than three listed names, is weak
    # evidence (v2 wants a birth date that agrees).
    assert missed
    assert all(len(parse_name(s).full_tokens) == 1 for s in missed)
    listed = Screener(WatchlistIndex.build(entities), limit=100, rules="sp-translit-v1")
    assert len(listed.screen(Query("q", "Владимир Владимирович Путин"))) == len(spellings)
