"""`{% timeline_mentions page %}`: on a post, the timeline entries that cite it."""

from __future__ import annotations

from django import template

from timeline.models import TimelineEntryPage, TimelinePage
from timeline.visibility import Visibility

register = template.Library()


def mentions(post) -> list[dict]:
    """Visible entries (of visible timelines) that link to `post`, oldest first."""
    visibility = Visibility()
    entries = list(
        visibility.filter(TimelineEntryPage.objects.filter(related_posts=post)).order_by("start_date", "pk")
    )
    if not entries:
        return []
    parent_paths = {entry.path[: -TimelineEntryPage.steplen] for entry in entries}
    timelines = {t.path: t for t in visibility.filter(TimelinePage.objects.filter(path__in=parent_paths))}
    out = []
    for entry in entries:
        timeline = timelines.get(entry.path[: -TimelineEntryPage.steplen])
        if timeline is None:
            continue
        out.append({
            "headline": entry.title,
            "date": entry.start()["display"],
            "timeline": timeline.title,
            "url": f"{timeline.get_url()}#{entry.unique_id}",
        })
    return out


@register.inclusion_tag("timeline/includes/timeline_mentions.html")
def timeline_mentions(post) -> dict:
    return {"mentions": mentions(post)}
