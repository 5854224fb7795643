from django.urls import path

from safepassage.apps.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.audit_list_view, name="list"),
    path("verify", views.audit_verify_view, name="verify"),
]
