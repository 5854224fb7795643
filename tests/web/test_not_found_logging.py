"""A scoped 404 is an answer, not an error: it logs nothing at WARNING or above, and no path.

Anyone signed in can ask for references that are not theirs; if each such 404 were an
ERROR line, a flood of them would bury real errors (and the log would list what was asked).
"""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.vault import middleware

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

PROBE = "SP-ZZZZ-ZZZZ"


def _page_404s(world: World) -> list[str]:
    other = world.other_case.reference
    return [
        f"/cases/{PROBE}",  # missing
        f"/cases/{other}",  # another organisation's
        f"/cases/{world.unassigned_case.reference}",  # not assigned to this caseworker
        f"/cases/{world.case.reference}/documents/not-a-uuid",
        f"/cases/{world.case.reference}/documents/00000000-0000-0000-0000-000000000000",
    ]


def test_case_page_404s_log_nothing_at_warning_or_above(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = sign_in(Client(raise_request_exception=False), world.users["caseworker"])
    before = middleware.not_found_count()
    paths = _page_404s(world)
    for path in paths:
        assert client.get(path).status_code == 404, path
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    for path in paths:
        assert path not in caplog.text
    assert PROBE not in caplog.text
    assert world.other_case.reference not in caplog.text
    assert middleware.not_found_count() - before == len(paths)


def test_api_404s_log_nothing_at_warning_or_above(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    membership = world.users["caseworker"].memberships.get()
    token = issue_token(membership, "test")
    client = Client(raise_request_exception=False, headers={"Authorization": f"Bearer {token}"})
    for path in (f"/api/v1/cases/{PROBE}", f"/api/v1/cases/{world.other_case.reference}"):
        assert client.get(path).status_code == 404
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert PROBE not in caplog.text


def test_a_real_error_is_still_logged_at_error(
    world: World, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(case: object, **_: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("safepassage.apps.cases.registry.views.present_case", explode)
    client = sign_in(Client(raise_request_exception=False), world.users["caseworker"])
    assert client.get(f"/cases/{world.case.reference}").status_code == 500
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["unhandled RuntimeError in cases:detail"]
