"""HTTP behaviour: validators and 304s, cache headers, compression, CORS, invalidation."""

from __future__ import annotations

import gzip
from unittest import mock

import pytest
from django.test import override_settings

from timeline import serializers

pytestmark = pytest.mark.django_db

DETAIL = "/api/timelines/stat-mech/"


@pytest.mark.parametrize("url", [DETAIL, "/api/timelines/", f"{DETAIL}?format=timelinejs&group=models"])
def test_if_none_match_answers_304_with_empty_body(client, entries, url):
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_304_serialises_nothing(client, entries):
    etag = client.get(DETAIL)["ETag"]
    with mock.patch.object(serializers, "entry_dicts", side_effect=AssertionError("serialised")):
        assert client.get(DETAIL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_if_modified_since_answers_304(client, entries):
    first = client.get(DETAIL)
    assert client.get(DETAIL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_responses_are_publicly_cacheable(client, entries):
    response = client.get(DETAIL)
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Accept-Encoding" in response["Vary"]


def test_different_filters_have_different_etags(client, entries):
    assert client.get(DETAIL)["ETag"] != client.get(f"{DETAIL}?group=models")["ETag"]


def test_publishing_an_entry_changes_the_etag(client, entries):
    before = client.get(DETAIL)["ETag"]
    entry = entries["adam"]
    entry.title = "Adam: a method for stochastic optimisation"
    entry.save_revision().publish()
    response = client.get(DETAIL, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert "Adam: a method" in response.content.decode()


def test_renaming_a_related_post_reaches_the_cached_timeline(client, entries, post):
    client.get(DETAIL)
    post.title = "Renamed post"
    post.save_revision().publish()
    assert "Renamed post" in client.get(DETAIL).content.decode()


def test_unpublishing_an_entry_invalidates(client, entries):
    client.get(DETAIL)
    entries["hopfield"].unpublish()
    assert "Hopfield" not in client.get(DETAIL).content.decode()


def test_gzip_when_accepted(client, entries):
    response = client.get(DETAIL, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert b"Hopfield" in gzip.decompress(response.content)
    assert "Content-Encoding" not in client.get(DETAIL)


@override_settings(CORS_ALLOWED_ORIGINS=["https://client.example"])
def test_cors_allows_configured_origin(client, entries):
    response = client.get(DETAIL, HTTP_ORIGIN="https://client.example")
    assert response["Access-Control-Allow-Origin"] == "https://client.example"
    other = client.get(DETAIL, HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


def test_head_is_allowed(client, entries):
    assert client.head(DETAIL).status_code == 200
