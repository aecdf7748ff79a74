"""Small constructors for post bodies in StreamField's raw JSON form.

Each function returns one ``{"type": ..., "value": ...}`` item of `PostBodyBlock`, so a
post module reads like the post itself. Prose is HTML (Wagtail rich text) with inline
math in ``$...$``; a bare string without a leading tag is wrapped in ``<p>``. In math
inside HTML, write ``\\lt`` and ``\\gt`` rather than ``<`` and ``>``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Block = dict[str, Any]

#: Placeholder prefix for a figure's image; the loader swaps in the Wagtail image id.
IMAGE_PLACEHOLDER = "demo-image:"


def _html(text: str) -> str:
    text = textwrap.dedent(text).strip()
    return text if text.startswith("<") else f"<p>{text}</p>"


def heading(text: str, *, level: str = "h2", anchor: str = "") -> Block:
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}}


def paragraph(*paragraphs: str) -> Block:
    """One rich-text block; each argument becomes its own ``<p>`` unless it is HTML already."""
    return {"type": "paragraph", "value": "".join(_html(p) for p in paragraphs)}


def equation(latex: str, *, label: str = "", numbered: bool | None = None) -> Block:
    """A display equation; numbered when labelled unless told otherwise."""
    return {
        "type": "equation",
        "value": {
            "latex": textwrap.dedent(latex).strip(),
            "numbered": bool(label) if numbered is None else numbered,
            "label": label,
        },
    }


def code(source: str, *, language: str = "python", caption: str = "") -> Block:
    return {
        "type": "code",
        "value": {"language": language, "code": textwrap.dedent(source).strip() + "\n", "caption": caption},
    }


def figure(image: str, *, alt_text: str, caption: str = "", credit: str = "") -> Block:
    """A figure showing the demo image named `image` (see `blog.demo.figures.FIGURES`)."""
    return {
        "type": "figure",
        "value": {
            "image": f"{IMAGE_PLACEHOLDER}{image}",
            "alt_text": alt_text,
            "caption": _html(caption) if caption else "",
            "credit": credit,
        },
    }


def callout(kind: str, title: str, *paragraphs: str) -> Block:
    return {
        "type": "callout",
        "value": {"kind": kind, "title": title, "body": "".join(_html(p) for p in paragraphs)},
    }


def derivation(summary: str, *steps: Block, open: bool = False) -> Block:
    """A collapsible derivation holding `paragraph` and `equation` items."""
    allowed = {"paragraph", "equation"}
    for step in steps:
        if step["type"] not in allowed:
            raise ValueError(f"A derivation holds {sorted(allowed)}, not {step['type']!r}.")
    return {"type": "derivation", "value": {"summary": summary, "body": list(steps), "open": open}}


def quote(text: str, attribution: str = "") -> Block:
    return {"type": "quote", "value": {"text": _html(text), "attribution": attribution}}


def footnote(label: str, text: str) -> Block:
    return {"type": "footnote", "value": {"label": label, "text": _html(text)}}


@dataclass(frozen=True)
class PostData:
    """Everything the loader needs to create or update one `PostPage`."""

    slug: str
    title: str
    date: date
    summary: str
    body: list[Block]
    subtitle: str = ""
    tags: tuple[str, ...] = ()
    search_description: str = ""


@dataclass(frozen=True)
class ErratumData:
    """One erratum of an `ErrataPage`; `location` identifies it across runs."""

    location: str
    kind: str
    status: str
    original: str
    correction: str
    explanation: str
    reported_by: str
    date: date


@dataclass(frozen=True)
class ErrataPageData:
    """An errata page for an external document."""

    slug: str
    title: str
    date: date
    summary: str
    intro: str
    external_title: str
    external_authors: str
    external_version: str
    external_url: str = ""
    errata: tuple[ErratumData, ...] = field(default_factory=tuple)


def simulation(solver: str, *, caption: str, alt_text: str, show: tuple[str, ...] = (), **params: Any) -> Block:
    """A simulation block running `solver` with `params` (defaults fill the rest)."""
    return {
        "type": "simulation",
        "value": [
            {
                "type": solver.replace("-", "_"),
                "value": {**params, "show_figures": list(show), "caption": _html(caption), "alt_text": alt_text},
            }
        ],
    }
