"""Django app configuration for the blog."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Posts, the post index, errata, content blocks, feeds and demo content."""

    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signals import connect_signals

        connect_signals()
