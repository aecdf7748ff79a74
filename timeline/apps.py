"""Django app configuration for timelines."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    """Timeline pages, their entries and the timeline JSON API."""

    name = "timeline"
    verbose_name = "Timelines"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        connect_signal_handlers()


def connect_signal_handlers() -> None:
    """Retire cached API responses whenever what readers may see changes."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from . import cache
    from .models import TimelineEntryPage, TimelinePage

    page_published.connect(cache.on_page_changed, dispatch_uid="timeline-cache-published")
    page_unpublished.connect(cache.on_page_changed, dispatch_uid="timeline-cache-unpublished")
    page_unpublished.connect(
        cache.on_timeline_unpublished, sender=TimelinePage, dispatch_uid="timeline-unpublish-entries"
    )
    page_published.connect(
        cache.on_entry_published, sender=TimelineEntryPage, dispatch_uid="timeline-entry-needs-live-timeline"
    )
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(cache.on_page_changed, sender=PageViewRestriction, dispatch_uid=f"timeline-cache-restriction-{name}")
