from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "safepassage.apps.vault"
    label = "vault"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Seal accounts' TOTP seeds (accounts sits below the vault, so it is told here)."""
        from safepassage.apps.accounts import seeds
        from safepassage.apps.accounts.models import TotpSeal
        from safepassage.apps.vault.datakeys import holds_wrapped_keys
        from safepassage.apps.vault.seeds import SEALER, key_context

        seeds.register(SEALER)
        holds_wrapped_keys(TotpSeal, context_of=lambda row: key_context(row.user_id))
