from django.urls import path

from safepassage.apps.cases import (
    views,
    views_deadlines,
    views_delete,
    views_lifecycle,
    views_record,
    views_sections,
)

app_name = "cases"

urlpatterns = [
    path("", views.case_list_view, name="list"),
    path("new", views.case_create_view, name="create"),
    path("deadlines", views_deadlines.deadlines_view, name="deadlines"),
    path("<str:reference>", views.case_detail_view, name="detail"),
    path("<str:reference>/notes", views_record.note_add_view, name="add_note"),
    path("<str:reference>/documents", views_record.document_upload_view, name="upload"),
    path(
        "<str:reference>/documents/<str:document_id>",
        views_record.document_download_view,
        name="document",
    ),
    path("<str:reference>/location", views_record.reveal_location_view, name="reveal_location"),
    path(
        "<str:reference>/edit/<str:section>", views_sections.section_edit_view, name="edit_section"
    ),
    path("<str:reference>/move", views_lifecycle.move_view, name="move"),
    path("<str:reference>/delete", views_delete.case_delete_view, name="delete"),
    path("<str:reference>/assign", views_lifecycle.assign_view, name="assign"),
    path("<str:reference>/pathway", views_lifecycle.pathway_view, name="pathway"),
    path("<str:reference>/signoff", views_lifecycle.signoff_view, name="signoff"),
    path("<str:reference>/events", views_lifecycle.event_view, name="event"),
    path("<str:reference>/suspensions", views_lifecycle.suspension_view, name="suspension"),
    path(
        "<str:reference>/deadlines/<int:deadline_id>/met",
        views_lifecycle.deadline_met_view,
        name="deadline_met",
    ),
]
