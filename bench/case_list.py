"""How the case list performs with many cases (default 100,000), SQLite or PostgreSQL.

    .venv/bin/python bench/case_list.py [--cases 100000]
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/case_list.py

Cases are generated with sealed names and countries (real envelopes under real case
keys); every figure is a full request through the middleware, policy, query and template
(Django's test client, in process), best of 3. The baseline is the bare SQL query for
the same first page, measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _site

COUNTRIES = ["KZ", "AM", "GE", "KG", "RS", "TR", "RU", "FR", "DE"]


def generate(count: int) -> tuple[object, object]:
    from django.db import transaction

    from safepassage.apps.accounts.models import Membership, Organisation, User
    from safepassage.apps.cases.lifecycle.stages import Stage
    from safepassage.apps.cases.models import Case, CaseKey, Location, PersonName
    from safepassage.apps.cases.models.case import new_reference
    from safepassage.apps.vault import keystore
    from safepassage.cores.crypto import FieldContext, new_data_key, seal_text, wrap_data_key

    rng = random.Random(7)
    org = Organisation.objects.create(slug="bench", name="Bench")
    coordinator = User.objects.create_user("bench.coord")
    caseworker = User.objects.create_user("bench.cw")
    Membership.objects.create(user=coordinator, organisation=org, role="coordinator")
    Membership.objects.create(user=caseworker, organisation=org, role="caseworker")
    ring = keystore.keyring()
    stages = list(Stage.values)

    def sealed(model: type, column: str, row_id: uuid.UUID, key: bytes, value: str) -> bytes:
        table = model._meta.db_table  # type: ignore[attr-defined]
        ctx = FieldContext(f"safepassage.{table}.{column}.v1", table, column, str(row_id), 1)
        return seal_text(key, value, ctx)

    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        cases = [
            Case(
                uid=uuid.uuid4(),
                reference=new_reference(),
                organisation=org,
                stage=rng.choice(stages),
            )
            for _ in range(size)
        ]
        with transaction.atomic():
            Case.objects.bulk_create(cases)
            keys, locations, names, links = [], [], [], []
            for case in Case.objects.filter(uid__in=[c.uid for c in cases]):
                key = new_data_key()
                keys.append(
                    CaseKey(
                        case=case,
                        wrapped=wrap_data_key(ring, key, str(case.uid)),
                        epoch=ring.current_epoch,
                    )
                )
                loc_id, name_id = uuid.uuid4(), uuid.uuid4()
                locations.append(
                    Location(
                        id=loc_id,
                        case=case,
                        country=sealed(Location, "country", loc_id, key, rng.choice(COUNTRIES)),
                        coarse_place=sealed(Location, "coarse_place", loc_id, key, "Город"),
                    )
                )
                names.append(
                    PersonName(
                        id=name_id,
                        case=case,
                        kind="legal",
                        full_name=sealed(
                            PersonName,
                            "full_name",
                            name_id,
                            key,
                            f"Кузнецов {rng.randrange(10**6)}",
                        ),
                    )
                )
                if rng.random() < 0.33:
                    links.append(Case.assignees.through(case_id=case.pk, user_id=caseworker.pk))
            CaseKey.objects.bulk_create(keys)
            Location.objects.bulk_create(locations)
            PersonName.objects.bulk_create(names)
            Case.assignees.through.objects.bulk_create(links)
    return coordinator, caseworker


def client_for(user: object) -> object:
    from django.test import Client

    from safepassage.apps.accounts.sessions import (
        SESSION_GENERATION,
        SESSION_LAST_SEEN,
        SESSION_ORGANISATION,
        SESSION_STARTED,
    )

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    session = client.session
    now = int(time.time())
    session.update(
        {
            SESSION_STARTED: now,
            SESSION_LAST_SEEN: now,
            SESSION_GENERATION: 0,
            SESSION_ORGANISATION: user.memberships.first().organisation_id,
        }
    )  # type: ignore[attr-defined]
    session.save()
    return client


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    vendor = _site.setup()
    from django.conf import settings
    from django.db import connection

    settings.ALLOWED_HOSTS = ["testserver"]
    start = time.perf_counter()
    coordinator, caseworker = generate(args.cases)
    print(
        f"database: {vendor}; generated {args.cases} sealed cases in "
        f"{time.perf_counter() - start:.1f} s"
    )

    def sql_page() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, reference, stage FROM cases_case ORDER BY updated_at DESC, "
                "reference LIMIT 50"
            )
            cursor.fetchall()

    baseline = _site.best_of(3, sql_page)
    print(f"baseline: bare SQL for the first page: {baseline * 1000:8.1f} ms")
    for label, user in (
        ("coordinator (all cases)", coordinator),
        ("caseworker (assigned, ~1/3)", caseworker),
    ):
        client = client_for(user)
        for path in (
            "/cases/",
            "/cases/?stage=vetting",
            "/cases/?page=500",
            "/cases/?country=KZ",
            "/cases/deadlines",
        ):

            def get(path: str = path, client: object = client) -> None:
                response = client.get(path)  # type: ignore[attr-defined]
                assert response.status_code == 200, response.status_code

            if "country" in path:
                from safepassage.apps.cases.registry.country_index import forget

                forget()
                cold = _site.best_of(1, get)
                print(
                    f"{label:28} {path:24} cold {cold * 1000:9.1f} ms "
                    f"(x{cold / baseline:,.0f} baseline)"
                )
            took = _site.best_of(3, get)
            print(f"{label:28} {path:24} {took * 1000:9.1f} ms (x{took / baseline:,.0f} baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
