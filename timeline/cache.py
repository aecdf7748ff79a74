"""The API's response cache: a generation counter bumped on publish and unpublish.

Every cached body and every ETag includes the generation, so one `bump()` retires them all:
a related post renamed, unpublished or restricted changes what a timeline shows without
touching its entries. Processes must share the cache (Redis in production) for a bump in
the admin process to reach the web processes; the ETag also hashes the visible entries'
count, id sum and latest publication, so entry changes show even without a shared cache.
"""

from __future__ import annotations

from django.core.cache import cache

GENERATION_KEY = "timeline-api:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump() -> None:
    """Retire every cached timeline response."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def on_page_changed(sender, instance=None, **kwargs) -> None:
    """Signal receiver for page (un)publication and view-restriction changes."""
    bump()


def on_timeline_unpublished(sender, instance=None, **kwargs) -> None:
    """Unpublishing a timeline unpublishes its live entries, so no API shows orphans."""
    from .models import TimelineEntryPage

    for entry in TimelineEntryPage.objects.child_of(instance).live():
        entry.unpublish(set_expired=bool(getattr(instance, "expired", False)))


def on_entry_published(sender, instance=None, **kwargs) -> None:
    """An entry cannot be live under a timeline that is not: Wagtail's API v2 would show it."""
    parent = instance.get_parent()
    if parent is not None and not parent.live:
        instance.unpublish()
