"""The demo's fictional watchlist hits a few demo cases, and only them."""

from __future__ import annotations

import pytest

from safepassage.apps.vetting.demo import DEMO_LIST
from safepassage.apps.vetting.models import CaseScreening, Hit, ListVersion
from safepassage.demo.loader import load_demo

from .conftest import World

pytestmark = pytest.mark.django_db


def test_the_demo_list_hits_two_or_three_demo_cases(unsealed: object) -> None:
    load_demo(cases_per_organisation=18)
    version = ListVersion.objects.get(watchlist__name=DEMO_LIST)
    assert version.entity_count >= 5
    hit_cases = {h.case_id for h in Hit.objects.filter(active=True)}
    assert 2 <= len(hit_cases) <= 3
    assert CaseScreening.objects.filter(version_key=str(version.pk)).count() >= 18


def test_the_demo_list_needs_demo_cases(world: World) -> None:
    from safepassage.apps.vetting.demo import load_vetting_demo

    load_vetting_demo()  # no northern-route case: the list alone, no hit
    assert ListVersion.objects.filter(watchlist__name=DEMO_LIST).exists()
    assert not Hit.objects.exists()
