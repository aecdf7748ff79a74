"""The life of a run: ensure it exists, queue it, claim it, finish or fail it.

Single flight: a run is a row unique on its key; whoever needs a key shares that row. Only
one execution can hold a run (a conditional update sets its claim token), and only the
holder can mark it done or failed. A run whose worker died is taken over: by a worker on
the same host when the holder's process is gone, by anyone once the lease has expired.
"""

from __future__ import annotations

import logging
import os
import socket
import traceback as traceback_module
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .keys import params_digest, run_key
from .limits import time_limits
from .models import SimulationRun
from .registry import get_solver

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# A queued run whose message may have been lost (broker down) is queued again after this.
REQUEUE_AFTER = timedelta(minutes=2)
# After a failed send, try again this soon: often enough to resume quickly when the broker
# returns, rarely enough that polls during an outage do not each wait on a dead broker.
SEND_RETRY_AFTER = timedelta(seconds=10)

Status = SimulationRun.Status


def worker_identity() -> str:
    """host:pid of this process, recorded on the runs it executes."""
    return f"{socket.gethostname()}:{os.getpid()}"


def ensure_run(solver_name: str, raw_params: Mapping[str, Any] | None) -> SimulationRun:
    """The run for these parameters, created if missing and queued (after commit) unless done."""
    solver = get_solver(solver_name)
    params = solver.normalise_params(raw_params)
    key = run_key(solver.name, solver.version, params)
    defaults = {
        "solver": solver.name,
        "version": solver.version,
        "params": params,
        "params_digest": params_digest(solver.name, params),
    }
    try:
        run, _ = SimulationRun.objects.get_or_create(key=key, defaults=defaults)
    except IntegrityError:  # a concurrent creator won the race; share its row
        run = SimulationRun.objects.get(key=key)
    if run.status == Status.QUEUED:
        queue_run(run.key)
    return run


def queue_run(key: str, force: bool = False) -> bool:
    """Send the run's task after the transaction commits, unless it was sent recently."""
    now = timezone.now()
    stale = Q(queued_at__isnull=True) | Q(queued_at__lt=now - REQUEUE_AFTER)
    claimed = SimulationRun.objects.filter(key=key, status=Status.QUEUED)
    if not force:
        claimed = claimed.filter(stale)
    if not claimed.update(queued_at=now):
        return False
    transaction.on_commit(lambda: send_task(key))
    return True


def send_task(key: str) -> bool:
    """Publish the task; a broker outage is logged and the run stays queued for a later try."""
    from .tasks import run_simulation

    try:
        run = SimulationRun.objects.get(key=key)
        soft, hard = time_limits(get_solver(run.solver))
        run_simulation.apply_async(args=[key], soft_time_limit=soft, time_limit=hard)
        return True
    except Exception as error:  # the page or admin action must not fail because the broker is away
        logger.warning("Could not queue simulation run %s (%s); it stays queued and is sent again later.", key, error)
        retry_at = timezone.now() - REQUEUE_AFTER + SEND_RETRY_AFTER
        SimulationRun.objects.filter(key=key, status=Status.QUEUED).update(queued_at=retry_at)
        return False


def rerun(key: str) -> bool:
    """Reset a finished or failed run to queued and send it again (an editor's action)."""
    updated = SimulationRun.objects.filter(key=key).exclude(status=Status.RUNNING).update(
        status=Status.QUEUED, attempts=0, error="", traceback="", claim="", queued_at=None
    )
    return bool(updated) and queue_run(key, force=True)


def _holder_is_dead(run: SimulationRun) -> bool:
    """True when the run's holder was a process on this host that no longer exists."""
    host, _, pid = run.worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return int(pid) == os.getpid()  # our own process cannot be running it twice


def claim(key: str) -> str | None:
    """Take a run for execution; return the claim token, or None if it is not ours to run."""
    run = SimulationRun.objects.filter(key=key).first()
    if run is None or run.status in (Status.DONE, Status.FAILED):
        return None
    now = timezone.now()
    available = Q(status=Status.QUEUED)
    if run.status == Status.RUNNING:
        _, hard = time_limits(get_solver(run.solver))
        lease_expired = run.started_at is None or run.started_at < now - timedelta(seconds=hard + 60)
        if not (lease_expired or _holder_is_dead(run)):
            return None
        available = Q(status=Status.RUNNING, claim=run.claim)
    if run.attempts >= MAX_ATTEMPTS:
        SimulationRun.objects.filter(pk=run.pk).filter(available).update(
            status=Status.FAILED,
            finished_at=now,
            error=f"Gave up after {run.attempts} attempts: the worker running it was lost (killed, or over its hard time limit).",
        )
        return None
    token = uuid.uuid4().hex
    updated = SimulationRun.objects.filter(pk=run.pk).filter(available).update(
        status=Status.RUNNING, claim=token, worker=worker_identity(), started_at=now,
        finished_at=None, attempts=F("attempts") + 1, error="", traceback="",
    )
    return token if updated else None


def complete(key: str, token: str, output) -> bool:
    """Mark a run done with its files, if this execution still holds it."""
    return bool(
        SimulationRun.objects.filter(key=key, claim=token, status=Status.RUNNING).update(
            status=Status.DONE,
            files=output.files,
            quantities=output.quantities,
            compute_seconds=output.compute_seconds,
            render_seconds=output.render_seconds,
            finished_at=timezone.now(),
        )
    )


def fail(key: str, token: str, error: BaseException, message: str | None = None) -> bool:
    """Mark a run failed with the error and its traceback, if this execution still holds it."""
    return bool(
        SimulationRun.objects.filter(key=key, claim=token, status=Status.RUNNING).update(
            status=Status.FAILED,
            error=message or f"{type(error).__name__}: {error}",
            traceback="".join(traceback_module.format_exception(error)),
            finished_at=timezone.now(),
        )
    )


def fail_killed(key: str, message: str) -> bool:
    """Mark failed a run whose execution on this host was killed (hard time limit), if still running.

    The killed process cannot mark the run itself and its message is acknowledged, so without
    this the run would stay 'running' until a worker restart.
    """
    return bool(
        SimulationRun.objects.filter(key=key, status=Status.RUNNING, worker__startswith=f"{socket.gethostname()}:").update(
            status=Status.FAILED, claim="", error=message, traceback="", finished_at=timezone.now()
        )
    )


def release(key: str, token: str) -> None:
    """Give a run back to the queue (a transient fault will be retried)."""
    SimulationRun.objects.filter(key=key, claim=token, status=Status.RUNNING).update(
        status=Status.QUEUED, claim="", queued_at=timezone.now()
    )


def recover_orphans(hostname: str | None = None) -> list[str]:
    """Queue again the runs a dead worker on this host left 'running'; return their keys."""
    hostname = hostname or socket.gethostname()
    keys = []
    for run in SimulationRun.objects.filter(status=Status.RUNNING, worker__startswith=f"{hostname}:"):
        if _holder_is_dead(run):
            keys.append(run.key)
            send_task(run.key)
    return keys


def requeue_waiting() -> list[str]:
    """Send again every queued run (at worker start, or on request); return their keys.

    A run whose message is still in the broker gets a second one; the claim makes the
    extra delivery a no-op, which is cheaper than losing a run whose message was lost.
    """
    keys = []
    for key in SimulationRun.objects.filter(status=Status.QUEUED).values_list("key", flat=True):
        if queue_run(key, force=True):
            keys.append(key)
    return keys
