"""Django app configuration for timelines."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    """Timeline pages, their entries and the timeline JSON API."""

    name = "timeline"
    verbose_name = "Timelines"
    default_auto_field = "django.db.models.BigAutoField"
