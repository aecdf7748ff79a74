"""Timelines: a `TimelinePage` holds dated `TimelineEntryPage` children, groups and eras."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog.models import ArticlePage

from . import dates
from .dates import Precision

TEXT_FEATURES = ["bold", "italic", "link", "code", "superscript", "subscript"]


class TimelinePage(ArticlePage):
    """A timeline: an introduction, groups and eras; its entries are child pages."""

    introduction = RichTextField(blank=True, features=TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        InlinePanel("groups", label="Group"),
        InlinePanel("eras", label="Era"),
    ]
    search_fields = [*ArticlePage.search_fields, index.SearchField("introduction")]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("introduction"),
        APIField("groups"),
        APIField("eras"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = ["timeline.TimelineEntryPage"]
    template = "timeline/timeline_page.html"

    class Meta:
        verbose_name = "timeline"

    def get_context(self, request, *args, **kwargs):
        from .presenters import timeline_context

        context = super().get_context(request, *args, **kwargs)
        context.update(timeline_context(self, request))
        return context


class TimelineGroup(Orderable):
    """A strand of a timeline (theory, architectures, ...) that readers can filter by."""

    page = ParentalKey(TimelinePage, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, help_text="Used in URLs and the API, e.g. 'theory'.")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("slug")])]
    api_fields = [APIField("name"), APIField("slug")]

    def __str__(self) -> str:
        return self.name


class TimelineEra(Orderable):
    """A named span of years shown as a band on the time axis."""

    page = ParentalKey(TimelinePage, on_delete=models.CASCADE, related_name="eras")
    name = models.CharField(max_length=120)
    start_year = models.IntegerField(validators=[MinValueValidator(1), MaxValueValidator(9999)])
    end_year = models.IntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9999)],
        help_text="Leave empty for an era that is still going on.",
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]), FieldPanel("description")]
    api_fields = [APIField("name"), APIField("start_year"), APIField("end_year"), APIField("description")]

    def clean(self) -> None:
        if self.end_year is not None and self.start_year is not None and self.end_year < self.start_year:
            raise ValidationError({"end_year": f"The era ends ({self.end_year}) before it starts ({self.start_year})."})

    def contains(self, year: int) -> bool:
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)

    def __str__(self) -> str:
        return self.name


class TimelineEntryTag(TaggedItemBase):
    """The through-model tagging timeline entries."""

    content_object = ParentalKey("timeline.TimelineEntryPage", on_delete=models.CASCADE, related_name="tagged_items")


class TimelineEntryPage(Page):
    """One dated milestone of a timeline; a page, so it has revisions, drafts and schedules."""

    unique_id = models.SlugField(
        max_length=80, unique=True, blank=True,
        help_text="Stable anchor (#id) and API key; made from the year and headline on first save, then kept.",
    )
    start_date = models.DateField(help_text="For a year or month, any day in it; it is stored as the first.")
    start_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.YEAR)
    end_date = models.DateField(null=True, blank=True, help_text="Only for spans.")
    end_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.YEAR)
    text = RichTextField(blank=True, features=TEXT_FEATURES, help_text="Inline math in $...$.")
    group = models.SlugField(max_length=80, blank=True, help_text="The slug of one of the timeline's groups.")
    tags = ClusterTaggableManager(through=TimelineEntryTag, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(max_length=250, blank=True)
    related_posts = ParentalManyToManyField(
        "blog.PostPage", blank=True, related_name="timeline_entries",
        help_text="Posts of this site that discuss this milestone.",
    )

    content_panels = [
        FieldPanel("title", heading="Headline"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_precision")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_precision")]),
            ],
            heading="When",
        ),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("group"), FieldPanel("tags")]),
        InlinePanel("references", label="Reference"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        FieldPanel("related_posts"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("unique_id")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("text"),
        index.FilterField("start_date"),
        index.FilterField("group"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("unique_id"),
        APIField("start_date"),
        APIField("start_precision"),
        APIField("end_date"),
        APIField("end_precision"),
        APIField("text"),
        APIField("group"),
        APIField("tags"),
        APIField("references"),
        APIField("related_posts"),
    ]
    exclude_fields_in_copy = ["unique_id"]
    parent_page_types = ["timeline.TimelinePage"]
    subpage_types: list[str] = []
    template = "timeline/timeline_entry_page.html"

    class Meta:
        verbose_name = "timeline entry"
        indexes = [models.Index(fields=["start_date"])]

    @property
    def headline(self) -> str:
        return self.title

    def start(self) -> dict:
        return dates.as_dict(self.start_date, self.start_precision)

    def end(self) -> dict | None:
        return dates.as_dict(self.end_date, self.end_precision)

    def clean(self) -> None:
        super().clean()
        if self.start_date:
            self.start_date = dates.normalise(self.start_date, self.start_precision)
        if self.end_date:
            self.end_date = dates.normalise(self.end_date, self.end_precision)
            if self.start_date and self.end_date < self.start_date:
                raise ValidationError({"end_date": "The end date is before the start date."})
        parent = self.get_parent() if self.pk or self.path else None
        if self.group and parent is not None:
            timeline = parent.specific
            slugs = sorted(timeline.groups.values_list("slug", flat=True)) if isinstance(timeline, TimelinePage) else []
            if self.group not in slugs:
                raise ValidationError({"group": f"Unknown group {self.group!r}; this timeline has {slugs}."})

    def save(self, *args, **kwargs):
        if self.start_date:
            self.start_date = dates.normalise(self.start_date, self.start_precision)
        if self.end_date:
            self.end_date = dates.normalise(self.end_date, self.end_precision)
        if not self.unique_id:
            self.unique_id = self._free_unique_id()
        return super().save(*args, **kwargs)

    def _free_unique_id(self) -> str:
        """`<year>-<headline slug>`, suffixed with -2, -3, ... until no other entry has it."""
        year = self.start_date.year if isinstance(self.start_date, datetime.date) else 0
        words = self.title.replace("–", " ").replace("—", " ")
        base = f"{year}-{slugify(words)}"[:72].strip("-") or f"entry-{year}"
        taken = set(
            TimelineEntryPage.objects.filter(unique_id__startswith=base).exclude(pk=self.pk).values_list("unique_id", flat=True)
        )
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def serve_preview(self, request, mode_name):
        return Page.serve(self, request)

    def serve(self, request, *args, **kwargs):
        """An entry lives on its timeline: send readers to its anchor there."""
        parent = self.get_parent()
        return redirect(f"{parent.get_url(request)}#{self.unique_id}")


class TimelineReference(Orderable):
    """A publication behind an entry."""

    page = ParentalKey(TimelineEntryPage, on_delete=models.CASCADE, related_name="references")
    authors = models.CharField(max_length=500)
    title = models.CharField(max_length=500)
    venue = models.CharField(max_length=300, blank=True, help_text="Journal, proceedings or publisher, with volume and pages.")
    year = models.IntegerField(validators=[MinValueValidator(1), MaxValueValidator(9999)])
    doi = models.CharField("DOI", max_length=200, blank=True)
    arxiv = models.CharField("arXiv id", max_length=50, blank=True)
    url = models.URLField(blank=True)

    panels = [
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("arxiv"), FieldPanel("url")]),
    ]
    api_fields = [
        APIField("authors"), APIField("title"), APIField("venue"), APIField("year"),
        APIField("doi"), APIField("arxiv"), APIField("url"),
    ]

    def link(self) -> str:
        """The best link: DOI, then arXiv, then the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.arxiv:
            return f"https://arxiv.org/abs/{self.arxiv}"
        return self.url

    def as_dict(self) -> dict:
        return {
            "authors": self.authors,
            "title": self.title,
            "venue": self.venue,
            "year": self.year,
            "doi": self.doi or None,
            "arxiv": self.arxiv or None,
            "url": self.link() or None,
        }

    def __str__(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}"
