"""Settings for bench/bench_timeline_api.py: the test settings, DEBUG off, API v2 allowed 500 items."""

from config.settings.test import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Wagtail API v2 caps listings at 20 items by default; the comparison needs all 500 in one response.
WAGTAILAPI_LIMIT_MAX = 1000
LOGGING = {"version": 1, "disable_existing_loggers": True}
