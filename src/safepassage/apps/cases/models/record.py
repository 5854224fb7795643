"""The sensitive parts of a case, each sealed under the case's data key.

Identity, contact and the exact location are separate rows from the case narrative so
that a page or role can be given one without the others (DOMAIN.md §7). Only the kinds
of things (``kind`` columns) are plaintext; every value is a sealed envelope.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.models.case import Case
from safepassage.apps.vault.fields import SealedDateField, SealedJSONField, SealedTextField
from safepassage.apps.vault.sealed import SealedRecord


class NameKind(models.TextChoices):
    LEGAL = "legal", _("Legal name")
    ALIAS = "alias", _("Alias")
    FORMER = "former", _("Former name")
    TRANSLITERATION = "transliteration", _("Spelling in documents")


class PersonName(SealedRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="names")
    kind = models.CharField(max_length=20, choices=NameKind.choices, default=NameKind.LEGAL)
    position = models.PositiveSmallIntegerField(default=0)
    full_name = SealedTextField()

    class Meta:
        ordering = ["position"]


class Identity(SealedRecord):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="identity")
    birth_date = SealedDateField()
    birth_place = SealedTextField()
    citizenships = SealedJSONField()  # list of ISO 3166 codes
    documents = SealedJSONField()  # list of {"type", "number", "status"}


class Contact(SealedRecord):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="contact")
    channel = SealedTextField()  # e.g. Signal, Telegram, phone via relative
    handle = SealedTextField()
    protocol = SealedTextField()  # safe-contact protocol and code words


class Location(SealedRecord):
    """Coarse location: country and city. Readable by everyone who may read the case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="location")
    country = SealedTextField()
    coarse_place = SealedTextField()
    route = SealedJSONField()  # sections.Route


class ExactLocation(SealedRecord):
    """The restricted compartment: only an assigned caseworker reveals it, and it is audited."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="exact_location")
    address = SealedTextField()


class Note(SealedRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author_id = models.BigIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    text = SealedTextField()

    class Meta:
        ordering = ["created_at"]


class Document(SealedRecord):
    """An uploaded file: content encrypted under the case key in the media folder."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by_id = models.BigIntegerField(null=True)  # a user id, as Note.author_id
    title = SealedTextField()
    meta = SealedJSONField()  # {"filename", "content_type", "size"}
    blob_name = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["uploaded_at"]
