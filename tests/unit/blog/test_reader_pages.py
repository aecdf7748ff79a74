"""Listing, errata page, feeds, sitemap, robots.txt and search, as readers and crawlers see them."""

import datetime
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import PageViewRestriction

from blog.models import Erratum
from tests.factories import ErrataPageFactory, PostPageFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(site_tree):
    """Three live posts, one draft and one private post."""
    live = [
        publish(PostPageFactory(parent=site_tree, title=f"Live {n}", slug=f"live-{n}", date=datetime.date(2025, n, 1),
                                body=[{"type": "paragraph", "value": f"<p>Paragraph about frustration number {n}.</p>"}]))
        for n in (1, 2, 3)
    ]
    draft = PostPageFactory(parent=site_tree, title="Draft", slug="draft", live=False)
    private = publish(PostPageFactory(parent=site_tree, title="Private", slug="private",
                                      body=[{"type": "paragraph", "value": "<p>Secret frustration.</p>"}]))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return {"live": live, "draft": draft, "private": private}


def test_home_lists_live_posts_newest_first_with_read_links(client, posts):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    titles = [a.text for a in soup.select(".card__title a")]
    assert titles == ["Live 3", "Live 2", "Live 1"]
    card = soup.select_one(".card")
    assert card.select_one("time")["datetime"] == "2025-03-01"
    assert card.select_one(".card__read")["href"] == posts["live"][2].url


@override_settings(POSTS_PER_PAGE=2)
def test_home_is_paginated(client, posts):
    first = BeautifulSoup(client.get("/").content, "html.parser")
    second = BeautifulSoup(client.get("/?page=2").content, "html.parser")
    assert [a.text for a in first.select(".card__title a")] == ["Live 3", "Live 2"]
    assert [a.text for a in second.select(".card__title a")] == ["Live 1"]
    assert client.get("/?page=3").status_code == 404


def test_tag_archive_lists_only_tagged_posts(client, site_tree):
    tagged = PostPageFactory(parent=site_tree, title="Tagged", slug="tagged")
    tagged.tags.add("spin-glass")
    publish(tagged)
    publish(PostPageFactory(parent=site_tree, title="Untagged", slug="untagged"))
    soup = BeautifulSoup(client.get("/tags/spin-glass/").content, "html.parser")
    assert [a.text for a in soup.select(".card__title a")] == ["Tagged"]


def test_rss_feed_parses_and_lists_live_public_posts(client, posts):
    response = client.get("/feeds/rss/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert [entry.title for entry in feed.entries] == ["Live 3", "Live 2", "Live 1"]
    assert feed.entries[0].link.endswith(posts["live"][2].url)


def test_atom_feed_parses_with_dates(client, posts):
    feed = feedparser.parse(client.get("/feeds/atom/").content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 3
    assert feed.entries[0].published_parsed[:3] == (2025, 3, 1)


def test_sitemap_lists_every_live_post_and_no_draft_or_private_one(client, posts):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    for post in posts["live"]:
        assert any(location.endswith(post.url) for location in locations)
    assert not any("draft" in location or "private" in location for location in locations)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_search_finds_a_post_by_a_word_in_its_body(client, posts):
    soup = BeautifulSoup(client.get("/search/?q=frustration").content, "html.parser")
    titles = {a.text for a in soup.select(".card__title a")}
    assert {"Live 1", "Live 2", "Live 3"} <= titles
    assert "Private" not in titles and "Draft" not in titles


def test_search_with_no_match_says_so(client, posts):
    content = client.get("/search/?q=zyzzyva").content.decode()
    assert "Nothing matches" in content


def test_group_restricted_posts_are_hidden_from_listing_and_feeds(client, site_tree):
    post = publish(PostPageFactory(parent=site_tree, title="Members only", slug="members"))
    restriction = PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Members"))
    assert "Members only" not in client.get("/").content.decode()
    assert "Members only" not in client.get("/feeds/rss/").content.decode()


@pytest.fixture
def errata_page(site_tree):
    page = ErrataPageFactory(parent=site_tree, title="Errata for notes", slug="errata-notes",
                             external_title="Replica calculations", external_authors="A. Author")
    specs = [
        ("Eq. (3)", "typo", "confirmed", r"q = \tanh(\beta h)", r"q = \tanh^2(\beta h)"),
        ("Eq. (7)", "sign", "reported", r"f = +\frac{\beta J^2}{4}", r"f = -\frac{\beta J^2}{4}"),
        ("Sec. 2", "conceptual", "rejected", "", ""),
        ("p. 4", "missing-factor", "fixed", r"\frac{1}{2}", r"\frac{1}{4}"),
    ]
    for location, kind, status, original, correction in specs:
        page.errata.add(Erratum(location=location, kind=kind, status=status, original=original, correction=correction,
                                explanation=r"<p>Because $\beta &gt; 0$.</p>"))
    return publish(page)


def test_errata_page_lists_every_erratum_with_its_math(client, errata_page):
    soup = BeautifulSoup(client.get(errata_page.url).content, "html.parser")
    items = soup.select(".errata__list .erratum")
    assert len(items) == 4
    first = items[0]
    assert first.select_one(".erratum__location").text == "Eq. (3)"
    assert first.select_one(".erratum__original").text == r"q = \tanh(\beta h)"
    assert first.select_one(".erratum__correction").text == r"q = \tanh^2(\beta h)"
    assert "math" in first.select_one(".erratum__correction")["class"]
    assert "Replica calculations" in soup.select_one(".errata__target").text


def test_errata_filter_by_status_shows_only_that_status(client, errata_page):
    soup = BeautifulSoup(client.get(errata_page.url + "?status=reported").content, "html.parser")
    locations = [el.text for el in soup.select(".erratum__location")]
    assert locations == ["Eq. (7)"]
    counts = {a.text.split()[0]: a.select_one(".count").text for a in soup.select(".filters a")}
    assert counts["All"] == "4" and counts["Reported"] == "1"


def test_unknown_errata_status_filter_shows_all(client, errata_page):
    soup = BeautifulSoup(client.get(errata_page.url + "?status=<script>").content, "html.parser")
    assert len(soup.select(".errata__list .erratum")) == 4


def test_erratum_with_unbalanced_latex_fails_validation():
    from django.core.exceptions import ValidationError

    erratum = Erratum(location="Eq. 1", original=r"\frac{1}{2", correction="x")
    with pytest.raises(ValidationError) as raised:
        erratum.clean()
    assert "original" in raised.value.message_dict
