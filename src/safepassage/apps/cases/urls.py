from django.urls import path

from safepassage.apps.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list_view, name="list"),
    path("<str:reference>", views.case_detail_view, name="detail"),
]
