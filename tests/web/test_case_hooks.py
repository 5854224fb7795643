"""The hooks through which apps above cases follow a case: record watchers, sign-off checks,
and extra panels on the case page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest
from django.test import Client

from safepassage.apps.cases.lifecycle.actions import sign_off
from safepassage.apps.cases.lifecycle.signoff_checks import (
    SignOffRefused,
    register_signoff_check,
    unregister_signoff_check,
)
from safepassage.apps.cases.models import Case, VettingSignOff
from safepassage.apps.cases.record.panels import register_case_panel, unregister_case_panel
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.cases.registry.watchers import unwatch_records, watch_records

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard() -> Iterator[list[tuple[str, str]]]:
    seen: list[tuple[str, str]] = []

    def listener(case: Case, what: str) -> None:
        seen.append((case.reference, what))

    watch_records(listener)
    yield seen
    unwatch_records(listener)


def test_watchers_hear_of_a_new_case_and_of_each_edited_section(
    world: World, heard: list[tuple[str, str]]
) -> None:
    case = create_case(world.org, NewCase(legal_name="Иван Петров", country="GE"), actor=None)
    assert heard == [(case.reference, "created")]
    client = sign_in(Client(), world.users["coordinator"])
    answer = client.post(
        f"/cases/{case.reference}/edit/name",
        {"full_name": "Ivan Petrov", "kind": "alias"},
    )
    assert answer.status_code == 302
    assert heard[-1] == (case.reference, "name")


def test_a_refused_edit_tells_no_watcher(world: World, heard: list[tuple[str, str]]) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    client.post(f"/cases/{world.case.reference}/edit/name", {"full_name": "", "kind": "x"})
    assert heard == []


@pytest.fixture
def refusing_check() -> Iterator[None]:
    def check(case: Case, outcome: str) -> list[str]:
        return ["Screening hits are undecided."] if outcome == "recommended" else []

    register_signoff_check(check)
    yield
    unregister_signoff_check(check)


def test_a_registered_check_refuses_a_signoff_and_the_page_says_why(
    world: World, refusing_check: None
) -> None:
    with pytest.raises(SignOffRefused):
        sign_off(world.case, world.users["vetting"], "recommended", "n")
    client = sign_in(Client(), world.users["vetting"])
    answer = client.post(
        f"/cases/{world.case.reference}/signoff",
        {"outcome": "recommended", "note": "fine"},
        follow=True,
    )
    assert "Screening hits are undecided." in answer.content.decode()
    assert not VettingSignOff.objects.filter(case=world.case).exists()
    sign_off(world.case, world.users["vetting"], "insufficient", "n")
    assert VettingSignOff.objects.filter(case=world.case).count() == 1


@pytest.fixture
def panel(settings: Any, tmp_path: Any) -> Iterator[None]:
    (tmp_path / "test_hook_panel.html").write_text("<p>{{ greeting }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0].get("DIRS", []), tmp_path]}
    ]

    def context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
        if not request.user.is_authenticated:
            return None
        return {"greeting": "panel-for-" + case.reference}

    register_case_panel("test-panel", "test_hook_panel.html", context)
    yield
    unregister_case_panel("test-panel")


def test_a_registered_panel_appears_on_the_case_page(world: World, panel: None) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert "panel-for-" + world.case.reference in page


def test_an_uploaded_document_tells_the_watchers(
    world: World, heard: list[tuple[str, str]]
) -> None:
    import io

    from safepassage.apps.cases.registry.actions import add_document

    add_document(world.case, "scan", io.BytesIO(b"%PDF-1.4 x"), filename="s.pdf",
                 content_type="application/pdf", actor=world.users["coordinator"])  # fmt: skip
    assert heard == [(world.case.reference, "documents")]
