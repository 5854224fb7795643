"""Rule versions: v2's refinements over v1, limit, "more" and namesake counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from safepassage.cores.screening import (
    RULE_VERSIONS,
    BirthDate,
    Query,
    Screener,
    WatchlistEntity,
    WatchlistIndex,
    rules_for,
)

sys.path.insert(0, str(Path(__file__).parent))
from population import is_correct_flag, make_population


def _index(*entities: WatchlistEntity) -> WatchlistIndex:
    return WatchlistIndex.build(entities)


def test_both_versions_stay_selectable_and_unknown_ones_are_refused() -> None:
    assert RULE_VERSIONS == ("sp-translit-v1", "sp-translit-v2")
    index = _index(WatchlistEntity("a", ("Иванов Иван",)))
    for version in RULE_VERSIONS:
        match = Screener(index, rules=version).screen(Query("q", "Ivan Ivanov"))[0]
        assert match.explanation["algorithm"] == version
    with pytest.raises(ValueError, match="known: sp-translit-v1, sp-translit-v2"):
        rules_for("sp-translit-v9")


@pytest.mark.parametrize("limit", [0, -1, True, 2.5])
def test_limit_below_one_is_refused(limit: object) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Screener(_index(), limit=limit)  # type: ignore[arg-type]


def test_more_says_how_many_fitting_persons_were_not_listed() -> None:
    born = (BirthDate(1980, 1, 2),)
    index = WatchlistIndex.build(
        WatchlistEntity(f"n{i}", ("Иванов Иван Иванович",), born) for i in range(30)
    )
    query = Query("q", "Ivan Ivanov", born[0])
    result = Screener(index).screen_result(query)
    assert (len(result.matches), result.total, result.more, result.namesakes) == (25, 30, 5, 0)
    assert Screener(index, limit=30).screen_result(query).more == 0


def test_a_patronymic_one_name_gives_holds_for_the_entity() -> None:
    listed = WatchlistEntity("a", ("Иванов Сергей Петрович", "Ivanov Sergei"))
    query = Query("q", "Sergei Aleksandrovich Ivanov")
    assert Screener(_index(listed), rules="sp-translit-v1").screen(query)  # via "Ivanov Sergei"
    assert Screener(_index(listed)).screen(query) == []


def test_birth_year_conflict_removes_and_day_conflict_lowers() -> None:
    listed = WatchlistEntity("a", ("Чувиляев Александр Петрович",), (BirthDate(1980, 5, 3),))
    screener = Screener(_index(listed))
    assert screener.screen(Query("q", "Aleksandr Chuvilyaev", BirthDate(1981))) == []
    same = screener.screen(Query("q", "Aleksandr Chuvilyaev", BirthDate(1980, 5, 3)))[0]
    other_day = screener.screen(Query("q", "Aleksandr Chuvilyaev", BirthDate(1980, 9, 3)))
    assert not other_day or other_day[0].score <= same.score - 0.3


def test_an_approximate_surname_that_is_another_listed_family_needs_a_date() -> None:
    popov = WatchlistEntity("popov", ("Попов Кирилл",), (BirthDate(1980, 5, 3),))
    popkov = WatchlistEntity("popkov", ("Попков Олег",), (BirthDate(1970, 1, 1),))
    screener = Screener(_index(popov, popkov))
    assert screener.screen(Query("q", "Kirill Popkov")) == []  # Popkov is a family of its own
    dated = screener.screen(Query("q", "Kirill Popkov", BirthDate(1980, 5, 3)))
    assert [(m.entity_id, m.decision) for m in dated] == [("popov", "possible")]
    alone = Screener(_index(popov))  # no Popkov listed: maybe a typo, a possible
    assert [m.decision for m in alone.screen(Query("q", "Kirill Popkov"))] == ["possible"]


def test_an_undated_agreement_on_a_common_full_name_is_counted_not_listed() -> None:
    dated = [
        WatchlistEntity(f"d{i}", ("Иванов Иван Петрович",), (BirthDate(1960 + i),))
        for i in range(5)
    ]
    undated = WatchlistEntity("u", ("Иванов Иван Петрович",))
    rare = WatchlistEntity("r", ("Чувиляев Александр",))
    screener = Screener(_index(*dated, undated, rare))
    common = screener.screen_result(Query("q", "Ivan Ivanov", BirthDate(1990, 3, 4)))
    assert (common.matches, common.namesakes, common.namesake_ids) == ([], 1, ("u",))
    assert [m.entity_id for m in screener.screen(Query("q", "Ivan Ivanov", BirthDate(1961)))] == [
        "d1"
    ]
    alone = screener.screen_result(Query("q", "Aleksandr Chuvilyaev", BirthDate(1990, 3, 4)))
    assert ([m.entity_id for m in alone.matches], alone.namesakes) == (["r"], 0)


def test_undatable_possibles_beyond_three_are_counted_as_namesakes() -> None:
    index = WatchlistIndex.build(
        WatchlistEntity(f"n{i}", ("Иванов Иван Иванович",)) for i in range(6)
    )
    query = Query("q", "Иванов И. И.")  # initials: a possible at best
    v2 = Screener(index).screen_result(query)
    assert (v2.matches, v2.namesakes, v2.more) == ([], 6, 0)
    v1 = Screener(index, rules="sp-translit-v1").screen_result(query)
    assert (len(v1.matches), v1.namesakes) == (6, 0)
    few = WatchlistIndex.build(
        WatchlistEntity(f"n{i}", ("Иванов Иван Иванович",)) for i in range(3)
    )
    assert len(Screener(few).screen_result(query).matches) == 3


def test_v2_is_more_precise_than_v1_on_a_small_generated_population() -> None:
    population = make_population(3000, 300, seed=11, tail=5000)
    index = WatchlistIndex.build(population.entities)
    numbers = {e.id: i for i, e in enumerate(population.entities)}
    scores = {}
    for version in RULE_VERSIONS:
        screener = Screener(index, rules=version)
        flags = correct = found = targets = 0
        for item in population.queries:
            ids = [m.entity_id for m in screener.screen(item.query)]
            if item.target is not None:
                targets += 1
                found += item.target in ids
            for entity_id in ids:
                n = numbers[entity_id]
                flags += 1
                correct += is_correct_flag(item, population.entities[n], population.people[n])
        scores[version] = (correct / flags, found / targets)
    assert scores["sp-translit-v2"][0] > scores["sp-translit-v1"][0]
    assert scores["sp-translit-v2"][1] >= 0.97


def test_population_is_seeded_and_has_namesakes() -> None:
    first = make_population(2000, 10, seed=3, tail=3000)
    again = make_population(2000, 10, seed=3, tail=3000)
    assert [e.names for e in first.entities] == [e.names for e in again.entities]
    keys = [(p.surname, p.given) for p in first.people]
    assert len(set(keys)) < len(keys)  # common names repeat, as in real lists
