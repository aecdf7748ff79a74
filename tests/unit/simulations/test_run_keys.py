"""Run keys: equal meaning gives an equal key; different solvers or versions never share one."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulations.keys import canonical_json, key_for, run_key
from simulations.registry import get_solver

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
params = st.dictionaries(st.text(min_size=1, max_size=8), finite | st.integers(-10**6, 10**6) | st.booleans(), max_size=6)


@given(params)
def test_key_does_not_depend_on_key_order(document):
    reversed_document = dict(reversed(list(document.items())))
    assert run_key("s", "1", document) == run_key("s", "1", reversed_document)


@given(params, st.text(min_size=1, max_size=10), st.text(min_size=1, max_size=10))
def test_different_solvers_never_share_a_key(document, first, second):
    if first != second:
        assert run_key(first, "1", document) != run_key(second, "1", document)


@given(params, st.text(min_size=1, max_size=5), st.text(min_size=1, max_size=5))
def test_different_versions_never_share_a_key(document, first, second):
    if first != second:
        assert run_key("s", first, document) != run_key("s", second, document)


@given(params, params)
def test_different_parameters_give_different_keys(first, second):
    if canonical_json(first) != canonical_json(second):
        assert run_key("s", "1", first) != run_key("s", "1", second)


def test_negative_zero_is_zero():
    assert run_key("s", "1", {"h": -0.0}) == run_key("s", "1", {"h": 0.0})


def test_non_finite_parameters_have_no_key():
    with pytest.raises(ValueError, match="finite"):
        run_key("s", "1", {"T": math.inf})


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=0, max_value=5, allow_nan=False), st.integers(0, 2))
def test_equal_meaning_through_the_schema_gives_equal_keys(temperature, j0):
    """1 and 1.0, missing defaults and string input all normalise to the same key."""
    solver = get_solver("sk-replica")
    explicit = {"T": temperature, "J0": float(j0), "h": 0.0, "J": 1, "mode": "point"}
    implicit = {"J0": j0, "T": str(temperature)}
    assert key_for(solver.name, explicit)[0] == key_for(solver.name, implicit)[0]


def test_schema_normalisation_maps_int_to_float_and_fills_defaults():
    key_int, params_int = key_for("sk-replica", {"T": 1})
    key_float, _ = key_for("sk-replica", {"T": 1.0, "J": 1.0})
    assert key_int == key_float
    assert params_int["T"] == 1.0 and isinstance(params_int["T"], float)
    assert params_int["J"] == 1.0
