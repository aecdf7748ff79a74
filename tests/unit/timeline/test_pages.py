"""Reader-facing pages: the timeline page, entry redirects, post-side mentions, models."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template

from .conftest import make_entry

pytestmark = pytest.mark.django_db


def test_timeline_page_shows_entries_with_anchors_and_related_posts(client, entries):
    html = client.get("/stat-mech/").content.decode()
    assert 'id="1975-sherrington-kirkpatrick-model"' in html
    assert 'href="/replica-sk/"' in html
    assert "css/timeline.css" in html and "js/timeline.js" in html
    assert 'class="tl-entry__text prose"' in html


def test_timeline_page_groups_entries_by_era_then_decade(client, entries):
    html = client.get("/stat-mech/").content.decode()
    assert html.index("Spin-glass era") < html.index("Hopfield network") < html.index("2010s") < html.index("Adam optimiser")


def test_timeline_page_has_no_inline_script(client, entries):
    html = client.get("/stat-mech/").content.decode()
    assert "<script>" not in html and "<script " not in html.replace("<script defer src=", "")


def test_timeline_appears_as_a_card_on_the_home_page(client, entries):
    assert "/stat-mech/" in client.get("/").content.decode()


def test_entry_url_redirects_to_its_anchor(client, entries):
    response = client.get(entries["hopfield"].url)
    assert response.status_code == 302
    assert response["Location"] == "/stat-mech/#1982-hopfield-network"


def test_unique_id_survives_headline_edits(entries):
    entry = entries["hopfield"]
    entry.title = "Neural networks and physical systems"
    entry.save_revision().publish()
    entry.refresh_from_db()
    assert entry.unique_id == "1982-hopfield-network"


def test_unique_id_is_made_unique(timeline):
    first = make_entry(timeline, title="Same", date=datetime.date(1990, 1, 1))
    second = make_entry(timeline, title="Same", date=datetime.date(1990, 1, 1), slug="same-2")
    assert (first.unique_id, second.unique_id) == ("1990-same", "1990-same-2")


def test_start_date_is_normalised_to_its_precision(timeline):
    entry = make_entry(timeline, title="Mid-year", date=datetime.date(1990, 7, 19), precision="year")
    assert entry.start_date == datetime.date(1990, 1, 1)


def test_post_mentions_tag_links_to_entry_anchor(entries, post):
    html = Template("{% load timeline_tags %}{% timeline_mentions post %}").render(Context({"post": post}))
    assert 'href="/stat-mech/#1975-sherrington-kirkpatrick-model"' in html
    assert "December 1975" in html


def test_api_docs_page_renders(client):
    assert client.get("/api/docs/").status_code == 200
