"""Demo safety data: check-in schedules (some overdue) and a dated, sourced risk register.

Called by the demo loader after the demo cases exist: ``load_safety_demo(rng)``.
Sources are the public articles DOMAIN.md §11 cites; rationales are short summaries.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case
from safepassage.apps.safety.actions import Assessment, record_assessment
from safepassage.apps.safety.flagging import flag_pending_assessments
from safepassage.apps.safety.models import CheckIn, CheckInSchedule, CountryRisk
from safepassage.apps.vault import keystore

# (country, rating, effective on, source, rationale), oldest first: recorded in this order.
DEMO_REGISTER = [
    (
        "KZ",
        "high",
        datetime.date(2022, 10, 1),
        "https://zona.media/article/2026/02/12/kz2026",
        "Deportation of a deserter in 2022; handover in 2024. [demo summary]",
    ),
    (
        "AM",
        "high",
        datetime.date(2023, 12, 20),
        "https://objectwarcampaign.org/en/2023/12/20/first-arrest-and-deportation-of-a-russian-"
        "conscientious-objector-from-armenia/",
        "Abduction from Gyumri by Russian military police, Dec 2023. [demo summary]",
    ),
    (
        "GE",
        "elevated",
        datetime.date(2025, 11, 30),
        "https://www.eng.kavkaz-uzel.media/articles/71381",
        "Entry refusals; two activists detained, Nov 2025. [demo summary]",
    ),
    (
        "KZ",
        "very_high",
        datetime.date(2026, 2, 12),
        "https://zona.media/article/2026/02/12/kz2026",
        "Handed to the Russian military on 2 Feb 2026 despite asylum-seeker status. [demo summary]",
    ),
]

SCHEDULED_STAGES = (Stage.EXIT, Stage.THIRD_COUNTRY)


def _load_register() -> None:
    for country, rating, effective_on, source, rationale in DEMO_REGISTER:
        record_assessment(
            Assessment(country, rating, effective_on, [source], rationale), actor=None
        )


def _load_schedules(rng: random.Random, now: datetime.datetime) -> int:
    cases = list(Case.objects.filter(stage__in=SCHEDULED_STAGES).order_by("pk"))
    chosen = [case for case in cases if rng.random() < 1 / 3] or cases[:1]
    for index, case in enumerate(chosen):
        interval, grace = rng.choice([(48, 12), (24, 6), (72, 24)])
        started = now - datetime.timedelta(days=rng.randint(5, 40))
        # Every third one is late: the last check-in is older than interval (+ grace).
        late = index % 3 == 0
        hours_ago = interval + grace + rng.randint(1, 30) if late else rng.randint(1, interval - 1)
        last = now - datetime.timedelta(hours=hours_ago)
        CheckInSchedule.objects.create(
            case=case,
            interval_hours=interval,
            grace_hours=grace,
            started_at=started,
            last_check_in_at=last,
        )
        CheckIn.objects.create(case=case, at=last, actor_id=None)
    return len(chosen)


def load_safety_demo(rng: random.Random) -> int:
    """Add demo schedules and the demo register once; returns the schedules created."""
    if CountryRisk.objects.exists():
        return 0
    with transaction.atomic():
        _load_register()
        created = _load_schedules(rng, timezone.now())
    if keystore.is_unsealed():  # else the KZ rise waits for 'safepassage worker'
        flag_pending_assessments()
    return created
