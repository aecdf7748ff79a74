"""Prose blocks: headings, rich text with inline math, quotes, callouts and footnotes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks

from blog.latex import LatexError, check_inline_math

PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul", "code", "superscript", "subscript", "strikethrough"]


class MathRichTextBlock(blocks.RichTextBlock):
    """Rich text whose `$...$` and `\\(...\\)` spans are typeset; `\\eqref`, `\\cite` and `[^note]` link."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or PROSE_FEATURES, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            check_inline_math(value.source)
        except LatexError as error:
            raise ValidationError(f"Math in this text: {error}") from None
        return value

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"


class HeadingBlock(blocks.StructBlock):
    """A section heading; its anchor feeds the table of contents beside the post."""

    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Section"), ("h3", "Subsection")], default="h2")
    anchor = blocks.CharBlock(
        required=False, max_length=80, help_text="Link target; made from the text when empty."
    )

    def anchor_for(self, value) -> str:
        """The anchor: the editor's own or a slug of the heading text."""
        return slugify(value.get("anchor") or value.get("text") or "") or "section"

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A block quotation with its source."""

    text = MathRichTextBlock(features=["bold", "italic", "link"])
    attribution = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    """A definition, theorem, remark or warning set apart from the prose."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("definition", "Definition"),
            ("theorem", "Theorem"),
            ("remark", "Remark"),
            ("warning", "Warning"),
        ],
        default="remark",
    )
    title = blocks.CharBlock(required=False, max_length=200)
    body = MathRichTextBlock()

    class Meta:
        icon = "info-circle"
        template = "blocks/callout_block.html"


class FootnoteBlock(blocks.StructBlock):
    """A footnote, cited in prose as `[^label]` and listed at the end of the post."""

    label = blocks.RegexBlock(
        regex=r"^[A-Za-z0-9_\-]+$",
        max_length=40,
        error_messages={"invalid": "Use letters, digits, '-' or '_' only."},
        help_text="Cite it in the text as [^label].",
    )
    text = MathRichTextBlock(features=["bold", "italic", "link", "code"])

    class Meta:
        icon = "link"
        template = "blocks/footnote_block.html"
