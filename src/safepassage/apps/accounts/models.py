"""Accounts: who may sign in, to which organisations they belong, and in which roles.

Staff accounts carry no personal data beyond a chosen username and an optional display
name the user chooses (any name colleagues know them by). TOTP seeds and recovery
codes are write-only: nothing renders them after enrolment.
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts.roles import Role


class Organisation(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)
    # Where "today" is for this organisation's dates (deadlines, event dates): an IANA name
    # such as "Europe/Paris"; empty means the server's TIME_ZONE. See accounts.clock.
    time_zone = models.CharField(max_length=64, blank=True, default="")

    def __str__(self) -> str:
        return self.slug


class UserManager(BaseUserManager["User"]):
    def create_user(self, username: str, password: str | None = None) -> User:
        user = self.model(username=username)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def caseworkers_of(
        self, organisation: Organisation | None, *, active_only: bool = True
    ) -> models.QuerySet[User]:
        """The organisation's caseworkers (the ones a case can be assigned to), by name.

        ``active_only=False`` keeps disabled accounts, for filtering cases they held.
        """
        found = self.filter(
            memberships__organisation=organisation, memberships__role=Role.CASEWORKER
        )
        if active_only:
            found = found.filter(is_active=True)
        return found.distinct().order_by("username")


class User(AbstractBaseUser):
    username = models.CharField(
        _("username"),
        max_length=64,
        unique=True,
        help_text=_("Letters, digits and . _ - only; not a real name."),
    )
    # What colleagues see instead of "user#4": chosen by the user on the account page
    # (accounts.people); any name they are known by, not necessarily a legal name.
    display_name = models.CharField(max_length=60, blank=True, default="")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Two-factor: the seed lives sealed in TotpSeal (accounts.seeds). ``totp_secret`` holds
    # only seeds from before sealing, until the worker's seal_totp_seeds job moves them;
    # the last accepted time step makes a code single-use.
    totp_secret = models.CharField(max_length=64, blank=True, default="")
    totp_last_step = models.BigIntegerField(default=0)
    # Bumped on logout, password or MFA change and disabling: every other session then ends.
    session_generation = models.PositiveIntegerField(default=0)

    objects = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    def __str__(self) -> str:
        return f"user#{self.pk}"

    def __repr__(self) -> str:
        return f"<User #{self.pk}>"

    @property
    def shown_name(self) -> str:
        """The display name, else the username."""
        return self.display_name or self.username

    @property
    def has_totp(self) -> bool:
        return bool(self.totp_secret) or TotpSeal.objects.filter(user_id=self.pk).exists()


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_role_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"membership#{self.pk}"


class RecoveryCode(models.Model):
    """A one-time second factor; only its SHA-256 digest is stored (codes carry 60 bits)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery-code#{self.pk}"


class SignInThrottle(models.Model):
    """Failed sign-ins per account name, keyed by an HMAC (``secrets_util.account_digest``).

    Unknown names get rows too, so they behave like known ones; those rows expire after a
    day and are capped in number (``known`` lets the cap spare real accounts, whose
    counters an attacker must not be able to flush by typing many unknown names).
    """

    account_digest = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    blocked_until = models.DateTimeField(null=True, blank=True)
    known = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"throttle#{self.pk}"


class SetupToken(models.Model):
    """A one-time link a coordinator hands to a new user to choose a password."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="setup_tokens")
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"setup-token#{self.pk}"


class ApiToken(models.Model):
    """A bearer token bound to one membership; only its digest is stored."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    label = models.CharField(max_length=60, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token:{self.prefix}"


class RoleGrant(models.Model):
    """A privilege-raising role one coordinator proposed; it applies only when another
    coordinator (neither the proposer nor the person) approves. Deleted once decided:
    the audit trail keeps the history."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=32, choices=Role.choices)
    proposed_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="one_pending_grant_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"role-grant#{self.pk}"


class TotpSeal(models.Model):
    """A user's TOTP seed, sealed: AES-GCM under a per-user data key wrapped by the keyring.

    The vault seals and opens it (``accounts.seeds``, registered from vault's ``ready()``)
    and re-wraps ``wrapped`` on rotation, so a copy of the database holds no seed.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_seal")
    wrapped = models.BinaryField()
    epoch = models.PositiveIntegerField()
    sealed = models.BinaryField()

    def __str__(self) -> str:
        return f"totp-seal#{self.pk}"


class MembershipOffer(models.Model):
    """A coordinator's offer of a role to an existing account of another organisation.

    It applies only when the account's owner accepts it on their account page: so the
    coordinator's answer never depends on whether the username exists (``offers``).
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="membership_offers")
    role = models.CharField(max_length=32, choices=Role.choices)
    offered_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    offered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="one_offer_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"membership-offer#{self.pk}"
