"""The timeline API's contract: every parameter, its errors, and the shape of answers."""

from __future__ import annotations

import datetime

import pytest

from .conftest import make_entry

pytestmark = pytest.mark.django_db

DETAIL = "/api/timelines/stat-mech/"


def headlines(response) -> list[str]:
    return [entry["headline"] for entry in response.json()["entries"]]


def test_list_shows_live_timelines_with_entry_counts_and_urls(client, entries):
    data = client.get("/api/timelines/").json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["slug"] == "stat-mech"
    assert item["entry_count"] == 3
    assert item["url"] == "/stat-mech/"
    assert item["api_url"] == DETAIL
    assert item["timelinejs_url"] == DETAIL + "?format=timelinejs"


def test_detail_orders_entries_by_date(client, entries):
    assert headlines(client.get(DETAIL)) == ["Sherrington–Kirkpatrick model", "Hopfield network", "Adam optimiser"]


def test_detail_entry_has_every_documented_field(client, entries, post):
    sk = client.get(DETAIL).json()["entries"][0]
    assert sk["id"] == entries["sk"].pk
    assert sk["unique_id"] == "1975-sherrington-kirkpatrick-model"
    assert sk["start_date"] == {"year": 1975, "month": 12, "day": None, "precision": "month", "display": "December 1975"}
    assert sk["end_date"] is None
    assert "$J_{ij}" in sk["text_html"]
    assert sk["group"] == {"slug": "models", "name": "Models"}
    assert sk["tags"] == [{"slug": "spin-glasses", "name": "spin-glasses"}]
    assert sk["references"][0]["url"] == "https://doi.org/10.1103/PhysRevLett.35.1792"
    assert sk["image"] is None
    assert sk["related_posts"] == [{"title": post.title, "url": "/replica-sk/", "api_url": f"/api/v2/pages/{post.pk}/"}]
    assert sk["url"] == "/stat-mech/#1975-sherrington-kirkpatrick-model"
    assert sk["last_published_at"]


def test_detail_head_describes_groups_and_eras(client, entries):
    head = client.get(DETAIL).json()["timeline"]
    assert head["groups"] == [{"slug": "theory", "name": "Theory"}, {"slug": "models", "name": "Models"}]
    assert head["eras"][0]["name"] == "Spin-glass era"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("from=1980", ["Hopfield network", "Adam optimiser"]),
        ("to=1982", ["Sherrington–Kirkpatrick model", "Hopfield network"]),
        ("from=1975-12&to=1982-04-14", ["Sherrington–Kirkpatrick model"]),
        ("from=1982-04-15&to=1982-04-15", ["Hopfield network"]),
        ("group=models", ["Sherrington–Kirkpatrick model", "Hopfield network"]),
        ("tag=spin-glasses", ["Sherrington–Kirkpatrick model"]),
        ("q=hopfield", ["Hopfield network"]),
        ("q=Kirkpatrick+solvable", ["Sherrington–Kirkpatrick model"]),
        ("q=spin-glasses", ["Sherrington–Kirkpatrick model"]),
        ("q=nothing-matches-this", []),
        ("ordering=-date", ["Adam optimiser", "Hopfield network", "Sherrington–Kirkpatrick model"]),
        ("limit=1", ["Sherrington–Kirkpatrick model"]),
        ("limit=1&offset=1", ["Hopfield network"]),
        ("offset=5", []),
        ("format=json", ["Sherrington–Kirkpatrick model", "Hopfield network", "Adam optimiser"]),
    ],
)
def test_detail_filter(client, entries, query, expected):
    assert headlines(client.get(f"{DETAIL}?{query}")) == expected


def test_total_count_counts_matches_before_limit(client, entries):
    meta = client.get(f"{DETAIL}?group=models&limit=1").json()["meta"]
    assert meta == {"total_count": 2, "limit": 1, "offset": 0, "ordering": "date"}


def test_from_includes_spans_that_end_after_it(client, timeline):
    make_entry(timeline, title="Long span", date=datetime.date(1960, 1, 1), end_date=datetime.date(1990, 1, 1))
    assert headlines(client.get(f"{DETAIL}?from=1985")) == ["Long span"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("foo=1", "foo"),
        ("from=19x2", "from"),
        ("from=1982-13", "from"),
        ("to=1982-02-30", "to"),
        ("from=1990&to=1980", "to"),
        ("group=no%20spaces", "group"),
        ("tag=", "tag"),
        ("q=", "q"),
        ("q=" + "a" * 201, "q"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=-1", "limit"),
        ("offset=x", "offset"),
        ("ordering=title", "ordering"),
        ("format=xml", "format"),
        ("limit=1&limit=2", "limit"),
    ],
)
def test_bad_parameter_is_400_naming_it(client, entries, query, parameter):
    response = client.get(f"{DETAIL}?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


def test_list_rejects_unknown_parameter(client, entries):
    response = client.get("/api/timelines/?page=2")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "page"


def test_unknown_slug_is_json_404(client, entries):
    response = client.get("/api/timelines/nope/")
    assert response.status_code == 404
    assert "error" in response.json()


def test_post_is_not_allowed(client, entries):
    assert client.post(DETAIL).status_code == 405


def test_timelinejs_export_has_required_keys_and_types(client, entries):
    data = client.get(f"{DETAIL}?format=timelinejs").json()
    assert data["title"]["text"]["headline"] == "Stat mech"
    assert len(data["events"]) == 3
    for event in data["events"]:
        assert isinstance(event["start_date"]["year"], int)
        assert isinstance(event["text"]["headline"], str) and event["text"]["headline"]
        assert isinstance(event["text"]["text"], str)
        assert isinstance(event["unique_id"], str)
        assert all(isinstance(event["start_date"][k], int) for k in ("year", "month", "day") if k in event["start_date"])
    sk = data["events"][0]
    assert sk["start_date"] == {"year": 1975, "month": 12, "display_date": "December 1975"}
    assert sk["group"] == "Models"
    assert "replica-sk" in sk["text"]["text"]
    assert data["eras"] == [{"start_date": {"year": 1970}, "end_date": {"year": 1989}, "text": {"headline": "Spin-glass era", "text": ""}}]


def test_timelinejs_export_honours_filters(client, entries):
    data = client.get(f"{DETAIL}?format=timelinejs&group=theory").json()
    assert [e["text"]["headline"] for e in data["events"]] == ["Adam optimiser"]


def test_years_before_1900_are_allowed(client, timeline):
    make_entry(timeline, title="Boltzmann", date=datetime.date(1877, 1, 1))
    entry = client.get(DETAIL).json()["entries"][0]
    assert entry["start_date"]["display"] == "1877"
    assert headlines(client.get(f"{DETAIL}?to=1899")) == ["Boltzmann"]
