"""Case models: the case and its key, identity, contact, location, notes, documents,
lifecycle, service record, and the notifications staff receive about cases."""

from safepassage.apps.cases.models.case import (
    Case,
    CaseKey,
    CaseQuerySet,
    DeletionRequest,
    new_reference,
)
from safepassage.apps.cases.models.lifecycle import (
    Deadline,
    ProcedureEvent,
    ProcedureSuspension,
    StageTransition,
    VettingOutcome,
    VettingSignOff,
)
from safepassage.apps.cases.models.notification import NOTIFICATION_KINDS, Notification
from safepassage.apps.cases.models.record import (
    Contact,
    Document,
    ExactLocation,
    Identity,
    Location,
    Note,
    PersonName,
)
from safepassage.apps.cases.models.service import (
    ConsentRecord,
    Deployment,
    FamilyMember,
    ServiceRecord,
)

__all__ = [
    "NOTIFICATION_KINDS",
    "Case",
    "CaseKey",
    "CaseQuerySet",
    "ConsentRecord",
    "Contact",
    "Deadline",
    "DeletionRequest",
    "Deployment",
    "Document",
    "ExactLocation",
    "FamilyMember",
    "Identity",
    "Location",
    "Note",
    "Notification",
    "PersonName",
    "ProcedureEvent",
    "ProcedureSuspension",
    "ServiceRecord",
    "StageTransition",
    "VettingOutcome",
    "VettingSignOff",
    "new_reference",
]
