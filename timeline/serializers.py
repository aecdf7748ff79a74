"""Plain dicts for timelines and entries: our API schema and TimelineJS3's JSON format.

Built from prefetched querysets (see `timeline.queries.with_details`), so serialising 500
entries costs the same number of queries as 5.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.urls import reverse
from django.utils.html import escape
from wagtail.rich_text import expand_db_html

from blog.sanitize import clean_html

from .models import TimelineEntryPage, TimelineGroup, TimelinePage

_SEPARATOR = "\x00"  # cannot occur in stored text (PostgreSQL text has no NUL)


def expand_many(texts: Sequence[str]) -> list[str]:
    """Front-end HTML for many rich texts with one batch of link look-ups, sanitised."""
    joined = expand_db_html(_SEPARATOR.join(texts))
    parts = joined.split(_SEPARATOR)
    if len(parts) != len(texts):
        parts = [expand_db_html(text) for text in texts]
    return [clean_html(part) for part in parts]


def page_api_url(page_id: int) -> str:
    return reverse("wagtailapi:pages:detail", args=[page_id])


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def timeline_summary(timeline: TimelinePage, entry_count: int, request) -> dict:
    """A timeline as listed by `GET /api/timelines/`."""
    api_url = reverse("timeline-api:detail", args=[timeline.slug])
    return {
        "id": timeline.pk,
        "slug": timeline.slug,
        "title": timeline.title,
        "summary": timeline.summary,
        "date": timeline.date.isoformat(),
        "entry_count": entry_count,
        "url": timeline.get_url(request),
        "api_url": api_url,
        "timelinejs_url": f"{api_url}?format=timelinejs",
        "wagtail_api_url": page_api_url(timeline.pk),
        "last_published_at": iso(timeline.last_published_at),
    }


def timeline_detail(timeline: TimelinePage, groups: list[TimelineGroup], request) -> dict:
    """The timeline itself, as the head of `GET /api/timelines/<slug>/`."""
    summary = timeline_summary(timeline, 0, request)
    del summary["entry_count"]
    return {
        **summary,
        "introduction_html": expand_many([timeline.introduction])[0],
        "groups": [{"slug": g.slug, "name": g.name} for g in groups],
        "eras": [
            {"name": era.name, "start_year": era.start_year, "end_year": era.end_year, "description": era.description}
            for era in timeline.eras.order_by("sort_order", "pk")
        ],
    }


def entry_dicts(entries: Iterable[TimelineEntryPage], groups: list[TimelineGroup], timeline_url: str, request) -> list[dict]:
    """Entries in our documented schema; `entries` must come from `queries.with_details`."""
    entries = list(entries)
    names = {g.slug: g.name for g in groups}
    texts = expand_many([entry.text for entry in entries])
    post_urls: dict[int, str] = {}
    items = []
    for entry, text_html in zip(entries, texts, strict=True):
        related = []
        for post in entry.visible_related_posts:
            if post.pk not in post_urls:
                post_urls[post.pk] = post.get_url(request)
            related.append({"title": post.title, "url": post_urls[post.pk], "api_url": page_api_url(post.pk)})
        image = entry.image
        items.append({
            "id": entry.pk,
            "unique_id": entry.unique_id,
            "start_date": entry.start(),
            "end_date": entry.end(),
            "headline": entry.title,
            "text_html": text_html,
            "group": {"slug": entry.group, "name": names.get(entry.group, entry.group)} if entry.group else None,
            "tags": sorted(({"slug": t.slug, "name": t.name} for t in entry.tags.all()), key=lambda t: t["slug"]),
            "references": [ref.as_dict() for ref in entry.references.all()],
            "image": {"url": image.file.url, "width": image.width, "height": image.height, "alt": entry.image_alt or image.title}
            if image else None,
            "related_posts": related,
            "url": f"{timeline_url}#{entry.unique_id}",
            "last_published_at": iso(entry.last_published_at),
        })
    return items


def _tjs_date(date: dict | None) -> dict | None:
    """TimelineJS3's date object: numbers, only down to the entry's precision."""
    if date is None:
        return None
    out = {"year": date["year"], "display_date": date["display"]}
    if date["month"] is not None:
        out["month"] = date["month"]
    if date["day"] is not None:
        out["day"] = date["day"]
    return out


def _tjs_event_text(entry: dict) -> str:
    html = entry["text_html"]
    refs = [
        f'<li>{escape(r["authors"])} ({r["year"]}). {escape(r["title"])}.{" " + escape(r["venue"]) + "." if r["venue"] else ""}</li>'
        for r in entry["references"]
    ]
    posts = [f'<li><a href="{escape(p["url"])}">{escape(p["title"])}</a></li>' for p in entry["related_posts"]]
    if refs:
        html += '<ul class="tl-references">' + "".join(refs) + "</ul>"
    if posts:
        html += '<p>Discussed on this site:</p><ul class="tl-related">' + "".join(posts) + "</ul>"
    return clean_html(html)


def timelinejs(head: dict, entries: list[dict]) -> dict:
    """TimelineJS3's JSON: a title slide, events and eras (see its JSON format docs)."""
    events = []
    for entry in entries:
        event = {
            "unique_id": entry["unique_id"],
            "start_date": _tjs_date(entry["start_date"]),
            "text": {"headline": entry["headline"], "text": _tjs_event_text(entry)},
        }
        if entry["end_date"]:
            event["end_date"] = _tjs_date(entry["end_date"])
        if entry["group"]:
            event["group"] = entry["group"]["name"]
        if entry["image"]:
            event["media"] = {"url": entry["image"]["url"], "alt": entry["image"]["alt"], "caption": ""}
        events.append(event)
    eras = [
        {
            "start_date": {"year": era["start_year"]},
            "end_date": {"year": era["end_year"] if era["end_year"] is not None else max(
                [era["start_year"], *(e["start_date"]["year"] for e in entries)]
            )},
            "text": {"headline": era["name"], "text": era["description"]},
        }
        for era in head["eras"]
    ]
    return {
        "title": {
            "unique_id": head["slug"],
            "text": {"headline": head["title"], "text": head["introduction_html"] or head["summary"]},
        },
        "events": events,
        "eras": eras,
    }
