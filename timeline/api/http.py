"""Conditional GET, public caching and compression for the timeline API.

The validator is computed before any serialising, from a few aggregates; a match answers
304 with an empty body. A miss serialises once per validator and keeps both the JSON and
its gzip in the cache, so repeated 200s cost a cache read. We compress here rather than
with GZipMiddleware for that reason (the middleware recompresses every response), and only
for the API: its bodies are public, so compression leaks no secret (BREACH).
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from timeline.cache import generation

CONTENT_TYPE = "application/json"
MIN_GZIP_BYTES = 512


def json_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def etag_for(*parts) -> str:
    """A weak ETag (the gzip and identity bodies are equivalent, not byte-equal)."""
    digest = hashlib.blake2b(repr((generation(), *parts)).encode(), digest_size=16).hexdigest()
    return f'W/"{digest}"'


def _headers(response: HttpResponse, etag: str, last_modified: datetime.datetime | None) -> HttpResponse:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = f"public, max-age={settings.TIMELINE_API_MAX_AGE}"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _not_modified(request: HttpRequest, etag: str, last_modified: datetime.datetime | None) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        bare = etag.removeprefix("W/")
        return "*" in tags or any(tag.removeprefix("W/") == bare for tag in tags)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and last_modified is not None and int(last_modified.timestamp()) <= since


def conditional_json(
    request: HttpRequest,
    etag: str,
    last_modified: datetime.datetime | None,
    build: Callable[[], object],
) -> HttpResponse:
    """304 if the client's copy is current, else the (cached) JSON body of `build()`."""
    if _not_modified(request, etag, last_modified):
        return _headers(HttpResponse(status=304), etag, last_modified)
    key = f"timeline-api:body:{etag}"
    bodies = cache.get(key)
    if bodies is None:
        raw = json_bytes(build())
        bodies = (raw, gzip.compress(raw, compresslevel=6, mtime=0) if len(raw) >= MIN_GZIP_BYTES else None)
        cache.set(key, bodies, timeout=settings.TIMELINE_API_CACHE_SECONDS)
    raw, compressed = bodies
    if compressed is not None and "gzip" in request.headers.get("Accept-Encoding", "").lower():
        response = HttpResponse(compressed, content_type=CONTENT_TYPE)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(raw, content_type=CONTENT_TYPE)
    response["Content-Length"] = str(len(response.content))
    return _headers(response, etag, last_modified)


def error(status: int, parameter: str | None, message: str) -> HttpResponse:
    """A JSON error; `parameter` names the query parameter at fault, if any."""
    response = HttpResponse(json_bytes({"error": {"parameter": parameter, "message": message}}), content_type=CONTENT_TYPE, status=status)
    response["Cache-Control"] = "no-cache"
    return response
