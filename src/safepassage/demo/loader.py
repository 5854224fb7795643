"""Load the demo data set into an empty database (idempotent: does nothing twice)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Membership, Organisation, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.actions import record
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.safety.demo import load_safety_demo
from safepassage.apps.vetting.demo import load_vetting_demo
from safepassage.demo.duplicates import load_duplicates_demo
from safepassage.demo.enrich import enrich
from safepassage.demo.people import fictional_person

DEMO_PASSWORD = "demo-passage-2026"  # noqa: S105 - published on purpose; demo only

ORGANISATIONS = [
    ("northern-route", "Northern Route"),
    ("harbour-legal", "Harbour Legal Aid"),
    ("steppe-watch", "Steppe Watch"),
]

# (username, organisation slug, roles)
STAFF = [
    ("anna.cw", "northern-route", [Role.CASEWORKER]),
    ("boris.cw", "northern-route", [Role.CASEWORKER]),
    ("vera.vet", "northern-route", [Role.VETTING_OFFICER]),
    ("gleb.vet", "northern-route", [Role.VETTING_OFFICER]),
    ("dina.coord", "northern-route", [Role.COORDINATOR]),
    ("emil.audit", "northern-route", [Role.AUDITOR]),
    ("faina.trustee", "northern-route", [Role.TRUSTEE]),
    ("claire.cw", "harbour-legal", [Role.CASEWORKER]),
    ("hugo.coord", "harbour-legal", [Role.COORDINATOR, Role.VETTING_OFFICER]),
    ("ines.liaison", "harbour-legal", [Role.LIAISON]),
    ("aigul.cw", "steppe-watch", [Role.CASEWORKER]),
    ("timur.coord", "steppe-watch", [Role.COORDINATOR]),
    # One person working for two organisations in different roles.
    ("vera.vet", "harbour-legal", [Role.VETTING_OFFICER]),
    ("gleb.vet", "harbour-legal", [Role.VETTING_OFFICER]),
    ("aigul.cw", "steppe-watch", [Role.VETTING_OFFICER]),
    ("timur.coord", "steppe-watch", [Role.VETTING_OFFICER]),
]

PATHWAY_BY_STAGE = {
    Stage.INTAKE: Pathway.UNDECIDED,
    Stage.TRIAGE: Pathway.UNDECIDED,
    Stage.EXIT: Pathway.UNDECIDED,
    Stage.THIRD_COUNTRY: Pathway.THIRD_COUNTRY,
}


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    usernames: list[str]


def load_demo(cases_per_organisation: int = 18, seed: int = 2026) -> DemoSummary:
    usernames = sorted({name for name, _, _ in STAFF})
    if Organisation.objects.filter(slug=ORGANISATIONS[0][0]).exists():
        return DemoSummary(False, usernames)
    rng = random.Random(seed)  # noqa: S311 - reproducible fictional data, not secrets
    with transaction.atomic():
        orgs = {
            slug: Organisation.objects.create(slug=slug, name=name) for slug, name in ORGANISATIONS
        }
        users: dict[str, User] = {}
        for username, slug, roles in STAFF:
            user = users.get(username) or User.objects.create_user(username, DEMO_PASSWORD)
            users[username] = user
            for role in roles:
                Membership.objects.create(user=user, organisation=orgs[slug], role=role)
        stages = list(Stage)
        today = clock.today_for(None)
        reviewers: dict[str, list[User]] = {}
        for username, slug, roles in STAFF:
            if Role.VETTING_OFFICER in roles:
                reviewers.setdefault(slug, []).append(users[username])
        reviewers["northern-route"] = reviewers.get("northern-route", [])
        for offset, (slug, org) in enumerate(orgs.items()):
            caseworkers = [
                users[name] for name, s, roles in STAFF if s == slug and Role.CASEWORKER in roles
            ]
            for index in range(cases_per_organisation):
                stage = stages[(index + offset) % len(stages)]
                pathway = PATHWAY_BY_STAGE.get(
                    stage,
                    rng.choice([Pathway.FR_ASYLUM_VISA, Pathway.DE_SECTION_22, Pathway.DE_ASYLUM]),
                )
                assign = (
                    [caseworkers[index % len(caseworkers)]]
                    if caseworkers and index % 5 != 4
                    else []
                )
                data = NewCase(**fictional_person(rng), stage=stage, pathway=pathway)
                case = create_case(org, data, actor=None, assign_to=assign)
                enrich(case, rng, reviewers.get(slug, []), today)
        load_safety_demo(rng)
        load_vetting_demo()
        load_duplicates_demo(orgs, users.get("anna.cw"))
        record("demo.load", detail={"organisations": len(orgs), "users": len(users)})
    return DemoSummary(True, usernames)
