"""Factories for pages and snippets (wagtail-factories), and the blog's site tree."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from wagtail.models import Page, Site

from blog.models import Author, BlogIndexPage, ErrataPage, PostPage, Reference


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Posts"
    slug = "home"

    class Meta:
        model = BlogIndexPage


class PostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    summary = "A summary."
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = PostPage


class ErrataPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Errata {n}")
    slug = factory.Sequence(lambda n: f"errata-{n}")
    external_title = "Some lecture notes"

    class Meta:
        model = ErrataPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")

    class Meta:
        model = Author


class ReferenceFactory(factory.django.DjangoModelFactory):
    key = factory.Sequence(lambda n: f"ref{n}")
    bibtex = factory.LazyAttribute(lambda o: f"@article{{{o.key}, title={{Title of {o.key}}}, year={{1975}}}}")
    title = factory.LazyAttribute(lambda o: f"Title of {o.key}")
    year = "1975"

    class Meta:
        model = Reference


def make_site() -> BlogIndexPage:
    """Replace Wagtail's welcome page by a blog index at the root of the default site."""
    root = Page.get_first_root_node()
    for page in Page.objects.filter(depth=2).exclude(content_type__model="blogindexpage"):
        page.delete()
    root.refresh_from_db()
    index = BlogIndexPage.objects.first() or BlogIndexPageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": index}
    )
    return index


def publish(page: Page) -> Page:
    """Save a revision of `page` and publish it."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
