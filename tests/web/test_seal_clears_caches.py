"""A panic seal empties the country cache, even when it lands while the cache is filling."""

from __future__ import annotations

import pytest

from safepassage.apps.cases.registry import country_index
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.vault import keystore
from safepassage.apps.vault.control import seal_everywhere
from safepassage.cores.crypto import CryptoError

from .conftest import World

pytestmark = pytest.mark.django_db


def _cases(world: World, count: int) -> list[int]:
    return [
        create_case(world.org, NewCase(legal_name=f"Имя {i}", country="KZ"), actor=None).pk
        for i in range(count)
    ]


def test_seal_seen_by_the_watcher_empties_a_filled_cache(world: World) -> None:
    ids = _cases(world, 2)
    assert set(country_index.countries_of(ids).values()) == {"KZ"}
    assert country_index._cache
    seal_everywhere()
    keystore.refresh_if_due(force=True)  # what the watcher thread does every second
    assert country_index._cache == {}


def test_seal_while_the_cache_fills_leaves_it_empty(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _cases(world, 3)
    real_open = country_index.open_column
    sealed: list[bool] = []

    def open_then_seal(*args: object) -> str:
        value = real_open(*args)  # type: ignore[arg-type]
        if not sealed:  # the seal arrives from another thread right after the first open
            sealed.append(True)
            seal_everywhere()
            keystore.refresh_if_due(force=True)
        return value

    monkeypatch.setattr(country_index, "open_column", open_then_seal)
    with pytest.raises((CryptoError, keystore.ServerSealed)):
        country_index.countries_of(ids)
    assert country_index._cache == {}
