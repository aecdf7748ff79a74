"""Shared fixtures: the page tree, built once per test where needed, and browser switches."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    """Skip browser tests when no Chromium is installed, unless BROWSER_TESTS=1 demands them."""
    required = os.environ.get("BROWSER_TESTS") == "1"
    if CHROMIUM or required:
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (set BROWSER_TESTS=1 to require it)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def site_tree(db):
    """A site whose root is the blog index; returns the index page."""
    from tests.factories import make_site

    return make_site()


@pytest.fixture
def browser():
    """Headless Debian Chromium driven by Playwright (its own browser download fails here)."""
    # Playwright's sync API runs an event loop in this thread; the live server's ORM use is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM or "/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield browser
        browser.close()
        # The sync API runs the test in a greenlet with its own context variables, and so with
        # its own Django connections; close them here or they keep the test database open.
        connections.close_all()
