"""Only live, public, unexpired content ever appears: every state, endpoint and filter.

A "secret" entry (or timeline, or post) is put in each hidden state; then every timeline
API URL, the timeline page, the post-side mentions and Wagtail's API v2 must not show it.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import PostPageFactory
from timeline.templatetags.timeline_tags import mentions

from .conftest import make_entry

pytestmark = pytest.mark.django_db

SECRET = "Secretmilestone"
DETAIL = "/api/timelines/stat-mech/"
ENTRY_URLS = [
    DETAIL,
    f"{DETAIL}?from=1970&to=1980",
    f"{DETAIL}?from=1975-06",
    f"{DETAIL}?to=1975-06-30",
    f"{DETAIL}?group=models",
    f"{DETAIL}?tag=spin-glasses",
    f"{DETAIL}?q={SECRET}",
    f"{DETAIL}?q=secret",
    f"{DETAIL}?ordering=-date",
    f"{DETAIL}?limit=1&offset=0",
    f"{DETAIL}?format=timelinejs",
    f"{DETAIL}?format=timelinejs&tag=spin-glasses",
    "/api/timelines/",
    "/stat-mech/",
]
API_V2_URLS = [
    "/api/v2/pages/?type=timeline.TimelineEntryPage&fields=*",
    "/api/v2/pages/?type=timeline.TimelinePage&fields=*",
    f"/api/v2/pages/?type=timeline.TimelineEntryPage&search={SECRET}",
    "/api/v2/pages/?fields=title",
]


def restrict(page, kind: str) -> None:
    if kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "password":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hunter2")
    else:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="Editors only"))


def expire(page, *, run_scheduler: bool) -> None:
    page.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save(update_fields=["expire_at"])
    if run_scheduler:
        call_command("publish_scheduled")


def put_in_state(page, state: str) -> None:
    """Hide `page` (already published) in one of the ways readers must not see through."""
    if state == "unpublished":
        page.unpublish()
    elif state in ("login", "password", "groups"):
        restrict(page, state)
    elif state == "expired-unprocessed":
        expire(page, run_scheduler=False)
    elif state == "expired":
        expire(page, run_scheduler=True)
    else:  # pragma: no cover
        raise AssertionError(state)


HIDDEN_STATES = ["unpublished", "login", "password", "groups", "expired-unprocessed", "expired"]


@pytest.fixture
def secret_entry(timeline, entries, post):
    return make_entry(
        timeline, title=f"{SECRET} entry", date=datetime.date(1975, 6, 1), group="models",
        tags=["spin-glasses"], related_posts=[post], text=f"<p>{SECRET}</p>",
    )


def assert_hidden(client, urls, marker=SECRET):
    for url in urls:
        response = client.get(url, follow=False)
        assert response.status_code in (200, 302, 404), url
        assert marker not in response.content.decode(), f"{marker} leaked at {url}"


def test_visible_entry_does_show_everywhere_it_should(client, secret_entry):
    """The control: the secret shows when published, so the leak tests can fail."""
    for url in [DETAIL, f"{DETAIL}?q={SECRET}", f"{DETAIL}?tag=spin-glasses", "/stat-mech/"]:
        assert SECRET in client.get(url).content.decode(), url
    assert SECRET in client.get(API_V2_URLS[0]).content.decode()


def test_never_published_entry_is_hidden(client, timeline, entries):
    make_entry(timeline, title=f"{SECRET} draft", date=datetime.date(1975, 6, 1), group="models", tags=["spin-glasses"], publish=False)
    assert_hidden(client, ENTRY_URLS + API_V2_URLS)
    assert client.get(DETAIL).json()["meta"]["total_count"] == 3
    assert client.get("/api/timelines/").json()["items"][0]["entry_count"] == 3


def test_draft_changes_of_a_published_entry_are_hidden(client, secret_entry):
    secret_entry.title = "Draft headline nobody should see"
    secret_entry.save_revision()
    assert_hidden(client, ENTRY_URLS + API_V2_URLS, marker="Draft headline nobody should see")


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_entry_never_appears(client, secret_entry, state):
    put_in_state(secret_entry, state)
    assert_hidden(client, ENTRY_URLS + API_V2_URLS)
    assert client.get(DETAIL).json()["meta"]["total_count"] == 3
    assert client.get(f"{DETAIL}?group=models").json()["meta"]["total_count"] == 2
    assert client.get("/api/timelines/").json()["items"][0]["entry_count"] == 3


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_entry_is_not_listed_on_the_related_post(secret_entry, post, entries, state):
    put_in_state(secret_entry, state)
    assert [m["headline"] for m in mentions(post)] == ["Sherrington–Kirkpatrick model"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_timeline_hides_itself_and_its_entries(client, timeline, secret_entry, state):
    put_in_state(timeline, state)
    assert_hidden(client, ENTRY_URLS + API_V2_URLS)
    assert_hidden(client, ["/api/timelines/"], marker="stat-mech")
    assert client.get(DETAIL).status_code == 404
    assert client.get(DETAIL + "?format=timelinejs").status_code == 404


def test_never_published_timeline_is_hidden(client, site_tree):
    from tests.timeline_factories import TimelinePageFactory

    draft = TimelinePageFactory(parent=site_tree, slug="draft-timeline", title=SECRET, live=False)
    entry = make_entry(draft, title=f"{SECRET} entry", date=datetime.date(1975, 1, 1), publish=False)
    entry.save_revision().publish()  # Wagtail lets editors publish under a draft parent
    entry.refresh_from_db()
    assert not entry.live
    assert_hidden(client, ["/api/timelines/", "/api/timelines/draft-timeline/", *API_V2_URLS])
    assert client.get("/api/timelines/draft-timeline/").status_code == 404


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_restricted_index_hides_every_timeline(client, site_tree, secret_entry, kind):
    restrict(site_tree, kind)
    assert_hidden(client, ENTRY_URLS + API_V2_URLS)
    assert_hidden(client, ["/api/timelines/"], marker="stat-mech")


def test_unpublished_index_hides_timelines_still_marked_live(client, site_tree, secret_entry):
    site_tree.unpublish()
    assert_hidden(client, [u for u in ENTRY_URLS if u != "/stat-mech/"])
    assert_hidden(client, ["/api/timelines/"], marker="stat-mech")


def test_unpublishing_a_timeline_unpublishes_its_entries(timeline, secret_entry):
    timeline.unpublish()
    secret_entry.refresh_from_db()
    assert not secret_entry.live


@pytest.mark.parametrize("state", [*HIDDEN_STATES, "never-published"])
def test_hidden_post_is_not_a_related_post(client, site_tree, timeline, state):
    hidden_post = PostPageFactory(parent=site_tree, title=f"{SECRET} post", slug="secret-post", live=state != "never-published")
    if state != "never-published":
        hidden_post.save_revision().publish()
        hidden_post.refresh_from_db()
        put_in_state(hidden_post, state)
    make_entry(timeline, title="Public entry", date=datetime.date(1980, 1, 1), related_posts=[hidden_post])
    assert_hidden(client, [DETAIL, f"{DETAIL}?format=timelinejs", "/stat-mech/"])
    assert client.get(DETAIL).json()["entries"][0]["related_posts"] == []
