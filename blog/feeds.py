"""RSS 2.0 and Atom feeds of the newest live, public posts."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from blog.models import ArticlePage

FEED_LENGTH = 20


class PostsFeed(Feed):
    """The newest posts, errata and timelines, as RSS 2.0."""

    feed_type = Rss201rev2Feed
    title = "Statistical Mechanics of Neural Networks"
    link = "/"
    description = "Posts on the replica method, dynamical mean-field theory, spin glasses and learning theory."

    def items(self):
        return ArticlePage.objects.live().public().order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url(request=self.request) or item.url

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(12)), timezone.get_default_timezone())

    def item_updateddate(self, item: ArticlePage) -> datetime:
        return item.last_published_at or self.item_pubdate(item)

    def item_guid(self, item: ArticlePage) -> str:
        return f"post-{item.pk}"

    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


class AtomPostsFeed(PostsFeed):
    """The same posts as an Atom 1.0 feed."""

    feed_type = Atom1Feed
    subtitle = PostsFeed.description
