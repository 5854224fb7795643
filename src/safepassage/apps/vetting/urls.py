from django.urls import path

from safepassage.apps.vetting import views

app_name = "vetting"

urlpatterns = [
    path("lists/", views.lists_view, name="lists"),
    path("lists/import", views.list_import_view, name="list_import"),
    path("lists/<int:version_id>/remove", views.list_remove_view, name="list_remove"),
    path("queue", views.queue_view, name="queue"),
    path("case/<str:reference>/hits/<uuid:hit_id>/decide", views.decide_view, name="decide"),
]
