"""Shared helpers of the vetting tests: a small fictional list and cases that hit it."""

from __future__ import annotations

import datetime

from safepassage.apps.accounts.models import Organisation
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.vetting.lists import ListImport, import_entities
from safepassage.apps.vetting.models import ListVersion
from safepassage.apps.vetting.rescreen import screen_everything
from safepassage.apps.vetting.screening import drop_held_index
from safepassage.cores.screening import WatchlistEntity, parse_birth_date


def listed(entity_id: str, *names: str, born: str = "", nationality: str = "") -> WatchlistEntity:
    return WatchlistEntity(
        id=entity_id,
        names=names,
        birth_dates=(parse_birth_date(born),) if born else (),
        nationalities=(nationality,) if nationality else (),
        source=f"test.csv:{entity_id}",
    )


SAMPLE = [
    listed("X1", "Чувиляев Александр Петрович", born="1990-04-12", nationality="RU"),
    listed("X2", "Morozov Dmitry Olegovich", born="1985"),
    listed("X3", "Tkachenko Anna Ivanovna", born="1979-02-02"),
]


def import_sample(
    entities: list[WatchlistEntity] | None = None, name: str = "test-list"
) -> ListVersion:
    return import_entities(
        SAMPLE if entities is None else entities, ListImport(name), actor_id=None
    )


def new_case(org: Organisation, name: str, born: datetime.date | None = None) -> Case:
    return create_case(
        org,
        NewCase(legal_name=name, country="GE", birth_date=born, citizenships=["RU"]),
        actor=None,
    )


def run_worker() -> int:
    drop_held_index()  # each test has its own database: never reuse another test's index
    return screen_everything(datetime.datetime.now(datetime.UTC))
