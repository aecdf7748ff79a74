"""LaTeX checks that run when editors save: balance, labels and references."""

import pytest

from blog.latex import (
    LatexError,
    check_balanced,
    check_inline_math,
    cite_keys,
    eqref_labels,
    extract_label,
    footnote_marks,
)


@pytest.mark.parametrize(
    "source",
    [
        r"\frac{a}{b}",
        r"\left( \frac{1}{2} \right)",
        r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
        r"\{ x \}",
        r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}",
    ],
)
def test_balanced_latex_passes(source):
    check_balanced(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (r"\frac{a}{b", "unclosed"),
        (r"a}b", "unexpected '}'"),
        (r"\begin{aligned} a \end{align}", r"\begin{aligned} is closed by \end{align}"),
        (r"\begin{cases} a", r"\begin{cases} has no matching"),
        (r"a \end{cases}", "without a matching"),
        (r"\left( a", r"1 \left but 0 \right"),
    ],
)
def test_unbalanced_latex_is_rejected_with_a_message_saying_what(source, message):
    with pytest.raises(LatexError, match=message.replace("\\", "\\\\").replace("(", r"\(").replace("{", r"\{").replace("}", r"\}")):
        check_balanced(source)


def test_odd_number_of_dollars_in_prose_is_rejected():
    with pytest.raises(LatexError, match="not closed"):
        check_inline_math("<p>energy $E = mc^2 and more</p>")


def test_escaped_dollars_do_not_count_as_math():
    check_inline_math(r"<p>It costs \$5 and $x^2$ is math.</p>")


def test_inline_formula_with_unbalanced_braces_is_rejected():
    with pytest.raises(LatexError):
        check_inline_math(r"<p>see $\frac{1}{2$ here</p>")


def test_label_is_extracted_from_equation_source():
    latex, label = extract_label(r"q = \int Dz \tanh^2 \label{eq:q}")
    assert label == "eq:q"
    assert r"\label" not in latex


def test_two_labels_in_one_equation_are_rejected():
    with pytest.raises(LatexError, match="one"):
        extract_label(r"a \label{x} b \label{y}")


def test_references_are_found_in_prose():
    text = r"By \eqref{eq:a} and \ref{eq:b}, see \cite{sk1975, dat1978} and [^note]."
    assert eqref_labels(text) == ["eq:a", "eq:b"]
    assert cite_keys(text) == ["sk1975", "dat1978"]
    assert footnote_marks(text) == ["note"]
