"""`Result`: what a solver returns, named scalar quantities and named arrays, with JSON and CSV forms."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Scalar = float | int | str | bool | None


def _json_scalar(value: Any) -> Scalar:
    """A JSON-safe scalar: numpy types unwrapped, NaN and infinities as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _json_array(array: np.ndarray) -> list:
    """A nested list of JSON-safe scalars for an array of any shape."""
    as_object = np.asarray(array, dtype=object)
    if as_object.ndim == 0:
        return _json_scalar(as_object.item())
    return [_json_array(row) if np.ndim(row) else _json_scalar(row) for row in as_object]


@dataclass(frozen=True)
class Result:
    """The output of `Solver.solve`: scalar `quantities` and array `series`, plus `params` used.

    `series` values are numpy arrays of one or two dimensions; a two-dimensional array of
    shape (n, m) becomes m CSV columns named `name[0]` ... `name[m-1]`.
    """

    quantities: dict[str, Scalar]
    series: dict[str, np.ndarray] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    def quantities_json(self) -> dict[str, Scalar]:
        """Quantities as JSON-safe scalars."""
        return {name: _json_scalar(value) for name, value in self.quantities.items()}

    def series_json(self) -> dict[str, list]:
        """Series as nested lists of JSON-safe scalars."""
        return {name: _json_array(np.asarray(values)) for name, values in self.series.items()}

    def to_dict(self, solver: str = "", version: str = "") -> dict[str, Any]:
        """The public JSON document: solver, version, params, quantities, series."""
        return {
            "solver": solver,
            "version": version,
            "params": self.params,
            "quantities": self.quantities_json(),
            "series": self.series_json(),
        }

    def to_json(self, solver: str = "", version: str = "", indent: int | None = None) -> str:
        """Serialise `to_dict` as strict JSON (no NaN literals)."""
        return json.dumps(self.to_dict(solver, version), indent=indent, allow_nan=False)

    def to_csv(self) -> str:
        """Series as CSV columns; ragged columns are padded with empty cells."""
        columns: list[tuple[str, np.ndarray]] = []
        for name, values in self.series.items():
            array = np.asarray(values)
            if array.ndim <= 1:
                columns.append((name, np.atleast_1d(array)))
            elif array.ndim == 2:
                columns.extend((f"{name}[{j}]", array[:, j]) for j in range(array.shape[1]))
            else:
                raise ValueError(f"series {name!r} has {array.ndim} dimensions; at most 2 are allowed")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        length = max((len(col) for _, col in columns), default=0)
        for i in range(length):
            writer.writerow([_csv_cell(col, i) for _, col in columns])
        return out.getvalue()


def _csv_cell(column: np.ndarray, index: int) -> str:
    """One CSV cell: repr-exact floats, empty past the column's end or for NaN."""
    if index >= len(column):
        return ""
    value = _json_scalar(column[index])
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)
