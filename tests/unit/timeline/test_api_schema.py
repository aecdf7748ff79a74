"""The OpenAPI document is served, is valid OpenAPI, and real responses match it."""

from __future__ import annotations

import pytest

from .openapi_check import validate

pytestmark = pytest.mark.django_db

DETAIL_PATH = "/api/timelines/{slug}/"


def test_schema_is_served_as_openapi_3(client):
    document = client.get("/api/schema/").json()
    assert document["openapi"].startswith("3.0")
    assert set(document["paths"]) == {"/api/timelines/", DETAIL_PATH}


def test_schema_is_valid_openapi():
    from jsonschema.validators import validator_for

    from timeline.api.schema import openapi

    # Every component is itself a valid JSON Schema (after OpenAPI's nullable is mapped).
    from .openapi_check import _to_json_schema

    for schema in _to_json_schema(openapi())["components"]["schemas"].values():
        validator_for(schema).check_schema(schema)


def test_docs_page_lists_every_parameter(client):
    html = client.get("/api/docs/").content.decode()
    for name in ("from", "to", "group", "tag", "q", "limit", "offset", "ordering", "format"):
        assert f"<code>{name}</code>" in html


def test_list_response_matches_schema(client, entries):
    validate("/api/timelines/", client.get("/api/timelines/"))


@pytest.mark.parametrize(
    "query",
    ["", "?format=timelinejs", "?group=models&ordering=-date", "?q=hopfield&limit=1", "?from=1980&to=1990-06"],
)
def test_detail_response_matches_schema(client, entries, query):
    validate(DETAIL_PATH, client.get(f"/api/timelines/stat-mech/{query}"))


@pytest.mark.parametrize(("url", "path"), [("/api/timelines/stat-mech/?limit=x", DETAIL_PATH), ("/api/timelines/?x=1", "/api/timelines/"), ("/api/timelines/nope/", DETAIL_PATH)])
def test_error_responses_match_schema(client, entries, url, path):
    validate(path, client.get(url))


def test_entry_with_image_and_span_matches_schema(client, timeline):
    import datetime

    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from .conftest import make_entry

    image = get_image_model().objects.create(title="Phase diagram", file=get_test_image_file())
    make_entry(timeline, title="With image", date=datetime.date(1980, 1, 1), end_date=datetime.date(1985, 1, 1), image=image, image_alt="A phase diagram")
    response = client.get("/api/timelines/stat-mech/")
    validate(DETAIL_PATH, response)
    entry = response.json()["entries"][0]
    assert entry["image"]["alt"] == "A phase diagram" and entry["image"]["width"] > 0
    assert entry["end_date"]["display"] == "1985"
