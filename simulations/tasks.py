"""The one Celery task: compute a run by key. Thin, idempotent, safe to deliver twice."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, InterfaceError, OperationalError

from . import runs

logger = logging.getLogger(__name__)

# Faults of the infrastructure, not of the solver: worth another try after a pause.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(
    bind=True,
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
