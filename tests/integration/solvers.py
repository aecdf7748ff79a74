"""Test-only solvers for the integration tests: sleep, fail on demand, log every execution.

They are registered in the test process (see `conftest.test_solvers_in_blocks`) and in the
Celery worker (`worker_app`). Each execution appends `start <tag> <pid>` and, if the solve
finished, `end <tag> <pid>` to the file named by `SIMULATION_TEST_LOG`, so a test can count
how many times a run was computed. `it-flaky` raises while the file `<tag>.fail` exists in
the directory named by `SIMULATION_TEST_FLAGS`: deleting it is "the fix".
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
from pydantic import Field

from simulations.base import Solver
from simulations.params import SolverParams
from simulations.result import Result

LOG_ENV = "SIMULATION_TEST_LOG"
FLAGS_ENV = "SIMULATION_TEST_FLAGS"


def log_event(event: str, tag: str) -> None:
    """Append one line to the execution log (O_APPEND: concurrent writers do not interleave)."""
    path = os.environ.get(LOG_ENV)
    if path:
        with open(path, "a") as handle:
            handle.write(f"{event} {tag} {os.getpid()}\n")


def read_log(path: Path, tag: str) -> list[tuple[str, int]]:
    """(event, pid) of every logged line for `tag`."""
    if not path.exists():
        return []
    events = []
    for line in path.read_text().splitlines():
        event, line_tag, pid = line.split()
        if line_tag == tag:
            events.append((event, int(pid)))
    return events


class SleepParams(SolverParams):
    """A tag naming the test (so every test has its own run keys) and how long to sleep."""

    tag: str = Field("default", min_length=1, max_length=60, pattern=r"^[a-z0-9-]+$", title="Tag", description="Names the test.")
    seconds: float = Field(0.0, ge=0, le=60, title="Sleep", description="Seconds to sleep in solve.", json_schema_extra={"unit": "s"})


class SleepSolver(Solver):
    """Sleeps, logs, and returns a parabola with one figure."""

    name = "it-sleep"
    version = "1"
    title = "Integration test: sleep"
    summary = "Sleeps for a while, then returns a parabola."
    Params = SleepParams
    figure_names = ("curve",)
    expected_seconds = 0.05

    def solve(self, params: SleepParams) -> Result:
        log_event("start", params.tag)
        deadline = time.monotonic() + params.seconds
        while (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.05))
        self.check(params)
        log_event("end", params.tag)
        x = np.linspace(0.0, 1.0, 11)
        return Result({"seconds": params.seconds}, {"x": x, "y": x * x})

    def check(self, params: SleepParams) -> None:
        """Hook for failing on demand."""

    def figures(self, result: Result):
        from simulations.style import new_figure

        figure, axes = new_figure()
        axes.plot(result.series["x"], result.series["y"])
        axes.set_xlabel("x")
        return {"curve": figure}


class FlakySolver(SleepSolver):
    """Like `it-sleep`, but raises while its flag file exists."""

    name = "it-flaky"
    title = "Integration test: fails on demand"
    summary = "Raises while <tag>.fail exists in $SIMULATION_TEST_FLAGS."

    def check(self, params: SleepParams) -> None:
        flags = os.environ.get(FLAGS_ENV)
        if flags and (Path(flags) / f"{params.tag}.fail").exists():
            raise RuntimeError(f"it-flaky was told to fail ({params.tag})")


class StubbornSolver(SleepSolver):
    """Like `it-sleep`, but ignores Celery's soft time limit, as code stuck in C would."""

    name = "it-stubborn"
    title = "Integration test: ignores the soft time limit"
    summary = "Sleeps through SoftTimeLimitExceeded; only the hard limit stops it."

    def solve(self, params: SleepParams) -> Result:
        from celery.exceptions import SoftTimeLimitExceeded

        log_event("start", params.tag)
        deadline = time.monotonic() + params.seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                time.sleep(min(left, 0.05))
            except SoftTimeLimitExceeded:
                log_event("soft-limit", params.tag)
        log_event("end", params.tag)
        return Result({"seconds": params.seconds}, {"x": np.zeros(2), "y": np.zeros(2)})


TEST_SOLVERS: tuple[type[Solver], ...] = (SleepSolver, FlakySolver, StubbornSolver)


def register_test_solvers() -> list[str]:
    """Register the test solvers with the default registry (once); return the names added."""
    from simulations.registry import registry

    added = []
    for cls in TEST_SOLVERS:
        if cls.name not in registry.entries:
            registry.register(cls)
            added.append(cls.name)
    return added
