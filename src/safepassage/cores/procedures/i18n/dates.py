"""Dates and periods written out in English, French and Russian, without a locale
library (the server's locales are not ours to rely on)."""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("en", "fr", "ru")

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
}  # fmt: skip
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}
# unit -> (en singular, en plural, fr singular, fr plural, ru one, ru few, ru many)
_UNITS = {
    "days": ("day", "days", "jour", "jours", "день", "дня", "дней"),
    "working_days": ("working day", "working days", "jour ouvré", "jours ouvrés",
                     "рабочий день", "рабочих дня", "рабочих дней"),
    "weeks": ("week", "weeks", "semaine", "semaines", "неделя", "недели", "недель"),
    "months": ("month", "months", "mois", "mois", "месяц", "месяца", "месяцев"),
    "hours": ("hour", "hours", "heure", "heures", "час", "часа", "часов"),
}  # fmt: skip


def lang_of(lang: str | None) -> str:
    """``lang`` reduced to one we write ("fr-ca" -> "fr"); English otherwise."""
    code = (lang or "en").lower().split("-")[0].split("_")[0]
    return code if code in LANGUAGES else "en"


def format_date(day: date | str, lang: str = "en", *, weekday: bool = False) -> str:
    """``day`` as "13 March 2026", "13 mars 2026" or "13 марта 2026"."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    code = lang_of(lang)
    first = "1er" if code == "fr" and day.day == 1 else str(day.day)
    text = f"{first} {_MONTHS[code][day.month - 1]} {day.year}"
    if code == "ru":
        text += " г."
    if weekday:
        text = (
            f"{_WEEKDAYS[code][day.weekday()]} {text}"
            if code != "ru"
            else (f"{text} ({_WEEKDAYS[code][day.weekday()]})")
        )
    return text


def format_instant(value: str, lang: str = "en") -> str:
    """An ISO instant as its date and UTC time."""
    instant = datetime.fromisoformat(value)
    return f"{format_date(instant.date(), lang)} {instant:%H:%M} UTC"


def span(length: int | str, unit: str, lang: str = "en") -> str:
    """ "7 days", "7 jours", "7 дней"."""
    count = int(length)
    words = _UNITS[unit]
    code = lang_of(lang)
    if code == "en":
        return f"{count} {words[0] if count == 1 else words[1]}"
    if code == "fr":
        return f"{count} {words[2] if count == 1 else words[3]}"
    if count % 10 == 1 and count % 100 != 11:
        word = words[4]
    elif count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        word = words[5]
    else:
        word = words[6]
    return f"{count} {word}"
