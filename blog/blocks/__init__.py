"""Content blocks of posts: one StructBlock per concept, combined by `PostBodyBlock`."""

from .body import PostBodyBlock
from .code import CodeBlock
from .math import DerivationBlock, EquationBlock
from .media import FigureBlock
from .text import CalloutBlock, FootnoteBlock, HeadingBlock, MathRichTextBlock, QuoteBlock

__all__ = [
    "CalloutBlock",
    "CodeBlock",
    "DerivationBlock",
    "EquationBlock",
    "FigureBlock",
    "FootnoteBlock",
    "HeadingBlock",
    "MathRichTextBlock",
    "PostBodyBlock",
    "QuoteBlock",
]
