from django.urls import path

from safepassage.apps.accounts import views_account, views_members, views_signin

app_name = "accounts"

urlpatterns = [
    path("login", views_signin.login_view, name="login"),
    path("login/enrol", views_signin.enrol_view, name="enrol"),
    path("setup/<str:token>", views_signin.setup_view, name="setup"),
    path("logout", views_signin.logout_view, name="logout"),
    path("account", views_account.profile_view, name="profile"),
    path(
        "account/organisation", views_account.switch_organisation_view, name="switch_organisation"
    ),
    path("account/recovery-codes", views_account.recovery_codes_view, name="recovery_codes"),
    path("account/tokens", views_account.tokens_view, name="tokens"),
    path(
        "account/tokens/<str:prefix>/revoke", views_account.token_revoke_view, name="token_revoke"
    ),
    path("people", views_members.members_view, name="members"),
    path("people/invite", views_members.member_invite_view, name="member_invite"),
    path("people/<int:user_id>", views_members.member_detail_view, name="member_detail"),
    path("people/<int:user_id>/roles", views_members.member_roles_view, name="member_roles"),
]
