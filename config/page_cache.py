"""Whole-response cache of Wagtail pages for anonymous readers, and its invalidation.

The middleware sits just after WhiteNoise, so a hit costs what a static file costs plus one
cache round trip: no URL routing, no session, no authentication, no page lookup. It stores
a response only after every inner middleware has added its headers (CSP, X-Frame-Options,
Vary...), and the outer ones (SecurityMiddleware: HSTS, SSL redirect; WhiteNoise) run on a
hit as on a miss, so a cached response carries exactly the headers of a fresh one.

What is cached: GET responses with status 200 of Wagtail's page view (``wagtail_serve``,
including routable sub-pages such as ``?page=2`` of the listing), to requests without a
session, CSRF or messages cookie and without an Authorization header, outside the excluded
prefixes, whose response sets no cookie, carries no ``Cache-Control: private/no-store/
no-cache`` and no CSP nonce. HEAD requests are answered from a GET entry. The key is the
scheme, the validated host and the full path with its query string.

Invalidation is by generation: one counter in the cache; each entry records the generation
it was made under and is a miss once the counter has moved. Publishing, unpublishing,
moving or deleting a page, and a simulation run ending (done or failed) bump it, so a page
that showed a pending figure shows the figure to the next reader. A hit reads the entry and
the counter in one round trip (``get_many``).

The cache being down never costs a reader a page: every cache error falls through to the
normal view, and the cache is skipped for a few seconds after an error so a dead server is
not asked on every request.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/simulations/", "/search/", "/documents/")
UNCACHEABLE_CACHE_CONTROL = {"private", "no-store", "no-cache"}
# Headers the view may vary on without the body depending on them for an anonymous reader.
HARMLESS_VARY = {"cookie", "accept-encoding"}

# Monotonic time before which this process does not talk to the cache (after an error).
_skip_until = 0.0


def page_cache():
    """The cache configured by PAGE_CACHE_ALIAS, or None when page caching is off."""
    alias = getattr(settings, "PAGE_CACHE_ALIAS", None)
    return caches[alias] if alias else None


def _cache_failed(action: str) -> None:
    """Log a cache error and leave the cache alone for PAGE_CACHE_RETRY_SECONDS."""
    global _skip_until
    _skip_until = time.monotonic() + getattr(settings, "PAGE_CACHE_RETRY_SECONDS", 5)
    logger.warning("Page cache unavailable while %s; serving uncached.", action, exc_info=True)


def invalidate_pages(**kwargs: Any) -> None:
    """Make every cached page stale (a signal receiver; never raises)."""
    cache = page_cache()
    if cache is None:
        return
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet (or evicted): start one nobody has used
            cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        # Publishing must not fail because the cache is away; entries expire after
        # PAGE_CACHE_SECONDS at the latest.
        _cache_failed("invalidating")


def invalidate_on_page_delete(sender, instance, **kwargs: Any) -> None:
    """post_delete receiver: a deleted page (any page type) makes every cached page stale."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate_pages()


def invalidate_on_run_finished(sender=None, retval=None, **kwargs: Any) -> None:
    """Celery task_postrun receiver: a simulation run that ended done or failed changes pages."""
    if getattr(sender, "name", None) == "simulations.run_simulation" and retval in ("done", "failed"):
        invalidate_pages()


def _new_generation() -> int:
    # Random, so a counter lost with a flushed cache never matches an entry made before.
    return secrets.randbelow(2**62)


class PageCacheMiddleware:
    """Serve and store whole page responses for anonymous readers (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        if not getattr(settings, "PAGE_CACHE_ALIAS", None):
            raise MiddlewareNotUsed("PAGE_CACHE_ALIAS is not set")
        self.get_response = get_response
        self.cache = page_cache()
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES))
        self.bypass_cookies = (
            settings.SESSION_COOKIE_NAME,
            settings.CSRF_COOKIE_NAME,
            "messages",  # django.contrib.messages' CookieStorage, whose name is fixed
            *getattr(settings, "PAGE_CACHE_BYPASS_COOKIES", ()),
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = self.key_for(request)
        if key is None or time.monotonic() < _skip_until:
            return self.get_response(request)
        try:
            found = self.cache.get_many([key, GENERATION_KEY])
        except Exception:
            _cache_failed("reading")
            return self.get_response(request)
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            return self.rebuild(entry, head=request.method == "HEAD")
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            self.store(key, generation, response)
        return response

    def key_for(self, request: HttpRequest) -> str | None:
        """The cache key of an anonymous GET/HEAD outside the excluded prefixes, else None."""
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.excluded):
            return None
        cookies = request.COOKIES
        if "HTTP_AUTHORIZATION" in request.META or any(name in cookies for name in self.bypass_cookies):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # the normal path answers 400
        url = f"{request.scheme}://{host}{request.get_full_path()}"
        return "page-cache:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()

    @staticmethod
    def storable(request: HttpRequest, response: HttpResponse) -> bool:
        """Whether a response may be shown to every anonymous reader of this URL."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve":
            return False
        cache_control = {
            part.split("=", 1)[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if cache_control & UNCACHEABLE_CACHE_CONTROL:
            return False
        vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
        if vary - HARMLESS_VARY or ("accept-encoding" in vary and response.has_header("Content-Encoding")):
            return False
        # A per-response nonce must never be shared between readers.
        csp = response.get("Content-Security-Policy", "") + response.get("Content-Security-Policy-Report-Only", "")
        return "'nonce-" not in csp

    def store(self, key: str, generation: int | None, response: HttpResponse) -> None:
        """Save the response under the generation current when the request arrived."""
        try:
            if generation is None:
                self.cache.add(GENERATION_KEY, _new_generation(), timeout=None)
                # Whatever the counter is now, this response was made before it existed.
                generation = self.cache.get(GENERATION_KEY)
                if generation is None:
                    return
            entry = (generation, list(response.items()), response.content)
            self.cache.set(key, entry, timeout=self.timeout)
        except Exception:
            _cache_failed("storing")

    @staticmethod
    def rebuild(entry: tuple, head: bool) -> HttpResponse:
        """An HttpResponse with the stored headers and body (no body for HEAD)."""
        _, headers, content = entry
        response = HttpResponse(b"" if head else content)
        for name, value in headers:
            response[name] = value
        return response


class PageCacheConfig(AppConfig):
    """Connects the page cache's invalidation to Wagtail's and Celery's signals."""

    name = "config.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        connect_invalidation_signals()


def connect_invalidation_signals() -> None:
    """Connect the invalidation receivers (called from PageCacheConfig.ready)."""
    from celery.signals import task_postrun
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate_pages, dispatch_uid="page_cache.published")
    page_unpublished.connect(invalidate_pages, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(invalidate_pages, dispatch_uid="page_cache.moved")
    post_delete.connect(invalidate_on_page_delete, dispatch_uid="page_cache.deleted")
    task_postrun.connect(invalidate_on_run_finished, weak=False, dispatch_uid="page_cache.run_finished")
