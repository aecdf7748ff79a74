"""The demo timelines: they load, take over the prose posts' slugs, and reload to the same tree."""

from __future__ import annotations

from collections import Counter

import pytest
from wagtail.models import Page, Revision

from tests.factories import PostPageFactory
from timeline.demo import load_timelines
from timeline.demo.loader import TIMELINES
from timeline.models import TimelineEntryPage, TimelinePage

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_load_timelines_replaces_prose_posts_and_is_idempotent(site_tree):
    PostPageFactory(parent=site_tree, slug="timeline-of-deep-learning", title="Timeline of Deep Learning")
    PostPageFactory(parent=site_tree, slug="replica-method-sk-model", title="Replica Method for the SK Model")
    load_timelines(site_tree)
    pages = sorted(Page.objects.values_list("pk", "path", "slug", "live"))
    revisions = Counter(Revision.objects.values_list("object_str", flat=True))
    load_timelines(site_tree)
    assert sorted(Page.objects.values_list("pk", "path", "slug", "live")) == pages
    new_revisions = Counter(Revision.objects.values_list("object_str", flat=True)) - revisions
    assert not new_revisions, f"a second load re-published: {dict(new_revisions)}"

    slugs = set(TimelinePage.objects.live().values_list("slug", flat=True))
    assert slugs == {"timeline-of-deep-learning", "timeline-statistical-mechanics-neural-networks"}
    for timeline in TimelinePage.objects.all():
        assert TimelineEntryPage.objects.child_of(timeline).live().count() >= 25
    sk = TimelineEntryPage.objects.get(unique_id="sherrington-kirkpatrick")
    assert [p.slug for p in sk.related_posts.all()] == ["replica-method-sk-model"]


def test_every_demo_entry_has_a_reference_and_a_known_group():
    for timeline in TIMELINES:
        groups = {slug for slug, _ in timeline.groups}
        ids = [e.unique_id for e in timeline.entries]
        assert len(ids) == len(set(ids)) and len(ids) >= 25
        for entry in timeline.entries:
            assert entry.refs, entry.unique_id
            assert entry.group in groups, entry.unique_id
