from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class VettingConfig(AppConfig):
    name = "safepassage.apps.vetting"
    label = "vetting"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """A changed case becomes due for screening; sign-offs and the case page ask us."""
        from safepassage.apps.cases.lifecycle.signoff_checks import register_signoff_check
        from safepassage.apps.cases.record.panels import register_case_panel
        from safepassage.apps.cases.registry.watchers import watch_records
        from safepassage.apps.cases.today import register_today
        from safepassage.apps.vetting.decisions import screening_refusals
        from safepassage.apps.vetting.due import note_due
        from safepassage.apps.vetting.panel import screening_panel
        from safepassage.apps.vetting.today import hits_to_decide

        watch_records(note_due)
        register_signoff_check(screening_refusals)
        register_case_panel("screening", "vetting/panel.html", screening_panel, order=50)
        register_today("hits_to_decide", gettext_lazy("Screening hits and signals to decide"),
                       hits_to_decide, order=30)  # fmt: skip
