"""API v1 for vetting: GET a case's hits, POST a decision; same policy and scoping as pages."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.vetting.models import Hit, HitState

from .conftest import PERSONAS, World
from .vetting_helpers import import_sample, new_case, run_worker

pytestmark = pytest.mark.django_db

READERS = {"vetting": 200, "coordinator": 200}


def _token(user: User) -> str:
    membership = Membership.objects.filter(user=user).first()
    assert membership is not None
    return issue_token(membership, "test")


def _hit(world: World) -> Hit:
    import_sample()
    case = new_case(world.org, "Sasha Czuwiliajew", datetime.date(1990, 4, 12))
    run_worker()
    return Hit.objects.get(case=case)


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_hits_are_read_by_vetting_officers_and_coordinators_of_the_organisation(
    world: World, persona: str
) -> None:
    hit = _hit(world)
    headers = {"Authorization": f"Bearer {_token(world.users[persona])}"}
    answer = Client().get(f"/api/v1/cases/{hit.case.reference}/hits", headers=headers)
    assert answer.status_code == READERS.get(persona, 404)
    if answer.status_code == 200:
        body = answer.json()
        assert body["up_to_date"] is True
        assert [h["entity_id"] for h in body["hits"]] == ["X1"]
        assert body["hits"][0]["explanation"]["parts"]


def test_anonymous_gets_401(world: World) -> None:
    hit = _hit(world)
    assert Client().get(f"/api/v1/cases/{hit.case.reference}/hits").status_code == 401


def _post(user: User, hit: Hit, body: dict[str, str]) -> tuple[int, dict[str, object]]:
    answer = Client().post(
        f"/api/v1/cases/{hit.case.reference}/hits/{hit.pk}/decision",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {_token(user)}"},
    )
    return answer.status_code, answer.json()


def test_a_vetting_officer_decides_through_the_api(world: World) -> None:
    hit = _hit(world)
    status, body = _post(world.users["vetting"], hit, {"state": "needs_info", "reason": "Ask"})
    assert status == 200
    assert body["state"] == "needs_info"
    assert Hit.objects.get(pk=hit.pk).state == HitState.NEEDS_INFO
    status, body = _post(world.users["vetting"], hit, {"state": "same", "reason": " "})
    assert status == 422
    assert "reason" in str(body["detail"])


def test_nobody_else_decides_and_another_organisation_gets_404(world: World) -> None:
    hit = _hit(world)
    outsider = User.objects.create_user("outsider_vetting", "x-password-long-enough")
    Membership.objects.create(
        user=outsider, organisation=world.other_org, role=Role.VETTING_OFFICER
    )
    for user in (outsider, world.users["coordinator"], world.users["caseworker"]):
        status, _ = _post(user, hit, {"state": "same", "reason": "r"})
        assert status == 404
    assert Hit.objects.get(pk=hit.pk).state == HitState.UNDECIDED
