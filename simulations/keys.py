"""Run keys: one sha256 per (solver, version, normalised parameters, figure format).

Equal meaning gives an equal key: parameters are validated and normalised by the solver's
schema first (defaults filled, 1 → 1.0 for float fields), keys are sorted, and −0.0 is 0.0.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

# Bump when the files a run writes change shape (names, formats, manifest fields): every
# key changes with it, so new files are made.
FIGURE_FORMAT_VERSION = 1


def _canonical_value(value: Any) -> Any:
    """Normalise JSON values so that equal meanings serialise identically."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"run parameters must be finite numbers, got {value!r}")
        return 0.0 if value == 0 else value
    if isinstance(value, Mapping):
        return {str(key): _canonical_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_value(item) for item in value]
    return value


def canonical_json(document: Mapping[str, Any]) -> str:
    """Compact JSON with sorted keys and normalised numbers."""
    return json.dumps(_canonical_value(document), sort_keys=True, separators=(",", ":"), allow_nan=False)


def run_key(solver: str, version: str, params: Mapping[str, Any], figure_format: int = FIGURE_FORMAT_VERSION) -> str:
    """The hex sha256 naming a run; `params` must already be normalised by the solver."""
    document = {"solver": solver, "version": version, "params": params, "figure_format": figure_format}
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()


def params_digest(solver: str, params: Mapping[str, Any]) -> str:
    """A hash of solver and parameters without the version: finds older figures of the same block."""
    return hashlib.sha256(canonical_json({"solver": solver, "params": params}).encode()).hexdigest()


def key_for(solver_name: str, raw_params: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """Validate raw parameters with the registered solver; return (key, normalised params)."""
    from .registry import get_solver

    solver = get_solver(solver_name)
    params = solver.normalise_params(raw_params)
    return run_key(solver.name, solver.version, params), params
