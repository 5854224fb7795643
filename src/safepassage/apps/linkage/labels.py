"""Reader-language labels of signal kinds and reasons (the core's codes)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "names": _("names"),
    "date": _("birth date"),
    "unit": _("unit number"),
    "handle": _("contact handle"),
    "document": _("document number"),
    "photo": _("photo"),
    "impostor": _("possible impostor"),
}

REASON_LABELS = {
    "names": _("Names agree"),
    "names_conflict": _("Names differ"),
    "date_exact": _("Same birth date"),
    "date_swapped": _("Birth dates agree with day and month swapped"),
    "date_one_digit": _("Birth dates differ by one mistyped digit"),
    "date_year_off_by_one": _("Same day and month, birth year off by one"),
    "date_placeholder": _("Same birth year; one date is 1 January (year only known)"),
    "date_same_year": _("Same birth year"),
    "date_conflict": _("Different birth dates"),
    "unit_same": _("Same unit number"),
    "unit_different": _("Different unit numbers"),
    "document": _("Same document number"),
    "handle": _("Same contact handle"),
    "photo": _("Same uploaded photo"),
    "gender_conflict": _("Different genders"),
    "impostor": _("Possible impostor: an identifier is shared by cases under different names"),
}

DECISION_LABELS = {"same": _("very likely the same person"), "possible": _("possibly")}


def kind_labels(kinds: list[str]) -> list[str]:
    return [str(KIND_LABELS.get(k, k)) for k in kinds]


def reason_lines(reasons: object) -> list[dict[str, str]]:
    """Each stored reason as a translated headline and, for names, which forms met."""
    lines = []
    for reason in reasons if isinstance(reasons, list) else []:
        if not isinstance(reason, dict):
            continue
        code = str(reason.get("code", ""))
        text = str(reason.get("text", ""))
        detail = text.split(": ", 1)[1] if code.startswith("names") and ": " in text else ""
        lines.append({"label": str(REASON_LABELS.get(code, code)), "detail": detail})
    return lines
