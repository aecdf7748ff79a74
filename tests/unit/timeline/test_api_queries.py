"""No N+1: a timeline of 500 entries costs the same number of queries as one of 5."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PostPageFactory

from .conftest import make_entry

pytestmark = pytest.mark.django_db


def fill(timeline, posts, n: int) -> None:
    """n entries, each tagged, with a reference and two related posts, published the fast way."""
    for i in range(n):
        make_entry(
            timeline, title=f"Entry {i}", date=datetime.date(1900 + i % 120, 1 + i % 12, 1), precision="month",
            group="theory" if i % 2 else "models", tags=[f"tag-{i % 7}"], related_posts=posts[i % 3 : i % 3 + 2],
            references=1, publish=False, live=True,
        )


def count_queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


URLS = ["/api/timelines/stat-mech/", "/api/timelines/stat-mech/?format=timelinejs", "/api/timelines/", "/stat-mech/"]


@pytest.mark.slow
def test_queries_do_not_grow_with_entries(client, site_tree, timeline):
    """One tree for every URL: building 500 entries is the slow part."""
    posts = [PostPageFactory(parent=site_tree) for _ in range(4)]
    fill(timeline, posts, 5)
    small = {url: count_queries(client, url) for url in URLS}
    fill(timeline, posts, 495)
    large = {url: count_queries(client, url) for url in URLS}
    assert large == small
    assert all(n <= 12 for url, n in large.items() if url.startswith("/api/"))
    assert large["/stat-mech/"] <= 20
