"""Blog models: snippets, the post index and post pages, and errata pages."""

from .errata import ErrataPage, Erratum
from .pages import ArticlePage, BlogIndexPage, PostAuthor, PostPage, PostTag
from .snippets import Author, Reference

__all__ = [
    "ArticlePage",
    "Author",
    "BlogIndexPage",
    "ErrataPage",
    "Erratum",
    "PostAuthor",
    "PostPage",
    "PostTag",
    "Reference",
]
