"""Accounts migrations that move data: their data functions, run on rows of the old shape.

(The schema steps themselves run for every test database; a full backwards-and-forwards
migration cannot run here, because flushing the append-only audit table is refused.)
"""

from __future__ import annotations

import hashlib
import importlib

import pytest
from django.apps import apps

from safepassage.apps.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db


def test_0003_forgets_the_unkeyed_throttle_rows() -> None:
    """Old rows hold an unsalted SHA-256 of typed text: they are deleted, not kept."""
    migration = importlib.import_module(
        "safepassage.apps.accounts.migrations.0003_signin_throttle_keyed_and_bounded"
    )
    typed = hashlib.sha256(b"signin-throttle:a password in the name field").hexdigest()
    SignInThrottle.objects.create(account_digest=typed, failures=3)
    migration._forget_unkeyed_rows(apps, None)
    assert not SignInThrottle.objects.exists()
