"""Strict headers on every page, signed in or not, and no third-party asset anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import safepassage

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = ["/login", "/health", "/api/v1/openapi.json", "/setup/not-a-token", "/nope"]
SIGNED_IN_PAGES = [
    "/",
    "/account",
    "/account/tokens",
    "/people",
    "/people/invite",
    "/audit/",
    "/cases/",
    "/cases/{case}",
    "/people/{member}",
]


def _check(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "no-store" in headers["Cache-Control"]


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_anonymous_pages_carry_strict_headers(path: str) -> None:
    _check(Client().get(path))


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_pages_carry_strict_headers(world: World, path: str) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    response = client.get(
        path.format(case=world.case.reference, member=world.users["caseworker"].pk)
    )
    assert response.status_code == 200
    _check(response)


def test_api_responses_carry_strict_headers(world: World) -> None:
    _check(Client().get("/api/v1/cases"))


_EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)
_CSS_EXTERNAL = re.compile(r"""url\(\s*["']?(?:https?:)?//|@import""", re.IGNORECASE)


def test_no_template_or_static_file_loads_anything_from_elsewhere() -> None:
    root = Path(safepassage.__file__).parent
    offenders = []
    for path in list(root.rglob("*.html")) + list(root.rglob("*.css")) + list(root.rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        if _EXTERNAL.search(text) or (path.suffix == ".css" and _CSS_EXTERNAL.search(text)):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_no_inline_script_or_style_in_templates() -> None:
    root = Path(safepassage.__file__).parent
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for needle in ("<script>", " style=", "<style"):
            assert needle not in text, path
