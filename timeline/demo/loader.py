"""Create or update the demo timelines under the blog index; running it twice changes nothing.

A timeline takes over its slug: a `PostPage` with the same slug under the index (the prose
version of the timeline) is deleted first. Entries are matched by `unique_id`; entries the
data no longer has are deleted. Pages are re-published only when their content changed.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from blog.models import BlogIndexPage, PostPage
from timeline.dates import Precision
from timeline.models import (
    TimelineEntryPage,
    TimelineEra,
    TimelineGroup,
    TimelinePage,
    TimelineReference,
)

from .deep_learning import TIMELINE as DEEP_LEARNING
from .records import Entry, Timeline
from .statmech import TIMELINE as STATMECH

TIMELINES = (STATMECH, DEEP_LEARNING)


def parse_when(text: str) -> tuple[datetime.date, str]:
    """`1982` / `1982-04` / `1982-04-15` as a date and its precision."""
    parts = [int(p) for p in text.split("-")]
    precision = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}[len(parts)]
    return datetime.date(parts[0], *(parts[1:] or [1]), *([1] if len(parts) < 3 else [])), precision


def load_timelines(index_page: BlogIndexPage) -> None:
    """Both demo timelines, with their entries, under `index_page`."""
    with transaction.atomic():
        for data in TIMELINES:
            timeline = upsert_timeline(index_page, data)
            posts = {p.slug: p for p in PostPage.objects.child_of(index_page)}
            upsert_entries(timeline, data, posts)


def _timeline_state(page: TimelinePage) -> tuple:
    return (
        page.title, page.date, page.summary, page.introduction,
        [(g.slug, g.name) for g in page.groups.all()],
        [(e.name, e.start_year, e.end_year, e.description) for e in page.eras.all()],
    )


def upsert_timeline(index: BlogIndexPage, data: Timeline) -> TimelinePage:
    for post in PostPage.objects.child_of(index).filter(slug=data.slug):
        post.delete()
    page = TimelinePage.objects.child_of(index).filter(slug=data.slug).first()
    created = page is None
    if created:
        page = TimelinePage(slug=data.slug, title=data.title)
    before = None if created else _timeline_state(page)
    page.title = data.title
    page.date = datetime.date.fromisoformat(data.date)
    page.summary = data.summary
    page.introduction = data.introduction
    # sort_order is set explicitly: only admin forms fill it, and rows that all have NULL
    # come back from PostgreSQL in no fixed order (the reload would see a "change").
    page.groups = [TimelineGroup(slug=slug, name=name, sort_order=i) for i, (slug, name) in enumerate(data.groups)]
    page.eras = [
        TimelineEra(name=n, start_year=s, end_year=e, description=d, sort_order=i)
        for i, (n, s, e, d) in enumerate(data.eras)
    ]
    if created:
        index.add_child(instance=page)
    if created or before != _timeline_state(page) or not page.live:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def _entry_state(entry: TimelineEntryPage) -> tuple:
    return (
        entry.title, entry.start_date, entry.start_precision, entry.end_date, entry.end_precision, entry.text,
        entry.group, sorted(t.name for t in entry.tags.all()),
        [(r.authors, r.title, r.venue, r.year, r.doi, r.arxiv, r.url) for r in entry.references.all()],
        sorted(p.pk for p in entry.related_posts.all()),
    )


def _fill(entry: TimelineEntryPage, data: Entry, posts: dict[str, PostPage]) -> None:
    entry.title = data.headline
    entry.start_date, entry.start_precision = parse_when(data.when)
    if data.until:
        entry.end_date, entry.end_precision = parse_when(data.until)
    else:
        entry.end_date, entry.end_precision = None, Precision.YEAR
    entry.text = data.text
    entry.group = data.group
    entry.tags.set([tag.replace("-", " ") for tag in data.tags], clear=True)
    entry.references = [
        TimelineReference(
            authors=r.authors, title=r.title, venue=r.venue, year=r.year, doi=r.doi, arxiv=r.arxiv, url=r.url, sort_order=i
        )
        for i, r in enumerate(data.refs)
    ]
    entry.related_posts = [posts[slug] for slug in data.posts if slug in posts]


def upsert_entries(timeline: TimelinePage, data: Timeline, posts: dict[str, PostPage]) -> None:
    existing = {e.unique_id: e for e in TimelineEntryPage.objects.child_of(timeline)}
    wanted = {e.unique_id for e in data.entries}
    for unique_id, entry in existing.items():
        if unique_id not in wanted:
            entry.delete()
    for item in data.entries:
        entry = existing.get(item.unique_id)
        if entry is None:
            entry = TimelineEntryPage(unique_id=item.unique_id, slug=item.unique_id, live=False)
            _fill(entry, item, posts)
            timeline.add_child(instance=entry)
            entry.save_revision().publish()
            continue
        before = _entry_state(entry)
        _fill(entry, item, posts)
        if before != _entry_state(entry) or not entry.live:
            entry.save_revision().publish()
