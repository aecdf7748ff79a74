"""Blog URLs outside the page tree: search, feeds, robots.txt."""

from django.urls import path

from . import views
from .feeds import AtomPostsFeed, PostsFeed

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/rss/", PostsFeed(), name="feed-rss"),
    path("feeds/atom/", AtomPostsFeed(), name="feed-atom"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz/", views.healthz, name="healthz"),
]
