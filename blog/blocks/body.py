"""The post body: one StreamBlock of every content block, validated as a whole on save."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks

from blog.document import DocumentIndex
from simulations.blocks import SimulationBlock

from .code import CodeBlock
from .math import DerivationBlock, EquationBlock
from .media import FigureBlock
from .text import CalloutBlock, FootnoteBlock, HeadingBlock, MathRichTextBlock, QuoteBlock


class PostBodyBlock(blocks.StreamBlock):
    """Every block a post may hold; cross-references are checked across the whole body."""

    heading = HeadingBlock()
    paragraph = MathRichTextBlock()
    equation = EquationBlock()
    code = CodeBlock()
    figure = FigureBlock()
    callout = CalloutBlock()
    derivation = DerivationBlock()
    quote = QuoteBlock()
    footnote = FootnoteBlock()
    simulation = SimulationBlock()

    def clean(self, value):
        value = super().clean(value)
        problems: dict[int, list[str]] = defaultdict(list)
        document = DocumentIndex.build(value)
        for index, label in document.duplicate_labels:
            problems[index].append(f"The equation label {label!r} is used by an earlier equation.")
        for index, label in document.eqrefs:
            if label not in document.equation_numbers:
                known = ", ".join(sorted(document.equation_numbers)) or "none yet"
                problems[index].append(
                    f"\\eqref{{{label}}} refers to no labelled equation (labels: {known})."
                )
        footnote_labels = [label for label, _ in document.footnotes]
        for label in {label for label in footnote_labels if footnote_labels.count(label) > 1}:
            problems[footnote_labels.index(label)].append(f"Footnote label {label!r} is used twice.")
        for index, label in document.footnote_refs:
            if label not in footnote_labels:
                problems[index].append(f"[^{label}] refers to no footnote block with that label.")
        if document.citation_keys:
            from blog.models import Reference

            known_keys = set(
                Reference.objects.filter(key__in=document.citation_keys).values_list("key", flat=True)
            )
            for index, key in document.cites:
                if key not in known_keys:
                    problems[index].append(
                        f"\\cite{{{key}}}: no reference with this key (add it under Snippets → References)."
                    )
        if problems:
            raise blocks.StreamBlockValidationError(
                block_errors={
                    index: ValidationError(" ".join(messages)) for index, messages in problems.items()
                },
                non_block_errors=ErrorList(
                    [f"{len(problems)} block(s) have broken references; see the messages below."]
                ),
            )
        return value

    class Meta:
        block_counts = {}
