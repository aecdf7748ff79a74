"""Sanitising of rich-text HTML: only the elements Wagtail's editor produces survive."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "b", "strong", "i", "em", "u", "s", "code", "sub", "sup", "br", "p", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "img", "figure", "figcaption",
    "span", "small", "mark", "abbr", "dfn", "var", "kbd", "samp", "q", "cite", "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "class"},
    "img": {"src", "alt", "width", "height", "class", "srcset", "sizes", "loading"},
    "span": {"class", "id"},
    "div": {"class"},
    "p": {"class"},
    "abbr": {"title"},
    "*": {"lang", "dir"},
}


def clean_html(html: str) -> str:
    """Strip scripts, event handlers, styles and `javascript:` URLs from an HTML fragment."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        strip_comments=True,
    )
