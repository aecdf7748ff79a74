"""Checks and rewrites of LaTeX source written by editors: balance, labels, references.

These run on save (so an editor sees a message naming the block) and on render (to turn
`\\eqref`, `\\cite` and footnote marks into links). The browser renderer (KaTeX) reports
anything these checks cannot see, in place, without breaking the page.
"""

from __future__ import annotations

import re

LABEL_PATTERN = r"[A-Za-z][A-Za-z0-9:_.\-]*"
LABEL = re.compile(rf"^{LABEL_PATTERN}$")
LABEL_COMMAND = re.compile(rf"\\label\{{\s*({LABEL_PATTERN})\s*\}}")
EQREF = re.compile(r"\\(?:eq)?ref\{\s*([^{}]*?)\s*\}")
CITE = re.compile(r"\\cite\{\s*([^{}]*?)\s*\}")
FOOTNOTE_MARK = re.compile(r"\[\^([A-Za-z0-9_\-]+)\]")
ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{\s*([A-Za-z*]+)\s*\}")
INLINE_DOLLAR = re.compile(r"(?<!\\)\$")


class LatexError(ValueError):
    """LaTeX source that cannot be typeset as written; the message says where."""


def _strip_escapes(source: str) -> str:
    """Blank out escaped characters (\\{, \\}, \\$, \\\\) so they do not count as delimiters."""
    return re.sub(r"\\[{}$\\]", "  ", source)


def check_balanced(source: str) -> None:
    """Raise `LatexError` for unbalanced braces, \\begin/\\end or \\left/\\right."""
    text = _strip_escapes(source)
    depth = 0
    for position, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise LatexError(f"unexpected '}}' at character {position + 1}: no '{{' is open")
    if depth > 0:
        raise LatexError(f"{depth} unclosed '{{' (add the missing '}}')")

    stack: list[str] = []
    for match in ENVIRONMENT.finditer(text):
        kind, name = match.groups()
        if kind == "begin":
            stack.append(name)
        elif not stack:
            raise LatexError(f"\\end{{{name}}} without a matching \\begin{{{name}}}")
        elif stack[-1] != name:
            raise LatexError(f"\\begin{{{stack[-1]}}} is closed by \\end{{{name}}}")
        else:
            stack.pop()
    if stack:
        raise LatexError(f"\\begin{{{stack[-1]}}} has no matching \\end{{{stack[-1]}}}")

    lefts = len(re.findall(r"\\left(?![a-zA-Z])", text))
    rights = len(re.findall(r"\\right(?![a-zA-Z])", text))
    if lefts != rights:
        raise LatexError(f"{lefts} \\left but {rights} \\right: they must pair up")


def check_inline_math(text: str) -> None:
    """Raise `LatexError` if prose has an odd number of unescaped `$` or unpaired `\\(`/`\\)`."""
    dollars = len(INLINE_DOLLAR.findall(text.replace("$$", "")))
    if dollars % 2:
        raise LatexError("an inline formula is not closed: the number of '$' signs is odd")
    if text.count("\\(") != text.count("\\)"):
        raise LatexError("an inline formula opened with '\\(' is not closed with '\\)'")
    for formula in re.findall(r"(?<!\\)\$(.+?)(?<!\\)\$", text.replace("$$", ""), flags=re.S):
        check_balanced(formula)


def extract_label(latex: str) -> tuple[str, str | None]:
    """Split `\\label{...}` out of an equation: (latex without it, label or None)."""
    labels = LABEL_COMMAND.findall(latex)
    if len(labels) > 1:
        raise LatexError(f"one equation can carry one \\label, found {len(labels)}: {', '.join(labels)}")
    return LABEL_COMMAND.sub("", latex).strip(), (labels[0] if labels else None)


def eqref_labels(text: str) -> list[str]:
    """Labels referenced with \\eqref{...} or \\ref{...}."""
    return EQREF.findall(text)


def cite_keys(text: str) -> list[str]:
    """Citation keys in \\cite{a, b} commands, in order of appearance."""
    return [key.strip() for group in CITE.findall(text) for key in group.split(",") if key.strip()]


def footnote_marks(text: str) -> list[str]:
    """Footnote labels referenced as [^label]."""
    return FOOTNOTE_MARK.findall(text)
