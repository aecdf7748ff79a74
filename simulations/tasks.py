"""The one Celery task: compute a run by key. Thin, idempotent, safe to deliver twice."""

from __future__ import annotations

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.db import DatabaseError, InterfaceError, OperationalError

from . import runs

logger = logging.getLogger(__name__)

# Faults of the infrastructure, not of the solver: worth another try after a pause.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class SimulationTask(Task):
    """Marks a run failed when its pool process is killed at the hard time limit."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Celery calls this in the worker's main process after killing the pool process and
        # acknowledging the message; nothing else would ever take the run out of 'running'.
        if isinstance(exc, TimeLimitExceeded) and args:
            limit = exc.args[0] if exc.args and isinstance(exc.args[0], int | float) else None
            message = f"The solver exceeded its hard time limit{f' of {limit:.0f} s' if limit else ''} and was stopped."
            try:
                runs.fail_killed(args[0], message)
            except Exception:  # the pool's timeout handler must not die; a restart sweep retries
                logger.warning("Could not mark simulation run %s failed after its hard time limit.", args[0], exc_info=True)
        super().on_failure(exc, task_id, args, kwargs, einfo)


@shared_task(
    bind=True,
    base=SimulationTask,
    name="simulations.run_simulation",
    queue="simulations",
    ignore_result=True,
    # Long, idempotent work: acknowledge after it finishes, so a killed worker's task is redone.
    acks_late=True,
    reject_on_worker_lost=True,
    # Only transient faults are retried, with exponential backoff; solver errors fail the run.
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def run_simulation(self, key: str) -> str:
    """Compute the run `key` unless it is done or another worker holds it."""
    from .execution import execute
    from .models import SimulationRun

    token = runs.claim(key)
    if token is None:
        return "skipped"
    run = SimulationRun.objects.get(key=key)
    try:
        output = execute(run.solver, run.params, key=key)
    except SoftTimeLimitExceeded as error:
        soft = self.request.timelimit[1] if self.request.timelimit else None
        runs.fail(key, token, error, f"The solver exceeded its time limit{f' of {soft:.0f} s' if soft else ''}.")
        return "failed"
    except TRANSIENT_ERRORS:
        runs.release(key, token)
        raise
    except OSError as error:  # storage trouble is transient too, but only if we can say so
        runs.release(key, token)
        raise self.retry(exc=error) from error
    except DatabaseError:
        runs.release(key, token)
        raise
    except Exception as error:
        logger.exception("Simulation run %s failed", key)
        runs.fail(key, token, error)
        return "failed"
    runs.complete(key, token, output)
    return "done"
