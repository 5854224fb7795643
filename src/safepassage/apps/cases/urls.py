from django.urls import path

from safepassage.apps.cases import views, views_record

app_name = "cases"

urlpatterns = [
    path("", views.case_list_view, name="list"),
    path("new", views.case_create_view, name="create"),
    path("<str:reference>", views.case_detail_view, name="detail"),
    path("<str:reference>/notes", views_record.note_add_view, name="add_note"),
    path("<str:reference>/documents", views_record.document_upload_view, name="upload"),
    path(
        "<str:reference>/documents/<str:document_id>",
        views_record.document_download_view,
        name="document",
    ),
    path("<str:reference>/location", views_record.reveal_location_view, name="reveal_location"),
]
