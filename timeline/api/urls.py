"""URLs of the timeline API, its OpenAPI schema and its docs page (mounted at `/api/`)."""

from django.urls import path

from . import docs, views

app_name = "timeline-api"

urlpatterns = [
    path("timelines/", views.timeline_list, name="list"),
    path("timelines/<slug:slug>/", views.timeline_detail, name="detail"),
    path("schema/", docs.schema_view, name="schema"),
    path("docs/", docs.docs_view, name="docs"),
]
