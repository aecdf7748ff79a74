"""The cross-references of one post: equation numbers, citations, footnotes and headings.

Built once per render from the post body (and on save, to validate it), so that every
block template can turn `\\eqref{label}`, `\\cite{key}` and `[^note]` into numbered links.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText

from .latex import cite_keys, eqref_labels, footnote_marks


@dataclass(frozen=True)
class Item:
    """One block met while walking a body: its top-level position, type name and value."""

    index: int
    name: str
    value: Any
    block: Any


def walk(stream: StreamValue) -> Iterator[Item]:
    """Every block of a body in reading order, nested ones included, tagged with its top index."""
    for index, child in enumerate(stream):
        yield from _walk_value(index, child.block_type, child.value, child.block)


def _walk_value(index: int, name: str, value: Any, block: Any) -> Iterator[Item]:
    yield Item(index, name, value, block)
    if isinstance(value, StructValue):
        for child_name, child_value in value.items():
            yield from _walk_value(index, child_name, child_value, block.child_blocks[child_name])
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _walk_value(index, child.block_type, child.value, child.block)


def text_of(value: Any) -> str:
    """The source text of a value that may hold references: rich text or plain text."""
    if isinstance(value, RichText):
        return value.source
    if isinstance(value, str):
        return value
    return ""


@dataclass
class Heading:
    """A table-of-contents entry."""

    anchor: str
    text: str
    level: str


@dataclass
class DocumentIndex:
    """Numbers and anchors for one body; see the module docstring."""

    equation_numbers: dict[str, int] = field(default_factory=dict)
    citation_keys: list[str] = field(default_factory=list)
    footnotes: list[tuple[str, Any]] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    duplicate_labels: list[tuple[int, str]] = field(default_factory=list)
    eqrefs: list[tuple[int, str]] = field(default_factory=list)
    cites: list[tuple[int, str]] = field(default_factory=list)
    footnote_refs: list[tuple[int, str]] = field(default_factory=list)
    # Keyed by id() of the block value; the value is kept so the id cannot be reused.
    _equations: dict[int, tuple[Any, int]] = field(default_factory=dict, repr=False)
    _anchors: dict[int, tuple[Any, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, stream: StreamValue | None) -> DocumentIndex:
        """Walk a body once and number everything in reading order."""
        index = cls()
        for item in walk(stream) if stream else ():
            if item.name == "equation" and isinstance(item.value, StructValue):
                index._add_equation(item)
            elif item.name == "heading" and isinstance(item.value, StructValue):
                index._add_heading(item)
            elif item.name == "footnote" and isinstance(item.value, StructValue):
                index.footnotes.append((item.value["label"], item.value["text"]))
            text = text_of(item.value)
            if text:
                index._add_references(item.index, text)
        return index

    def _add_equation(self, item: Item) -> None:
        if not item.value.get("numbered"):
            return
        number = len(self._equations) + 1
        self._equations[id(item.value)] = (item.value, number)
        label = item.block.label_of(item.value)
        if label in self.equation_numbers:
            self.duplicate_labels.append((item.index, label))
        elif label:
            self.equation_numbers[label] = number

    def _add_heading(self, item: Item) -> None:
        base = anchor = item.block.anchor_for(item.value)
        taken = {heading.anchor for heading in self.headings}
        suffix = 2
        while anchor in taken:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        self._anchors[id(item.value)] = (item.value, anchor)
        self.headings.append(Heading(anchor, item.value["text"], item.value["level"]))

    def _add_references(self, index: int, text: str) -> None:
        self.eqrefs += [(index, label) for label in eqref_labels(text)]
        self.footnote_refs += [(index, label) for label in footnote_marks(text)]
        for key in cite_keys(text):
            self.cites.append((index, key))
            if key not in self.citation_keys:
                self.citation_keys.append(key)

    def equation_number(self, value: Any) -> int | None:
        """The number of a numbered equation block value, or None."""
        entry = self._equations.get(id(value))
        return entry[1] if entry and entry[0] is value else None

    def heading_anchor(self, value: Any) -> str | None:
        """The unique anchor given to a heading block value."""
        entry = self._anchors.get(id(value))
        return entry[1] if entry and entry[0] is value else None

    def citation_number(self, key: str) -> int | None:
        """1-based number of a citation key in order of first citation."""
        return self.citation_keys.index(key) + 1 if key in self.citation_keys else None

    def footnote_number(self, label: str) -> int | None:
        """1-based number of a footnote by label."""
        labels = [footnote_label for footnote_label, _ in self.footnotes]
        return labels.index(label) + 1 if label in labels else None
