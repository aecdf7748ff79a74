"""Publishing a post queues the simulation runs it needs, after the transaction commits."""

from __future__ import annotations


def queue_simulations_on_publish(sender, instance, **kwargs) -> None:
    """Ensure a run exists, and is queued unless done, for every simulation block of a post."""
    instance.ensure_simulations()


def connect_signals() -> None:
    """Connect the blog's signal handlers (called from AppConfig.ready)."""
    from wagtail.signals import page_published

    from blog.models import PostPage

    page_published.connect(queue_simulations_on_publish, sender=PostPage, dispatch_uid="blog.queue_simulations")

    # Bylines and bibliographies are rendered into cached pages: editing a snippet refreshes them.
    from django.db.models.signals import post_delete, post_save

    from blog.models import Author, Reference
    from config.page_cache import invalidate_pages

    for model in (Author, Reference):
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"blog.page_cache.save.{model.__name__}")
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"blog.page_cache.delete.{model.__name__}")
