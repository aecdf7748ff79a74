"""Redis (the Celery broker) stopped: pages still render and publishing still works; once Redis
is back, the queued work completes.

The test runs its own throw-away redis-server on a free port for the worker and for this
process's Celery app; the machine's Redis is never touched.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.test import Client

from tests.integration.support import (
    figures_on,
    published_post,
    simulation,
    skip_reason,
    the_run,
    wait_until,
)

REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or ""),
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs redis-server to run a Redis it may stop"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server without persistence: stopping it loses every message, as a crash would."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
        except redis.ConnectionError:
            return False

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        with open(self.directory / "redis.log", "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        wait_until(self.ping, 30, f"redis-server on port {self.port} did not answer")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        assert not self.ping()


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def celery_broker(url: str, monkeypatch) -> Iterator[None]:
    """Point this process's Celery app (the publisher) at another broker for a while."""
    from config.celery import app

    def forget_connections() -> None:
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None

    previous = app.conf.broker_url
    monkeypatch.setenv("CELERY_BROKER_URL", url)  # Celery reads it before its settings
    app.conf.broker_url = url
    forget_connections()
    try:
        yield
    finally:
        monkeypatch.delenv("CELERY_BROKER_URL")
        app.conf.broker_url = previous
        forget_connections()


def test_with_redis_stopped_pages_render_and_say_pending_and_the_work_completes_once_redis_is_back(
    site_tree, own_redis, make_worker, run_waiter, monkeypatch, solver_log
):
    from simulations.models import SimulationRun
    from tests.factories import publish
    from tests.integration.solvers import read_log

    worker = make_worker(redis_url=own_redis.url).start()
    wait_for_run = run_waiter(worker)
    with celery_broker(own_redis.url, monkeypatch):
        cached = simulation("it-sleep", tag="before-outage", alt_text="Cached")
        post = published_post(site_tree, "outage", cached)
        assert wait_for_run(the_run("it-sleep", "before-outage").key).status == "done"

        own_redis.stop()

        # Publishing works: the page goes live and the new block's run waits, queued.
        post.body = [cached, simulation("it-sleep", tag="during-outage", alt_text="Pending")]
        started = time.monotonic()
        publish(post)
        assert time.monotonic() - started < 30, "publishing does not hang on the broker"
        run = the_run("it-sleep", "during-outage")
        from django.utils import timezone

        from simulations.runs import REQUEUE_AFTER, SEND_RETRY_AFTER

        assert run.status == "queued"
        # The lost send is marked for another try within SEND_RETRY_AFTER, not on every poll.
        assert run.queued_at <= timezone.now() - REQUEUE_AFTER + SEND_RETRY_AFTER

        # Pages render; the cached figure shows, the pending one says it is queued.
        response = Client().get(post.url)
        assert response.status_code == 200
        done, pending = figures_on(response.content.decode())
        assert "simulation--done" in done["class"] and done.select_one("img")["alt"] == "Cached"
        assert "simulation--queued" in pending["class"]
        assert "This figure is queued for computation" in pending.select_one(".simulation__status").text
        status_url = pending["data-status-url"]
        status = Client().get(status_url)
        assert status.status_code == 200 and status.json()["status"] == "queued"
        assert SimulationRun.objects.get(pk=run.pk).status == "queued"

        own_redis.start()  # empty: the task was never delivered

        # A reader's page polls the status endpoint, which sends the queued run again.
        def finished() -> bool:
            response = Client().get(status_url)
            assert response.status_code == 200
            return response.json()["status"] == "done"

        wait_until(finished, 120, lambda: f"the queued run did not complete\n{worker.log_tail()}", interval=1)
        response = Client().get(post.url)
        assert response.status_code == 200
        assert all("simulation--done" in figure["class"] for figure in figures_on(response.content.decode()))
        assert [event for event, _ in read_log(solver_log, "during-outage")] == ["start", "end"]
    worker.stop()
