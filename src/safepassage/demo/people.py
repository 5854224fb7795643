"""Fictional people for the demo: common Russian name parts, combined at random.

No combination describes a real person; the places are real cities where people in
hiding often are (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime
import random
from typing import TypedDict

SURNAMES = [
    ("Кузнецов", "Kuznetsov"),
    ("Смирнов", "Smirnov"),
    ("Волков", "Volkov"),
    ("Соловьёв", "Solovyov"),
    ("Журавлёв", "Zhuravlev"),
    ("Щербаков", "Shcherbakov"),
    ("Чернышёв", "Chernyshev"),
    ("Юдин", "Yudin"),
    ("Ефимов", "Efimov"),
    ("Гончаренко", "Honcharenko"),
    ("Хабибуллин", "Khabibullin"),
    ("Цыганков", "Tsygankov"),
    ("Белоусов", "Belousov"),
    ("Фёдоров", "Fedorov"),
    ("Яковлев", "Iakovlev"),
]
GIVEN = [
    ("Алексей", "Aleksei", "Алексеевич"),
    ("Дмитрий", "Dmitry", "Дмитриевич"),
    ("Сергей", "Sergei", "Сергеевич"),
    ("Андрей", "Andrey", "Андреевич"),
    ("Илья", "Ilya", "Ильич"),
    ("Юрий", "Yury", "Юрьевич"),
    ("Михаил", "Mikhail", "Михайлович"),
    ("Пётр", "Pyotr", "Петрович"),
    ("Никита", "Nikita", "Никитич"),
    ("Артём", "Artem", "Артёмович"),
]
PLACES = [
    ("KZ", "Алматы"),
    ("KZ", "Астана"),
    ("KG", "Бишкек"),
    ("AM", "Ереван"),
    ("AM", "Гюмри"),
    ("GE", "Тбилиси"),
    ("RU", "Ростов-на-Дону"),
    ("RS", "Белград"),
    ("FR", "Paris"),
    ("DE", "Berlin"),
]
BIRTH_PLACES = ["Саратов", "Омск", "Пермь", "Улан-Удэ", "Курск", "Тверь", "Барнаул"]
CHANNELS = ["Signal", "Telegram (через сестру)", "Threema", "Телефон матери"]


class FictionalPerson(TypedDict):
    """The ``NewCase`` fields of one fictional person."""

    legal_name: str
    other_names: list[str]
    birth_date: datetime.date
    birth_place: str
    citizenships: list[str]
    contact_channel: str
    contact_handle: str
    contact_protocol: str
    country: str
    coarse_place: str
    exact_address: str
    note: str


def fictional_person(rng: random.Random) -> FictionalPerson:
    surname_cyr, surname_lat = rng.choice(SURNAMES)
    given_cyr, given_lat, _ = rng.choice(GIVEN)
    father = rng.choice(GIVEN)[2]
    country, place = rng.choice(PLACES)
    born = datetime.date(1980 + rng.randrange(25), 1 + rng.randrange(12), 1 + rng.randrange(28))
    return {
        "legal_name": f"{surname_cyr} {given_cyr} {father}",
        "other_names": [f"{given_lat} {surname_lat.upper()}"],
        "birth_date": born,
        "birth_place": rng.choice(BIRTH_PLACES),
        "citizenships": ["RU"],
        "contact_channel": rng.choice(CHANNELS),
        "contact_handle": f"@demo_{rng.randrange(10**6):06d}",
        "contact_protocol": "Пишет первым; кодовое слово: «погода».",
        "country": country,
        "coarse_place": place,
        "exact_address": f"ул. Вымышленная, д. {rng.randrange(1, 90)}, кв. {rng.randrange(1, 200)}",
        "note": "Вымышленный демонстрационный случай. Fictional demo case.",
    }
