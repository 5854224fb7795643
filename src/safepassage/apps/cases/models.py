"""The case: a pseudonymous record owned by one organisation, assigned to caseworkers."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from safepassage.apps.access.rules import Relation
from safepassage.apps.cases.stages import Pathway, Stage

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

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.reference:
            self.reference = new_reference()
        super().save(*args, **kwargs)  # type: ignore[arg-type]
