"""Fixtures of the integration tests: test solvers in the registry and in the post body's
simulation block, a real Celery worker process against the test database, and waiting helpers.

The whole directory needs PostgreSQL and Redis (see `support.skip_reason`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.integration.solvers import TEST_SOLVERS, read_log
from tests.integration.support import Worker, database_url, skip_reason, wait_until, worker_env


def _walk_blocks(block, seen: set[int]) -> Iterator:
    if id(block) in seen:
        return
    seen.add(id(block))
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _walk_blocks(child, seen)
    if getattr(block, "child_block", None) is not None:
        yield from _walk_blocks(block.child_block, seen)


@contextmanager
def solvers_in_blocks() -> Iterator[None]:
    """Register the test solvers and offer them in every SimulationBlock of the post body.

    `SimulationBlock` builds its children from the registry when the models are imported,
    before a test can register anything; this adds (and later removes) one `SolverRunBlock`
    per test solver, so posts can embed them like any plugin.
    """
    from blog.models import PostPage
    from simulations.blocks import SimulationBlock, SolverRunBlock
    from simulations.registry import get_solver, registry

    registered = [cls.name for cls in TEST_SOLVERS if cls.name not in registry.entries]
    for cls in TEST_SOLVERS:
        if cls.name in registered:
            registry.register(cls)
    added = []
    for block in _walk_blocks(PostPage._meta.get_field("body").stream_block, set()):
        if isinstance(block, SimulationBlock):
            for cls in TEST_SOLVERS:
                name = cls.name.replace("-", "_")
                if name not in block.child_blocks:
                    child = SolverRunBlock(get_solver(cls.name))
                    child.set_name(name)
                    block.child_blocks[name] = child
                    added.append((block, name))
    try:
        yield
    finally:
        for block, name in added:
            block.child_blocks.pop(name, None)
        for name in registered:
            registry.unregister(name)


@pytest.fixture(scope="module", autouse=True)
def _test_solvers():
    if skip_reason():
        yield
        return
    with solvers_in_blocks():
        yield


@pytest.fixture(scope="module")
def integration_dir(tmp_path_factory) -> Path:
    """Where the solver log, failure flags and worker logs of this module live."""
    path = tmp_path_factory.mktemp("integration")
    (path / "flags").mkdir()
    return path


@pytest.fixture(scope="module")
def solver_log(integration_dir) -> Path:
    return integration_dir / "solver.log"


@pytest.fixture(scope="module")
def flags_dir(integration_dir) -> Path:
    return integration_dir / "flags"


@pytest.fixture(scope="module")
def make_worker(django_db_setup, integration_dir, solver_log, flags_dir):
    """A factory of workers against the test database (default: this run's REDIS_URL); all stopped at the end."""
    from django.conf import settings
    from django.db import connection

    workers: list[Worker] = []

    def make(redis_url: str | None = None, concurrency: int = 2) -> Worker:
        env = worker_env(
            database=database_url(connection.settings_dict),
            redis_url=redis_url or os.environ["REDIS_URL"],
            media_root=str(settings.MEDIA_ROOT),
            solver_log=solver_log,
            flags_dir=flags_dir,
        )
        worker = Worker(env, integration_dir / f"worker-{len(workers)}.log", concurrency)
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop(timeout=10)


@pytest.fixture(scope="module")
def celery_worker(make_worker) -> Iterator[Worker]:
    """One running worker shared by the module's tests (a test that kills it restarts it)."""
    worker = make_worker().start()
    yield worker
    worker.stop(timeout=10)


@pytest.fixture
def worker(celery_worker) -> Worker:
    """The shared worker, started again if an earlier test left it dead."""
    if not celery_worker.running:
        celery_worker.start()
    return celery_worker


@pytest.fixture
def events(solver_log):
    """events(tag) → [(event, pid), ...] logged by the test solvers for that tag."""
    return lambda tag: read_log(solver_log, tag)


@pytest.fixture
def wait_for_run(worker):
    """wait_for_run(key, statuses, timeout) → the run once its status is in `statuses`."""
    return _run_waiter(worker)


def _run_waiter(worker: Worker | None):
    from simulations.models import SimulationRun

    def wait(key: str, statuses=("done", "failed"), timeout: float = 120) -> SimulationRun:
        def describe() -> str:
            run = SimulationRun.objects.filter(key=key).first()
            state = f"status={run.status} attempts={run.attempts} worker={run.worker} error={run.error!r}" if run else "no row"
            return f"run {key[:12]} not {'/'.join(statuses)} ({state})\n" + (worker.log_tail() if worker else "")

        return wait_until(
            lambda: SimulationRun.objects.filter(key=key, status__in=statuses).first(), timeout, describe, interval=0.3
        )

    return wait


@pytest.fixture
def run_waiter():
    """Like `wait_for_run` for tests that bring their own worker."""
    return _run_waiter

