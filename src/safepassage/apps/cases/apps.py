from typing import Any

from django.apps import AppConfig


def _case_key_context(row: Any) -> str:
    return str(row.case.uid)


class CasesConfig(AppConfig):
    name = "safepassage.apps.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Tell the vault about the case keys, so that a rotation re-wraps them, and accounts
        about the coordinators to notify of each new account and role proposal."""
        from django.utils.translation import gettext_lazy

        from safepassage.apps.accounts.grants import on_proposal
        from safepassage.apps.accounts.members import on_new_account
        from safepassage.apps.cases.lifecycle.due_soon import deadlines_due_soon
        from safepassage.apps.cases.models import CaseKey
        from safepassage.apps.cases.notifications import (
            tell_coordinators_of_new_account,
            tell_coordinators_of_proposal,
        )
        from safepassage.apps.cases.today import register_today
        from safepassage.apps.vault.datakeys import holds_wrapped_keys

        holds_wrapped_keys(CaseKey, context_of=_case_key_context, related=("case",))
        on_new_account(tell_coordinators_of_new_account)
        on_proposal(tell_coordinators_of_proposal)
        register_today(
            "deadlines", gettext_lazy("Deadlines in the next 7 days"), deadlines_due_soon, order=20
        )
