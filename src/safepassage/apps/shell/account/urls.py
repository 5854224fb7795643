"""Sign-in, one's own account, and the organisation's people (URL names ``accounts:*``)."""

from django.urls import path

from safepassage.apps.shell.account import credentials, members, offers, signin, views

app_name = "accounts"

urlpatterns = [
    path("login", signin.login_view, name="login"),
    path("login/enrol", signin.enrol_view, name="enrol"),
    path("setup/<str:token>", signin.setup_view, name="setup"),
    path("logout", signin.logout_view, name="logout"),
    path("account", views.profile_view, name="profile"),
    path("account/display-name", views.display_name_view, name="display_name"),
    path("account/offers/<int:offer_id>/accept", offers.offer_accept_view, name="offer_accept"),
    path("account/offers/<int:offer_id>/decline", offers.offer_decline_view, name="offer_decline"),
    path("account/organisation", views.switch_organisation_view, name="switch_organisation"),
    path("account/recovery-codes", views.recovery_codes_view, name="recovery_codes"),
    path("account/tokens", views.tokens_view, name="tokens"),
    path("account/tokens/<str:prefix>/revoke", views.token_revoke_view, name="token_revoke"),
    path("people", members.members_view, name="members"),
    path("people/invite", members.member_invite_view, name="member_invite"),
    path("people/add-existing", offers.member_add_existing_view, name="member_add_existing"),
    path("people/<int:user_id>", members.member_detail_view, name="member_detail"),
    path("people/<int:user_id>/roles", members.member_roles_view, name="member_roles"),
    path("people/<int:user_id>/unlock", members.member_unlock_view, name="member_unlock"),
    path(
        "people/<int:user_id>/reset-second-factor",
        credentials.member_reset_second_factor_view,
        name="member_reset_second_factor",
    ),
    path(
        "people/<int:user_id>/reset-password",
        credentials.member_reset_password_view,
        name="member_reset_password",
    ),
    path("people/<int:user_id>/disable", credentials.member_disable_view, name="member_disable"),
    path("people/grants/<int:grant_id>/approve", members.grant_approve_view, name="grant_approve"),
    path("people/grants/<int:grant_id>/decline", members.grant_decline_view, name="grant_decline"),
]
