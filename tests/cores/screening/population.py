"""Generated populations of Russian persons with realistic name frequencies.

Used by ``bench/screening_scale.py`` (the precision curve at 20k, 200k and 1M
listed persons) and by small unit tests. Names are drawn from frequency pools:
the commonest Russian surnames (weights falling off with rank, Иванов about
2 %), a long tail of generated surnames, given names and fathers' names with
their approximate shares among men born 1960-2000. So namesakes occur as in
real lists: a big list holds hundreds of Александр Ивановs. Spellings come
from ``evaldata/romanisation.json`` (written from the standards, not from the
engine's tables).

Ground truth: every person has name *keys* (surname, given name, patronymic)
and a birth date. A listed person flagged for a query is *correct* when it is
the query's person, or a namesake the reviewer could not rule out: same
surname and given name, patronymics equal or one unknown, and birth dates not
in conflict (equal at the precision both give, or one unknown).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from screening_evalset import romanisation_tables, romanise

from safepassage.cores.screening import BirthDate, Query, WatchlistEntity


def _words(text: str) -> list[str]:
    return text.split()


# Commonest Russian surnames, most frequent first (masculine form; feminine adds -а).
COMMON_SURNAMES = _words(
    """
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков
Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов
Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв
Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров
Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов
Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков
Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов
Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов
Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев
Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков
Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов
Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин
Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов
Воронов Аксёнов Софронов Мальцев Логинов Горшков Савин Краснов Майоров
Демидов Елисеев Рыбаков Сафонов Плотников Дёмин Хохлов Фадеев Молчанов
Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин Калашников Леонтьев
Лобанов Кузин Корнеев Евдокимов Бородин Платонов Некрасов Балашов Бобров
Жданов Блинов Игнатьев Коротков Муравьёв Крюков Беляков Богомолов Дроздов
Лавров Зуев Петухов Ларин Никулин Серов Терентьев Зотов Устинов
Фокин Самойлов Константинов Сахаров Шишкин Самсонов Черкасов Чистяков Носов
Спиридонов Карасёв Авдеев Воронцов Зверев Владимиров Селезнёв Нечаев Кудряшов
Седов Фирсов Андрианов Панин Головин Терехов Ульянов Шестаков Агеев
Никонов Селиванов Баженов Гордеев Кожевников Пахомов Зимин Костин Широков
Филимонов Ларионов Овсянников Сазонов Суворов Нефёдов Корнилов Любимов Львов
Горбачёв Копылов Лукин Токарев Кулешов Шилов Большаков Панкратов Родин
Шаповалов Бочаров Маркин Горелов Агафонов Березин Ермолаев Зубков Куприянов
Трифонов Круглов Третьяков Колосов Рожков Артамонов Шмелёв Лаптев Лапин
Федосеев Зиновьев Зорин Уткин Столяров Зубов Ткачёв Дорофеев Антипов
Завьялов Свиридов Золотарёв Кулаков Мещеряков Макеев Дьяконов Гурьев Мамонтов
Кравченко Шевченко Бондаренко Коваленко Ткаченко Литвиненко Мельник Шевчук Полищук
Бондарчук Ковальчук Савченко Руденко Марченко Лысенко Кириленко Павленко Гончаренко
"""
)

# (nominative, share among men, patronymic masculine, feminine)
MALE_NAMES = [
    ("Александр", 10.0, "Александрович", "Александровна"),
    ("Сергей", 8.5, "Сергеевич", "Сергеевна"), ("Дмитрий", 7.0, "Дмитриевич", "Дмитриевна"),
    ("Андрей", 7.0, "Андреевич", "Андреевна"), ("Алексей", 6.5, "Алексеевич", "Алексеевна"),
    ("Владимир", 5.0, "Владимирович", "Владимировна"), ("Максим", 4.0, "Максимович", "Максимовна"),
    ("Евгений", 4.0, "Евгеньевич", "Евгеньевна"), ("Иван", 3.5, "Иванович", "Ивановна"),
    ("Михаил", 3.5, "Михайлович", "Михайловна"), ("Николай", 3.0, "Николаевич", "Николаевна"),
    ("Денис", 3.0, "Денисович", "Денисовна"), ("Артём", 3.0, "Артёмович", "Артёмовна"),
    ("Игорь", 3.0, "Игоревич", "Игоревна"), ("Роман", 2.5, "Романович", "Романовна"),
    ("Олег", 2.5, "Олегович", "Олеговна"), ("Павел", 2.5, "Павлович", "Павловна"),
    ("Юрий", 2.5, "Юрьевич", "Юрьевна"), ("Виталий", 2.0, "Витальевич", "Витальевна"),
    ("Антон", 2.0, "Антонович", "Антоновна"), ("Виктор", 2.0, "Викторович", "Викторовна"),
    ("Константин", 2.0, "Константинович", "Константиновна"),
    ("Илья", 2.0, "Ильич", "Ильинична"), ("Кирилл", 2.0, "Кириллович", "Кирилловна"),
    ("Никита", 1.5, "Никитич", "Никитична"), ("Вадим", 1.5, "Вадимович", "Вадимовна"),
    ("Вячеслав", 1.5, "Вячеславович", "Вячеславовна"), ("Валерий", 1.0, "Валерьевич", "Валерьевна"),
    ("Анатолий", 1.0, "Анатольевич", "Анатольевна"), ("Егор", 1.0, "Егорович", "Егоровна"),
    ("Руслан", 1.0, "Русланович", "Руслановна"), ("Василий", 1.0, "Васильевич", "Васильевна"),
    ("Геннадий", 1.0, "Геннадьевич", "Геннадьевна"),
    ("Станислав", 0.8, "Станиславович", "Станиславовна"),
    ("Тимур", 0.7, "Тимурович", "Тимуровна"), ("Леонид", 0.6, "Леонидович", "Леонидовна"),
    ("Борис", 0.6, "Борисович", "Борисовна"), ("Григорий", 0.5, "Григорьевич", "Григорьевна"),
    ("Фёдор", 0.5, "Фёдорович", "Фёдоровна"), ("Пётр", 0.5, "Петрович", "Петровна"),
    ("Георгий", 0.5, "Георгиевич", "Георгиевна"), ("Валентин", 0.5, "Валентинович", "Валентиновна"),
    ("Эдуард", 0.5, "Эдуардович", "Эдуардовна"), ("Степан", 0.4, "Степанович", "Степановна"),
    ("Ярослав", 0.4, "Ярославович", "Ярославовна"), ("Данила", 0.4, "Данилович", "Даниловна"),
    ("Аркадий", 0.3, "Аркадьевич", "Аркадьевна"), ("Глеб", 0.3, "Глебович", "Глебовна"),
    ("Семён", 0.3, "Семёнович", "Семёновна"), ("Тимофей", 0.3, "Тимофеевич", "Тимофеевна"),
    ("Матвей", 0.3, "Матвеевич", "Матвеевна"), ("Лев", 0.2, "Львович", "Львовна"),
    ("Филипп", 0.2, "Филиппович", "Филипповна"), ("Яков", 0.1, "Яковлевич", "Яковлевна"),
]  # fmt: skip
FEMALE_NAMES = [
    ("Елена", 8.0), ("Ольга", 7.0), ("Татьяна", 7.0), ("Наталья", 7.0), ("Ирина", 6.0),
    ("Светлана", 5.0), ("Анна", 5.0), ("Мария", 4.0), ("Екатерина", 5.0), ("Юлия", 4.0),
    ("Марина", 3.0), ("Анастасия", 4.0), ("Людмила", 2.0), ("Галина", 1.5), ("Надежда", 2.0),
    ("Оксана", 2.0), ("Валентина", 1.0), ("Дарья", 2.0), ("Вера", 1.0), ("Ксения", 2.0),
]  # fmt: skip
ONSETS = _words("б в г д ж з к л м н п р с т ф х ц ч ш бр гр др кр пр тр ст ск зв хл")
VOWELS = ["а", "о", "у", "е", "и", "ы", "я"]
CODAS = ["", "", "", "н", "р", "л", "к", "ш", "в", "д", "с", "т"]
SUFFIXES = ["ов", "ов", "ев", "ин", "ин", "ский", "енко", "ук", "ых", "кин", "цев", "аев"]
COMMON_SHARE = 0.35  # the listed commonest surnames hold about a third of Russians
TAIL_SURNAMES = 300_000
QUERY_CONVENTIONS = (
    "icao", "icao", "english_press", "english_press", "bgn_pcgn_ascii", "passport_1997",
    "german", "french", "polish", "czech_ascii", "loc_ascii",
)  # fmt: skip
FEMALE_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Person:
    """One generated person: name keys, Cyrillic name parts, gender, birth date."""

    surname: str  # masculine form, the family key
    given: str
    patronymic_of: str  # father's given name, the patronymic key
    gender: str
    birth_date: BirthDate

    def parts(self) -> tuple[str, str, str]:
        female = self.gender == "f"
        surname = _feminine(self.surname) if female else self.surname
        row = _MALE[self.patronymic_of]
        return surname, self.given, row[3] if female else row[2]


@dataclass(frozen=True, slots=True)
class ScaleQuery:
    query: Query
    person: Person
    target: str | None  # listed id of the query's person, None for a person on no list


_MALE = {row[0]: row for row in MALE_NAMES}


def _feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith("ий"):
        return surname[:-2] + "ая"
    return surname


class Pools:
    """Frequency pools of surnames, given names and fathers' names; seeded."""

    def __init__(self, seed: int, tail: int = TAIL_SURNAMES) -> None:
        rng = random.Random(seed)
        tail_names: set[str] = set()
        common = set(COMMON_SURNAMES)
        while len(tail_names) < tail:
            root = "".join(
                rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3))
            )
            name = (root + rng.choice(CODAS) + rng.choice(SUFFIXES)).capitalize()
            if name not in common:
                tail_names.add(name)
        self.surnames = COMMON_SURNAMES + sorted(tail_names)
        head = [1 / (rank + 3) ** 0.9 for rank in range(len(COMMON_SURNAMES))]
        body = [1 / (rank + 200) for rank in range(tail)]
        scale_head = COMMON_SHARE / sum(head)
        scale_body = (1 - COMMON_SHARE) / sum(body)
        self.surname_weights = [w * scale_head for w in head] + [w * scale_body for w in body]
        self.male = [row[0] for row in MALE_NAMES]
        self.male_weights = [row[1] for row in MALE_NAMES]
        self.female = [row[0] for row in FEMALE_NAMES]
        self.female_weights = [row[1] for row in FEMALE_NAMES]

    def people(self, count: int, rng: random.Random) -> list[Person]:
        surnames = rng.choices(
            self.surnames, cum_weights=_cumulative(self.surname_weights), k=count
        )
        fathers = rng.choices(self.male, weights=self.male_weights, k=count)
        out = []
        for surname, father in zip(surnames, fathers, strict=True):
            female = rng.random() < FEMALE_SHARE
            pool, weights = (
                (self.female, self.female_weights) if female else (self.male, self.male_weights)
            )
            given = rng.choices(pool, weights=weights)[0]
            date = BirthDate(rng.randint(1960, 2005), rng.randint(1, 12), rng.randint(1, 28))
            out.append(Person(surname, given, father, "f" if female else "m", date))
        return out


_CUMULATIVE: dict[int, list[float]] = {}


def _cumulative(weights: list[float]) -> list[float]:
    found = _CUMULATIVE.get(id(weights))
    if found is None:
        total = 0.0
        found = []
        for w in weights:
            total += w
            found.append(total)
        _CUMULATIVE[id(weights)] = found
    return found


def _latin(parts: tuple[str, str, str], convention: str) -> tuple[str, str, str]:
    table = romanisation_tables()[convention]
    surname, given, patronymic = parts
    return romanise(surname, table, True), romanise(given, table), romanise(patronymic, table)


def listed_entity(number: int, person: Person, rng: random.Random) -> WatchlistEntity:
    """How a list writes a person: Cyrillic and/or ICAO Latin; dates mostly to the day."""
    surname, given, patronymic = person.parts()
    cyrillic = f"{surname} {given} {patronymic}"
    s, g, p = _latin((surname, given, patronymic), "icao")
    latin = f"{g} {p} {s.upper()}" if rng.random() < 0.5 else f"{s} {g}"
    roll = rng.random()
    names = (cyrillic,) if roll < 0.4 else (latin,) if roll < 0.6 else (cyrillic, latin)
    roll = rng.random()
    date = person.birth_date
    dates = (date,) if roll < 0.85 else (BirthDate(date.year),) if roll < 0.9 else ()
    gender = person.gender if rng.random() < 0.5 else None
    return WatchlistEntity(f"L{number:07d}", names, dates, gender)


def query_for(number: int, person: Person, target: str | None, rng: random.Random) -> ScaleQuery:
    """How a caseworker types a person: some Latin convention or Cyrillic, often no patronymic."""
    parts = person.parts()
    if rng.random() < 0.2:
        surname, given, patronymic = parts
    else:
        surname, given, patronymic = _latin(parts, rng.choice(QUERY_CONVENTIONS))
    roll = rng.random()
    if roll < 0.5:
        name = f"{given} {patronymic} {surname}"
    elif roll < 0.8:
        name = f"{given} {surname}"
    else:
        name = f"{surname.upper()}, {given} {patronymic}"
    roll = rng.random()
    date = person.birth_date
    birth = date if roll < 0.6 else BirthDate(date.year) if roll < 0.7 else None
    gender = person.gender if rng.random() < 0.5 else None
    return ScaleQuery(Query(f"q{number}", name, birth, gender), person, target)


@dataclass
class Population:
    entities: list[WatchlistEntity]
    people: list[Person]  # people[i] is entities[i]'s person
    queries: list[ScaleQuery]


def make_population(size: int, queries: int, seed: int, tail: int = TAIL_SURNAMES) -> Population:
    """``size`` listed persons; ``queries`` queries, half of listed persons, half of people on
    no list (drawn from the same pools, so some share a listed person's name)."""
    rng = random.Random(seed)
    pools = Pools(seed, tail)
    people = pools.people(size, rng)
    entities = [listed_entity(i, p, rng) for i, p in enumerate(people)]
    out = []
    for number in range(queries):
        if number % 2 == 0:
            index = rng.randrange(size)
            out.append(query_for(number, people[index], entities[index].id, rng))
        else:
            stranger = pools.people(1, rng)[0]
            out.append(query_for(number, stranger, None, rng))
    return Population(entities, people, out)


def _dates_compatible(query: BirthDate | None, listed: tuple[BirthDate, ...]) -> bool:
    if query is None or not listed:
        return True
    for one in listed:
        if one.year != query.year:
            continue
        if one.month is None or query.month is None:
            return True
        if one.month == query.month and (
            one.day is None or query.day is None or one.day == query.day
        ):
            return True
    return False


def is_correct_flag(query: ScaleQuery, entity: WatchlistEntity, person: Person) -> bool:
    """The query's own person, or a namesake its name and birth date cannot rule out."""
    if entity.id == query.target:
        return True
    mine = query.person
    if (person.surname, person.given) != (mine.surname, mine.given) or person.gender != mine.gender:
        return False
    if person.patronymic_of != mine.patronymic_of and _has_patronymic(query, entity):
        return False
    return _dates_compatible(query.query.birth_date, entity.birth_dates)


def _has_patronymic(query: ScaleQuery, entity: WatchlistEntity) -> bool:
    """Whether both the query and the listed names carry a patronymic."""
    query_has = len(query.query.name.replace(",", " ").split()) >= 3
    entity_has = any(len(n.split()) >= 3 for n in entity.names)
    return query_has and entity_has
