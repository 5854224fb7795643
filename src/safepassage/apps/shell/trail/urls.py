from django.urls import path

from safepassage.apps.shell.trail import views

app_name = "audit"

urlpatterns = [
    path("", views.audit_list_view, name="list"),
    path("verify", views.audit_verify_view, name="verify"),
]
