"""Demo duplicates: one person entered twice inside an organisation, one at two organisations.

Fictional people. Inside Northern Route: a Cyrillic entry and a passport spelling with day
and month swapped in the birth date (``same``). Across Northern Route and Harbour Legal
Aid: a German spelling with the same contact handle, which each coordinator sees only as
a ``LK-`` reference naming the other organisation.
"""

from __future__ import annotations

import datetime

from safepassage.apps.accounts.models import Organisation, User
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.linkage.linking import forget, relink

INSIDE = [
    NewCase(
        legal_name="Чувиляев Александр Петрович",
        country="KZ",
        coarse_place="Алматы",
        birth_date=datetime.date(1994, 3, 8),
    ),
    NewCase(
        legal_name="Aleksandr CHUVILYAEV",
        country="KZ",
        coarse_place="Almaty",
        birth_date=datetime.date(1994, 8, 3),
    ),
]
ACROSS = [
    (
        "northern-route",
        NewCase(
            legal_name="Жуков Дмитрий Сергеевич",
            country="GE",
            birth_date=datetime.date(1990, 11, 2),
            contact_channel="Signal",
            contact_handle="@dzhukov_demo",
        ),
    ),
    (
        "harbour-legal",
        NewCase(
            legal_name="Dmitri Shukow",
            country="AM",
            birth_date=datetime.date(1990, 11, 2),
            contact_channel="Signal",
            contact_handle="@DZhukov_demo",
        ),
    ),
]


def load_duplicates_demo(orgs: dict[str, Organisation], caseworker: User | None) -> int:
    """Create the four cases and link every case once; returns the pairs found."""
    for data in INSIDE:
        create_case(
            orgs["northern-route"], data, actor=None, assign_to=[caseworker] if caseworker else []
        )
    for slug, data in ACROSS:
        create_case(orgs[slug], data, actor=None)
    found = relink()
    forget()  # the web process keeps no index: the worker builds its own
    return found
