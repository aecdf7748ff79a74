"""Headless Chromium opens a post and checks that KaTeX typeset its math."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.factories import ErrataPageFactory, PostPageFactory, ReferenceFactory, publish
from tests.unit.blog.body_data import EVERY_BLOCK_BODY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "artifacts"))


def test_post_math_is_typeset_and_a_screenshot_is_saved(live_server, browser, site_tree):
    ReferenceFactory(key="sk1975")
    broken = [{"type": "equation", "value": {"latex": r"x^2^3", "numbered": True, "label": ""}}]
    post = publish(PostPageFactory(parent=site_tree, title="Typeset", slug="typeset", body=EVERY_BLOCK_BODY + broken))
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + post.url)
    page.wait_for_selector("html.math-typeset", timeout=15000)

    assert page.locator(".equation .katex-display").count() == 4
    assert page.locator(".block-paragraph .katex").count() >= 1, "inline $...$ math is typeset"
    assert page.locator(".callout .katex").count() >= 1
    body_text = page.inner_text(".post__body")
    assert "$$" not in body_text and "$H" not in body_text
    assert page.locator(".katex-tag").first.inner_text().strip() == "(1)"
    assert page.locator(".katex-error").count() == 1, "the bad formula shows an error marker in place"
    assert page.locator(".bibliography").is_visible(), "the rest of the page still renders after the error"
    assert errors == []

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "post.png"), full_page=True)
    assert (ARTIFACTS / "post.png").stat().st_size > 10_000


def test_errata_formulas_are_typeset(live_server, browser, site_tree):
    from blog.models import Erratum

    errata = ErrataPageFactory(parent=site_tree, slug="errata-b")
    errata.errata.add(Erratum(location="Eq. 1", original=r"\tanh x", correction=r"\tanh^2 x", kind="typo", status="confirmed"))
    publish(errata)
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(live_server.url + errata.url)
    page.wait_for_selector("html.math-typeset", timeout=15000)
    assert page.locator(".erratum__correction .katex").count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "errata-mobile.png"), full_page=True)
