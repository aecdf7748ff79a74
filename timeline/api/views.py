"""The timeline JSON API: `GET /api/timelines/` and `GET /api/timelines/<slug>/`.

Plain Django views over our own serialisers: the schema is ours (see `schema.py`), the
answer is always the anonymous reader's view, and a cache hit costs four small queries.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from timeline import queries, serializers
from timeline.visibility import Visibility

from .http import conditional_json, error, etag_for
from .params import EntryQuery, ParameterError, parse_detail, parse_list


@require_safe
def timeline_list(request: HttpRequest) -> HttpResponse:
    """The live, public timelines, newest first, with their visible entry counts."""
    try:
        parse_list(request.GET)
    except ParameterError as bad:
        return error(400, bad.parameter, bad.message)
    visibility = Visibility()
    timelines = list(queries.visible_timelines(visibility))
    counts = queries.entry_counts(timelines, visibility)
    versions = [(t.pk, t.slug, t.last_published_at, counts.get(t.path, 0)) for t in timelines]
    last = max((t.last_published_at for t in timelines if t.last_published_at), default=None)
    etag = etag_for("list", request.get_host(), versions)

    def build() -> dict:
        items = [serializers.timeline_summary(t, counts.get(t.path, 0), request) for t in timelines]
        return {"meta": {"total_count": len(items)}, "items": items}

    return conditional_json(request, etag, last, build)


def _filtered(entries, query: EntryQuery):
    if query.date_from:
        entries = entries.filter(Q(end_date__gte=query.date_from) | Q(end_date__isnull=True, start_date__gte=query.date_from))
    if query.date_to:
        entries = entries.filter(start_date__lte=query.date_to)
    if query.group:
        entries = entries.filter(group=query.group)
    if query.tag:
        entries = entries.filter(tagged_items__tag__slug=query.tag)
    if query.q:
        entries = entries.filter(queries.search_q(query.q))
    return entries


@require_safe
def timeline_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One timeline's entries, filtered and ordered; `?format=timelinejs` for TimelineJS3."""
    try:
        query = parse_detail(request.GET)
    except ParameterError as bad:
        return error(400, bad.parameter, bad.message)
    visibility = Visibility()
    timeline = queries.visible_timeline(slug, visibility)
    if timeline is None:
        return error(404, None, f"No live, public timeline has the slug {slug!r}; GET /api/timelines/ lists them.")
    entries = queries.visible_entries(timeline, visibility)
    state = queries.fingerprint(entries)
    last = max((d for d in (timeline.last_published_at, state["last"]) if d is not None), default=None)
    etag = etag_for("detail", request.get_host(), timeline.pk, timeline.last_published_at, state, query.cache_key())

    def build() -> dict:
        filtered = _filtered(entries, query)
        total = filtered.count()
        order = ("start_date", "pk") if query.ordering == "date" else ("-start_date", "-pk")
        page = queries.with_details(filtered.order_by(*order), visibility)[query.offset : query.offset + query.limit]
        groups = queries.groups_of(timeline)
        head = serializers.timeline_detail(timeline, groups, request)
        items = serializers.entry_dicts(page, groups, head["url"] or "", request)
        if query.format == "timelinejs":
            return serializers.timelinejs(head, items)
        return {
            "timeline": head,
            "meta": {"total_count": total, "limit": query.limit, "offset": query.offset, "ordering": query.ordering},
            "entries": items,
        }

    return conditional_json(request, etag, last, build)
