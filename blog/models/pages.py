"""The home page (post index) and posts."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog.blocks import PostBodyBlock
from blog.document import DocumentIndex


def paginate(request, queryset, per_page: int):
    """One page of `queryset` from `?page=`; a bad or out-of-range number is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page of posts.") from None


class ArticlePage(Page):
    """What every dated item in the listing shares: a date and a summary.

    Concrete (multi-table) so that the home page can list posts, errata and timelines in
    one ordered, paginated query.
    """

    date = models.DateField("Post date", default=timezone.localdate)
    summary = models.TextField(blank=True, help_text="One or two sentences for cards, feeds and search.")

    is_creatable = False
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.FilterField("date")]
    api_fields = [APIField("date"), APIField("summary")]

    class Meta:
        ordering = ["-date"]


class BlogIndexPage(RoutablePageMixin, Page):
    """The home page: the post listing, newest first, with tag archives."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["blog.PostPage", "blog.ErrataPage", "timeline.TimelinePage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def articles(self):
        """Live, public items under this index, newest first."""
        return (
            ArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")
            .select_related("content_type")
        )

    @path("")
    def listing(self, request):
        page_of_posts = paginate(request, self.articles(), settings.POSTS_PER_PAGE)
        return self.render(request, context_overrides={"posts": page_of_posts})

    @path("tags/<slug:tag>/")
    def tag_archive(self, request, tag: str):
        tag_object = get_object_or_404(Tag, slug=tag)
        posts = PostPage.objects.child_of(self).live().public().filter(tags=tag_object).order_by("-date")
        return self.render(
            request,
            context_overrides={"posts": paginate(request, posts, settings.POSTS_PER_PAGE), "tag": tag_object},
            template="blog/tag_archive_page.html",
        )


class PostTag(TaggedItemBase):
    """The through-model tagging posts."""

    content_object = ParentalKey("blog.PostPage", on_delete=models.CASCADE, related_name="tagged_items")


class PostAuthor(Orderable):
    """An author of a post, in byline order."""

    page = ParentalKey("blog.PostPage", on_delete=models.CASCADE, related_name="post_authors")
    author = models.ForeignKey("blog.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]


class PostPage(ArticlePage):
    """A blog post: prose, math, code, figures, citations and simulations."""

    subtitle = models.CharField(max_length=300, blank=True)
    body = StreamField(PostBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=PostTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("tags"), InlinePanel("post_authors", label="Author")], heading="Metadata"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("subtitle"),
        APIField("tags"),
        APIField("body"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []

    def ensure_simulations(self) -> list:
        """Create and queue (after commit) every run this post's simulation blocks need."""
        from simulations.blocks import simulation_requests
        from simulations.runs import ensure_run

        return [ensure_run(solver, params) for solver, params in simulation_requests(self.body)]

    def serve_preview(self, request, mode_name):
        # Previewing is an editor's action: it may queue the runs the draft needs.
        self.ensure_simulations()
        return super().serve_preview(request, mode_name)

    def authors(self):
        """The post's authors in byline order."""
        return [link.author for link in self.post_authors.select_related("author")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        document = DocumentIndex.build(self.body)
        context["doc"] = document
        context["bibliography"] = self.bibliography(document)
        context["errata_pages"] = self.errata_pages()
        return context

    def bibliography(self, document: DocumentIndex):
        """References cited in the body, numbered in order of first citation."""
        from .snippets import Reference

        by_key = {ref.key: ref for ref in Reference.objects.filter(key__in=document.citation_keys)}
        return [(n, by_key[key]) for n, key in enumerate(document.citation_keys, 1) if key in by_key]

    def errata_pages(self):
        """Live, public errata pages whose target is this post."""
        from .errata import ErrataPage

        return ErrataPage.objects.live().public().filter(target_post=self)
