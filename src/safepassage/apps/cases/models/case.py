"""The case: a pseudonymous record owned by one organisation, with its own data key."""

from __future__ import annotations

import secrets
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction

from safepassage.apps.access.rules import Relation
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.vault.datakeys import new_wrapped_key, open_wrapped_key

if TYPE_CHECKING:
    from safepassage.apps.access.context import AccessContext

_REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """A random reference such as ``SP-7K3Q-9XWD``: says nothing about the person or the order."""
    body = "".join(secrets.choice(_REF_ALPHABET) for _ in range(8))
    return f"SP-{body[:4]}-{body[4:]}"


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, access: AccessContext) -> CaseQuerySet:
        """The only way views read cases: scoped by the policy row's relations."""
        if access.organisation is None:
            return self.none()
        relations = access.relations
        scoped = self.filter(organisation=access.organisation)
        if Relation.ORGANISATION in relations:
            return scoped
        if Relation.ASSIGNED in relations:
            return scoped.filter(assignees=access.user)
        return self.none()


class Case(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=16, unique=True, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    stage = models.CharField(max_length=24, choices=Stage.choices, default=Stage.INTAKE)
    pathway = models.CharField(max_length=24, choices=Pathway.choices, default=Pathway.UNDECIDED)
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="assigned_cases", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "reference"]
        indexes = [
            # The case list: one organisation's cases, newest first (no sensitive column).
            models.Index(fields=["organisation", "-updated_at"], name="case_list_order"),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A new case gets a reference and, in the same transaction, its own data key."""
        adding = self._state.adding
        if not self.reference:
            self.reference = new_reference()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding:
                create_case_key(self)

    def data_key(self) -> tuple[bytes, int]:
        """This case's data key and its version, unwrapped with the process's keyring."""
        cached = self.__dict__.get("_data_key")
        if cached is None:
            cached = unwrap_case_key(self)
            self.__dict__["_data_key"] = cached
        return cached

    def sealing_case(self) -> Case:
        return self


class CaseKey(models.Model):
    """The case's data key, wrapped under the keyring's current epoch. Deleting it shreds."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="key")
    wrapped = models.BinaryField()
    epoch = models.PositiveIntegerField()
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"case-key#{self.pk}"


def create_case_key(case: Case) -> None:
    """Give a new case its own data key, wrapped under the keyring's current epoch."""
    key, wrapped, epoch = new_wrapped_key(str(case.uid))
    CaseKey.objects.create(case=case, wrapped=wrapped, epoch=epoch)
    case.__dict__["_data_key"] = (key, 1)


def unwrap_case_key(case: Case) -> tuple[bytes, int]:
    row = CaseKey.objects.get(case_id=case.pk)
    return open_wrapped_key(bytes(row.wrapped), str(case.uid)), row.version


def preload_data_keys(cases: list[Case]) -> None:
    """Unwrap the data keys of many cases with one query (a worker opening every open case)."""
    waiting = {case.pk: case for case in cases if "_data_key" not in case.__dict__}
    for row in CaseKey.objects.filter(case_id__in=list(waiting)):
        case = waiting[row.case_id]
        case.__dict__["_data_key"] = (
            open_wrapped_key(bytes(row.wrapped), str(case.uid)),
            row.version,
        )


class DeletionRequest(models.Model):
    """A coordinator's request to delete (crypto-shred) a case, waiting for a second one.

    Why: deleting is irreversible, so one phished coordinator must not be able to destroy
    a case alone. Another coordinator confirms by typing the reference
    (``registry.actions.request_or_confirm_deletion``). A request older than
    ``REQUEST_LIFETIME`` counts as none.
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="deletion_request")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"deletion-request#{self.pk}"
