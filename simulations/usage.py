"""Where runs are used, asked through Wagtail hooks so this app never imports page models.

Apps with pages register two hooks (see `blog/wagtail_hooks.py`):
`simulations_run_usage(key) -> [(title, admin_url)]` and
`simulations_referenced_keys() -> set[str]` (keys of live pages and of draft revisions).
"""

from __future__ import annotations

from wagtail import hooks


def pages_using(key: str) -> list[tuple[str, str]]:
    """(title, admin URL) of every page whose live or draft body needs this run."""
    found: list[tuple[str, str]] = []
    for hook in hooks.get_hooks("simulations_run_usage"):
        found.extend(hook(key))
    return found


def referenced_keys() -> set[str]:
    """Every run key that a live page or a draft revision needs."""
    keys: set[str] = set()
    for hook in hooks.get_hooks("simulations_referenced_keys"):
        keys |= set(hook())
    return keys
