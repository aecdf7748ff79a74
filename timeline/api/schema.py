"""The OpenAPI 3 description of the timeline API, kept true by tests on real responses."""

from __future__ import annotations

from django.conf import settings


def _nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


STRING = {"type": "string"}
URL = {"type": "string", "description": "Root-relative or absolute URL."}
DATETIME = {"type": "string", "format": "date-time"}

DATE = {
    "type": "object",
    "description": "A date down to its precision; parts below it are null.",
    "required": ["year", "month", "day", "precision", "display"],
    "additionalProperties": False,
    "properties": {
        "year": {"type": "integer", "minimum": 1, "maximum": 9999},
        "month": _nullable({"type": "integer", "minimum": 1, "maximum": 12}),
        "day": _nullable({"type": "integer", "minimum": 1, "maximum": 31}),
        "precision": {"type": "string", "enum": ["year", "month", "day"]},
        "display": {"type": "string", "example": "April 1982"},
    },
}

SLUG_NAME = {
    "type": "object",
    "required": ["slug", "name"],
    "additionalProperties": False,
    "properties": {"slug": STRING, "name": STRING},
}

REFERENCE = {
    "type": "object",
    "required": ["authors", "title", "venue", "year", "doi", "arxiv", "url"],
    "additionalProperties": False,
    "properties": {
        "authors": STRING,
        "title": STRING,
        "venue": STRING,
        "year": {"type": "integer"},
        "doi": _nullable(STRING),
        "arxiv": _nullable(STRING),
        "url": _nullable({"type": "string", "description": "DOI resolver, arXiv abstract or the given URL."}),
    },
}

IMAGE = _nullable({
    "type": "object",
    "required": ["url", "width", "height", "alt"],
    "additionalProperties": False,
    "properties": {"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}, "alt": STRING},
})

RELATED_POST = {
    "type": "object",
    "required": ["title", "url", "api_url"],
    "additionalProperties": False,
    "properties": {"title": STRING, "url": URL, "api_url": {"type": "string", "description": "Wagtail API v2 detail URL."}},
}

ENTRY = {
    "type": "object",
    "required": [
        "id", "unique_id", "start_date", "end_date", "headline", "text_html", "group", "tags",
        "references", "image", "related_posts", "url", "last_published_at",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer", "description": "Wagtail page id."},
        "unique_id": {"type": "string", "description": "Stable across headline edits; the anchor on the timeline page."},
        "start_date": DATE,
        "end_date": _nullable(DATE),
        "headline": STRING,
        "text_html": {"type": "string", "description": "Sanitised HTML; inline math stays as $...$ for KaTeX."},
        "group": _nullable(SLUG_NAME),
        "tags": {"type": "array", "items": SLUG_NAME},
        "references": {"type": "array", "items": REFERENCE},
        "image": IMAGE,
        "related_posts": {"type": "array", "items": RELATED_POST},
        "url": URL,
        "last_published_at": _nullable(DATETIME),
    },
}

ERA = {
    "type": "object",
    "required": ["name", "start_year", "end_year", "description"],
    "additionalProperties": False,
    "properties": {
        "name": STRING,
        "start_year": {"type": "integer"},
        "end_year": _nullable({"type": "integer"}),
        "description": STRING,
    },
}

_SUMMARY_PROPERTIES = {
    "id": {"type": "integer"},
    "slug": STRING,
    "title": STRING,
    "summary": STRING,
    "date": {"type": "string", "format": "date"},
    "url": _nullable(URL),
    "api_url": STRING,
    "timelinejs_url": STRING,
    "wagtail_api_url": STRING,
    "last_published_at": _nullable(DATETIME),
}

TIMELINE_SUMMARY = {
    "type": "object",
    "required": [*_SUMMARY_PROPERTIES, "entry_count"],
    "additionalProperties": False,
    "properties": {**_SUMMARY_PROPERTIES, "entry_count": {"type": "integer", "minimum": 0}},
}

TIMELINE_HEAD = {
    "type": "object",
    "required": [*_SUMMARY_PROPERTIES, "introduction_html", "groups", "eras"],
    "additionalProperties": False,
    "properties": {
        **_SUMMARY_PROPERTIES,
        "introduction_html": STRING,
        "groups": {"type": "array", "items": SLUG_NAME},
        "eras": {"type": "array", "items": ERA},
    },
}

TIMELINE_LIST = {
    "type": "object",
    "required": ["meta", "items"],
    "additionalProperties": False,
    "properties": {
        "meta": {
            "type": "object", "required": ["total_count"], "additionalProperties": False,
            "properties": {"total_count": {"type": "integer", "minimum": 0}},
        },
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineSummary"}},
    },
}

TIMELINE_DETAIL = {
    "type": "object",
    "required": ["timeline", "meta", "entries"],
    "additionalProperties": False,
    "properties": {
        "timeline": {"$ref": "#/components/schemas/TimelineHead"},
        "meta": {
            "type": "object",
            "required": ["total_count", "limit", "offset", "ordering"],
            "additionalProperties": False,
            "properties": {
                "total_count": {"type": "integer", "minimum": 0, "description": "Entries matching the filters, before limit and offset."},
                "limit": {"type": "integer"},
                "offset": {"type": "integer"},
                "ordering": {"type": "string", "enum": ["date", "-date"]},
            },
        },
        "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
    },
}

TJS_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "display_date": STRING,
    },
}
TJS_TEXT = {"type": "object", "required": ["headline"], "properties": {"headline": STRING, "text": STRING}}

TIMELINEJS = {
    "type": "object",
    "description": "TimelineJS3's JSON format (title slide, events, eras).",
    "required": ["title", "events", "eras"],
    "properties": {
        "title": {"type": "object", "required": ["text"], "properties": {"unique_id": STRING, "text": TJS_TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text", "unique_id"],
                "properties": {
                    "unique_id": STRING,
                    "start_date": TJS_DATE,
                    "end_date": TJS_DATE,
                    "text": TJS_TEXT,
                    "group": STRING,
                    "media": {
                        "type": "object", "required": ["url"],
                        "properties": {"url": STRING, "alt": STRING, "caption": STRING},
                    },
                },
            },
        },
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "end_date", "text"],
                "properties": {"start_date": TJS_DATE, "end_date": TJS_DATE, "text": TJS_TEXT},
            },
        },
    },
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["parameter", "message"],
            "additionalProperties": False,
            "properties": {
                "parameter": _nullable({"type": "string", "description": "The query parameter at fault."}),
                "message": STRING,
            },
        }
    },
}

CACHE_HEADERS = {
    "ETag": {"description": "Weak validator; send it back in If-None-Match.", "schema": STRING},
    "Last-Modified": {"description": "Latest publication among the timeline and its visible entries.", "schema": STRING},
    "Cache-Control": {"description": "public, max-age=N", "schema": STRING},
}


def _param(name: str, description: str, schema: dict, example=None) -> dict:
    param = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if example is not None:
        param["example"] = example
    return param


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _not_modified() -> dict:
    return {"description": "Not modified: the client's copy (If-None-Match / If-Modified-Since) is current.", "headers": CACHE_HEADERS}


def openapi() -> dict:
    """The OpenAPI 3.0 document served at `/api/schema/`."""
    max_limit = settings.TIMELINE_API_MAX_LIMIT
    date_bound = {"type": "string", "pattern": r"^(\d{1,4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2})$"}
    slug = {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,80}$"}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Timeline API",
            "version": "1.0.0",
            "description": (
                "Timelines of the statistical mechanics of neural networks and of deep learning. "
                "Only live, public content: drafts, unpublished, private and expired pages never appear. "
                "Responses carry ETag, Last-Modified and public Cache-Control; conditional GETs get 304. "
                "Unknown parameters and bad values get 400 with a JSON error naming the parameter."
            ),
        },
        "paths": {
            "/api/timelines/": {
                "get": {
                    "operationId": "listTimelines",
                    "summary": "The live, public timelines",
                    "parameters": [_param("format", "Only `json`.", {"type": "string", "enum": ["json"]})],
                    "responses": {
                        "200": {
                            "description": "Timelines, newest first.",
                            "headers": CACHE_HEADERS,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TimelineList"}}},
                        },
                        "304": _not_modified(),
                        "400": _error_response("An unknown parameter or a bad value."),
                    },
                }
            },
            "/api/timelines/{slug}/": {
                "get": {
                    "operationId": "getTimeline",
                    "summary": "A timeline and its entries, ordered by date",
                    "parameters": [
                        {"name": "slug", "in": "path", "required": True, "schema": STRING, "example": "timeline-of-deep-learning"},
                        _param("from", "Entries on or after (spans: ending on or after) this year, month or day.", date_bound, "1980"),
                        _param("to", "Entries starting on or before the end of this year, month or day.", date_bound, "1999-12"),
                        _param("group", "A group slug (see `timeline.groups`).", slug, "theory"),
                        _param("tag", "A tag slug.", slug, "spin-glasses"),
                        _param("q", "Words that must all occur (case-insensitive) in the headline, text, group, tags or references.",
                               {"type": "string", "minLength": 1, "maxLength": 200}, "replica"),
                        _param("limit", f"At most this many entries (1 to {max_limit}).",
                               {"type": "integer", "minimum": 1, "maximum": max_limit, "default": min(settings.TIMELINE_API_DEFAULT_LIMIT, max_limit)}),
                        _param("offset", "Skip this many entries.", {"type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0}),
                        _param("ordering", "By start date, oldest (`date`) or newest (`-date`) first.",
                               {"type": "string", "enum": ["date", "-date"], "default": "date"}),
                        _param("format", "`json` (our schema) or `timelinejs` (TimelineJS3's JSON).",
                               {"type": "string", "enum": ["json", "timelinejs"], "default": "json"}),
                    ],
                    "responses": {
                        "200": {
                            "description": "The timeline and the matching entries.",
                            "headers": CACHE_HEADERS,
                            "content": {
                                "application/json": {
                                    "schema": {"oneOf": [
                                        {"$ref": "#/components/schemas/TimelineDetail"},
                                        {"$ref": "#/components/schemas/TimelineJS"},
                                    ]}
                                }
                            },
                        },
                        "304": _not_modified(),
                        "400": _error_response("An unknown parameter or a bad value."),
                        "404": _error_response("No live, public timeline has this slug."),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "TimelineList": TIMELINE_LIST,
                "TimelineSummary": TIMELINE_SUMMARY,
                "TimelineDetail": TIMELINE_DETAIL,
                "TimelineHead": TIMELINE_HEAD,
                "Entry": ENTRY,
                "Date": DATE,
                "Reference": REFERENCE,
                "TimelineJS": TIMELINEJS,
                "Error": ERROR,
            }
        },
    }
