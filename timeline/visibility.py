"""What anonymous readers may see: live, public, unexpired pages under visible ancestors.

Wagtail's `.live().public()` misses two states: a page whose `expire_at` has passed before
`publish_scheduled` ran, and a live page under an unpublished (or expired) ancestor. The
timeline API and pages are cached publicly, so they filter on all of them, always as the
anonymous reader, whoever asks.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page


class Visibility:
    """One snapshot (one query) of the pages that hide themselves and their subtrees."""

    def __init__(self) -> None:
        self.now = timezone.now()
        hiding = (
            Page.objects.filter(
                Q(view_restrictions__isnull=False)
                | Q(live=False, numchild__gt=0)
                | Q(expire_at__lte=self.now, numchild__gt=0)
            )
            .values_list("path", flat=True)
            .distinct()
        )
        self.hidden_paths = sorted(set(hiding))

    def q(self, prefix: str = "") -> Q:
        """Rows (reached through `prefix`, e.g. ``"related_posts__"``) readers may see."""
        visible = Q(**{f"{prefix}live": True}) & (
            Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": self.now})
        )
        if self.hidden_paths:
            hidden = reduce(or_, (Q(**{f"{prefix}path__startswith": p}) for p in self.hidden_paths))
            visible &= ~hidden
        return visible

    def filter(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(self.q())

    def allows(self, page: Page) -> bool:
        """Whether one page already loaded is visible (same rules as `q`)."""
        if not page.live or (page.expire_at is not None and page.expire_at <= self.now):
            return False
        return not any(page.path.startswith(p) for p in self.hidden_paths)
