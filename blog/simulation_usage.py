"""Which posts need which simulation runs: their live bodies and their latest drafts."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from blog.models import PostPage
from simulations.blocks import simulation_requests
from simulations.errors import SimulationError
from simulations.keys import key_for


def _bodies(page: PostPage) -> Iterator:
    if page.live:
        yield page.body
    if page.has_unpublished_changes and page.latest_revision_id:
        yield page.latest_revision.as_object().body


def keys_of(page: PostPage) -> set[str]:
    """Run keys of a post's live body and latest draft."""
    keys = set()
    for body in _bodies(page):
        for solver, params in simulation_requests(body):
            try:
                keys.add(key_for(solver, params)[0])
            except SimulationError:  # a draft may name a solver that is gone or invalid values
                continue
    return keys


def posts_using(key: str) -> list[tuple[str, str]]:
    """(title, admin edit URL) of the posts that need run `key`."""
    posts = PostPage.objects.select_related("latest_revision").order_by("title")
    return [(post.title, reverse("wagtailadmin_pages:edit", args=[post.pk])) for post in posts if key in keys_of(post)]


def referenced_keys() -> set[str]:
    """Every run key that a live post or a draft revision of one needs."""
    keys: set[str] = set()
    for post in PostPage.objects.select_related("latest_revision"):
        keys |= keys_of(post)
    return keys
