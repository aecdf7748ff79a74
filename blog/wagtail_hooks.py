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
