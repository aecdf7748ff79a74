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
