"""BibTeX parsing for references (bibtexparser v2), with errors that say where parsing failed."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass


class BibtexError(ValueError):
    """BibTeX that does not parse; the message names the line."""


@dataclass(frozen=True)
class BibEntry:
    """The fields of one BibTeX entry that a bibliography shows."""

    key: str
    entry_type: str
    authors: str
    title: str
    venue: str
    year: str
    volume: str
    pages: str
    doi: str
    arxiv: str
    url: str


def _clean(value: str) -> str:
    """Drop TeX grouping braces and collapse whitespace."""
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def _authors(value: str) -> str:
    """'Last, First and Last, First' → 'First Last, First Last'."""
    names = []
    for name in re.split(r"\s+and\s+", _clean(value)):
        last, _, first = name.partition(",")
        names.append(f"{first.strip()} {last.strip()}".strip() if first else name.strip())
    return ", ".join(n for n in names if n)


def parse_bibtex(source: str) -> list[BibEntry]:
    """Parse BibTeX source into entries; raise `BibtexError` naming the failing line."""
    import bibtexparser

    # bibtexparser logs each failed block itself; we report it to the editor instead.
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    library = bibtexparser.parse_string(source)
    if library.failed_blocks:
        block = library.failed_blocks[0]
        error = getattr(block, "error", None)
        reason = getattr(error, "abort_reason", None) or str(error or "").strip() or "syntax error"
        first_line = (block.raw or "").strip().splitlines()[0][:60] if block.raw.strip() else ""
        raise BibtexError(
            f"BibTeX does not parse in the entry starting at line {block.start_line + 1}"
            f" ({first_line!r}): {reason}"
        )
    entries = []
    for entry in library.entries:
        fields = {key.lower(): field.value for key, field in entry.fields_dict.items()}
        eprint = fields.get("eprint", "") if fields.get("archiveprefix", "").lower() == "arxiv" else ""
        entries.append(
            BibEntry(
                key=entry.key,
                entry_type=entry.entry_type.lower(),
                authors=_authors(fields.get("author", "")),
                title=_clean(fields.get("title", "")),
                venue=_clean(fields.get("journal") or fields.get("booktitle") or fields.get("publisher", "")),
                year=_clean(fields.get("year", "")),
                volume=_clean(fields.get("volume", "")),
                pages=_clean(fields.get("pages", "")).replace("--", "–"),
                doi=_clean(fields.get("doi", "")),
                arxiv=_clean(fields.get("arxiv", "") or eprint),
                url=_clean(fields.get("url", "")),
            )
        )
    if not entries:
        raise BibtexError("No BibTeX entry found: expected something like @article{key, ...}.")
    return entries
