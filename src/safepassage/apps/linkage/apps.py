from __future__ import annotations

from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "safepassage.apps.linkage"
    label = "linkage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safepassage.apps.cases.record.panels import register_case_panel
        from safepassage.apps.cases.registry.flags import register_case_flag
        from safepassage.apps.cases.registry.watchers import watch_records
        from safepassage.apps.linkage import panel, watching
        from safepassage.apps.linkage.flags import IMPOSTOR_FLAG
        from safepassage.apps.vault import keystore

        watch_records(watching.note_due)
        register_case_panel("linkage", "linkage/panel.html", panel.panel_context, order=20)
        keystore.on_drop(watching.forget_index)
        register_case_flag(IMPOSTOR_FLAG)  # shown on the vetting queue
