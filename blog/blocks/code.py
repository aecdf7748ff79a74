"""The code block, highlighted on the server with Pygments."""

from __future__ import annotations

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks

LANGUAGES = [
    ("python", "Python"),
    ("julia", "Julia"),
    ("c", "C"),
    ("cpp", "C++"),
    ("fortran", "Fortran"),
    ("matlab", "MATLAB"),
    ("r", "R"),
    ("bash", "Shell"),
    ("latex", "LaTeX"),
    ("json", "JSON"),
    ("text", "Plain text"),
]


@lru_cache(maxsize=512)
def highlight_code(code: str, language: str) -> SafeString:
    """Pygments HTML for `code` (cached: the same snippet renders on every page view)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import TextLexer, get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        lexer = TextLexer()
    # Pygments escapes the code itself, so the output is safe to mark as such.
    return mark_safe(highlight(code, lexer, HtmlFormatter(cssclass="highlight", wrapcode=True)))


class CodeBlock(blocks.StructBlock):
    """Source code with a language, highlighted server-side."""

    language = blocks.ChoiceBlock(choices=LANGUAGES, default="python")
    code = blocks.TextBlock()
    caption = blocks.CharBlock(required=False, max_length=200)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["highlighted"] = highlight_code(value["code"], value["language"])
        return context

    class Meta:
        icon = "code"
        template = "blocks/code_block.html"
