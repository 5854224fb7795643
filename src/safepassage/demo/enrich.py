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
# Stage -> (procedure event, days ago) for French asylum cases.
FRENCH_EVENTS: dict[str, tuple[str, int]] = {
    Stage.OFPRA_FILING: ("atda_issued", 17),
    Stage.INTERVIEW: ("atda_issued", 40),
    Stage.DECISION: ("ofpra_decision_notified", 3),
    Stage.CNDA: ("ofpra_decision_notified", 26),
    Stage.FINAL_REJECTION: ("oqtf_notified", 9),
    Stage.DUBLIN: ("dublin_transfer_notified", 4),
}


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
        trigger, days_ago = event
        ProcedureEvent.objects.create(
            case=case, trigger=trigger, occurred_on=today - datetime.timedelta(days=days_ago)
        )
        recompute_deadlines(case, today=today)
