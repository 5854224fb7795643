"""Encrypted model fields: text, JSON and dates sealed under the row's case data key.

The database column holds a versioned envelope (see docs/crypto.md) whose associated
data binds the table, column and the row's immutable UUID, so a ciphertext copied to
another row or column fails to open. Values are sealed in ``pre_save`` and opened
lazily on first access; a wrong key, a moved ciphertext or a sealed server raises,
never returns the stored bytes or an empty value.

On a page that opens many rows, ``open_or_mark`` opens one row's sealed fields at once; a
row that fails is marked, its values read as ``UNREADABLE`` (a visible notice, never the
stored bytes, an empty value or a default), and saving it is refused.

A model with sealed fields has a UUID primary key and a ``sealing_case()`` method that
returns the owner whose ``data_key()`` it uses (a case: see ``vault.sealed.SealedRecord``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy

from safepassage.cores.crypto import (
    CryptoError,
    DecryptionError,
    FieldContext,
    SealedError,
    open_date,
    open_json,
    open_text,
    seal_date,
    seal_json,
    seal_text,
)

_SEALED = "sealed"
_PLAIN = "plain"
_UNREADABLE = "unreadable"

UNREADABLE_NOTICE = gettext_lazy("this entry could not be opened")


class Unreadable:
    """What a sealed value that did not open reads as: a notice, holding nothing."""

    unreadable = True  # templates and callers test ``x.unreadable`` on rows and values alike

    def __str__(self) -> str:
        return str(UNREADABLE_NOTICE)

    def __repr__(self) -> str:
        return "<unreadable>"


UNREADABLE = Unreadable()


class _SealedValue:
    """What the instance holds: the envelope as loaded, or the plaintext as set or opened."""

    __slots__ = ("envelope", "plaintext", "state")

    def __init__(self, state: str, envelope: bytes | None, plaintext: Any) -> None:
        self.state = state
        self.envelope = envelope
        self.plaintext = plaintext

    def __repr__(self) -> str:
        return "<sealed value>"


class SealedDescriptor:
    def __init__(self, field: SealedField) -> None:
        self.field = field

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        held = instance.__dict__.get(self.field.attname)
        if held is None:
            return None
        if held.state == _SEALED:  # an _UNREADABLE value holds UNREADABLE as its plaintext
            held.plaintext = self.field.open(instance, held.envelope)
            held.state = _PLAIN
        return held.plaintext

    def __set__(self, instance: Any, value: Any) -> None:
        if value is None:
            instance.__dict__[self.field.attname] = None
        elif isinstance(value, bytes | bytearray | memoryview):
            instance.__dict__[self.field.attname] = _SealedValue(_SEALED, bytes(value), None)
        else:
            self.field.check_plaintext(value)
            instance.__dict__[self.field.attname] = _SealedValue(_PLAIN, None, value)


if TYPE_CHECKING:
    # Generic only in django-stubs (Django's Field has no __class_getitem__); the value's
    # type is each subclass's own, and the descriptor hands it out as Any.
    _BinaryField = models.BinaryField[Any, Any]
else:
    _BinaryField = models.BinaryField


class SealedField(_BinaryField):
    """Base class; subclasses say how a Python value becomes bytes and back."""

    domain_version = 1

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        # Migrations see a plain binary column: no application import in any migration.
        return name, "django.db.models.BinaryField", args, kwargs

    def contribute_to_class(self, cls: Any, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.attname, SealedDescriptor(self))

    def context(self, instance: Any, key_id: int) -> FieldContext:
        table, column = instance._meta.db_table, self.column
        if column is None:  # pragma: no cover - set once the field is on a model
            raise TypeError("a sealed field has no column before it is added to a model")
        return FieldContext(
            domain=f"safepassage.{table}.{column}.v{self.domain_version}",
            table=table,
            column=column,
            row_id=str(instance.pk),
            key_id=key_id,
        )

    def pre_save(self, model_instance: Any, add: bool) -> Any:
        held = model_instance.__dict__.get(self.attname)
        if held is None:
            return None
        if held.state == _SEALED:
            return held.envelope
        if held.state == _UNREADABLE:
            raise DecryptionError("a row that did not open is never written back")
        key, key_id = model_instance.sealing_case().data_key()
        envelope = self.seal(key, held.plaintext, self.context(model_instance, key_id))
        held.envelope = envelope
        return envelope

    def open(self, instance: Any, envelope: bytes) -> Any:
        key, key_id = instance.sealing_case().data_key()
        return self.unseal(key, envelope, self.context(instance, key_id))

    def check_plaintext(self, value: Any) -> None:
        raise NotImplementedError

    def seal(self, key: bytes, value: Any, context: FieldContext) -> bytes:
        raise NotImplementedError

    def unseal(self, key: bytes, envelope: bytes, context: FieldContext) -> Any:
        raise NotImplementedError


class SealedTextField(SealedField):
    def check_plaintext(self, value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError("a sealed text field holds a str")

    def seal(self, key: bytes, value: Any, context: FieldContext) -> bytes:
        return seal_text(key, value, context)

    def unseal(self, key: bytes, envelope: bytes, context: FieldContext) -> Any:
        return open_text(key, envelope, context)


class SealedJSONField(SealedField):
    def check_plaintext(self, value: Any) -> None:
        if not isinstance(value, dict | list | str | int | float | bool):
            raise TypeError("a sealed JSON field holds JSON-compatible values")

    def seal(self, key: bytes, value: Any, context: FieldContext) -> bytes:
        return seal_json(key, value, context)

    def unseal(self, key: bytes, envelope: bytes, context: FieldContext) -> Any:
        return open_json(key, envelope, context)


class SealedDateField(SealedField):
    def check_plaintext(self, value: Any) -> None:
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise TypeError("a sealed date field holds a date")

    def seal(self, key: bytes, value: Any, context: FieldContext) -> bytes:
        return seal_date(key, value, context)

    def unseal(self, key: bytes, envelope: bytes, context: FieldContext) -> Any:
        return open_date(key, envelope, context)


def sealed_fields(instance: Any) -> list[SealedField]:
    return [f for f in instance._meta.concrete_fields if isinstance(f, SealedField)]


def open_or_mark(instance: Any) -> CryptoError | None:
    """Open every sealed field of one row now; if any fails, mark the whole row unreadable.

    Returns the error (for the caller to report) or None. A marked row has
    ``unreadable = True`` and each of its stored values reads as ``UNREADABLE``; a wiped
    keyring (``SealedError``) is not a bad row and propagates.
    """
    fields = sealed_fields(instance)
    try:
        for sealed in fields:
            getattr(instance, sealed.attname)
    except SealedError:
        raise
    except CryptoError as error:
        for sealed in fields:
            held = instance.__dict__.get(sealed.attname)
            if held is not None:
                held.state, held.plaintext = _UNREADABLE, UNREADABLE
        instance.unreadable = True
        return error
    instance.unreadable = False
    return None


def open_column(
    model: Any, field_name: str, row_id: Any, envelope: bytes, key: bytes, key_id: int
) -> Any:
    """Open one stored value without building a model instance (for bulk reads)."""
    field = model._meta.get_field(field_name)

    class _Row:
        pk = row_id
        _meta = model._meta

    return field.unseal(key, envelope, field.context(_Row(), key_id))
