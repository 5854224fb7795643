"""Fill demo cases with service records, history, sign-offs and procedure events.

Dates are relative to the day the demo is loaded, so the deadlines view always shows
something due soon and something overdue.
"""

from __future__ import annotations

import datetime
import random

from safepassage.apps.accounts.models import User
from safepassage.apps.cases.lifecycle.procedure import recompute_deadlines
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import (
    Case,
    Deployment,
    ProcedureEvent,
    ProcedureSuspension,
    ServiceRecord,
    StageTransition,
    VettingSignOff,
)

UNITS = [
    ("155-я отдельная бригада морской пехоты", "30926", "мобилизованный", "рядовой"),
    ("3-я мотострелковая дивизия", "34670", "контракт", "младший сержант"),
    ("64-я отдельная мотострелковая бригада", "51460", "контракт", "ефрейтор"),
    ("1-й танковый полк", "73621", "срочник", "рядовой"),
]
KIND = {"мобилизованный": "mobilised", "контракт": "contract", "срочник": "conscript"}
LATE_STAGES = {
    Stage.ADVOCACY,
    Stage.VISA_TRAVEL,
    Stage.REGISTRATION,
    Stage.DUBLIN,
    Stage.OFPRA_FILING,
    Stage.INTERVIEW,
    Stage.DECISION,
    Stage.PROTECTED,
    Stage.CNDA,
    Stage.FINAL_REJECTION,
}
# Stage -> (procedure event, days ago, what else is known) for French asylum cases. The
# claims were made months ago, before the EU Pact (12 June 2026): the earlier law applies.
FRENCH_EVENTS: dict[str, tuple[str, int, dict[str, str]]] = {
    Stage.OFPRA_FILING: ("atda_issued", 17, {}),
    Stage.INTERVIEW: ("atda_issued", 40, {}),
    Stage.DECISION: (
        "ofpra_decision_notified",
        3,
        {"notified_by": "registered_letter_uncollected"},
    ),
    Stage.CNDA: ("ofpra_decision_notified", 26, {"notified_by": "portal_viewed"}),
    Stage.FINAL_REJECTION: ("oqtf_notified", 9, {"track": "l911_1", "court_seat": "FR-67"}),
    Stage.DUBLIN: ("dublin_transfer_notified", 4, {"track": "at_liberty"}),
}
CLAIM_DAYS_AGO = 260


def enrich(case: Case, rng: random.Random, reviewers: list[User], today: datetime.date) -> None:
    unit_name, number, kind, rank = rng.choice(UNITS)
    ServiceRecord.objects.create(
        case=case,
        service={"kind": KIND[kind], "unit_name": unit_name, "unit_number": number, "rank": rank},
        desertion={
            "kind": rng.choice(["desertion", "non_return", "awol"]),
            "date": (today - datetime.timedelta(days=rng.randrange(200, 700))).isoformat(),
        },
        exposure={"articles": ["338"], "wanted_level": rng.choice(["federal", "unknown"])},
    )
    if kind != "срочник":
        start = today - datetime.timedelta(days=rng.randrange(700, 900))
        Deployment.objects.create(
            case=case,
            details={
                "start": start.isoformat(),
                "end": (start + datetime.timedelta(days=90)).isoformat(),
                "place": rng.choice(
                    ["Запорожская область", "Донецкая область", "Белгородская область"]
                ),
                "role": "водитель",
            },
        )
    StageTransition.objects.create(
        case=case,
        from_stage=Stage.INTAKE,
        to_stage=case.stage,
        reason="Демо: перенос из старой таблицы / demo import",
    )
    if case.stage in LATE_STAGES and len(reviewers) >= 2:
        for reviewer in reviewers[:2]:
            VettingSignOff.objects.create(
                case=case,
                reviewer_id=reviewer.pk,
                outcome="recommended",
                note="Две беседы, показания согласуются.",
            )
    event = FRENCH_EVENTS.get(case.stage)
    if event and case.pathway == "fr_asylum_visa":
        trigger, days_ago, details = event
        ProcedureEvent.objects.create(
            case=case,
            trigger=trigger,
            occurred_on=today - datetime.timedelta(days=days_ago),
            claim_date=today - datetime.timedelta(days=CLAIM_DAYS_AGO),
            **details,
        )
        if case.stage == Stage.CNDA:  # legal aid asked, granted, the lawyer told two days on
            ProcedureSuspension.objects.create(
                case=case,
                requested_on=today - datetime.timedelta(days=20),
                decided_on=today - datetime.timedelta(days=6),
                lawyer_notified_on=today - datetime.timedelta(days=4),
            )
        recompute_deadlines(case, today=today)
