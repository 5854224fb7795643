"""A caseworker's day in a real browser (Debian's Chromium), with JavaScript turned off.

Catches what the test client cannot: cookies, CSRF and the Origin header as a browser
sends them, the CSP as a browser enforces it, forms as a person fills them.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from .site import Site, new_site

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    made = new_site(tmp_path)
    made.setup()
    made.start("--share-file", made.share(1), "--share-file", made.share(2))
    yield made
    made.stop()


@pytest.fixture
def page(site: Site) -> Iterator[Any]:
    if CHROMIUM is None:
        missing = "Debian's chromium is not installed (make test installs it when run as root)"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; under CI the browser test must run")
        pytest.skip(f"{missing}; skipped on a developer machine only, CI=1 makes this a failure")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(java_script_enabled=False)
        errors: list[str] = []
        opened = context.new_page()
        opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield opened
        context.close()
        browser.close()
        assert not [e for e in errors if "Content Security Policy" in e]


def test_caseworker_day_without_javascript(site: Site, page: Any) -> None:
    base = site.url("")
    page.goto(base + "/login")
    page.fill("#id_username", "e2e.caseworker")
    page.fill("#id_password", site.password)
    page.fill("#id_code", pyotp.TOTP(site.totp_secret).now())
    page.click("main button[type=submit]")
    assert page.url == base + "/"

    page.goto(base + "/cases/new")
    page.fill("#id_legal_name", "Чувиляев Александр Петрович")
    page.fill("#id_other_names", "Tschuwiljajew")
    page.fill("#id_birth_date", "1994-03-08")
    page.select_option("#id_country", "KZ")
    page.fill("#id_coarse_place", "Алматы")
    page.fill("#id_exact_address", "ул. Абая, 1")
    page.click("main button[type=submit]")
    assert re.search(r"/cases/SP-[0-9A-Z]{4}-[0-9A-Z]{4}$", page.url)
    text = page.inner_text("main")
    assert "Чувиляев Александр Петрович" in text
    assert "Chuviliaev Aleksandr Petrovich" in text
    assert "ул. Абая" not in text

    page.fill("#id_text", "Первая беседа по Signal.")
    page.click("text=Add note")
    assert "Первая беседа по Signal." in page.inner_text("main")

    page.click("text=Move to another stage")  # <details> opens without JavaScript
    page.select_option("#move-target", "triage")
    page.fill("#move-reason", "Первый контакт состоялся")
    page.click("details button[type=submit] >> text=Move")
    assert "Triage" in page.inner_text("main")

    page.click("text=Reveal exact location")
    assert "ул. Абая, 1" in page.inner_text("main")

    page.goto(base + "/cases/")
    page.select_option("#lang", "ru")
    with page.expect_navigation():
        page.click("#lang ~ button")
    assert page.locator("html").get_attribute("lang") == "ru"

    page.click("header form:has(button) >> nth=-1 >> button")
    assert page.url.endswith("/login")
    page.goto(base + "/cases/")
    assert page.url.endswith("/login")


ADD_OFFICER = """
from safepassage.apps.accounts.models import Membership, Organisation, User
org = Organisation.objects.get(slug="e2e-org")
user = User.objects.create_user("e2e.vetting", {password!r})
user.totp_secret = {secret!r}
user.save()
Membership.objects.create(user=user, organisation=org, role="vetting_officer")
"""
LIST = "id,name,aliases,birth_date\nE2E-1,Чувиляев Александр Петрович,,1994-03-08\n"


def _sign_in(page: Any, site: Site, username: str) -> None:
    """Sign in as one of the site's users (they share the password and the TOTP seed)."""
    base = site.url("")
    page.goto(base + "/login")
    page.fill("#id_username", username)
    page.fill("#id_password", site.password)
    page.fill("#id_code", pyotp.TOTP(site.totp_secret).now())
    page.click("main button[type=submit]")
    assert page.url == base + "/"


def test_a_vetting_officer_sees_a_hit_and_decides_it(
    site: Site,
    page: Any,
    tmp_path: Path,
) -> None:
    base = site.url("")
    site.command(
        "shell", "--no-imports", "-c",
        ADD_OFFICER.format(password=site.password, secret=site.totp_secret),
    )  # fmt: skip
    _sign_in(page, site, "e2e.caseworker")
    page.goto(base + "/cases/new")
    page.fill("#id_legal_name", "Чувиляев Александр Петрович")
    page.fill("#id_other_names", "Tschuwiljajew")
    page.fill("#id_birth_date", "1994-03-08")
    page.select_option("#id_country", "KZ")
    page.click("main button[type=submit]")
    case_url = page.url
    listed = tmp_path / "list.csv"
    listed.write_text(LIST, encoding="utf-8")
    site.command("lists", "import", str(listed), "--name", "e2e-list", "--licence", "test")
    site.command("worker", "--share-file", site.share(1), "--share-file", site.share(2))
    page.goto(base + "/")  # the caseworker's start page has no vetting section
    assert "Screening hits and signals to decide" not in page.inner_text("main")
    page.click("header form:has(button) >> nth=-1 >> button")  # sign out

    _sign_in(page, site, "e2e.vetting")
    start = page.inner_text("main")  # the vetting officer's start page: what waits for him
    assert "Screening hits and signals to decide" in start
    assert case_url.rsplit("/", 1)[-1] in start
    page.goto(base + "/vetting/queue")
    assert case_url.rsplit("/", 1)[-1] in page.inner_text("main")
    page.goto(case_url)
    panel = page.inner_text("section[aria-labelledby=screening-heading]")
    assert "e2e-list v1: E2E-1" in panel
    assert "Undecided" in panel
    assert "same birth date" in panel
    page.check("section[aria-labelledby=screening-heading] input[value=not_same]")
    page.fill("section[aria-labelledby=screening-heading] textarea", "Другой отец; паспорт видели.")
    page.click("text=Record decision")
    assert "Decision recorded." in page.inner_text("main")
    panel = page.inner_text("section[aria-labelledby=screening-heading]")
    assert "Not this person" in panel
    assert "Другой отец; паспорт видели." in panel


def test_the_case_page_shows_a_possible_duplicate_after_the_worker_ran(
    site: Site, page: Any
) -> None:
    base = site.url("")
    page.goto(base + "/login")
    page.fill("#id_username", "e2e.caseworker")
    page.fill("#id_password", site.password)
    page.fill("#id_code", pyotp.TOTP(site.totp_secret).now())
    page.click("main button[type=submit]")
    references = []
    for name, born in (
        ("Чувиляев Александр Петрович", "1994-03-08"),
        ("Aleksandr CHUVILYAEV", "1994-08-03"),
    ):
        page.goto(base + "/cases/new")
        page.fill("#id_legal_name", name)
        page.fill("#id_birth_date", born)
        page.select_option("#id_country", "KZ")
        page.click("main button[type=submit]")
        references.append(page.url.rsplit("/", 1)[1])
    site.command("worker", "--share-file", site.share(1), "--share-file", site.share(2))
    page.goto(base + f"/cases/{references[0]}")
    text = page.inner_text("main")
    assert f"Possibly the same person as {references[1]}" in text
    assert "Birth dates agree with day and month swapped" in text
    # The e2e user is also a coordinator: the decisions are there, and work without JavaScript.
    page.click("text=Different people")
    assert "Marked as different people." in page.inner_text("main")
    assert "A coordinator marked these as different people." in page.inner_text("main")


@pytest.fixture
def phone(site: Site) -> Iterator[Any]:
    """A 390 px wide phone screen, JavaScript off."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed; under CI the browser test must run")
        pytest.skip("Debian's chromium is not installed; skipped on a developer machine only")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 390, "height": 844}
        )
        yield context.new_page()
        context.close()
        browser.close()


def _width(page: Any) -> int:
    """The page's scrollable width (measured by the browser, not by a page script)."""
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_search_remove_and_a_390px_screen_without_javascript(site: Site, phone: Any) -> None:
    page = phone
    base = site.url("")
    page.goto(base + "/login")
    page.fill("#id_username", "e2e.caseworker")
    page.fill("#id_password", site.password)
    page.fill("#id_code", pyotp.TOTP(site.totp_secret).now())
    page.click("main button[type=submit]")
    page.goto(base + "/cases/new")
    page.fill("#id_legal_name", "Чувиляев Александр")
    page.fill("#id_other_names", "Czuwiliajew")
    page.select_option("#id_country", "TJ")
    page.click("main button[type=submit]")
    reference = page.url.rsplit("/", 1)[1]
    page.fill("#id_text", "Ж" * 10_000)  # one unbroken word
    page.click("text=Add note")
    assert _width(page) <= 390

    page.goto(base + f"/cases/{reference}/edit/deployment")
    page.fill("#id_place", "Бахмут")
    page.click("main button[type=submit]")
    assert "Бахмут" in page.inner_text("main")
    page.click("main a[href*='/entries/deployment/'][href$='/remove']")
    page.check("input[name=reason][value=mistake]")
    page.click("main button[type=submit]")
    assert "Entry removed." in page.inner_text("main")
    assert "Бахмут" not in page.inner_text("main")

    for query in ("Chuvilyaev", "Чувиляев"):
        page.fill("#header-search", query)
        page.click("#header-search ~ button")
        assert reference in page.inner_text("main")
        assert "Czuwiliajew" not in page.url
        assert "%" not in page.url
    assert _width(page) <= 390
    page.goto(base + "/cases/")
    assert _width(page) <= 390
