"""The solver plugin interface: the base class every built-in and third-party solver extends."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError

from .errors import InvalidSolverError, ParameterError
from .params import SolverParams, field_errors
from .result import Result

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Solver:
    """Base class of solver plugins.

    The plugin author's contract:

    1. ``name`` is a stable slug (``sk-replica``). It appears in reproduce commands, run keys
       and the API, so it never changes once published.
    2. ``version`` is a string bumped whenever the numbers or figures a solver produces change.
       It is part of every figure cache key: bumping it makes new figures.
    3. ``title`` and ``summary`` are one line each, for editors choosing a solver.
    4. ``Params`` is a `SolverParams` subclass (pydantic): every parameter has a type, bounds,
       a default, help text and, where it has one, a unit. Only finite numbers are accepted.
       Its JSON Schema is what editors' forms and ``simulate --list`` are built from.
    5. ``solve(params)`` is pure and deterministic: numbers in, numbers out. It does no I/O,
       reads no clock or global state, seeds any randomness from a parameter, and returns a
       `Result` with named scalar ``quantities`` and named array ``series``.
    6. ``figures(result)`` returns ``{name: matplotlib.figure.Figure}`` built without pyplot
       (``simulations.style.new_figure``) in the house style; names are slugs and stable.
       ``figure_names`` lists them in display order, so editors can choose before a run.
    7. Heavy imports (matplotlib, scipy submodules) happen inside methods that need them, so
       ``simulate --json`` starts fast.
    8. ``expected_seconds`` is a rough compute cost on one core with default parameters; the
       task layer derives time limits from it.

    Callers use `parse_params` and `run`, never ``solve`` directly: `run` validates once, for
    every solver, then calls the hook.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = ""
    title: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    Params: ClassVar[type[SolverParams]] = SolverParams
    figure_names: ClassVar[tuple[str, ...]] = ()
    expected_seconds: ClassVar[float] = 5.0

    @classmethod
    def check_class(cls) -> None:
        """Raise `InvalidSolverError` naming the first broken rule of the contract."""
        label = f"{cls.__module__}.{cls.__qualname__}"
        if not isinstance(cls.name, str) or not SLUG.match(cls.name):
            raise InvalidSolverError(f"{label}.name must be a lowercase slug like 'sk-replica', got {cls.name!r}")
        if not isinstance(cls.version, str) or not cls.version:
            raise InvalidSolverError(f"{label}.version must be a non-empty string, got {cls.version!r}")
        if not cls.title:
            raise InvalidSolverError(f"{label}.title must be a non-empty string")
        if not (isinstance(cls.Params, type) and issubclass(cls.Params, SolverParams)):
            raise InvalidSolverError(f"{label}.Params must subclass simulations.params.SolverParams")
        if cls.solve is Solver.solve:
            raise InvalidSolverError(f"{label} must implement solve(params)")
        if cls.figures is Solver.figures:
            raise InvalidSolverError(f"{label} must implement figures(result)")

    def parse_params(self, raw: Mapping[str, Any] | SolverParams | None = None) -> SolverParams:
        """Validate raw values against `Params`; raise `ParameterError` naming each bad field."""
        if isinstance(raw, self.Params):
            return raw
        try:
            return self.Params.model_validate(dict(raw or {}))
        except ValidationError as error:
            raise ParameterError(self.name, field_errors(self.Params, error)) from None

    def normalise_params(self, raw: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Validated parameters with defaults filled and types coerced, as JSON values."""
        return self.parse_params(raw).model_dump(mode="json")

    def run(self, raw: Mapping[str, Any] | SolverParams | None = None) -> Result:
        """Validate parameters, solve, and attach the normalised parameters to the result."""
        params = self.parse_params(raw)
        result = self.solve(params)
        if not isinstance(result, Result):
            raise InvalidSolverError(f"{self.name}.solve must return a Result, got {type(result).__name__}")
        return Result(result.quantities, result.series, params.model_dump(mode="json"))

    def solve(self, params: Any) -> Result:
        """Compute the result for validated parameters (the hook each solver writes)."""
        raise NotImplementedError

    def figures(self, result: Result) -> dict[str, Figure]:
        """Build the named figures of a result (the hook each solver writes)."""
        raise NotImplementedError

    @classmethod
    def params_schema(cls) -> dict[str, Any]:
        """The JSON Schema of the parameters."""
        return cls.Params.model_json_schema()

    def __repr__(self) -> str:
        return f"<Solver {self.name} v{self.version}>"
