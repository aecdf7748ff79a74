"""The solver registry: built-ins, entry-point plugins, broken and duplicate plugins."""

from __future__ import annotations

import logging
from importlib.metadata import EntryPoint, entry_points

import pytest

from simulations import registry as registry_module
from simulations.base import Solver
from simulations.errors import DuplicateSolverError, UnknownSolverError
from simulations.params import SolverParams
from simulations.registry import ENTRY_POINT_GROUP, SolverRegistry, registry
from simulations.result import Result


class _Tiny(Solver):
    name = "tiny-test-solver"
    version = "1"
    title = "Tiny"
    Params = SolverParams

    def solve(self, params):
        return Result({"answer": 42})

    def figures(self, result):
        return {}


def _with_extra_points(*extra: EntryPoint):
    """An entry_points() replacement: the installed plugins plus `extra` in our group."""

    def fake(group: str):
        return [*entry_points(group=group), *extra]

    return fake


def test_third_party_plugin_is_found_through_its_entry_point():
    # Installed by `pip install --no-build-isolation -e tests/plugins/example_solver_plugin`.
    fresh = SolverRegistry()
    assert "example-harmonic" in fresh.names()
    solver = fresh.get("example-harmonic")
    assert solver.__class__.__module__ == "example_solver_plugin"
    result = solver.run({"T": 2.0, "omega": 0.5})
    assert result.quantities["energy"] == 2.0  # equipartition
    assert result.quantities["free_energy"] == pytest.approx(-2.0 * __import__("math").log(4.0))


def test_builtin_solvers_are_listed_without_importing_them():
    assert "sk-replica" in registry.names()


def test_broken_plugin_is_skipped_with_a_logged_warning(monkeypatch, caplog):
    broken = EntryPoint(name="broken-plugin", value="statmech_no_such_module_xyz:Solver", group=ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry_module, "entry_points", _with_extra_points(broken))
    fresh = SolverRegistry()
    with caplog.at_level(logging.WARNING, logger="simulations.registry"):
        names = [solver.name for solver in fresh.all()]
    assert "broken-plugin" not in names
    assert "sk-replica" in names
    assert any("broken-plugin" in record.getMessage() or "statmech_no_such_module_xyz" in record.getMessage() for record in caplog.records)
    with pytest.raises(UnknownSolverError):
        fresh.get("broken-plugin")


def test_two_plugins_with_one_name_are_rejected(monkeypatch):
    clash = EntryPoint(name="sk-replica", value="example_solver_plugin:ExampleHarmonic", group=ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry_module, "entry_points", _with_extra_points(clash))
    with pytest.raises(DuplicateSolverError, match="sk-replica"):
        SolverRegistry().names()


def test_registering_a_taken_name_is_rejected():
    fresh = SolverRegistry()
    with fresh.register_temporarily(_Tiny), pytest.raises(DuplicateSolverError):
        fresh.register(_Tiny)
    assert "tiny-test-solver" not in fresh.names()


def test_unknown_name_lists_the_valid_names():
    with pytest.raises(UnknownSolverError) as caught:
        SolverRegistry().get("no-such-solver")
    message = str(caught.value)
    assert "no-such-solver" in message
    assert "sk-replica" in message and "example-harmonic" in message
