"""The Celery app the integration tests' worker runs: the site's app plus the test solvers.

    celery -A tests.integration.worker_app worker -Q simulations,celery --pool prefork ...

The solvers are registered before the pool forks, so every child process knows them.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

from config.celery import app
from tests.integration.solvers import register_test_solvers

register_test_solvers()

__all__ = ["app"]
