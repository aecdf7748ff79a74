"""Plain records for demo timelines, so the data modules read like the timelines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ref:
    authors: str
    title: str
    venue: str
    year: int
    doi: str = ""
    arxiv: str = ""
    url: str = ""


@dataclass(frozen=True)
class Entry:
    """A milestone; `when` is "1982", "1982-04" or "1982-04-15" (the precision follows)."""

    unique_id: str
    when: str
    headline: str
    text: str
    group: str
    tags: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()
    posts: tuple[str, ...] = ()
    until: str = ""


@dataclass(frozen=True)
class Timeline:
    slug: str
    title: str
    date: str
    summary: str
    introduction: str
    groups: tuple[tuple[str, str], ...]
    eras: tuple[tuple[str, int, int | None, str], ...]
    entries: tuple[Entry, ...] = field(default_factory=tuple)
