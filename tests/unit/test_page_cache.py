"""The page cache (config/page_cache.py): what it serves, to whom, and when it forgets."""

from __future__ import annotations

import socket

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from blog.demo.builder import simulation
from config import page_cache
from config.page_cache import PageCacheMiddleware
from simulations.models import SimulationRun
from tests.factories import PostPageFactory, publish

pytestmark = pytest.mark.django_db

PAGES_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache-tests"},
}


@pytest.fixture(autouse=True)
def cache_on():
    """Page caching on, with an empty locmem cache and no back-off left by another test."""
    page_cache._skip_until = 0.0
    with override_settings(CACHES=PAGES_CACHE, PAGE_CACHE_ALIAS="pages"):
        page_cache.page_cache().clear()
        yield
    page_cache._skip_until = 0.0


@pytest.fixture
def post(site_tree):
    return publish(PostPageFactory(parent=site_tree, title="Replica symmetry", slug="replicas",
                                   body=[{"type": "paragraph", "value": "<p>Overlaps.</p>"}]))


def served_from_cache(client, url: str, **extra) -> bool:
    """Whether a GET of `url` was answered without a database query (from the page cache)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **extra).status_code == 200
    return len(queries) == 0


def stored_entry(path: str):
    """The cache entry an anonymous GET of `path` would be served from, if any."""
    key = PageCacheMiddleware(lambda request: None).key_for(RequestFactory().get(path))
    return key and page_cache.page_cache().get(key)


def closed_port() -> int:
    """A local TCP port that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_hit_serves_identical_body_and_headers_without_touching_the_database(client, post, django_assert_num_queries):
    with override_settings(SECURE_HSTS_SECONDS=3600, X_FRAME_OPTIONS="DENY"):
        fresh = client.get(post.url, secure=True)
        with django_assert_num_queries(0):
            cached = client.get(post.url, secure=True)
    assert fresh.status_code == cached.status_code == 200
    assert stored_entry(post.url) is None  # stored under https://, not http://
    assert cached.content == fresh.content
    assert dict(cached.items()) == dict(fresh.items())
    for header in ("Content-Security-Policy", "X-Frame-Options", "Strict-Transport-Security", "Content-Type"):
        assert cached[header] == fresh[header]


def test_head_is_answered_from_the_get_entry_without_a_body(client, post, django_assert_num_queries):
    fresh = client.get(post.url)
    with django_assert_num_queries(0):
        head = client.head(post.url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == fresh["Content-Length"]


def test_logged_in_editor_neither_gets_nor_fills_the_cache(client, post):
    editor = User.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    assert not served_from_cache(client, post.url)
    assert not served_from_cache(client, post.url)  # the editor's first visit stored nothing

    reader = Client()
    assert not served_from_cache(reader, post.url)
    assert served_from_cache(reader, post.url)
    assert not served_from_cache(client, post.url)  # the reader's entry is not the editor's


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_session_csrf_or_messages_cookie_bypasses_the_cache(client, post, cookie):
    client.get(post.url)
    client.cookies[cookie] = "x"
    assert not served_from_cache(client, post.url)


def test_publish_invalidates(client, post):
    client.get(post.url)
    post.title = "Replica symmetry breaking"
    publish(post)
    assert b"Replica symmetry breaking" in client.get(post.url).content


def test_unpublish_invalidates(client, post):
    assert client.get(post.url).status_code == 200
    post.unpublish()
    assert client.get(post.url).status_code == 404


def test_listing_query_string_is_part_of_the_key(client, site_tree, django_assert_num_queries):
    for n in (1, 2):
        publish(PostPageFactory(parent=site_tree, title=f"Listing post {n}", slug=f"listing-{n}"))
    with override_settings(POSTS_PER_PAGE=1):
        first, second = client.get("/"), client.get("/?page=2")
        with django_assert_num_queries(0):
            assert client.get("/").content == first.content
            assert client.get("/?page=2").content == second.content
    assert b"Listing post 2" in first.content and b"Listing post 2" not in second.content


@pytest.mark.parametrize("path", ["/search/?q=spin", "/admin/", "/sitemap.xml", "/feeds/rss/"])
def test_routes_outside_the_page_tree_are_never_stored(client, site_tree, path):
    client.get(path)
    assert not stored_entry(path)


def test_private_cache_control_is_never_stored(client, post):
    from wagtail import hooks

    def mark_private(page, request, serve_args, serve_kwargs):
        response = page.serve(request, *serve_args, **serve_kwargs)
        response["Cache-Control"] = "private"
        return response

    with hooks.register_temporarily("before_serve_page", mark_private):
        client.get(post.url)
    assert not stored_entry(post.url)
    client.get(post.url)
    assert stored_entry(post.url)  # the same page without the header is stored


def test_finished_simulation_run_invalidates_the_page_that_showed_it_pending(client, site_tree):
    from simulations.tasks import run_simulation

    page = publish(PostPageFactory(parent=site_tree, slug="oscillator", body=[
        simulation("example-harmonic", caption="U(T)", alt_text="Energy against temperature", T=2.0),
    ]))
    run = SimulationRun.objects.get()
    assert b'data-status="queued"' in client.get(page.url).content  # cached with a placeholder

    assert run_simulation.apply(args=[run.key]).get() == "done"  # task_postrun fires eagerly too

    assert b'data-status="done"' in client.get(page.url).content


def test_redis_down_serves_the_page(client, post, settings):
    settings.CACHES = {
        **PAGES_CACHE,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    assert client.get(post.url).status_code == 200
    page_cache._skip_until = 0.0  # ask the dead server again: storing must fail quietly too
    assert client.get(post.url).status_code == 200
    publish(post)  # invalidation with the cache down does not break publishing
    assert client.get(post.url).status_code == 200


def test_editing_a_reference_snippet_invalidates_pages_that_cite_it(client, site_tree):
    from blog.models import Reference

    reference = Reference.objects.create(key="sk1975", bibtex="@article{sk1975, title={Old title}}", title="Old title")
    post = publish(PostPageFactory(parent=site_tree, slug="cites", body=[{"type": "paragraph", "value": r"<p>See \cite{sk1975}.</p>"}]))
    assert b"Old title" in client.get(post.url).content
    assert served_from_cache(client, post.url)
    reference.title = "Solvable model of a spin-glass"
    reference.save()
    assert b"Solvable model of a spin-glass" in client.get(post.url).content
