"""The case page's sections, each on a page of its own (no JavaScript needed)."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.cases.registry.actions import add_note

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def _page(world: World, query: str = "") -> str:
    client = sign_in(Client(), world.users["caseworker"])
    answer = client.get(f"/cases/{world.case.reference}{query}")
    assert answer.status_code == 200
    return answer.content.decode()


def test_every_section_is_on_the_whole_page_and_each_tab_shows_only_its_own(
    world: World,
) -> None:
    add_note(world.case, "a note only the notes tab shows", actor=world.users["caseworker"])
    whole = _page(world)
    for heading in ("Names", "Military service", "Family", "Vetting sign-offs", "Notes"):
        assert f"<h2>{heading}</h2>" in whole
    notes = _page(world, "?tab=notes")
    assert "a note only the notes tab shows" in notes
    assert "<h2>Names</h2>" not in notes
    identity = _page(world, "?tab=identity")
    assert "<h2>Names</h2>" in identity
    assert "a note only the notes tab shows" not in identity
    assert "<h2>Military service</h2>" not in identity
    assert 'aria-current="page">Identity<' in identity


def test_an_unknown_tab_shows_the_whole_page(world: World) -> None:
    page = _page(world, "?tab=<script>")
    assert "<h2>Names</h2>" in page
    assert "<h2>Notes</h2>" in page
    assert "<script>" not in page.split("<main", 1)[1].split("</main>")[0]
