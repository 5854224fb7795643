"""Notifications move to the cases app (state only: the table stays where it is)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_checkins_risk_register_flags_notifications"),
        ("cases", "0005_notification_from_safety"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
