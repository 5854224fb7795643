"""Forms for sign-in, enrolment and member management. Messages are translated."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts.roles import PRIVILEGED_ROLES, Role


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        required=False,
        help_text=_(
            "Shown to your colleagues beside your notes, moves and sign-offs instead of your "
            "username. Any name they know you by; empty shows your username."
        ),
    )


class SignInForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=64)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=256)
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class NewPasswordForm(forms.Form):
    password = forms.CharField(label=_("New password"), widget=forms.PasswordInput, max_length=256)
    confirm = forms.CharField(label=_("Repeat it"), widget=forms.PasswordInput, max_length=256)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        password, confirm = data.get("password"), data.get("confirm")
        if password and confirm and password != confirm:
            raise forms.ValidationError(_("The two passwords differ."))
        if isinstance(password, str):
            validate_password(password)
        return data


stem_validator = RegexValidator(
    r"^[a-zA-Z0-9._-]{3,58}$",
    _("Use 3 to 58 letters, digits, dots, dashes or underscores."),
)


class InviteForm(forms.Form):
    username = forms.CharField(
        label=_("Start of the username (not a real name)"),
        max_length=58,
        validators=[stem_validator],
        help_text=_(
            "SafePassage adds a dash and four random characters, so that the name is unique "
            "without telling anyone which names exist."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(value, label) for value, label in Role.choices if value not in PRIVILEGED_ROLES],
        help_text=_(
            "To make someone a coordinator, invite them, then propose the role on their page: "
            "another coordinator must approve it."
        ),
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles in this organisation"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class TokenForm(forms.Form):
    label = forms.CharField(label=_("What is this token for?"), max_length=60)
