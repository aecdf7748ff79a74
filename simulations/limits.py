"""Time limits per solver, derived from the cost each solver declares."""

from __future__ import annotations

from django.conf import settings

from .base import Solver


def time_limits(solver: Solver) -> tuple[int, int]:
    """(soft, hard) seconds for one run: generous multiples of the declared cost, capped.

    The hard limit stays below the broker's visibility timeout, so a slow run is never
    delivered to a second worker while the first still computes it.
    """
    floor, ceiling = settings.SIMULATION_TIME_LIMIT_MIN, settings.SIMULATION_TIME_LIMIT_MAX
    soft = int(min(max(floor, settings.SIMULATION_TIME_LIMIT_FACTOR * solver.expected_seconds), ceiling))
    return soft, soft + max(10, soft // 10)
