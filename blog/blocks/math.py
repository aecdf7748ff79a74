"""Math blocks: display equations (numbered, labelled) and collapsible derivations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail import blocks

from blog.latex import LABEL, LatexError, check_balanced, extract_label

from .text import MathRichTextBlock


class EquationBlock(blocks.StructBlock):
    """A display equation in LaTeX, optionally numbered and labelled for `\\eqref{label}`."""

    latex = blocks.TextBlock(help_text="LaTeX without $$ delimiters; \\label{...} is allowed.")
    numbered = blocks.BooleanBlock(required=False, default=True)
    label = blocks.CharBlock(
        required=False, max_length=80, help_text="Refer to it in prose as \\eqref{label}."
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        try:
            check_balanced(value["latex"])
            _, inner_label = extract_label(value["latex"])
        except LatexError as error:
            errors["latex"] = ValidationError(str(error))
            inner_label = None
        label = value.get("label") or ""
        if label and not LABEL.match(label):
            errors["label"] = ValidationError(
                "A label starts with a letter and uses letters, digits, ':', '.', '_' or '-'."
            )
        if label and inner_label and label != inner_label:
            errors["label"] = ValidationError(
                f"The label field says {label!r} but the LaTeX says \\label{{{inner_label}}}."
            )
        if (label or inner_label) and not value.get("numbered"):
            errors["numbered"] = ValidationError("A labelled equation must be numbered.")
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["label"] = self.label_of(value)
        return context

    def label_of(self, value) -> str | None:
        """The equation's label, from the field or from `\\label{...}` in the LaTeX."""
        try:
            return value.get("label") or extract_label(value["latex"])[1]
        except LatexError:
            return value.get("label") or None

    class Meta:
        icon = "code"
        template = "blocks/equation_block.html"
        label = "Equation"


class DerivationBodyBlock(blocks.StreamBlock):
    """What a derivation may hold: prose and equations."""

    paragraph = MathRichTextBlock()
    equation = EquationBlock()


class DerivationBlock(blocks.StructBlock):
    """A derivation readers can expand (details/summary)."""

    summary = blocks.CharBlock(max_length=200, default="Derivation")
    body = DerivationBodyBlock()
    open = blocks.BooleanBlock(required=False, default=False, help_text="Show expanded.")

    class Meta:
        icon = "list-ul"
        template = "blocks/derivation_block.html"
