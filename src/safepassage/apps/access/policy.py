"""THE access policy: every URL name and API operation, and who may use it.

A route that is not in this table is refused for everyone (and fails
``tests/web/test_policy_coverage.py``). Keys are URL names as Django resolves them
(``namespace:name``); a URL that serves several HTTP methods has one row per method,
keyed ``"namespace:name METHOD"``, and no bare row. Read a row as: action, then
role → relation to the record.
"""

from __future__ import annotations

from safepassage.apps.access.rules import Relation, Rule, public, roles, signed_in
from safepassage.apps.accounts.roles import Role

R = Role
ORG = Relation.ORGANISATION
NONE = Relation.NONE
CASE_READERS = {R.CASEWORKER: Relation.ASSIGNED, R.VETTING_OFFICER: ORG, R.COORDINATOR: ORG}
CASE_EDITORS = {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG}

POLICY: dict[str, Rule] = {
    # Shell and sign-in: reachable without a session.
    "health": public("system.health"),
    "set_language": public("shell.set_language"),
    "accounts:login": public("account.sign_in"),
    "accounts:enrol": public("account.enrol_totp"),  # needs a pending password check
    "accounts:setup": public("account.first_password"),  # needs a one-time token
    # Any signed-in user, whatever their roles.
    "home": signed_in("shell.home"),
    "accounts:logout": signed_in("account.sign_out"),
    "accounts:profile": signed_in("account.view_own"),
    "accounts:display_name": signed_in("account.set_display_name"),
    "accounts:switch_organisation": signed_in("account.switch_organisation"),
    "accounts:offer_accept": signed_in("account.accept_membership"),
    "accounts:offer_decline": signed_in("account.decline_membership"),
    "accounts:recovery_codes": signed_in("account.regenerate_recovery_codes"),
    "accounts:tokens": signed_in("account.manage_own_tokens"),
    "accounts:token_revoke": signed_in("account.revoke_own_token"),
    # Coordinators manage their own organisation's people, nobody else's.
    "accounts:members": roles("organisation.list_members", ORG, R.COORDINATOR),
    "accounts:member_invite": roles("organisation.invite_member", ORG, R.COORDINATOR),
    "accounts:member_add_existing": roles("organisation.offer_membership", ORG, R.COORDINATOR),
    "accounts:member_detail": roles("organisation.view_member", ORG, R.COORDINATOR, record=True),
    "accounts:member_roles": roles("organisation.change_roles", ORG, R.COORDINATOR, record=True),
    "accounts:grant_approve": roles("organisation.approve_role", ORG, R.COORDINATOR, record=True),
    "accounts:grant_decline": roles("organisation.decline_role", ORG, R.COORDINATOR, record=True),
    "accounts:member_unlock": roles("organisation.unlock_sign_in", ORG, R.COORDINATOR, record=True),
    "accounts:member_reset_second_factor": roles(
        "organisation.reset_second_factor", ORG, R.COORDINATOR, record=True
    ),
    "accounts:member_reset_password": roles(
        "organisation.reset_password", ORG, R.COORDINATOR, record=True
    ),
    "accounts:member_disable": roles(
        "organisation.disable_account", ORG, R.COORDINATOR, record=True
    ),
    # Audit trail: auditors read and verify; coordinators read their organisation's part.
    "audit:list": roles("audit.list", ORG, R.AUDITOR, R.COORDINATOR),
    "audit:verify": roles("audit.verify", ORG, R.AUDITOR),
    # Cases: caseworkers see the cases assigned to them; vetting and coordination see all of
    # their organisation's cases. Every case operation needs the server unsealed.
    "cases:list": Rule("case.list", CASE_READERS, needs_keys=True),
    "cases:create": Rule("case.create", {R.CASEWORKER: NONE, R.COORDINATOR: NONE}, needs_keys=True),
    "cases:detail": Rule("case.view", CASE_READERS, record=True, needs_keys=True),
    "cases:add_note": Rule("case.add_note", CASE_READERS, record=True, needs_keys=True),
    "cases:upload": Rule(
        "case.add_document",
        {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG},
        record=True,
        needs_keys=True,
    ),
    "cases:document": Rule("case.read_document", CASE_READERS, record=True, needs_keys=True),
    "cases:edit_section": Rule("case.edit", CASE_EDITORS, record=True, needs_keys=True),
    # Correcting or removing one entry (a note: its author or a coordinator, record/entries).
    "cases:edit_entry": Rule("case.edit_entry", CASE_EDITORS, record=True, needs_keys=True),
    "cases:remove_entry": Rule("case.remove_entry", CASE_EDITORS, record=True, needs_keys=True),
    "cases:move": Rule(
        "case.move", CASE_EDITORS | {R.VETTING_OFFICER: ORG}, record=True, needs_keys=True
    ),
    "cases:delete": roles("case.delete", ORG, R.COORDINATOR, record=True, needs_keys=True),
    "cases:assign": roles("case.assign", ORG, R.COORDINATOR, record=True, needs_keys=True),
    "cases:pathway": Rule("case.set_pathway", CASE_EDITORS, record=True, needs_keys=True),
    "cases:signoff": roles(
        "case.vetting_signoff", ORG, R.VETTING_OFFICER, record=True, needs_keys=True
    ),
    "cases:event": Rule("case.procedure_event", CASE_EDITORS, record=True, needs_keys=True),
    "cases:suspension": Rule(
        "case.procedure_suspension", CASE_EDITORS, record=True, needs_keys=True
    ),
    "cases:deadline_met": Rule("case.deadline_met", CASE_EDITORS, record=True, needs_keys=True),
    # Linkage: a coordinator decides on a pair inside the organisation (the view also asks
    # that both cases be visible) and looks up a pair reference from another organisation.
    "linkage:decide": roles("linkage.decide", ORG, R.COORDINATOR, record=True, needs_keys=True),
    "linkage:lookup": roles("linkage.lookup", ORG, R.COORDINATOR),
    # Deadlines hold dates and references only: readable while sealed.
    "cases:deadlines": Rule(
        "case.list_deadlines", {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG}
    ),
    # The exact location is a compartment: only a caseworker assigned to the case.
    "cases:reveal_location": Rule(
        "case.reveal_exact_location",
        {R.CASEWORKER: Relation.ASSIGNED},
        record=True,
        needs_keys=True,
    ),
    # Safety: check-ins, risk register, attention.
    # The assigned caseworker and the organisation's coordinators look after a person.
    # Vetting: watchlists are coalition-wide reference data (any coordinator imports and
    # removes versions); hits and decisions belong to the case's organisation.
    "vetting:lists": roles("vetting.list_lists", NONE, R.COORDINATOR),
    "vetting:list_import": roles("vetting.import_list", NONE, R.COORDINATOR),
    "vetting:list_remove": roles("vetting.remove_list_version", NONE, R.COORDINATOR),
    "vetting:queue": roles("vetting.queue", ORG, R.VETTING_OFFICER),
    "vetting:decide": roles(
        "vetting.decide_hit", ORG, R.VETTING_OFFICER, record=True, needs_keys=True
    ),
    "safety:check_in": Rule(
        "safety.check_in",
        {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG},
        record=True,
        needs_keys=True,
    ),
    "safety:schedule": Rule(
        "safety.set_schedule",
        {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG},
        record=True,
        needs_keys=True,
    ),
    "safety:flag_resolve": Rule(
        "safety.resolve_flag",
        {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG},
        record=True,
        needs_keys=True,
    ),
    # References and times only, so it works sealed: a missed check-in matters most then.
    "safety:overdue": Rule(
        "safety.list_overdue", {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG}
    ),
    "safety:risks": signed_in("safety.read_risk_register"),
    # Shared coalition data, not personal: a coordinator of any organisation may add one.
    "safety:risk_add": roles("safety.assess_country_risk", NONE, R.COORDINATOR),
    "safety:attention": signed_in("safety.read_own_notifications"),  # own rows only
    "safety:attention_read_all": signed_in("safety.mark_own_notifications_read"),
    "safety:notification_read": signed_in("safety.mark_own_notification_read"),
    # JSON API (token authentication; same rows, same scoping).
    "api-1:root": signed_in("api.root"),
    "api-1:api-root": signed_in("api.root"),  # django-ninja's own name for the same path
    "api-1:openapi-json": public("api.schema"),
    "api-1:case_list GET": Rule("case.list", CASE_READERS, needs_keys=True),
    "api-1:case_list POST": Rule(
        "case.create", {R.CASEWORKER: NONE, R.COORDINATOR: NONE}, needs_keys=True
    ),
    "api-1:case_detail": Rule("case.view", CASE_READERS, record=True, needs_keys=True),
    "api-1:case_move": Rule(
        "case.move", CASE_EDITORS | {R.VETTING_OFFICER: ORG}, record=True, needs_keys=True
    ),
    "api-1:case_event": Rule("case.procedure_event", CASE_EDITORS, record=True, needs_keys=True),
    "api-1:case_hits": Rule(
        "vetting.list_hits",
        {R.VETTING_OFFICER: ORG, R.COORDINATOR: ORG},
        record=True,
        needs_keys=True,
    ),
    "api-1:hit_decide": roles(
        "vetting.decide_hit", ORG, R.VETTING_OFFICER, record=True, needs_keys=True
    ),
    "api-1:case_check_in": Rule("safety.check_in", CASE_EDITORS, record=True, needs_keys=True),
    "api-1:checkins_overdue": Rule(
        "safety.list_overdue", {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG}
    ),
    "api-1:deadline_list": Rule(
        "case.list_deadlines", {R.CASEWORKER: Relation.ASSIGNED, R.COORDINATOR: ORG}
    ),
}
