"""The Russian and French catalogues are complete, compiled, and actually used by the pages.

The .po files are the source; the .mo files are committed because CI machines have no
gettext tools. After adding or changing strings, from src/safepassage:

    django-admin makemessages -l ru -l fr --ignore 'cores/*' --ignore 'commands/*' \
        --ignore 'demo/*'
    (translate every new or fuzzy entry, following the glossary at the top of each .po)
    django-admin compilemessages -l ru -l fr

with DJANGO_SETTINGS_MODULE=safepassage.project.settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from safepassage.apps.cases.record.editing import save_section

from .conftest import World, sign_in

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["ru", "fr"]
PLURAL_FORMS = {
    "ru": 4,  # Django's own Russian catalogue: 3 forms for whole numbers, 1 for fractions
    "fr": 2,
}
# %(name)s / %(name)d, bare %s / %d, and {{ name }} should a template variable ever leak through.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{\s*[\w.]+\s*\}\}")


def _po(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def _catalogue(entries: Iterable[Any]) -> dict[tuple[str | None, str], object]:
    """msgctxt + msgid -> msgstr (or the tuple of plural forms), header left out."""
    found: dict[tuple[str | None, str], object] = {}
    for entry in entries:
        if entry.msgid == "" or entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            found[(entry.msgctxt, entry.msgid)] = (entry.msgid_plural, forms)
        else:
            found[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language: str) -> None:
    po = _po(language)
    assert len(po) > 300, "the catalogue looks truncated"
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == language
    assert f"nplurals={PLURAL_FORMS[language]};" in po.metadata["Plural-Forms"].replace(" ", "")
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == PLURAL_FORMS[language], entry.msgid
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr.strip(), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match(language: str) -> None:
    wrong = []
    for entry in _po(language):
        if entry.msgid_plural:
            wanted = sorted(set(_placeholders(entry.msgid) + _placeholders(entry.msgid_plural)))
            for index, form in entry.msgstr_plural.items():
                if sorted(set(_placeholders(form))) != wanted:
                    wrong.append((entry.msgid, index, form))
        elif _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            wrong.append((entry.msgid, None, entry.msgstr))
    assert wrong == []


def test_both_languages_have_the_same_messages() -> None:
    ru, fr = (set(_catalogue(_po(language))) for language in LANGUAGES)
    assert ru == fr


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_matches_the_po(language: str) -> None:
    """Forgetting ``compilemessages`` after editing a .po file fails here."""
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"run compilemessages: {mo_path} is missing"
    po = _po(language)
    assert _catalogue(polib.mofile(str(mo_path))) == _catalogue(po)
    # And what polib would compile from the .po reads back the same (a sanity check of the
    # comparison itself).
    assert _catalogue(polib.mofile(po.to_binary())) == _catalogue(po)


def test_django_plural_forms_in_russian() -> None:
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} day"
        "{% plural %}{{ counter }} days{% endblocktranslate %}"
    )
    with translation.override("ru"):
        shown = [template.render(Context({"n": n})) for n in (1, 3, 5, 11, 21, 22)]
    assert shown == ["1 день", "3 дня", "5 дней", "11 дней", "21 день", "22 дня"]
    with translation.override("fr"):
        assert template.render(Context({"n": 1})) == "1 jour"
        assert template.render(Context({"n": 2})) == "2 jours"


# -- pages, rendered in each language -----------------------------------------------------

PAGES: dict[str, list[str]] = {
    # language -> translated texts that must appear on the home page (nav, footer, roles)
    "ru": ["Обзор", "Дела", "Журнал аудита", "Координатор", "Сменить язык", "Выйти"],
    "fr": ["Vue d&#x27;ensemble", "Dossiers", "Journal d&#x27;audit", "Coordinateur·rice"],
}
ENGLISH_ON_HOME = ["Overview", "Audit trail", "Change language", "Sign out", ">coordinator<"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_navigation_are_translated(world: World, language: str) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    body = client.get("/").content.decode()
    assert f'<html lang="{language}">' in body
    for text in PAGES[language]:
        assert text in body, text
    for text in ENGLISH_ON_HOME:
        assert text not in body, text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [
        ("ru", ["<h1>Дела</h1>", "Новое дело", "Отфильтровать", "2 дела", "Этап"], ["New case"]),
        ("fr", ["<h1>Dossiers</h1>", "Nouveau dossier", "Filtrer", "2 dossiers"], ["New case"]),
    ],
)
def test_case_list_is_translated(
    world: World, language: str, present: list[str], absent: list[str]
) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    body = client.get("/cases/").content.decode()
    for text in present:
        assert text in body, text
    for text in [*absent, "<h1>Cases</h1>", "Filter<"]:
        assert text not in body, text


@pytest.mark.django_db
def test_sign_in_page_follows_the_language_switch() -> None:
    client = Client()
    response = client.post("/i18n/setlang", {"language": "fr", "next": "/login"})
    assert response.status_code == 302
    body = client.get("/login").content.decode()
    assert "Se connecter" in body
    assert "Mot de passe" in body
    assert "Sign in" not in body
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    body = client.get("/login").content.decode()
    assert "Войти" in body
    assert "Пароль" in body
    assert "Sign in" not in body
    assert "Password" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "ru",
            [
                *("Мобилизованный", "Дезертирство", "Федеральный розыск", "Казахстан"),
                *("Внутренний паспорт", "На руках", "Военный билет", "Безвизовое пребывание"),
            ],
        ),
        (
            "fr",
            [
                *("Mobilisé", "Désertion", "Recherché au niveau fédéral", "Kazakhstan"),
                *(
                    "Passeport intérieur",
                    "En sa possession",
                    "Livret militaire",
                    "Séjour sans visa",
                ),
            ],
        ),
    ],
)
def test_case_page_shows_stored_codes_as_translated_labels(
    world: World, language: str, labels: list[str]
) -> None:
    save_section(world.case, "service", {"kind": "mobilised", "unit_number": "12345"}, actor_id=1)
    save_section(world.case, "desertion", {"kind": "desertion"}, actor_id=1)
    save_section(world.case, "exposure", {"wanted_level": "federal"}, actor_id=1)
    save_section(world.case, "location", {"country": "KZ", "coarse_place": ""}, actor_id=1)
    passport = {"type": "internal_passport", "status": "held"}
    save_section(world.case, "document_held", passport, actor_id=1)
    route = {"entry_document": "military_id", "stay_status": "visa_free"}
    save_section(world.case, "route", route, actor_id=1)
    client = sign_in(Client(), world.users["caseworker"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(f"/cases/{world.case.reference}")
    assert response.status_code == 200
    body = response.content.decode()
    for label in labels:
        assert label in body, label
    assert "в/ч 12345" in body
    for code in ["<dd>mobilised", "<p>desertion", ": federal", "<p>KZ", "internal_passport"]:
        assert code not in body, code
    for code in [": held", "(military_id)", "<dd>visa_free"]:
        assert code not in body, code


def test_choice_label_filter() -> None:
    template = Template(
        '{% load case_labels %}{{ kind|choice_label:"service_kind" }}|'
        '{{ codes|choice_label:"country"|join:", " }}|{{ odd|choice_label:"wanted" }}|'
        '{{ empty|choice_label:"wanted"|default:"—" }}|{{ role|choice_label:"role" }}'
    )
    context = Context(
        {
            "kind": "contract",
            "codes": ["RU", "AM"],
            "odd": "strange",
            "empty": "",
            "role": "trustee",
        }
    )
    with translation.override("en"):
        assert template.render(context) == "Contract soldier|Russia, Armenia|strange|—|Trustee"
    with translation.override("ru"):
        assert template.render(context) == "Контрактник|Россия, Армения|strange|—|Хранитель ключа"
    with translation.override("fr"):
        assert template.render(context) == (
            "Militaire sous contrat|Russie, Arménie|strange|—|Dépositaire de clé"
        )
