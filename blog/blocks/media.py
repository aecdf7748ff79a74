"""The figure block: a Wagtail image with renditions, caption and credit."""

from __future__ import annotations

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .text import MathRichTextBlock


class FigureBlock(blocks.StructBlock):
    """An image shown as a numbered-free figure with a caption (math allowed) and credit."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, max_length=300, help_text="Describe the image for screen readers."
    )
    caption = MathRichTextBlock(required=False, features=["bold", "italic", "link"])
    credit = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
