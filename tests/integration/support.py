"""Helpers of the integration tests: the environment check, a Celery worker process, waiting."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def skip_reason() -> str | None:
    """Why the integration tests cannot run here, or None when PostgreSQL and Redis are configured."""
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        return "integration tests need DATABASE_URL=postgres://... (e.g. postgres://postgres@127.0.0.1:5432/postgres)"
    if not os.environ.get("REDIS_URL", "").startswith("redis://"):
        return "integration tests need REDIS_URL=redis://... (e.g. redis://127.0.0.1:6379/15)"
    return None


def database_url(settings_dict: dict[str, Any]) -> str:
    """A DATABASE_URL for another process that names the same database as `settings_dict`."""
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def wait_until(predicate: Callable[[], T], timeout: float, message: str | Callable[[], str], interval: float = 0.25) -> T:
    """Poll `predicate` until it returns something truthy; fail with `message` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"after {timeout:.0f} s: {message() if callable(message) else message}")
        time.sleep(interval)


class Worker:
    """A `celery worker` subprocess in its own process group, with its output in a log file."""

    def __init__(self, env: dict[str, str], log_path: Path, concurrency: int = 2):
        self.env = env
        self.log_path = log_path
        self.concurrency = concurrency
        self.process: subprocess.Popen | None = None
        self.name = f"it-{uuid.uuid4().hex[:8]}@%h"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "celery", "-A", "tests.integration.worker_app", "worker",
            "-Q", "simulations,celery", "--pool", "prefork", "--concurrency", str(self.concurrency),
            "-l", "info", "-n", self.name, "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no worker log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def start(self, timeout: float = 120) -> Worker:
        """Start the worker and wait for its 'ready' line (the start-up sweep has run by then)."""
        assert not self.running, "the worker is already running"
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Celery worker exited with {self.process.returncode}:\n{self.log_tail()}")
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                if b" ready." in log.read():
                    return self
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"the Celery worker was not ready after {timeout:.0f} s:\n{self.log_tail()}")

    def child_pids(self) -> list[int]:
        """The pool processes (children of the main worker process)."""
        if not self.running:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)

    def kill(self) -> None:
        """SIGKILL the main process and its pool children at once: no shutdown code runs."""
        if self.process is None:
            return
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 20) -> None:
        """Warm shutdown (SIGTERM); SIGKILL the whole group if it takes longer than `timeout`."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        # Pool children left behind (if any) go too; the group holds only this worker's processes.
        self._signal_group(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)

    def restart(self, timeout: float = 120) -> Worker:
        self.stop()
        return self.start(timeout)


def worker_env(*, database: str, redis_url: str, media_root: str, solver_log: Path, flags_dir: Path) -> dict[str, str]:
    """The environment of a worker that sees the test database, the given Redis and test media."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database,
        DB_CONN_MAX_AGE="0",
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=redis_url,
        MEDIA_ROOT=media_root,
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        LOG_LEVEL="INFO",
        SIMULATION_TEST_LOG=str(solver_log),
        SIMULATION_TEST_FLAGS=str(flags_dir),
    )
    return env


# --- posts, runs and their files --------------------------------------------------------------


def simulation(solver: str, alt_text: str = "", **params) -> dict:
    """The stored form of a post body's simulation block holding one solver's parameters."""
    value = {**params, "show_figures": [], "caption": "", "alt_text": alt_text}
    return {"type": "simulation", "value": [{"type": solver.replace("-", "_"), "value": value}]}


def published_post(site_tree, slug: str, *blocks: dict):
    """A post under `site_tree` with these body blocks, published (which ensures its runs)."""
    from tests.factories import PostPageFactory, publish

    return publish(PostPageFactory(parent=site_tree, slug=slug, title=slug.replace("-", " ").title(), body=list(blocks)))


def the_run(solver: str, tag: str):
    """The run of a test solver's block, found by its tag."""
    from simulations.models import SimulationRun

    return SimulationRun.objects.get(solver=solver, params__tag=tag)


def media_file(url: str) -> Path:
    """The file in MEDIA_ROOT that a media URL names."""
    from django.conf import settings

    assert url.startswith(settings.MEDIA_URL), url
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


def figures_on(html: str) -> list:
    """The simulation <figure> elements of a page."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").select("figure.simulation")
