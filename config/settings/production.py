"""Production settings: refuse to start without the secrets and hosts they need."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _required(name: str) -> str:
    """Return an environment variable, or fail loudly naming it."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"Production settings need the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
DATABASES = {"default": env.db_url_config(_required("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's preview views override this to SAMEORIGIN for the admin's preview panel.
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str("CACHE_REDIS_URL", default=REDIS_URL),  # noqa: F405
        "KEY_PREFIX": "blog",
    }
}
# Container healthchecks talk plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]

# --- Page cache (config/page_cache.py) -----------------------------------------------
# Its own Redis alias so that a slow or dead Redis costs a reader at most these timeouts.
_PAGE_CACHE_URL = env.str("PAGE_CACHE_REDIS_URL", default=CACHES["default"]["LOCATION"])
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    # redis-py spells kombu's embedded-socket URL (redis+socket://) as unix://.
    "LOCATION": _PAGE_CACHE_URL.replace("redis+socket://", "unix://", 1),
    "KEY_PREFIX": "pages",
    "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
}
PAGE_CACHE_ALIAS = "pages"
# --- end of page cache ----------------------------------------------------------------
