from django.urls import path

from safepassage.apps.safety import case_views, views

app_name = "safety"

urlpatterns = [
    path("check-ins", views.overdue_view, name="overdue"),
    path("risks/", views.risks_view, name="risks"),
    path("risks/new", views.risk_add_view, name="risk_add"),
    path("attention/", views.attention_view, name="attention"),
    path("attention/read", views.notifications_read_all_view, name="attention_read_all"),
    path(
        "attention/<int:notification_id>/read",
        views.notification_read_view,
        name="notification_read",
    ),
    path("case/<str:reference>/check-in", case_views.check_in_view, name="check_in"),
    path("case/<str:reference>/schedule", case_views.schedule_view, name="schedule"),
    path(
        "case/<str:reference>/flags/<uuid:flag_id>/reviewed",
        case_views.flag_resolve_view,
        name="flag_resolve",
    ),
]
