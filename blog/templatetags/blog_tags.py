"""Template tags that turn stored LaTeX-flavoured prose into linked, typeset-ready HTML."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import RichText

from blog.document import DocumentIndex
from blog.latex import CITE, EQREF, FOOTNOTE_MARK, LatexError, extract_label
from blog.sanitize import clean_html

register = template.Library()

EMPTY = DocumentIndex()


def _document(context) -> DocumentIndex:
    return context.get("doc") or EMPTY


def link_references(html: str, document: DocumentIndex) -> str:
    """Replace \\eqref, \\cite and [^note] in prose HTML by numbered links."""

    def eqref(match: re.Match) -> str:
        label = match.group(1)
        number = document.equation_numbers.get(label)
        if number is None:
            return f'<span class="ref-missing" title="unknown equation label">(??\u00a0{escape(label)})</span>'
        return f'<a class="eqref" href="#eq-{escape(label)}">({number})</a>'

    def cite(match: re.Match) -> str:
        links = []
        for key in (k.strip() for k in match.group(1).split(",")):
            number = document.citation_number(key)
            links.append(
                f'<a href="#ref-{escape(key)}">{number}</a>' if number else f'<span class="ref-missing">?{escape(key)}</span>'
            )
        return '<span class="cite">[' + ", ".join(links) + "]</span>"

    def footnote(match: re.Match) -> str:
        label = match.group(1)
        number = document.footnote_number(label)
        if number is None:
            return '<sup class="ref-missing">?</sup>'
        return f'<sup class="fn-ref" id="fnref-{escape(label)}"><a href="#fn-{escape(label)}">{number}</a></sup>'

    html = EQREF.sub(eqref, html)
    html = CITE.sub(cite, html)
    return FOOTNOTE_MARK.sub(footnote, html)


@register.simple_tag(takes_context=True)
def prose(context, value) -> SafeString:
    """Rich text, sanitised, with its cross-references linked; math left for KaTeX."""
    html = str(value) if isinstance(value, RichText) else str(RichText(value or ""))
    return mark_safe(link_references(clean_html(html), _document(context)))


@register.simple_tag(takes_context=True)
def equation_tex(context, value) -> str:
    """An equation's LaTeX for KaTeX: label removed, \\tag{n} added, \\eqref made a link."""
    document = _document(context)
    try:
        latex, _ = extract_label(value["latex"])
    except LatexError:
        latex = value["latex"]

    def eqref(match: re.Match) -> str:
        number = document.equation_numbers.get(match.group(1))
        return f"\\href{{#eq-{match.group(1)}}}{{({number})}}" if number else "(??)"

    latex = EQREF.sub(eqref, latex)
    number = document.equation_number(value)
    if number is not None:
        latex = f"{latex} \\tag{{{number}}}"
    return latex


@register.simple_tag(takes_context=True)
def equation_anchor(context, value, block_label: str | None = None) -> str:
    """The id of an equation: eq-<label>, or eq-<number> when unlabelled."""
    document = _document(context)
    label = block_label
    number = document.equation_number(value)
    if label:
        return f"eq-{label}"
    return f"eq-{number}" if number else ""


@register.simple_tag(takes_context=True)
def heading_anchor(context, value) -> str:
    """The unique anchor of a heading block."""
    return _document(context).heading_anchor(value) or ""


@register.simple_tag
def math_inline(latex: str) -> SafeString:
    """A span KaTeX renders as inline math (the LaTeX escaped as text)."""
    return format_html('<span class="math" data-display="false">{}</span>', latex or "")
