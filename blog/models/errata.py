"""Errata pages: corrections to a post on this site or to an external document."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from blog.latex import LatexError, check_balanced, check_inline_math

from .pages import ArticlePage


class Erratum(Orderable):
    """One correction: where, what it said, what it should say, and why."""

    class Kind(models.TextChoices):
        TYPO = "typo", "Typo"
        SIGN = "sign", "Sign error"
        MISSING_FACTOR = "missing-factor", "Missing factor"
        WRONG_EQUATION = "wrong-equation", "Wrong equation"
        CONCEPTUAL = "conceptual", "Conceptual"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        REPORTED = "reported", "Reported"
        CONFIRMED = "confirmed", "Confirmed"
        FIXED = "fixed", "Fixed in source"
        REJECTED = "rejected", "Rejected"

    page = ParentalKey("blog.ErrataPage", on_delete=models.CASCADE, related_name="errata")
    location = models.CharField(max_length=200, help_text="Section, page or equation, e.g. 'Eq. (23), p. 7'.")
    original = models.TextField(blank=True, help_text="What the document says (LaTeX allowed).")
    correction = models.TextField(blank=True, help_text="What it should say (LaTeX).")
    explanation = RichTextField(blank=True, features=["bold", "italic", "link", "code"])
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TYPO)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REPORTED)
    reported_by = models.CharField(max_length=200, blank=True)
    date = models.DateField(default=timezone.localdate)

    panels = [
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("original"),
        FieldPanel("correction"),
        FieldPanel("explanation"),
        FieldRowPanel([FieldPanel("reported_by"), FieldPanel("date")]),
    ]
    api_fields = [
        APIField("location"), APIField("original"), APIField("correction"), APIField("explanation"),
        APIField("kind"), APIField("status"), APIField("reported_by"), APIField("date"),
    ]

    def clean(self) -> None:
        """Check the LaTeX of the original and correction, and the math in the explanation."""
        errors = {}
        for field_name in ("original", "correction"):
            try:
                check_balanced(getattr(self, field_name))
            except LatexError as error:
                errors[field_name] = str(error)
        try:
            check_inline_math(self.explanation or "")
        except LatexError as error:
            errors["explanation"] = str(error)
        if errors:
            raise ValidationError(errors)

    def __str__(self) -> str:
        return f"{self.location}: {self.get_kind_display()}"


class ErrataPage(ArticlePage):
    """The errata of one document: a post here, or an external document."""

    target_post = models.ForeignKey(
        "blog.PostPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The post these errata correct; leave empty for an external document.",
    )
    external_title = models.CharField(max_length=300, blank=True)
    external_authors = models.CharField(max_length=300, blank=True)
    external_url = models.URLField(blank=True)
    external_version = models.CharField(max_length=100, blank=True, help_text="Version or date of the document.")
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *ArticlePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("target_post"),
                FieldPanel("external_title"),
                FieldPanel("external_authors"),
                FieldPanel("external_url"),
                FieldPanel("external_version"),
            ],
            heading="The corrected document",
        ),
        FieldPanel("intro"),
        InlinePanel("errata", label="Erratum", heading="Errata"),
    ]
    search_fields = [*ArticlePage.search_fields, index.SearchField("external_title"), index.SearchField("intro")]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("target_post"), APIField("external_title"), APIField("external_authors"),
        APIField("external_url"), APIField("external_version"), APIField("errata"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []

    def clean(self) -> None:
        super().clean()
        if bool(self.target_post_id) == bool(self.external_title):
            raise ValidationError(
                {"target_post": "Choose the post these errata correct, or give an external document's title (one of the two)."}
            )

    @property
    def target_title(self) -> str:
        return self.target_post.title if self.target_post_id else self.external_title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        errata = list(self.errata.all())
        status = request.GET.get("status", "")
        valid = {choice for choice, _ in Erratum.Status.choices}
        context["status_filter"] = status if status in valid else ""
        context["status_choices"] = [
            (value, label, sum(1 for e in errata if e.status == value)) for value, label in Erratum.Status.choices
        ]
        context["errata_shown"] = [e for e in errata if not context["status_filter"] or e.status == status]
        context["errata_total"] = len(errata)
        return context
