"""Admin registration: authors and references as snippets."""

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
