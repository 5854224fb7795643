"""Rule titles, event (trigger) names and track names in English, French and Russian.

One table per kind of label, each entry ``(en, fr, ru)``. A test keeps every rule id,
trigger and track of the shipped data covered.
"""

from __future__ import annotations

RULE_TITLES: dict[str, tuple[str, str, str]] = {
    "fr.guda_registration": (
        "GUDA registration after the SPADA visit",
        "Enregistrement au GUDA après le passage en SPADA",
        "Регистрация в GUDA после визита в SPADA",
    ),
    "fr.ofpra_filing": (
        "File the complete application with OFPRA",
        "Introduire la demande complète auprès de l'OFPRA",
        "Подать полное ходатайство в OFPRA",
    ),
    "fr.ofpra_incomplete_file": (
        "Complete an incomplete OFPRA file",
        "Compléter un dossier OFPRA incomplet",
        "Дополнить неполное досье OFPRA",
    ),
    "fr.ofpra_accelerated_decision": (
        "OFPRA decision in the accelerated procedure",
        "Décision de l'OFPRA en procédure accélérée",
        "Решение OFPRA в ускоренной процедуре",
    ),
    "fr.ofpra_accelerated_decision_detention": (
        "OFPRA decision for a claim made in detention",
        "Décision de l'OFPRA sur une demande faite en rétention",
        "Решение OFPRA по ходатайству, поданному под стражей",
    ),
    "fr.portal_notice": (
        "Decision posted on the portal counts as notified",
        "Décision mise en ligne sur le portail réputée notifiée",
        "Решение, размещённое на портале, считается врученным",
    ),
    "fr.cnda_legal_aid_window": (
        "Ask for legal aid so the CNDA appeal period is suspended",
        "Demander l'aide juridictionnelle pour suspendre le délai de recours devant la CNDA",
        "Запросить юридическую помощь, чтобы приостановить срок обжалования в CNDA",
    ),
    "fr.cnda_appeal": (
        "Appeal to the CNDA against OFPRA's decision",
        "Recours devant la CNDA contre la décision de l'OFPRA",
        "Жалоба в CNDA на решение OFPRA",
    ),
    "fr.dublin_appeal": (
        "Challenge a Dublin transfer decision",
        "Contester une décision de transfert Dublin",
        "Обжаловать решение о передаче по Дублинскому регламенту",
    ),
    "fr.dublin_transfer_period": (
        "Dublin transfer must happen, else France becomes responsible",
        "Délai d'exécution du transfert Dublin, faute de quoi la France devient responsable",
        "Срок передачи по Дублину, иначе ответственной становится Франция",
    ),
    "fr.dublin_transfer_period_absconded": (
        "Dublin transfer period when the person absconds",
        "Délai de transfert Dublin en cas de fuite",
        "Срок передачи по Дублину, если человек скрылся",
    ),
    "fr.reopening": (
        "Ask OFPRA to reopen a closed case",
        "Demander à l'OFPRA la réouverture d'un dossier clôturé",
        "Попросить OFPRA возобновить закрытое дело",
    ),
    "fr.ofpra_reexam_filing": (
        "File a re-examination request with OFPRA",
        "Introduire une demande de réexamen auprès de l'OFPRA",
        "Подать в OFPRA ходатайство о повторном рассмотрении",
    ),
    "fr.ofpra_reexam_incomplete": (
        "Complete an incomplete re-examination request",
        "Compléter une demande de réexamen incomplète",
        "Дополнить неполное ходатайство о повторном рассмотрении",
    ),
    "fr.oqtf_departure": (
        "Leave France after a removal order (OQTF)",
        "Quitter la France après une OQTF (délai de départ volontaire)",
        "Покинуть Францию после предписания о выезде (OQTF)",
    ),
    "fr.oqtf_challenge": (
        "Challenge the removal order (OQTF) in court",
        "Contester l'OQTF devant le tribunal administratif",
        "Обжаловать предписание о выезде (OQTF) в суде",
    ),
    "fr.detention_asylum_claim": (
        "Claim asylum while in administrative detention",
        "Demander l'asile en rétention administrative",
        "Подать ходатайство об убежище в центре административного задержания",
    ),
    "fr.border_entry_refusal_appeal": (
        "Challenge a refusal of entry at the border (asylum)",
        "Contester un refus d'entrée au titre de l'asile à la frontière",
        "Обжаловать отказ во въезде на границе (убежище)",
    ),
    "fr.apr_registration": (
        "Registration of the asylum claim (EU Pact)",
        "Enregistrement de la demande d'asile (pacte de l'UE)",
        "Регистрация ходатайства об убежище (Пакт ЕС)",
    ),
    "fr.apr_lodging": (
        "Lodge the asylum application after registration (EU Pact)",
        "Introduire la demande d'asile après l'enregistrement (pacte de l'UE)",
        "Подать ходатайство об убежище после регистрации (Пакт ЕС)",
    ),
    "fr.border_procedure": (
        "End of the border procedure (EU Pact, 12 weeks)",
        "Fin de la procédure à la frontière (pacte de l'UE, 12 semaines)",
        "Окончание пограничной процедуры (Пакт ЕС, 12 недель)",
    ),
    "fr.atda_validity_normal": (
        "First asylum certificate (ATDA) expires, normal procedure",
        "Fin de validité de la première ATDA, procédure normale",
        "Истекает первая справка просителя убежища (ATDA), обычная процедура",
    ),
    "fr.atda_validity_accelerated": (
        "First asylum certificate (ATDA) expires, accelerated procedure",
        "Fin de validité de la première ATDA, procédure accélérée",
        "Истекает первая справка (ATDA), ускоренная процедура",
    ),
    "fr.atda_renewal": (
        "Renewed asylum certificate (ATDA) expires",
        "Fin de validité de l'ATDA renouvelée",
        "Истекает продлённая справка (ATDA)",
    ),
    "fr.atda_validity_dublin": (
        "First asylum certificate (ATDA) expires, Dublin procedure",
        "Fin de validité de la première ATDA, procédure Dublin",
        "Истекает первая справка (ATDA), Дублинская процедура",
    ),
    "fr.atda_renewal_dublin": (
        "Renewed Dublin asylum certificate (ATDA) expires",
        "Fin de validité de l'ATDA Dublin renouvelée",
        "Истекает продлённая справка (ATDA) в Дублинской процедуре",
    ),
    "de.asylum_appeal": (
        "Action against a BAMF decision",
        "Recours contre une décision du BAMF",
        "Иск против решения BAMF",
    ),
    "de.asylum_appeal_manifestly_unfounded": (
        "Action and interim relief against a 'manifestly unfounded' rejection",
        "Recours et référé contre un rejet « manifestement infondé »",
        "Иск и срочная защита против отказа как «явно необоснованного»",
    ),
    "de.inadmissible_appeal": (
        "Action and interim relief against an inadmissibility decision (§ 29(1) Nr. 2, 4)",
        "Recours et référé contre une décision d'irrecevabilité (§ 29(1) n° 2, 4)",
        "Иск и срочная защита против решения о недопустимости (§ 29(1) п. 2, 4)",
    ),
    "de.followup_inadmissible_appeal": (
        "Action and interim relief against an inadmissible follow-up claim (§ 71(4))",
        "Recours et référé contre le rejet d'une demande ultérieure irrecevable (§ 71(4))",
        "Иск и срочная защита против отказа по повторному ходатайству (§ 71(4))",
    ),
    "de.dublin_appeal": (
        "Action and interim relief against a Dublin transfer order (§ 34a)",
        "Recours et référé contre une décision de transfert Dublin (§ 34a)",
        "Иск и срочная защита против решения о передаче по Дублину (§ 34a)",
    ),
    "de.appeal_grounds": (
        "State the facts and evidence for the action",
        "Exposer les faits et les preuves à l'appui du recours",
        "Изложить факты и доказательства по иску",
    ),
    "de.airport_procedure": (
        "Interim relief in the airport procedure (§ 18a)",
        "Référé dans la procédure aéroportuaire (§ 18a)",
        "Срочная защита в аэропортовой процедуре (§ 18a)",
    ),
    "de.departure_after_rejection": (
        "Leave Germany after a rejection (30 days)",
        "Quitter l'Allemagne après un rejet (30 jours)",
        "Покинуть Германию после отказа (30 дней)",
    ),
    "de.departure_one_week": (
        "Leave Germany within one week (manifestly unfounded or inadmissible)",
        "Quitter l'Allemagne dans la semaine (manifestement infondée ou irrecevable)",
        "Покинуть Германию в течение недели (явно необоснованное или недопустимое)",
    ),
    "de.wrong_instructions": (
        "Action when the appeal instructions were missing or wrong (one year)",
        "Recours lorsque les voies de recours manquaient ou étaient erronées (un an)",
        "Иск, если разъяснение об обжаловании отсутствовало или было неверным (один год)",
    ),
    "de.apr_registration": (
        "Registration of the asylum claim (EU Pact)",
        "Enregistrement de la demande d'asile (pacte de l'UE)",
        "Регистрация ходатайства об убежище (Пакт ЕС)",
    ),
    "de.apr_lodging": (
        "Lodge the asylum application after registration (EU Pact)",
        "Introduire la demande d'asile après l'enregistrement (pacte de l'UE)",
        "Подать ходатайство об убежище после регистрации (Пакт ЕС)",
    ),
    "de.border_procedure": (
        "End of the border procedure (EU Pact, 12 weeks)",
        "Fin de la procédure à la frontière (pacte de l'UE, 12 semaines)",
        "Окончание пограничной процедуры (Пакт ЕС, 12 недель)",
    ),
}

TRIGGERS: dict[str, tuple[str, str, str]] = {
    "spada_visit": ("Visit to the SPADA", "Passage en SPADA", "Визит в SPADA"),
    "atda_issued": (
        "Asylum certificate (ATDA) issued",
        "Remise de l'attestation de demande d'asile (ATDA)",
        "Выдана справка просителя убежища (ATDA)",
    ),
    "atda_renewed": ("ATDA renewed", "ATDA renouvelée", "ATDA продлена"),
    "ofpra_incomplete_notice": (
        "OFPRA: file incomplete notice",
        "OFPRA : avis de dossier incomplet",
        "OFPRA: уведомление о неполном досье",
    ),
    "ofpra_application_introduced": (
        "OFPRA: application introduced (accelerated)",
        "OFPRA : demande introduite (procédure accélérée)",
        "OFPRA: ходатайство подано (ускоренная процедура)",
    ),
    "ofpra_application_received_in_detention": (
        "OFPRA: claim made in detention received",
        "OFPRA : réception d'une demande faite en rétention",
        "OFPRA: получено ходатайство, поданное под стражей",
    ),
    "decision_posted_on_portal": (
        "Decision posted on the portal",
        "Décision mise en ligne sur le portail",
        "Решение размещено на портале",
    ),
    "ofpra_decision_notified": (
        "OFPRA decision notified",
        "Notification de la décision de l'OFPRA",
        "Вручено решение OFPRA",
    ),
    "dublin_transfer_notified": (
        "Dublin transfer decision notified",
        "Notification de la décision de transfert Dublin",
        "Вручено решение о передаче по Дублину",
    ),
    "dublin_request_accepted": (
        "Dublin request accepted by the other state",
        "Acceptation de la requête Dublin par l'autre État",
        "Другое государство приняло дублинский запрос",
    ),
    "ofpra_closure_decision": (
        "OFPRA closed the file",
        "Clôture du dossier par l'OFPRA",
        "OFPRA закрыло дело",
    ),
    "reexam_registered": (
        "Re-examination registered",
        "Enregistrement de la demande de réexamen",
        "Зарегистрировано повторное ходатайство",
    ),
    "ofpra_incomplete_notice_reexam": (
        "Re-examination: incomplete notice",
        "Réexamen : avis de dossier incomplet",
        "Повторное рассмотрение: уведомление о неполном досье",
    ),
    "oqtf_notified": (
        "Removal order (OQTF) notified",
        "Notification de l'OQTF",
        "Вручено предписание о выезде (OQTF)",
    ),
    "detention_rights_notified": (
        "Rights notified on placement in detention",
        "Notification des droits en rétention",
        "Права разъяснены при помещении под стражу",
    ),
    "border_entry_refusal_notified": (
        "Refusal of entry at the border notified",
        "Notification du refus d'entrée à la frontière",
        "Вручён отказ во въезде на границе",
    ),
    "asylum_claim_made": (
        "Asylum claim made",
        "Présentation de la demande d'asile",
        "Заявлено об убежище",
    ),
    "asylum_claim_registered": (
        "Asylum claim registered",
        "Enregistrement de la demande d'asile",
        "Ходатайство об убежище зарегистрировано",
    ),
    "border_procedure_registered": (
        "Claim registered in the border procedure",
        "Demande enregistrée en procédure à la frontière",
        "Ходатайство зарегистрировано в пограничной процедуре",
    ),
    "bamf_decision_served": (
        "BAMF decision served",
        "Notification de la décision du BAMF",
        "Вручено решение BAMF",
    ),
    "bamf_decision_served_manifestly_unfounded": (
        "BAMF 'manifestly unfounded' decision served",
        "Notification d'un rejet « manifestement infondé » du BAMF",
        "Вручён отказ BAMF как «явно необоснованное»",
    ),
    "bamf_inadmissible_decision_served": (
        "BAMF inadmissibility decision served (§ 29(1) Nr. 2, 4)",
        "Notification d'une décision d'irrecevabilité du BAMF (§ 29(1) n° 2, 4)",
        "Вручено решение BAMF о недопустимости (§ 29(1) п. 2, 4)",
    ),
    "bamf_followup_inadmissible_served": (
        "BAMF decision on a follow-up claim served (§ 71(4))",
        "Notification de la décision du BAMF sur une demande ultérieure (§ 71(4))",
        "Вручено решение BAMF по повторному ходатайству (§ 71(4))",
    ),
    "bamf_dublin_decision_served": (
        "BAMF Dublin decision served",
        "Notification de la décision Dublin du BAMF",
        "Вручено дублинское решение BAMF",
    ),
    "bamf_airport_decision_served": (
        "BAMF decision in the airport procedure served",
        "Notification de la décision du BAMF en procédure aéroportuaire",
        "Вручено решение BAMF в аэропортовой процедуре",
    ),
    "departure_period_started": (
        "Departure period starts (decision served, or final after an action)",
        "Début du délai de départ (notification, ou décision définitive après recours)",
        "Начало срока выезда (вручение или окончательное решение после иска)",
    ),
    "bamf_decision_served_wrong_instructions": (
        "BAMF decision served with missing or wrong appeal instructions",
        "Notification d'une décision du BAMF sans voies de recours exactes",
        "Вручено решение BAMF без верного разъяснения порядка обжалования",
    ),
}

TRACKS: dict[str, tuple[str, str, str]] = {
    "at_liberty": (
        "notified without house arrest or detention",
        "notifiée sans assignation à résidence ni rétention",
        "вручено без домашнего ареста и без задержания",
    ),
    "house_arrest": (
        "notified with house arrest",
        "notifiée avec une assignation à résidence",
        "вручено вместе с домашним арестом",
    ),
    "detention": (
        "notified in administrative detention",
        "notifiée en rétention administrative",
        "вручено в центре административного задержания",
    ),
    "l911_1": (
        "one-month track (L911-1)",
        "procédure d'un mois (L911-1)",
        "порядок с месячным сроком (L911-1)",
    ),
    "l921_1": (
        "seven-day track (L921-1)",
        "procédure de sept jours (L921-1)",
        "порядок с семидневным сроком (L921-1)",
    ),
    "l921_2": (
        "48-hour track (L921-2, detention)",
        "procédure de 48 heures (L921-2, rétention)",
        "порядок с 48-часовым сроком (L921-2, задержание)",
    ),
    "apr_short": (
        "one-week window (inadmissible, accelerated or border procedure)",
        "délai d'une semaine (irrecevabilité, procédure accélérée ou à la frontière)",
        "недельный срок (недопустимость, ускоренная или пограничная процедура)",
    ),
    "apr_regular": (
        "regular window (one month as L532-1 reads)",
        "délai ordinaire (un mois selon L532-1)",
        "обычный срок (один месяц по L532-1)",
    ),
}
