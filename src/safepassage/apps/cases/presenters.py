"""What a case page shows, opened from the sealed rows in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from safepassage.apps.cases.models import Case, Contact, Identity, Location
from safepassage.cores.names import detect_script


@dataclass(frozen=True)
class ShownName:
    kind: str
    text: str
    script: str  # translated label
    script_code: str  # "cyrillic", "latin", ...


def _one(model: Any, case: Case) -> Any:
    return model.objects.filter(case=case).first()


def present_case(case: Case) -> dict[str, Any]:
    names = [
        ShownName(
            n.get_kind_display(),
            n.full_name,
            _script_label(n.full_name),
            detect_script(n.full_name),
        )
        for n in case.names.all()
    ]
    return {
        "names": names,
        "identity": _one(Identity, case),
        "contact": _one(Contact, case),
        "location": _one(Location, case),
        "notes": list(case.notes.all()),
        "documents": list(case.documents.all()),
    }


def _script_label(text: str) -> str:
    labels = {"cyrillic": _("Cyrillic"), "latin": _("Latin"), "mixed": _("mixed scripts")}
    return labels.get(detect_script(text), _("other script"))
