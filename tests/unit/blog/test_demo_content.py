"""`manage.py load_demo_content`: the seed posts, idempotence, validation and the admin account."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from blog.demo import figures, posts
from blog.demo.builder import paragraph
from blog.document import DocumentIndex
from blog.models import BlogIndexPage, ErrataPage, PostPage

pytestmark = pytest.mark.django_db

SEED_TITLES = [
    "Why Do Representations Collapse? Frustration and Dynamics from a Minimal Model",
    "Introduction to DMFT Formalism",
    "Timeline of Deep Learning",
    "Phase Transition Point in Classical Dynamics",
    "Timeline for Statistical Mechanics of Neural Networks",
    "DMFT Method of Random Recurrent Neural Networks",
    "Replica Method for Boolean Perceptron with Continuous Weight",
    "Scaling of Entropy Fluctuations and Complexity Across Free-Energy Levels",
    "Replica Method for the Sherrington-Kirkpatrick Model",
    'Errata for "Replica calculations for the SK model"',
]
PASSWORD_LINE = re.compile(r"with password: (\S+)")
_PNG_CACHE: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def cached_figures(monkeypatch):
    """Draw each figure once per test session: the PNGs are deterministic, drawing is slow."""
    original = figures.render_png

    def render_png(name: str) -> bytes:
        if name not in _PNG_CACHE:
            _PNG_CACHE[name] = original(name)
        return _PNG_CACHE[name]

    monkeypatch.setattr(figures, "render_png", render_png)


@pytest.fixture
def no_password_env(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def tree() -> list[tuple[str, str, bool]]:
    return [(page.url_path, page.specific_class.__name__, page.live) for page in Page.objects.order_by("path")]


def test_loading_twice_gives_the_same_tree_and_no_new_revisions(no_password_env):
    load()
    first, revisions = tree(), Revision.objects.count()
    load()
    assert tree() == first
    kinds = Counter(kind for _, kind, _ in first)
    # Tree root, the index, seven prose posts, the errata page and the two timelines with their entries.
    assert (kinds["Page"], kinds["BlogIndexPage"], kinds["PostPage"], kinds["ErrataPage"], kinds["TimelinePage"]) == (1, 1, 7, 1, 2)
    assert kinds["TimelineEntryPage"] >= 50
    assert Revision.objects.count() == revisions


def test_second_run_updates_changed_content_in_place(no_password_env, monkeypatch):
    load()
    page = PostPage.objects.get(slug="replica-method-sk-model")
    changed = dataclasses.replace(posts.replica_sk.POST, summary="A new summary.")
    monkeypatch.setattr(posts, "POSTS", [changed if p.slug == changed.slug else p for p in posts.POSTS])
    monkeypatch.setattr("blog.demo.loader.POSTS", posts.POSTS)
    load()
    updated = PostPage.objects.get(slug="replica-method-sk-model")
    assert (updated.pk, updated.summary, updated.live) == (page.pk, "A new summary.", True)
    assert PostPage.objects.count() == 7


def test_all_ten_seed_titles_are_live_in_listing_order(no_password_env):
    load()
    index = BlogIndexPage.objects.get()
    assert [page.title for page in index.articles()] == SEED_TITLES
    assert all(page.live and page.summary for page in index.articles())


def test_default_site_is_rooted_at_the_blog_index(no_password_env):
    load()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page.specific_class) == ("localhost", 80, BlogIndexPage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()


def test_errata_page_has_varied_errata_for_the_external_note(no_password_env):
    load()
    page = ErrataPage.objects.get()
    errata = list(page.errata.all())
    assert len(errata) >= 5
    assert len({e.kind for e in errata}) >= 3
    assert len({e.status for e in errata}) >= 3
    assert (page.external_title, page.external_authors) == ("Replica calculations for the SK model", "Haozhe Shan")
    assert "illustrative" in page.intro


def test_every_post_body_passes_post_body_validation(no_password_env):
    load()
    stream_block = PostPage.body.field.stream_block
    for page in PostPage.objects.all():
        stream_block.clean(page.body)  # raises on any broken \eqref, \cite or footnote


def test_posts_use_every_kind_of_block_and_cross_reference(no_password_env):
    load()
    block_types, callout_kinds, documents = set(), set(), []
    for page in PostPage.objects.all():
        documents.append(DocumentIndex.build(page.body))
        for block in page.body:
            block_types.add(block.block_type)
            if block.block_type == "callout":
                callout_kinds.add(block.value["kind"])
    assert {"heading", "paragraph", "equation", "code", "figure", "callout", "derivation", "quote", "footnote"} <= block_types
    assert len(callout_kinds) >= 3
    assert sum(len(doc.eqrefs) for doc in documents) >= 10
    assert sum(len(doc.citation_keys) for doc in documents) >= 10


def test_admin_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct horse battery staple")
    output = load()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("correct horse battery staple")
    assert "correct horse" not in output


def test_generated_admin_password_is_printed_once_and_works(no_password_env):
    first = load()
    password = PASSWORD_LINE.search(first).group(1)
    assert len(password) >= 20
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert "password" not in load()


def test_demo_content_that_does_not_validate_fails_loudly(no_password_env, monkeypatch):
    broken = dataclasses.replace(posts.POSTS[0], body=[paragraph("See \\eqref{no-such-equation}.")])
    monkeypatch.setattr("blog.demo.loader.POSTS", [broken])
    with pytest.raises(CommandError, match="no-such-equation"):
        load()
    assert not PostPage.objects.exists()
