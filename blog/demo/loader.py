"""Create or update the demo site: index, site record, snippets, images, posts and errata.

Every step finds its object by a stable key (slug, citation key, image title, username)
and updates it in place, so loading twice gives the same tree. A page whose content is
already what the demo data says is left alone (no new revision).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.blocks import StreamBlockValidationError
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.bibtex import parse_bibtex
from blog.models import Author, BlogIndexPage, ErrataPage, Erratum, PostAuthor, PostPage, Reference
from timeline.demo import load_timelines

from . import figures
from .builder import IMAGE_PLACEHOLDER, ErrataPageData, PostData
from .posts import ERRATA_PAGES, POSTS

BIBTEX_FILE = Path(__file__).with_name("references.bib")
INDEX_TITLE = "Statistical Mechanics of Neural Networks"
INDEX_SLUG = "blog"
INDEX_INTRO = (
    "<p>Notes on spin glasses, the replica method, dynamical mean-field theory and the "
    "theory of learning, written out with the derivations.</p>"
)
EDITOR = {"name": "The Editors", "affiliation": "", "link": ""}
ADMIN_USERNAME = "admin"


class DemoContentError(Exception):
    """Demo data that does not validate; the message names the page and what is wrong."""


@dataclass
class Report:
    """What one load did, for the command's output."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    admin_password: str | None = None

    def record(self, outcome: str, title: str) -> None:
        getattr(self, outcome).append(title)


def load(admin_password: str | None = None, log: Callable[[str], None] = lambda _: None) -> Report:
    """Load everything; `admin_password` is used only if the admin user must be created."""
    report = Report()
    with transaction.atomic():
        index = ensure_index(report)
        ensure_site(index)
        author = ensure_author()
        count = ensure_references()
        log(f"References: {count} from {BIBTEX_FILE.name}.")
        images = ensure_images()
        log(f"Images: {', '.join(sorted(images))}.")
        for post in POSTS:
            upsert_post(index, post, author, images, report)
        for errata in ERRATA_PAGES:
            upsert_errata_page(index, errata, report)
        load_timelines(index)
        log("Timelines: loaded.")
        report.admin_password = ensure_admin(admin_password)
    return report


# --- Site structure -------------------------------------------------------------------


def ensure_index(report: Report) -> BlogIndexPage:
    """The one `BlogIndexPage`, under the tree root; Wagtail's welcome page is removed."""
    root = Page.get_first_root_node()
    index = BlogIndexPage.objects.first()
    if index is None:
        index = root.add_child(instance=BlogIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO))
        index.save_revision().publish()
        report.record("created", index.title)
    elif index.title != INDEX_TITLE or index.intro != INDEX_INTRO or not index.live:
        index.title, index.intro = INDEX_TITLE, INDEX_INTRO
        index.save_revision().publish()
        report.record("updated", index.title)
    # The welcome page of a fresh Wagtail install: a plain Page at depth 2 with no children.
    for welcome in Page.objects.filter(depth=2, numchild=0).exact_type(Page):
        Site.objects.filter(root_page=welcome).update(root_page=index)
        welcome.delete()
    return index


def ensure_site(index: BlogIndexPage) -> Site:
    """The default site: localhost:80, rooted at the index."""
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site()
    )
    Site.objects.exclude(pk=site.pk).filter(hostname="localhost", port=80).delete()
    site.hostname, site.port, site.root_page, site.is_default_site = "localhost", 80, index, True
    site.site_name = INDEX_TITLE
    site.save()
    return site


def ensure_author() -> Author:
    author, _ = Author.objects.update_or_create(name=EDITOR["name"], defaults=EDITOR)
    return author


def ensure_references() -> int:
    """One `Reference` per entry of references.bib, keyed by citation key."""
    chunks = _split_entries(BIBTEX_FILE.read_text(encoding="utf-8"))
    for raw in chunks:
        (entry,) = parse_bibtex(raw)
        reference = Reference.objects.filter(key=entry.key).first()
        if reference is not None and reference.bibtex == raw:
            continue
        # A fresh instance (same row) so that `clean` refills every field from the BibTeX.
        reference = Reference(pk=reference.pk if reference else None, bibtex=raw)
        try:
            reference.full_clean(validate_unique=False)
        except ValidationError as error:
            raise DemoContentError(f"Reference {entry.key!r}: {error.messages}") from error
        reference.save()
    return len(chunks)


def _split_entries(source: str) -> list[str]:
    """The BibTeX source of each entry, in file order (an entry starts with '@' in column 0)."""
    chunks: list[list[str]] = []
    for line in source.splitlines():
        if line.startswith("@"):
            chunks.append([])
        if chunks:
            chunks[-1].append(line)
    return ["\n".join(lines).strip() for lines in chunks if not lines[0].lower().startswith("@comment")]


def ensure_images() -> dict[str, int]:
    """A Wagtail image per demo figure, replaced only when the PNG bytes change."""
    image_model = get_image_model()
    ids = {}
    for name, spec in figures.FIGURES.items():
        png = figures.render_png(name)
        digest = hashlib.sha1(png).hexdigest()
        image = image_model.objects.filter(title=spec.title).first()
        if image is None or image.file_hash != digest:
            if image is None:
                image = image_model(title=spec.title)
            elif image.file:
                image.file.delete(save=False)
            image.file = ImageFile(_named_bytes(png, f"demo-{name}.png"), name=f"demo-{name}.png")
            image._set_image_file_metadata()
            image.save()
        ids[name] = image.pk
    return ids


def _named_bytes(data: bytes, name: str):
    from io import BytesIO

    buffer = BytesIO(data)
    buffer.name = name
    return buffer


def ensure_admin(password: str | None) -> str | None:
    """Create the superuser `admin` if missing; return the password only if we generated it."""
    user_model = get_user_model()
    if user_model.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(18)
    user_model.objects.create_superuser(ADMIN_USERNAME, email="admin@localhost", password=password)
    return generated


# --- Pages ----------------------------------------------------------------------------


def resolve_images(value: Any, images: dict[str, int]) -> Any:
    """Replace figure placeholders in raw body data by image ids."""
    if isinstance(value, dict):
        return {key: resolve_images(item, images) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_images(item, images) for item in value]
    if isinstance(value, str) and value.startswith(IMAGE_PLACEHOLDER):
        name = value.removeprefix(IMAGE_PLACEHOLDER)
        if name not in images:
            raise DemoContentError(f"Unknown demo figure {name!r}; known: {', '.join(sorted(images))}.")
        return images[name]
    return value


def _without_ids(value: Any) -> Any:
    """Raw stream data with block ids dropped, for comparing content across saves."""
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def validated_body(post: PostData, images: dict[str, int]):
    """The post's body as a StreamValue, cleaned by `PostBodyBlock` (cross-references too)."""
    stream_block = PostPage.body.field.stream_block
    known = set(stream_block.child_blocks)
    unknown = [block["type"] for block in post.body if block["type"] not in known]
    if unknown:
        # StreamField silently drops unknown block types; demo data must not lose content.
        raise DemoContentError(f"Post {post.slug!r}: unknown block types {unknown}.")
    value = PostPage.body.field.to_python(resolve_images(post.body, images))
    try:
        return stream_block.clean(value)
    except StreamBlockValidationError as error:
        details = {
            index: [str(message) for message in getattr(err, "messages", [err])]
            for index, err in error.block_errors.items()
        }
        raise DemoContentError(
            f"Post {post.slug!r} does not validate: {error.non_block_errors} {details}"
        ) from error


def _post_state(page: PostPage) -> dict[str, Any]:
    stream_block = PostPage.body.field.stream_block
    return {
        "title": page.title,
        "subtitle": page.subtitle,
        "summary": page.summary,
        "date": page.date,
        "search_description": page.search_description,
        "tags": sorted(tag.name for tag in page.tags.all()),
        "authors": [link.author_id for link in page.post_authors.all()],
        "body": _without_ids(stream_block.get_prep_value(page.body)),
    }


def upsert_post(
    index: BlogIndexPage, post: PostData, author: Author, images: dict[str, int], report: Report
) -> PostPage:
    body = validated_body(post, images)
    page = PostPage.objects.child_of(index).filter(slug=post.slug).first()
    created = page is None
    if created:
        page = PostPage(slug=post.slug)
    elif page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    before = None if created else _post_state(page)
    page.title, page.subtitle, page.summary, page.date = post.title, post.subtitle, post.summary, post.date
    page.search_description = post.search_description or post.summary
    page.body = body
    page.tags.set(list(post.tags))
    existing = {link.author_id: link for link in page.post_authors.all()}
    page.post_authors = [existing.get(author.pk) or PostAuthor(author=author)]
    if not created and before == _post_state(page) and page.live and not page.has_unpublished_changes:
        report.record("unchanged", post.title)
        return page
    _publish(index, page, created, post.title)
    report.record("created" if created else "updated", post.title)
    return page


def _publish(index: BlogIndexPage, page: Page, created: bool, title: str) -> None:
    try:
        if created:
            index.add_child(instance=page)
        page.save_revision().publish()
    except ValidationError as error:
        raise DemoContentError(f"Page {title!r} does not validate: {error.message_dict}") from error


def _erratum_fields(erratum) -> dict[str, Any]:
    return {
        "kind": erratum.kind,
        "status": erratum.status,
        "original": erratum.original,
        "correction": erratum.correction,
        "explanation": erratum.explanation,
        "reported_by": erratum.reported_by,
        "date": erratum.date,
    }


def _errata_state(page: ErrataPage) -> dict[str, Any]:
    return {
        "title": page.title,
        "summary": page.summary,
        "date": page.date,
        "intro": page.intro,
        "search_description": page.search_description,
        "external": (page.external_title, page.external_authors, page.external_url, page.external_version),
        "errata": [(e.location, _erratum_fields(e)) for e in page.errata.all()],
    }


def upsert_errata_page(index: BlogIndexPage, data: ErrataPageData, report: Report) -> ErrataPage:
    page = ErrataPage.objects.child_of(index).filter(slug=data.slug).first()
    created = page is None
    if created:
        page = ErrataPage(slug=data.slug)
    elif page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    before = None if created else _errata_state(page)
    page.title, page.summary, page.date, page.intro = data.title, data.summary, data.date, data.intro
    page.search_description = data.summary
    page.target_post = None
    page.external_title, page.external_authors = data.external_title, data.external_authors
    page.external_url, page.external_version = data.external_url, data.external_version
    existing = {erratum.location: erratum for erratum in page.errata.all()}
    errata = []
    for position, item in enumerate(data.errata):
        erratum = existing.get(item.location) or Erratum(location=item.location)
        for name, value in _erratum_fields(item).items():
            setattr(erratum, name, value)
        # Only admin forms fill sort_order; without it PostgreSQL returns errata in no fixed order.
        erratum.sort_order = position
        try:
            erratum.full_clean(exclude=["page"])
        except ValidationError as error:
            raise DemoContentError(f"Erratum {item.location!r}: {error.message_dict}") from error
        errata.append(erratum)
    page.errata = errata
    if not created and before == _errata_state(page) and page.live and not page.has_unpublished_changes:
        report.record("unchanged", data.title)
        return page
    _publish(index, page, created, data.title)
    report.record("created" if created else "updated", data.title)
    return page
