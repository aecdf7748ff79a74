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
