"""A small timeline tree: an index, one timeline with groups and an era, entries and posts."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import PostPageFactory
from tests.timeline_factories import (
    TimelineEntryPageFactory,
    TimelineEraFactory,
    TimelineGroupFactory,
    TimelinePageFactory,
    TimelineReferenceFactory,
)


@pytest.fixture(autouse=True)
def clear_cache():
    """Cached API bodies must not carry over between tests (ids repeat after rollbacks)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def timeline(site_tree):
    """A published timeline `stat-mech` with groups `theory` and `models` and one era."""
    page = TimelinePageFactory(parent=site_tree, title="Stat mech", slug="stat-mech")
    TimelineGroupFactory(page=page, name="Theory", slug="theory")
    TimelineGroupFactory(page=page, name="Models", slug="models")
    TimelineEraFactory(page=page, name="Spin-glass era", start_year=1970, end_year=1989)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def post(site_tree):
    return PostPageFactory(parent=site_tree, title="Replica method for the SK model", slug="replica-sk")


def make_entry(timeline, *, title: str, date: datetime.date, precision: str = "year", publish: bool = True, **fields):
    tags = fields.pop("tags", [])
    posts = fields.pop("related_posts", [])
    references = fields.pop("references", 0)
    fields.setdefault("live", publish)
    entry = TimelineEntryPageFactory.build(title=title, start_date=date, start_precision=precision, **fields)
    timeline.add_child(instance=entry)
    for tag in tags:
        entry.tags.add(tag)
    if posts:
        entry.related_posts.set(posts)
    for _ in range(references):
        TimelineReferenceFactory(page=entry)
    entry.save()
    if publish:
        entry.save_revision().publish()
    entry.refresh_from_db()
    return entry


@pytest.fixture
def entries(timeline, post):
    """Three published entries: SK 1975 (theory, tagged, linked to the post), Hopfield 1982, Adam 2014."""
    return {
        "sk": make_entry(
            timeline, title="Sherrington–Kirkpatrick model", date=datetime.date(1975, 12, 1), precision="month",
            group="models", tags=["spin-glasses"], related_posts=[post], references=1,
            text="<p>Infinite-range spin glass with couplings $J_{ij}\\sim N(0, J^2/N)$.</p>",
        ),
        "hopfield": make_entry(
            timeline, title="Hopfield network", date=datetime.date(1982, 4, 15), precision="day",
            group="models", tags=["associative-memory"],
        ),
        "adam": make_entry(timeline, title="Adam optimiser", date=datetime.date(2014, 1, 1), group="theory"),
    }
