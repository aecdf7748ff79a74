"""Wagtail API v2: pages, images and documents for headless clients."""

from django.db.models import Q
from django.utils import timezone
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, also hiding expired pages (and their subtrees) not yet unpublished."""

    def get_base_queryset(self):
        # `publish_scheduled` unpublishes expired pages only when it next runs; until then
        # they and their subtrees are still live, and readers of the API must not see them.
        expired = Page.objects.live().filter(expire_at__lte=timezone.now()).values_list("path", flat=True)
        subtrees = Q()
        for path in expired:
            subtrees |= Q(path__startswith=path)
        queryset = super().get_base_queryset()
        return queryset.exclude(subtrees) if subtrees else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
