"""Result.to_json and Result.to_csv: strict JSON and padded CSV columns."""

from __future__ import annotations

import csv
import io
import json
import math

import numpy as np
import pytest

from simulations.result import Result


def test_json_turns_nan_and_infinities_into_null():
    result = Result({"a": float("nan"), "b": -math.inf, "c": np.float64(1.5), "phase": "mixed"}, {"x": np.array([1.0, np.nan, np.inf])})
    document = json.loads(result.to_json("s", "1"))
    assert document["quantities"] == {"a": None, "b": None, "c": 1.5, "phase": "mixed"}
    assert document["series"]["x"] == [1.0, None, None]
    assert set(document) == {"solver", "version", "params", "quantities", "series"}


def test_csv_pads_ragged_columns_with_empty_cells():
    result = Result({}, {"long": np.array([1.0, 2.0, 3.0]), "short": np.array([0.5])})
    rows = list(csv.reader(io.StringIO(result.to_csv())))
    assert rows == [["long", "short"], ["1.0", "0.5"], ["2.0", ""], ["3.0", ""]]


def test_csv_keeps_floats_exact_and_blanks_nan():
    value = 0.1 + 0.2
    rows = list(csv.reader(io.StringIO(Result({}, {"x": np.array([value, np.nan])}).to_csv())))
    assert float(rows[1][0]) == value
    assert rows[2] == [""]


def test_csv_splits_two_dimensional_series_into_columns():
    rows = list(csv.reader(io.StringIO(Result({}, {"m": np.arange(6.0).reshape(3, 2)}).to_csv())))
    assert rows[0] == ["m[0]", "m[1]"]
    assert rows[3] == ["4.0", "5.0"]


def test_csv_rejects_three_dimensional_series():
    with pytest.raises(ValueError, match="3 dimensions"):
        Result({}, {"cube": np.zeros((2, 2, 2))}).to_csv()
