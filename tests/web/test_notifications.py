"""Notifications follow membership: leaving an organisation takes its notices away."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.cases.notifications import notify

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def test_notifications_of_a_former_organisation_disappear(world: World) -> None:
    caseworker = world.users["caseworker"]
    notify([caseworker], "case_flagged", world.case)
    client = sign_in(Client(), caseworker)
    assert world.case.reference in client.get("/safety/attention/").content.decode()
    Membership.objects.filter(user=caseworker).delete()
    assert world.case.reference not in client.get("/safety/attention/").content.decode()
