"""A caseworker's working mix for locust, driven by ``assure/load.py`` (not run alone).

Each simulated user signs in through the form with a TOTP code as one of the load
caseworkers (``ASSURE_LOAD_USERS`` names a JSON file: password and username -> seed),
then, with a pause of 1 to 4 seconds between actions, lists and filters his cases,
opens one, adds a note, records a check-in, looks at the deadlines and the attention page.
Any answer other than the expected one is a failure, and a failure fails the run.
"""

from __future__ import annotations

import json
import os
import random
import re
import threading
from typing import Any

import pyotp
from locust import HttpUser, between, task

_CREDENTIALS: dict[str, Any] = json.loads(
    open(os.environ["ASSURE_LOAD_USERS"], encoding="utf-8").read()  # noqa: SIM115
)
_FREE = sorted(_CREDENTIALS["seeds"])
_LOCK = threading.Lock()
REFERENCE = re.compile(r"SP-[0-9A-Z]{4}-[0-9A-Z]{4}")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Caseworker(HttpUser):
    wait_time = between(1, 4)

    def on_start(self) -> None:
        with _LOCK:
            self.username = _FREE.pop()
        seed = _CREDENTIALS["seeds"][self.username]
        page = self.client.get("/login", name="sign in (form)")
        fields = {
            "csrfmiddlewaretoken": _csrf(page.text),
            "username": self.username,
            "password": _CREDENTIALS["password"],
            "code": pyotp.TOTP(seed).now(),
        }
        with self.client.post(
            "/login", data=fields, name="sign in", allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"sign-in answered {answer.status_code}")
        listing = self.client.get("/cases/", name="case list").text
        self.references = sorted(set(REFERENCE.findall(listing)))
        if not self.references:
            raise RuntimeError("a load caseworker sees no case")

    def _reference(self) -> str:
        return random.choice(self.references)

    @task(4)
    def case_list(self) -> None:
        self._page("/cases/", "case list", "SP-")

    @task(2)
    def filtered_list(self) -> None:
        stage = random.choice(["intake", "vetting", "triage"])
        self._page(f"/cases/?stage={stage}", "case list, filtered by stage", "</table>")

    @task(1)
    def by_country(self) -> None:
        self._page("/cases/?country=KZ", "case list, filtered by country", "</html>")

    @task(4)
    def open_case(self) -> None:
        reference = self._reference()
        self._page(f"/cases/{reference}", "open case", reference)

    @task(1)
    def add_note(self) -> None:
        reference = self._reference()
        page = self._page(f"/cases/{reference}", "open case", reference)
        fields = {"csrfmiddlewaretoken": _csrf(page), "text": "Called back; all well."}
        self._post(f"/cases/{reference}/notes", fields, "add note")

    @task(1)
    def check_in(self) -> None:
        reference = self._reference()
        page = self._page(f"/cases/{reference}", "open case", reference)
        fields = {"csrfmiddlewaretoken": _csrf(page)}
        self._post(f"/safety/case/{reference}/check-in", fields, "record check-in")

    @task(1)
    def deadlines(self) -> None:
        self._page("/cases/deadlines", "deadlines", "</html>")

    @task(1)
    def attention(self) -> None:
        self._page("/safety/attention/", "attention", "</html>")

    def _page(self, path: str, name: str, expect: str) -> str:
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as got:
            if got.status_code != 200 or expect not in got.text:
                got.failure(f"{name}: {got.status_code}")
            return str(got.text)

    def _post(self, path: str, fields: dict[str, str], name: str) -> None:
        with self.client.post(
            path, data=fields, name=name, allow_redirects=False, catch_response=True
        ) as got:
            if got.status_code != 302:
                got.failure(f"{name}: {got.status_code}")


def _csrf(page: str) -> str:
    found = CSRF.search(page)
    return found.group(1) if found else ""
