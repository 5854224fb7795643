"""Notifications: something a staff member should look at, shown on the Attention page.

They live with the case (every app above ``cases`` can notify about one, and a shredded
case takes its notifications with it) and hold codes and a case id only, never text.
The table keeps its original name, ``safety_notification``, from when safety owned it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.models.case import Case

# Notification kinds and their labels: add a line here for a new kind (no migration needed).
NOTIFICATION_KINDS = {
    "check_in_escalated": _("A check-in was missed beyond its grace period."),
    "check_in_duress": _("He signalled duress at a check-in: act on the safety plan now."),
    "case_flagged": _("A case was flagged for review."),
    "deadline_due": _("A legal deadline is due within five days, or has passed."),
    "record_unreadable": _(
        "Part of this case's record could not be opened: tell the operator (see the error log)."
    ),
    "account_created": _("A new account was created in your organisation: see People."),
    "role_proposed": _("A coordinator role waits for your approval: see People."),
    "deletion_requested": _("Deleting this case waits for a second coordinator."),
    "possible_duplicate": _("This case may be a duplicate of another case: see its page."),
}


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def for_user(self, user: Any) -> NotificationQuerySet:
        """The user's notifications about cases of organisations they still belong to.

        Someone moved out of an organisation stops seeing even its case references.
        """
        return (
            self.filter(user=user)
            .filter(
                models.Q(case__isnull=True) | models.Q(case__organisation__memberships__user=user)
            )
            .distinct()
        )


class Notification(models.Model):
    """Something a staff member should look at, shown on the Attention page. Codes only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        db_table = "safety_notification"
        indexes = [models.Index(fields=["user", "read_at"], name="safety_notif_user_read")]

    def __str__(self) -> str:
        return f"notification#{self.pk}"

    @property
    def label(self) -> str:
        return str(NOTIFICATION_KINDS.get(self.kind, self.kind))
