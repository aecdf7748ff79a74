"""Query parameters of the timeline API, validated once; a bad one names itself."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import QueryDict

from timeline import dates

ORDERINGS = ("date", "-date")
FORMATS = ("json", "timelinejs")
LIST_PARAMETERS = frozenset({"format"})
DETAIL_PARAMETERS = frozenset({"from", "to", "group", "tag", "q", "limit", "offset", "ordering", "format"})
MAX_Q_LENGTH = 200


class ParameterError(ValueError):
    """A query parameter that is unknown, repeated or has a bad value."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message

    def as_dict(self) -> dict:
        return {"error": {"parameter": self.parameter, "message": self.message}}


@dataclass(frozen=True)
class EntryQuery:
    """What a client asked of one timeline's entries."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    group: str = ""
    tag: str = ""
    q: str = ""
    limit: int = 0
    offset: int = 0
    ordering: str = "date"
    format: str = "json"

    def cache_key(self) -> tuple:
        return (self.date_from, self.date_to, self.group, self.tag, self.q, self.limit, self.offset, self.ordering, self.format)


def _single(query: QueryDict, allowed: frozenset[str]) -> dict[str, str]:
    values = {}
    for name in query:
        if name not in allowed:
            raise ParameterError(name, f"Unknown parameter {name!r}; this endpoint takes {sorted(allowed)}.")
        given = query.getlist(name)
        if len(given) != 1:
            raise ParameterError(name, f"Give {name!r} once, not {len(given)} times.")
        values[name] = given[0]
    return values


def _format(value: str | None) -> str:
    if value is None:
        return "json"
    if value not in FORMATS:
        raise ParameterError("format", f"format must be one of {list(FORMATS)}, not {value!r}.")
    return value


def parse_list(query: QueryDict) -> str:
    """The listing takes only `format=json`; returns the format."""
    values = _single(query, LIST_PARAMETERS)
    fmt = _format(values.get("format"))
    if fmt != "json":
        raise ParameterError("format", "The timeline listing is only available as format=json.")
    return fmt


def _int(values: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    if name not in values:
        return default
    text = values[name]
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ParameterError(name, f"{name} must be a whole number from {low} to {high}, not {text!r}.")
    return int(text)


def _slug(values: dict[str, str], name: str) -> str:
    text = values.get(name, "")
    if name in values and not (text and len(text) <= 80 and text.isascii() and all(c.isalnum() or c in "-_" for c in text)):
        raise ParameterError(name, f"{name} must be a slug (letters, digits, '-' or '_', at most 80), not {text!r}.")
    return text


def _bound(values: dict[str, str], name: str, *, upper: bool) -> datetime.date | None:
    if name not in values:
        return None
    try:
        return dates.parse_bound(values[name], upper=upper)
    except ValueError as error:
        raise ParameterError(name, f"{name}: {error}") from None


def parse_detail(query: QueryDict) -> EntryQuery:
    """Validate a detail request's parameters; raises `ParameterError` naming the first bad one."""
    values = _single(query, DETAIL_PARAMETERS)
    max_limit = settings.TIMELINE_API_MAX_LIMIT
    ordering = values.get("ordering", "date")
    if ordering not in ORDERINGS:
        raise ParameterError("ordering", f"ordering must be one of {list(ORDERINGS)}, not {ordering!r}.")
    q = values.get("q", "").strip()
    if "q" in values and not q:
        raise ParameterError("q", "q must contain at least one word.")
    if len(q) > MAX_Q_LENGTH or "\x00" in q:
        raise ParameterError("q", f"q must be at most {MAX_Q_LENGTH} characters of text.")
    parsed = EntryQuery(
        date_from=_bound(values, "from", upper=False),
        date_to=_bound(values, "to", upper=True),
        group=_slug(values, "group"),
        tag=_slug(values, "tag"),
        q=q,
        limit=_int(values, "limit", min(settings.TIMELINE_API_DEFAULT_LIMIT, max_limit), 1, max_limit),
        offset=_int(values, "offset", 0, 0, 1_000_000),
        ordering=ordering,
        format=_format(values.get("format")),
    )
    if parsed.date_from and parsed.date_to and parsed.date_from > parsed.date_to:
        raise ParameterError("to", f"to ({values['to']}) is before from ({values['from']}).")
    return parsed
