"""Linkage pages (URL names ``linkage:*``)."""

from django.urls import path

from safepassage.apps.linkage import views

app_name = "linkage"

urlpatterns = [
    path("lookup", views.lookup_view, name="lookup"),
    path("<str:reference>/decide", views.decide_view, name="decide"),
]
