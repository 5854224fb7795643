"""Names of court seats, holidays and manners of notice in English, French, Russian."""

from __future__ import annotations

SEAT_NAMES: dict[str, tuple[str, str, str]] = {
    "DE-BW": ("Baden-Württemberg", "Bade-Wurtemberg", "Баден-Вюртемберг"),
    "DE-BY": ("Bavaria", "Bavière", "Бавария"),
    "DE-BE": ("Berlin", "Berlin", "Берлин"),
    "DE-BB": ("Brandenburg", "Brandebourg", "Бранденбург"),
    "DE-HB": ("Bremen", "Brême", "Бремен"),
    "DE-HH": ("Hamburg", "Hambourg", "Гамбург"),
    "DE-HE": ("Hesse", "Hesse", "Гессен"),
    "DE-MV": ("Mecklenburg-Vorpommern", "Mecklembourg-Poméranie-Occidentale",
              "Мекленбург — Передняя Померания"),
    "DE-NI": ("Lower Saxony", "Basse-Saxe", "Нижняя Саксония"),
    "DE-NW": ("North Rhine-Westphalia", "Rhénanie-du-Nord-Westphalie",
              "Северный Рейн — Вестфалия"),
    "DE-RP": ("Rhineland-Palatinate", "Rhénanie-Palatinat", "Рейнланд-Пфальц"),
    "DE-SL": ("Saarland", "Sarre", "Саар"),
    "DE-SN": ("Saxony", "Saxe", "Саксония"),
    "DE-ST": ("Saxony-Anhalt", "Saxe-Anhalt", "Саксония-Анхальт"),
    "DE-SH": ("Schleswig-Holstein", "Schleswig-Holstein", "Шлезвиг-Гольштейн"),
    "DE-TH": ("Thuringia", "Thuringe", "Тюрингия"),
    "FR-67": ("Bas-Rhin (Alsace-Moselle)", "Bas-Rhin (Alsace-Moselle)",
              "Нижний Рейн (Эльзас-Мозель)"),
    "FR-68": ("Haut-Rhin (Alsace-Moselle)", "Haut-Rhin (Alsace-Moselle)",
              "Верхний Рейн (Эльзас-Мозель)"),
    "FR-57": ("Moselle (Alsace-Moselle)", "Moselle (Alsace-Moselle)", "Мозель (Эльзас-Мозель)"),
    "FR-METRO": ("elsewhere in metropolitan France", "ailleurs en France métropolitaine",
                 "в другом месте метрополии Франции"),
}  # fmt: skip

HOLIDAYS: dict[str, tuple[str, str, str]] = {
    "saturday": ("a Saturday", "un samedi", "суббота"),
    "sunday": ("a Sunday", "un dimanche", "воскресенье"),
    "new_year": ("New Year's Day", "le jour de l'an", "Новый год"),
    "good_friday": ("Good Friday", "le Vendredi saint", "Страстная пятница"),
    "easter_monday": ("Easter Monday", "le lundi de Pâques", "Пасхальный понедельник"),
    "labour_day": ("Labour Day", "la fête du Travail", "День труда"),
    "victory_1945": ("Victory in Europe Day", "la Victoire 1945", "День победы в Европе"),
    "ascension": ("Ascension Day", "l'Ascension", "Вознесение"),
    "whit_monday": ("Whit Monday", "le lundi de Pentecôte", "Духов день"),
    "bastille_day": ("Bastille Day", "la fête nationale", "национальный праздник Франции"),
    "assumption": ("Assumption", "l'Assomption", "Успение"),
    "all_saints": ("All Saints' Day", "la Toussaint", "День всех святых"),
    "armistice": ("Armistice Day", "l'Armistice 1918", "День перемирия"),
    "christmas": ("Christmas Day", "Noël", "Рождество"),
    "boxing_day": ("the second day of Christmas", "le lendemain de Noël", "второй день Рождества"),
    "st_stephen": ("St Stephen's Day", "la Saint-Étienne", "День святого Стефана"),
    "unity_day": ("German Unity Day", "le jour de l'Unité allemande", "День германского единства"),
    "reformation_day": ("Reformation Day", "la fête de la Réformation", "День Реформации"),
    "epiphany": ("Epiphany", "l'Épiphanie", "Богоявление"),
    "womens_day": ("International Women's Day", "la Journée internationale des femmes",
                   "Международный женский день"),
    "liberation_day": ("Liberation Day", "le jour de la Libération", "День освобождения"),
    "corpus_christi": ("Corpus Christi", "la Fête-Dieu", "праздник Тела Христова"),
    "childrens_day": ("Children's Day", "la Journée des enfants", "День защиты детей"),
    "repentance_day": ("the Day of Repentance and Prayer", "le jour de pénitence et de prière",
                       "День покаяния и молитвы"),
}  # fmt: skip

MANNERS: dict[str, tuple[str, str, str]] = {
    "hand_delivered": ("handed over in person", "remise en main propre", "вручено лично"),
    "registered_letter_collected": (
        "registered letter, collected",
        "lettre recommandée retirée",
        "заказное письмо получено",
    ),
    "registered_letter_uncollected": (
        "registered letter not collected (date of first presentation)",
        "lettre recommandée non retirée (date de première présentation)",
        "заказное письмо не получено (дата первой доставки)",
    ),
    "portal_viewed": (
        "portal: decision first viewed",
        "portail : première consultation",
        "портал: решение впервые открыто",
    ),
    "portal_posted_not_viewed": (
        "portal: posted, not viewed (date of posting)",
        "portail : mise en ligne sans consultation (date de mise en ligne)",
        "портал: размещено, не открыто (дата размещения)",
    ),
    "zustellung_personal": (
        "served in person (Zustellung)",
        "signification en personne (Zustellung)",
        "вручено лично (Zustellung)",
    ),
    "zustellung_substitute": (
        "substitute service: left in the letterbox or deposited (date on the certificate)",
        "signification de substitution : boîte aux lettres ou dépôt (date du certificat)",
        "заменяющее вручение: в почтовом ящике или на хранении (дата в акте)",
    ),
    "registered_letter_posted": (
        "registered letter (VwZG § 4; date of posting)",
        "lettre recommandée (VwZG § 4 ; date d'envoi)",
        "заказное письмо (VwZG § 4; дата отправки)",
    ),
    "asylg_10_post": (
        "sent to the last known address (AsylG § 10(2); date of posting)",
        "envoi à la dernière adresse connue (AsylG § 10(2) ; date d'envoi)",
        "отправлено по последнему известному адресу (AsylG § 10(2); дата отправки)",
    ),
    "asylg_10_reception_centre": (
        "handed to the reception centre (AsylG § 10(4); date of handover)",
        "remise au centre d'accueil (AsylG § 10(4) ; date de remise)",
        "передано в центр приёма (AsylG § 10(4); дата передачи)",
    ),
}
