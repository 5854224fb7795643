from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safepassage.apps.safety"
    label = "safety"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """A missed check-in makes a case overdue on the case list and in the API, and
        shows on the start page of whoever looks after the person."""
        from django.utils.translation import gettext_lazy

        from safepassage.apps.cases.registry.overdue import counts_as_overdue
        from safepassage.apps.cases.today import register_today
        from safepassage.apps.safety.listing import overdue_cases_q
        from safepassage.apps.safety.today import missed_check_ins

        counts_as_overdue(overdue_cases_q)
        register_today(
            "missed_check_ins", gettext_lazy("Missed check-ins"), missed_check_ins, order=10
        )
