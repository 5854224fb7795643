"""Throttle rows keyed by an HMAC, with an age and a known-account flag.

The old rows hold unsalted SHA-256 digests of whatever was typed as a username; they are
deleted, not converted (the typed text is not known). Counters restart from zero.
"""

from typing import Any

import django.utils.timezone
from django.db import migrations, models


def _forget_unkeyed_rows(apps: Any, schema_editor: Any) -> None:
    apps.get_model("accounts", "SignInThrottle").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_organisation_time_zone"),
    ]

    operations = [
        migrations.RunPython(_forget_unkeyed_rows, migrations.RunPython.noop),
        migrations.AddField(
            model_name="signinthrottle",
            name="known",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="signinthrottle",
            name="updated_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
        ),
    ]
