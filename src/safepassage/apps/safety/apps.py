from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safepassage.apps.safety"
    label = "safety"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """A missed check-in makes a case overdue on the case list and in the API."""
        from safepassage.apps.cases.registry.overdue import counts_as_overdue
        from safepassage.apps.safety.listing import overdue_cases_q

        counts_as_overdue(overdue_cases_q)
