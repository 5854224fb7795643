"""The calculator's working, one sentence template per step code, in three languages.

Placeholders name a step's parameters; dates, periods, holidays, tracks, seats and
rule ids are replaced by their words in the reader's language, so no internal id
reaches a reader. A step whose stored parameters no longer fit its template (stored
by an older version) falls back to the text stored with it.
"""

from __future__ import annotations

STEPS: dict[str, tuple[str, str, str]] = {
    "rule": (
        "Rule: {rule_id}, version in force from {effective_from}",
        "Règle : {rule_id}, version en vigueur depuis le {effective_from}",
        "Правило: {rule_id}, редакция, действующая с {effective_from}",
    ),
    "regime_pact": (
        "Claim made on {claim_date}, from {start}: the EU Pact applies",
        "Demande présentée le {claim_date}, à partir du {start} : le pacte de l'UE s'applique",
        "Ходатайство подано {claim_date}, с {start}: применяется Пакт ЕС",
    ),
    "regime_pact_only": (
        "A rule of the EU Pact, applying from {start}",
        "Règle du pacte de l'UE, applicable à partir du {start}",
        "Правило Пакта ЕС, применяется с {start}",
    ),
    "regime_old": (
        "Claim made on {claim_date}, before {start}: the earlier law still applies",
        "Demande présentée le {claim_date}, avant le {start} : l'ancien droit s'applique",
        "Ходатайство подано {claim_date}, до {start}: применяется прежнее право",
    ),
    "regime_unknown": (
        "Date of the claim unknown: under the EU Pact {pact}, under the earlier law {old};"
        " act by the earlier, {date}",
        "Date de la demande inconnue : {pact} selon le pacte de l'UE, {old} selon l'ancien"
        " droit ; agir au plus tard le {date}",
        "Дата ходатайства неизвестна: по Пакту ЕС {pact}, по прежнему праву {old};"
        " действовать до более раннего срока, {date}",
    ),
    "notice": (
        "Notice: {manner} on {recorded}; deemed notified on {deemed}",
        "Notification : {manner} le {recorded} ; réputée faite le {deemed}",
        "Вручение: {manner} {recorded}; считается врученным {deemed}",
    ),
    "notice_unverified": (
        "Notice: {manner} on {recorded}; deemed notified on {deemed} (rule not verified:"
        " act-by counts from {recorded})",
        "Notification : {manner} le {recorded} ; réputée faite le {deemed} (règle non"
        " vérifiée : la date pour agir part du {recorded})",
        "Вручение: {manner} {recorded}; считается врученным {deemed} (правило не проверено:"
        " срок «действовать до» считается от {recorded})",
    ),
    "trigger": (
        "{trigger}: {date} ({counting})",
        "{trigger} : {date} ({counting})",
        "{trigger}: {date} ({counting})",
    ),
    "seat": (
        "Court seat: {seat}; its public holidays apply",
        "Siège de la juridiction : {seat} ; ses jours fériés s'appliquent",
        "Место суда: {seat}; применяются его праздничные дни",
    ),
    "seat_none": (
        "No court seat recorded: only holidays kept everywhere are taken into account",
        "Siège de la juridiction non indiqué : seuls les jours fériés communs à tous"
        " sont pris en compte",
        "Место суда не указано: учитываются только общие для всех праздники",
    ),
    "seat_fixed": (
        "This court has one seat ({seat}); the seat given ({given}) is not used",
        "Cette juridiction a un siège unique ({seat}) ; le siège indiqué ({given}) n'est pas"
        " retenu",
        "У этого суда одно место ({seat}); указанное место ({given}) не учитывается",
    ),
    "track": (
        "Decision {track}",
        "Décision {track}",
        "Решение: {track}",
    ),
    "track_default": (
        "Decision {track} (nothing else recorded)",
        "Décision {track} (rien d'autre n'est indiqué)",
        "Решение: {track} (ничего иного не указано)",
    ),
    "track_unknown": (
        "Procedure track not recorded: the shortest, {track}, gives the earliest date",
        "Procédure non indiquée : la plus courte, {track}, donne la date la plus proche",
        "Порядок не указан: самый короткий, {track}, даёт самую раннюю дату",
    ),
    "add_period": ("{length} → {date}", "{length} → {date}", "{length} → {date}"),
    "month_end": (
        "No such day that month: the last day, {date}",
        "Ce jour n'existe pas ce mois-là : le dernier jour, {date}",
        "Такого числа в этом месяце нет: последний день, {date}",
    ),
    "franc_last_day": (
        "Last day not counted (jours francs) → {date}",
        "Dernier jour non compté (délai franc) → {date}",
        "Последний день не считается (jours francs) → {date}",
    ),
    "strictly_within": (
        "Must be before the anniversary → {date}",
        "Avant la date anniversaire → {date}",
        "До наступления той же даты → {date}",
    ),
    "add_hours": ("{hours} → {due_at}", "{hours} → {due_at}", "{hours} → {due_at}"),
    "hours_date_only": (
        "{hours}, time of notice unknown: counted from the start of the day, act by the"
        " end of {date}",
        "{hours}, heure de notification inconnue : comptées depuis le début de la journée,"
        " agir au plus tard le {date}",
        "{hours}, время вручения неизвестно: считая с начала дня, действовать до конца {date}",
    ),
    "suspension_hours": (
        "Request on {start}: does not suspend a period in hours",
        "Demande du {start} : ne suspend pas un délai en heures",
        "Запрос от {start}: не приостанавливает срок в часах",
    ),
    "suspension_not_applicable": (
        "Request on {start}: this rule has no such suspension; ignored",
        "Demande du {start} : cette règle ne prévoit pas cette suspension ; ignorée",
        "Запрос от {start}: это правило не предусматривает такой приостановки",
    ),
    "suspension_future": (
        "Request dated {start}, after {on}: not taken into account",
        "Demande datée du {start}, après le {on} : non prise en compte",
        "Запрос от {start}, позже {on}: не учитывается",
    ),
    "suspension_too_late": (
        "Legal aid requested {start}, after the window closed on {window_end}: no suspension",
        "Aide juridictionnelle demandée le {start}, après la fin du délai le {window_end} :"
        " pas de suspension",
        "Юридическая помощь запрошена {start}, после окончания окна {window_end}: приостановки нет",
    ),
    "suspension_after_expiry": (
        "Request on {start}, after the deadline had passed: ignored",
        "Demande du {start}, après l'expiration du délai : ignorée",
        "Запрос от {start}, после истечения срока: не учитывается",
    ),
    "suspension_repeat": (
        "Another request on {start}: only the first counts",
        "Nouvelle demande le {start} : seule la première compte",
        "Повторный запрос {start}: учитывается только первый",
    ),
    "suspension_start": (
        "Legal aid requested {start}: clock suspended with {remaining_days} remaining",
        "Aide juridictionnelle demandée le {start} : délai suspendu, il reste {remaining_days}",
        "Юридическая помощь запрошена {start}: срок приостановлен, осталось {remaining_days}",
    ),
    "suspension_open": (
        "No decision on the request known on {on}: suspended, no date yet",
        "Aucune décision connue au {on} : délai suspendu, pas encore de date",
        "На {on} решение по запросу неизвестно: срок приостановлен, даты пока нет",
    ),
    "suspension_end": (
        "Decision notified {end}{lawyer}: the clock resumes the day after {restart},"
        " {remaining_days} → {date}",
        "Décision notifiée le {end}{lawyer} : le délai reprend le lendemain du {restart},"
        " {remaining_days} → {date}",
        "Решение вручено {end}{lawyer}: срок возобновляется на следующий день после"
        " {restart}, {remaining_days} → {date}",
    ),
    "suspension_end_early": (
        "Earliest reading: the clock resumes on {restart} itself, {remaining_days} → {date}",
        "Lecture la plus prudente : le délai reprend dès le {restart}, {remaining_days} → {date}",
        "Самое осторожное прочтение: срок возобновляется уже {restart}, {remaining_days} → {date}",
    ),
    "not_extended": (
        "{date} is {reason}; this period is not extended",
        "Le {date} est {reason} ; ce délai n'est pas prorogé",
        "{date} — {reason}; этот срок не продлевается",
    ),
    "moved_non_working": (
        "{date} is {reason}: moved to {to}",
        "Le {date} est {reason} : reporté au {to}",
        "{date} — {reason}: переносится на {to}",
    ),
    "conservative": (
        "Act by {date}: part of this rule is not verified against the official text;"
        " {due} only if it holds",
        "Agir au plus tard le {date} : une partie de cette règle n'est pas vérifiée sur le"
        " texte officiel ; le {due} seulement si elle se confirme",
        "Действовать до {date}: часть правила не сверена с официальным текстом; {due} —"
        " только если она подтвердится",
    ),
}

COUNTING: dict[str, tuple[str, str, str]] = {
    "day_after": (
        "the day itself not counted",
        "le jour même n'est pas compté",
        "сам день не считается",
    ),
    "franc": (
        "the day itself not counted: jours francs",
        "le jour même n'est pas compté : délai franc",
        "сам день не считается: jours francs",
    ),
    "strictly_within": (
        "the day itself not counted; act before the anniversary",
        "le jour même n'est pas compté ; agir avant la date anniversaire",
        "сам день не считается; действовать до наступления той же даты",
    ),
    "hours": ("counted hour to hour", "compté d'heure à heure", "считается по часам"),
}

LAWYER = (
    " (to the lawyer {lawyer_notified})",
    " (à l'avocat le {lawyer_notified})",
    " (адвокату {lawyer_notified})",
)

RESULT = {
    "due": ("Act by {date}", "Agir au plus tard le {date}", "Действовать до {date}"),
    "due_at": ("Act by {date}", "Agir au plus tard le {date}", "Действовать до {date}"),
    "suspended": (
        "Suspended: no date until the legal-aid decision is notified",
        "Suspendu : pas de date avant la notification de la décision d'aide juridictionnelle",
        "Приостановлено: даты нет до вручения решения о юридической помощи",
    ),
    "due_if": (
        "({date} only if the unverified parts hold)",
        "(le {date} seulement si les points non vérifiés se confirment)",
        "({date} — только если непроверенное подтвердится)",
    ),
    "source": ("Source", "Source", "Источник"),
    "quote": ("Text", "Texte", "Текст"),
    "verified": (
        "Verified against the official text",
        "Vérifiée sur le texte officiel",
        "Сверено с официальным текстом",
    ),
    "text_verified": (
        "Text verified; a counting convention is not",
        "Texte vérifié ; une règle de computation ne l'est pas",
        "Текст сверен; одно из правил подсчёта — нет",
    ),
    "unverified": (
        "Not fully verified against the official text",
        "Pas entièrement vérifiée sur le texte officiel",
        "Не полностью сверено с официальным текстом",
    ),
}
