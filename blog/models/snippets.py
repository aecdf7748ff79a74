"""Snippets shared by posts: authors and bibliography references."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from blog.bibtex import BibtexError, parse_bibtex


class Author(index.Indexed, models.Model):
    """A person who writes for the blog."""

    name = models.CharField(max_length=200)
    affiliation = models.CharField(max_length=300, blank=True)
    link = models.URLField(blank=True, help_text="Homepage or profile.")

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("link")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Reference(index.Indexed, models.Model):
    """A bibliography entry, imported from BibTeX and cited in posts as `\\cite{key}`."""

    bibtex = models.TextField(
        help_text="Paste one BibTeX entry; the fields below are filled from it when left empty."
    )
    key = models.SlugField(
        max_length=100, unique=True, blank=True, help_text="Citation key, e.g. sherrington1975."
    )
    entry_type = models.CharField(max_length=40, blank=True)
    authors = models.CharField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    year = models.CharField(max_length=10, blank=True)
    volume = models.CharField(max_length=40, blank=True)
    pages = models.CharField(max_length=40, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    arxiv = models.CharField("arXiv id", max_length=50, blank=True)
    url = models.URLField(max_length=500, blank=True)

    panels = [
        FieldPanel("bibtex"),
        MultiFieldPanel(
            [
                FieldPanel("key"),
                FieldPanel("authors"),
                FieldPanel("title"),
                FieldPanel("venue"),
                FieldPanel("year"),
                FieldPanel("volume"),
                FieldPanel("pages"),
                FieldPanel("doi"),
                FieldPanel("arxiv"),
                FieldPanel("url"),
            ],
            heading="Parsed fields",
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("key"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"[{self.key}] {self.title}"

    def clean(self) -> None:
        """Parse the BibTeX; report where it fails; fill empty fields from it."""
        try:
            entries = parse_bibtex(self.bibtex)
        except BibtexError as error:
            raise ValidationError({"bibtex": str(error)}) from None
        if len(entries) > 1:
            raise ValidationError(
                {"bibtex": f"Paste one entry here; found {len(entries)}. Use 'Import BibTeX' for a file."}
            )
        self.fill_from(entries[0])

    def fill_from(self, entry) -> None:
        """Copy parsed BibTeX fields into empty model fields."""
        for field_name in (
            "key", "entry_type", "authors", "title", "venue", "year", "volume", "pages", "doi", "arxiv", "url",
        ):
            if not getattr(self, field_name):
                setattr(self, field_name, getattr(entry, field_name))

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def arxiv_url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv}" if self.arxiv else ""
