"""Admin registration: authors and references as snippets."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from blog.models import Author, Reference


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "affiliation"]
    search_fields = ["name"]


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "doc-full"
    menu_label = "References"
    list_display = ["key", "title", "authors", "year"]
    search_fields = ["key", "title", "authors"]


register_snippet(AuthorViewSet)
register_snippet(ReferenceViewSet)


@hooks.register("simulations_run_usage")
def posts_using_run(key: str) -> list[tuple[str, str]]:
    from blog.simulation_usage import posts_using

    return posts_using(key)


@hooks.register("simulations_referenced_keys")
def run_keys_of_posts() -> set[str]:
    from blog.simulation_usage import referenced_keys

    return referenced_keys()


@hooks.register("register_admin_urls")
def bibtex_import_urls():
    from django.urls import path

    from blog.admin_views import import_bibtex

    return [path("bibtex-import/", import_bibtex, name="blog_bibtex_import")]


@hooks.register("register_admin_menu_item")
def bibtex_import_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    return MenuItem("Import BibTeX", reverse("blog_bibtex_import"), icon_name="doc-full", order=310)
