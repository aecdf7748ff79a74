"""What the reader-facing timeline page shows: visible entries in sections by era or decade."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import queries, serializers
from .models import TimelineEra, TimelinePage
from .visibility import Visibility

#: Group colours in timeline.css (`--c0` ...); one more for entries without a group.
PALETTE_SIZE = 6


@dataclass
class Section:
    """A run of consecutive entries in one era (or, outside every era, one decade)."""

    key: str
    label: str
    span: str
    description: str = ""
    entries: list[dict] = field(default_factory=list)


def section_for(year: int, eras: list[TimelineEra]) -> tuple[str, str, str, str]:
    for n, era in enumerate(eras):
        if era.contains(year):
            span = f"{era.start_year}–{era.end_year}" if era.end_year else f"{era.start_year}–"
            return f"era-{n}", era.name, span, era.description
    decade = year - year % 10
    return f"decade-{decade}", f"{decade}s", f"{decade}–{decade + 9}", ""


def sections(entries: list[dict], eras: list[TimelineEra]) -> list[Section]:
    out: list[Section] = []
    for entry in entries:
        key, label, span, description = section_for(entry["start_date"]["year"], eras)
        if not out or out[-1].key != key:
            out.append(Section(key, label, span, description))
        out[-1].entries.append(entry)
    return out


def timeline_context(page: TimelinePage, request) -> dict:
    """Entries (as the API shows them), their sections, and the groups and tags to filter by."""
    visibility = Visibility()
    entries = queries.with_details(queries.visible_entries(page, visibility).order_by("start_date", "pk"), visibility)
    groups = queries.groups_of(page)
    items = serializers.entry_dicts(entries, groups, page.get_url(request) or "", request)
    eras = list(page.eras.order_by("start_year", "sort_order"))
    used_groups = {e["group"]["slug"] for e in items if e["group"]}
    colours = {g.slug: n % PALETTE_SIZE for n, g in enumerate(groups)}
    for group in groups:
        group.colour = colours[group.slug]
    for entry in items:
        entry["colour"] = colours.get(entry["group"]["slug"], PALETTE_SIZE) if entry["group"] else PALETTE_SIZE
    tags = {t["slug"]: t["name"] for e in items for t in e["tags"]}
    return {
        "entries": items,
        "sections": sections(items, eras),
        "filter_groups": [g for g in groups if g.slug in used_groups],
        "filter_tags": sorted(tags.items(), key=lambda item: item[1].lower()),
    }
