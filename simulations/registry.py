"""The solver registry: built-ins and entry-point plugins, discovered cheaply, imported lazily.

Discovery reads only names (the built-in table and entry-point metadata), so asking for one
solver imports one module. Two plugins with one name is an error; a third-party plugin that
fails to import is skipped with a logged warning.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import entry_points

from .base import Solver
from .errors import DuplicateSolverError, InvalidSolverError, UnknownSolverError
from .solvers import BUILTIN_SOLVERS

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "statmech_blog.solvers"


@dataclass
class _Entry:
    """A discovered solver: where it comes from and, once imported, its instance."""

    name: str
    origin: str
    load: Callable[[], type[Solver]]
    builtin: bool
    solver: Solver | None = None


def _import_path(path: str) -> type[Solver]:
    """Import 'package.module:ClassName'."""
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


class SolverRegistry:
    """One registry of solvers by name; see the module docstring for its rules."""

    def __init__(self, group: str = ENTRY_POINT_GROUP):
        self.group = group
        self._entries: dict[str, _Entry] | None = None
        self._lock = threading.RLock()

    def _discover(self) -> dict[str, _Entry]:
        entries: dict[str, _Entry] = {}

        def add(entry: _Entry) -> None:
            if entry.name in entries:
                raise DuplicateSolverError(entry.name, entries[entry.name].origin, entry.origin)
            entries[entry.name] = entry

        for name, path in BUILTIN_SOLVERS.items():
            add(_Entry(name, path, lambda path=path: _import_path(path), builtin=True))
        for point in entry_points(group=self.group):
            add(_Entry(point.name, f"{point.value} (entry point of {point.dist.name if point.dist else '?'})", point.load, builtin=False))
        return entries

    @property
    def entries(self) -> dict[str, _Entry]:
        with self._lock:
            if self._entries is None:
                self._entries = self._discover()
            return self._entries

    def refresh(self) -> None:
        """Forget what was discovered and imported; the next lookup discovers again."""
        with self._lock:
            self._entries = None

    def _instantiate(self, entry: _Entry) -> Solver:
        with self._lock:
            if entry.solver is None:
                cls = entry.load()
                if not (isinstance(cls, type) and issubclass(cls, Solver)):
                    raise InvalidSolverError(f"{entry.origin} is not a Solver subclass")
                cls.check_class()
                if cls.name != entry.name:
                    raise InvalidSolverError(
                        f"{entry.origin} is registered as {entry.name!r} but its name is {cls.name!r}"
                    )
                entry.solver = cls()
            return entry.solver

    def names(self) -> list[str]:
        """Every discovered solver name, sorted (without importing any solver)."""
        return sorted(self.entries)

    def get(self, name: str) -> Solver:
        """The solver called `name`; `UnknownSolverError` lists the valid names."""
        entry = self.entries.get(name)
        if entry is None:
            raise UnknownSolverError(name, self.names())
        try:
            return self._instantiate(entry)
        except Exception:
            if entry.builtin:
                raise
            logger.warning("Solver plugin %s failed to load; skipping it.", entry.origin, exc_info=True)
            raise UnknownSolverError(name, [n for n in self.names() if n != name]) from None

    def all(self) -> list[Solver]:
        """Every loadable solver, sorted by name; broken third-party plugins are skipped with a warning."""
        solvers = []
        for name in self.names():
            try:
                solvers.append(self.get(name))
            except UnknownSolverError:
                continue
        return solvers

    def register(self, cls: type[Solver]) -> type[Solver]:
        """Register a solver class directly (usable as a decorator); the name must be free."""
        if not (isinstance(cls, type) and issubclass(cls, Solver)):
            raise InvalidSolverError(f"{cls!r} is not a Solver subclass")
        cls.check_class()
        origin = f"{cls.__module__}:{cls.__qualname__}"
        with self._lock:
            if cls.name in self.entries:
                raise DuplicateSolverError(cls.name, self.entries[cls.name].origin, origin)
            self.entries[cls.name] = _Entry(cls.name, origin, lambda: cls, builtin=True)
        return cls

    def unregister(self, name: str) -> None:
        """Remove a solver by name (for tests)."""
        with self._lock:
            self.entries.pop(name, None)

    @contextmanager
    def register_temporarily(self, cls: type[Solver]) -> Iterator[type[Solver]]:
        """Register a solver for the duration of a `with` block (for tests)."""
        self.register(cls)
        try:
            yield cls
        finally:
            self.unregister(cls.name)


registry = SolverRegistry()


def get_solver(name: str) -> Solver:
    """The registered solver called `name`."""
    return registry.get(name)


def solver_names() -> list[str]:
    """Names of every registered solver."""
    return registry.names()


def all_solvers() -> list[Solver]:
    """Every loadable registered solver."""
    return registry.all()


def register(cls: type[Solver]) -> type[Solver]:
    """Register a solver class with the default registry."""
    return registry.register(cls)
