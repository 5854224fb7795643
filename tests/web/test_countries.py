"""Countries: the full ISO 3166 list with names in en/ru/fr, no default on "country where he
is now", host countries first, and the importer taking every ISO code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from safepassage.apps.cases.countries import COUNTRY_CODES, country_name
from safepassage.apps.cases.models import Case, Location
from safepassage.apps.cases.transfer.importer import parse

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_there() -> None:
    assert len(COUNTRY_CODES) == 250  # 249 ISO 3166-1 countries and "other"
    assert {"TJ", "AZ", "ME", "IL", "AE", "RU", "KZ", "XX"} <= COUNTRY_CODES


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("TJ", "en", "Tajikistan"),
        ("TJ", "ru", "Таджикистан"),
        ("TJ", "fr", "Tadjikistan"),
        ("AE", "fr", "Émirats arabes unis"),
        ("ME", "ru", "Черногория"),
        ("RU", "ru", "Россия"),  # our own short names for the pipeline's countries
        ("RU", "en", "Russia"),
        ("KR", "en", "South Korea"),
        ("ZZ", "en", "ZZ"),
    ],
)
def test_names_in_each_language(code: str, language: str, name: str) -> None:
    with translation.override(language):
        assert country_name(code) == name


def test_where_he_is_now_has_no_default_and_host_countries_come_first(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    page = client.get("/cases/new").content.decode()
    select = re.search(r'<select[^>]*name="country"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    options = re.findall(r'<option value="([A-Z]*)"([^>]*)>', select.group(1))
    assert options[0][0] == ""  # the empty choice is the one shown
    assert not any("selected" in attrs for _, attrs in options[1:])
    codes = [code for code, _ in options]
    assert codes.index("KZ") < codes.index("AF") < codes.index("DE")
    assert {"TJ", "AZ", "ME", "IL", "AE"} <= set(codes[1:14])
    refused = client.post("/cases/new", {"legal_name": "Иванов"})
    assert refused.status_code == 200
    assert Case.objects.count() == 3


def test_a_case_in_tajikistan_reads_in_russian(world: World) -> None:
    client = sign_in(Client(), world.users["caseworker"])
    created = client.post("/cases/new", {"legal_name": "Иванов", "country": "TJ"})
    assert created.status_code == 302
    case = Case.objects.exclude(
        pk__in=[world.case.pk, world.unassigned_case.pk, world.other_case.pk]
    ).get()
    assert Location.objects.get(case=case).country == "TJ"
    page = client.get(created["Location"], HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Таджикистан" in page


def test_the_importer_accepts_every_iso_code(tmp_path: Path) -> None:
    rows = [{"legal_name": "A", "country": code} for code in ("TJ", "ae", "me", "IL", "AZ")]
    rows.append({"legal_name": "B", "country": "KZ", "citizenships": ["RU", "tj"]})
    raw = "\n".join(json.dumps(r) for r in rows).encode()
    report = parse(raw, kind="jsonl")
    assert report.errors == []
    assert [row.country for _, row in report.rows][:5] == ["TJ", "AE", "ME", "IL", "AZ"]
    bad = parse(json.dumps({"legal_name": "C", "country": "ZZ"}).encode(), kind="jsonl")
    assert bad.errors
