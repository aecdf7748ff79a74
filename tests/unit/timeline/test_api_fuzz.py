"""Property-based fuzzing of the detail endpoint's parameters: no 5xx, no schema violation."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .openapi_check import validate

pytestmark = pytest.mark.django_db

NAMES = ["from", "to", "group", "tag", "q", "limit", "offset", "ordering", "format", "x", "page"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-10_000, max_value=10_000_000).map(str),
    st.sampled_from(["1982", "1982-04", "1982-04-15", "0", "9999", "10000", "models", "spin-glasses", "-date", "date", "timelinejs", "json"]),
    st.dates().map(lambda d: d.isoformat()),
)
QUERIES = st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_detail_never_fails_and_always_matches_schema(client, entries, query):
    response = client.get("/api/timelines/stat-mech/?" + urlencode(query))
    assert response.status_code in (200, 400), (query, response.content[:300])
    validate("/api/timelines/{slug}/", response)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slug=st.text(min_size=1, max_size=40))
def test_any_slug_is_200_or_json_404(client, entries, slug):
    from urllib.parse import quote

    response = client.get(f"/api/timelines/{quote(slug, safe='')}/")
    assert response.status_code in (200, 404)
    if response["Content-Type"] == "application/json":
        validate("/api/timelines/{slug}/", response)
