"""Worker start-up: warm imports, and take back runs a killed worker on this host left behind."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def warm_worker_process(**kwargs) -> None:
    """Import every solver and matplotlib once per worker process, so a first run is not slow."""
    from .registry import all_solvers
    from .style import new_figure, render

    all_solvers()
    figure, axes = new_figure()
    axes.plot([0, 1], [0, 1])
    axes.set_xlabel(r"$T/J$")
    render(figure, "svg")
    render(figure, "png")


def recover_after_restart(sender=None, **kwargs) -> None:
    """Queue again the runs that a dead worker process on this host still marks as running."""
    from .runs import recover_orphans, requeue_waiting

    try:
        recovered = recover_orphans()
        waiting = requeue_waiting()
    except Exception:
        logger.warning("Could not recover orphaned simulation runs at worker start.", exc_info=True)
        return
    if recovered or waiting:
        logger.info("Recovered %d orphaned and %d waiting simulation runs.", len(recovered), len(waiting))


def connect_worker_signals() -> None:
    """Connect the worker signal handlers (called from AppConfig.ready)."""
    from celery.signals import worker_process_init, worker_ready

    worker_process_init.connect(warm_worker_process, weak=False, dispatch_uid="simulations.warm")
    worker_ready.connect(recover_after_restart, weak=False, dispatch_uid="simulations.recover")
