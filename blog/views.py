"""Reader views outside the page tree: search and robots.txt."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from blog.models import ArticlePage
from blog.models.pages import paginate

MAX_QUERY_LENGTH = 200


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over live, public posts with Wagtail search."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        found = ArticlePage.objects.live().public().specific().search(query)
        results = paginate(request, found, settings.POSTS_PER_PAGE)
    return render(request, "blog/search.html", {"query": query, "results": results})


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt pointing crawlers at the sitemap and away from the admin."""
    body = render_to_string("robots.txt", {"sitemap_url": request.build_absolute_uri("/sitemap.xml")})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness and database check for load balancers and docker healthchecks."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
