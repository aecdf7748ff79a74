"""Errors raised by the solver plugin system; each names what was wrong."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class SimulationError(Exception):
    """Base class of every error raised by the plugin system."""


class UnknownSolverError(SimulationError, LookupError):
    """A solver name that no registered plugin has."""

    def __init__(self, name: str, valid: Iterable[str]):
        self.name = name
        self.valid = sorted(valid)
        super().__init__(
            f"Unknown solver {name!r}. Valid solvers: {', '.join(self.valid) or '(none registered)'}."
        )


class DuplicateSolverError(SimulationError):
    """Two plugins claim the same solver name."""

    def __init__(self, name: str, first: str, second: str):
        self.name = name
        super().__init__(f"Solver name {name!r} is registered twice: by {first} and by {second}.")


class InvalidSolverError(SimulationError, TypeError):
    """A class offered as a solver breaks the plugin contract."""


class ParameterError(SimulationError, ValueError):
    """Parameters that fail a solver's schema; `errors` maps each parameter to its message."""

    def __init__(self, solver: str, errors: Mapping[str, str]):
        self.solver = solver
        self.errors = dict(errors)
        details = "; ".join(f"{field}: {message}" for field, message in self.errors.items())
        super().__init__(f"Invalid parameters for solver {solver!r}: {details}")
