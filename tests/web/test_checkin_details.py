"""Check-ins with details: channel, time (default now, never the future), a sealed short
note, and a duress signal that alerts every coordinator at once."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Notification
from safepassage.apps.safety.actions import set_schedule
from safepassage.apps.safety.models import CaseFlag, CheckIn, CheckInNote, CheckInSchedule

from .conftest import PERSONAS, World, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(world: World) -> World:
    set_schedule(world.case, interval_hours=48, grace_hours=12, actor=None)
    return world


def _post(client: Client, world: World, **data: object) -> object:
    return client.post(f"/safety/case/{world.case.reference}/check-in", data)


def _local(delta: datetime.timedelta) -> str:
    return timezone.localtime(timezone.now() + delta).strftime("%Y-%m-%dT%H:%M")


def test_a_check_in_with_channel_time_and_a_sealed_note(scheduled: World) -> None:
    world = scheduled
    client = sign_in(Client(), world.users["caseworker"])
    note = "Голос спокойный, сменил квартиру"
    response = _post(
        client, world, channel="phone", at=_local(-datetime.timedelta(hours=3)), note=note
    )
    assert response.status_code == 302
    check_in = CheckIn.objects.get(case=world.case)
    assert check_in.channel == "phone"
    assert abs(check_in.at - (timezone.now() - datetime.timedelta(hours=3))).total_seconds() < 120
    assert CheckInNote.objects.get(check_in=check_in).text == note
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM safety_checkinnote")
        stored = bytes(cursor.fetchone()[0])
    assert note.encode() not in stored
    page = client.get(f"/cases/{world.case.reference}").content.decode()
    assert note in page
    assert "Phone call" in page
    entry = AuditEntry.objects.filter(action="safety.check_in").latest("seq")
    assert entry.detail == {"channel": "phone", "duress": False, "note": True}


def test_the_quick_button_still_records_now(scheduled: World) -> None:
    client = sign_in(Client(), scheduled.users["caseworker"])
    assert _post(client, scheduled).status_code == 302
    check_in = CheckIn.objects.get(case=scheduled.case)
    assert (check_in.channel, check_in.duress) == ("unknown", False)
    assert (timezone.now() - check_in.at).total_seconds() < 60


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"at": "FUTURE"}, "cannot be in the future"),
        ({"at": "OLD"}, "more than 30 days ago"),
        ({"note": "Ж" * 501}, "at most 500 characters"),
    ],
)
def test_a_refused_check_in_keeps_what_was_typed(
    scheduled: World, data: dict[str, str], expected: str
) -> None:
    times = {
        "FUTURE": _local(datetime.timedelta(hours=2)),
        "OLD": _local(-datetime.timedelta(days=31)),
    }
    data = {k: times.get(v, v) for k, v in data.items()}
    typed_note = data.get("note", "встреча у вокзала")
    client = sign_in(Client(), scheduled.users["caseworker"])
    response = _post(client, scheduled, **{"channel": "sms", "note": typed_note, **data})
    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page
    assert typed_note in page
    assert not CheckIn.objects.exists()


def test_duress_alerts_every_coordinator_at_once(scheduled: World) -> None:
    world = scheduled
    client = sign_in(Client(), world.users["caseworker"])
    response = client.post(
        f"/safety/case/{world.case.reference}/check-in",
        {"channel": "messenger", "duress": "on"},
        follow=True,
    )
    assert "every coordinator has been alerted" in response.content.decode()
    told = Notification.objects.filter(kind="check_in_duress", case=world.case)
    assert [n.user_id for n in told] == [world.users["coordinator"].pk]
    flag = CaseFlag.objects.get(case=world.case, kind="check_in_duress")
    assert flag.reason == {"check_in": CheckIn.objects.get().pk}
    assert AuditEntry.objects.filter(action="safety.duress_alert").count() == 1
    attention = sign_in(Client(), world.users["coordinator"]).get("/safety/attention/")
    assert "signalled duress" in attention.content.decode()


def test_a_late_entry_does_not_move_the_last_check_in_back(scheduled: World) -> None:
    client = sign_in(Client(), scheduled.users["caseworker"])
    _post(client, scheduled)
    latest = CheckInSchedule.objects.get(case=scheduled.case).last_check_in_at
    _post(client, scheduled, at=_local(-datetime.timedelta(days=2)))
    assert CheckInSchedule.objects.get(case=scheduled.case).last_check_in_at == latest
    assert CheckIn.objects.filter(case=scheduled.case).count() == 2


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_who_may_record_a_detailed_check_in(scheduled: World, persona: str) -> None:
    client = Client() if persona == "anonymous" else sign_in(Client(), scheduled.users[persona])
    response = _post(client, scheduled, channel="phone", duress="on")
    allowed = persona in {"caseworker", "coordinator"}
    expected = 302 if allowed or persona == "anonymous" else 404
    assert response.status_code == expected
    assert CheckIn.objects.exists() == allowed
    assert Notification.objects.filter(kind="check_in_duress").exists() == allowed
