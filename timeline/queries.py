"""The querysets the API, the pages and the post-side links share; visibility built in."""

from __future__ import annotations

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum

from blog.models import PostPage

from .models import (
    TimelineEntryPage,
    TimelineEntryTag,
    TimelineGroup,
    TimelinePage,
    TimelineReference,
)
from .visibility import Visibility


def visible_timelines(visibility: Visibility) -> QuerySet[TimelinePage]:
    return visibility.filter(TimelinePage.objects.all()).order_by("-date", "pk")


def visible_timeline(slug: str, visibility: Visibility) -> TimelinePage | None:
    """The visible timeline with this slug (the most recent if several sites share one)."""
    return visible_timelines(visibility).filter(slug=slug).first()


def visible_entries(timeline: TimelinePage, visibility: Visibility) -> QuerySet[TimelineEntryPage]:
    """Entries of a timeline that is itself visible; unordered, unprefetched."""
    return visibility.filter(
        TimelineEntryPage.objects.filter(path__startswith=timeline.path, depth=timeline.depth + 1)
    )


def fingerprint(entries: QuerySet[TimelineEntryPage]) -> dict:
    """One aggregate query that changes whenever the set of visible entries or any of them does."""
    return entries.aggregate(count=Count("pk"), id_sum=Sum("pk"), last=Max("last_published_at"))


def with_details(entries: QuerySet[TimelineEntryPage], visibility: Visibility) -> QuerySet[TimelineEntryPage]:
    """Everything an entry shows, in a fixed number of queries whatever the number of entries."""
    posts = visibility.filter(PostPage.objects.all()).order_by("date", "pk")
    return entries.select_related("image").prefetch_related(
        "tags",
        Prefetch("references", queryset=TimelineReference.objects.order_by("sort_order", "pk")),
        Prefetch("related_posts", queryset=posts, to_attr="visible_related_posts"),
    )


def entry_counts(timelines: list[TimelinePage], visibility: Visibility) -> dict[str, int]:
    """Visible entries per timeline path, in one query."""
    if not timelines:
        return {}
    under = Q()
    for timeline in timelines:
        under |= Q(path__startswith=timeline.path, depth=timeline.depth + 1)
    counts: dict[str, int] = {}
    for path in visibility.filter(TimelineEntryPage.objects.filter(under)).values_list("path", flat=True):
        parent = path[: -TimelineEntryPage.steplen]
        counts[parent] = counts.get(parent, 0) + 1
    return counts


def groups_of(timeline: TimelinePage) -> list[TimelineGroup]:
    return list(timeline.groups.order_by("sort_order", "pk"))


def search_q(text: str) -> Q:
    """Every word in the headline, text, group, a tag or a reference (case-insensitive)."""
    q = Q()
    for word in text.split():
        refs = TimelineReference.objects.filter(
            Q(authors__icontains=word) | Q(title__icontains=word) | Q(venue__icontains=word)
        ).values("page_id")
        tags = TimelineEntryTag.objects.filter(tag__name__icontains=word).values("content_object_id")
        q &= (
            Q(title__icontains=word)
            | Q(text__icontains=word)
            | Q(group__icontains=word)
            | Q(pk__in=tags)
            | Q(pk__in=refs)
        )
    return q
