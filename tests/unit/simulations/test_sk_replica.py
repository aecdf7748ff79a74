"""The sk-replica solver: analytic limits, independent quadrature, phase diagram, parameters."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import root

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import _sk_rs as rs


@pytest.fixture(scope="module")
def solver():
    return get_solver("sk-replica")


def point(T: float, J0: float = 0.0, h: float = 0.0, J: float = 1.0) -> dict[str, float]:
    sol = rs.solve_branches(np.array([T]), J0, h, J)
    assert sol["converged"][0]
    return {key: float(value[0]) for key, value in sol.items()}


# --- an independent reference: adaptive quad, split at the kink, and a generic root finder ---


def quad_average(g, T: float, J: float, q: float, a: float) -> float:
    """E_z[g(beta (J sqrt(q) z + a))] by adaptive quad, split at the kink and its width."""
    slope = J * math.sqrt(q)
    density = lambda z: math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi) * g((slope * z + a) / T)  # noqa: E731
    kink = -a / slope if slope > 0 else 0.0
    kink = min(max(kink, -12.0), 12.0)
    width = T / slope if slope > 0 else 1.0
    total = 0.0
    for lo, hi in ((-12.0, kink), (kink, 12.0)):
        if hi > lo:
            inner = [p for p in (kink - 10 * width, kink - width, kink + width, kink + 10 * width) if lo < p < hi]
            total += quad(density, lo, hi, points=inner or None, epsabs=1e-15, epsrel=1e-13, limit=400)[0]
    return total


def quad_solution(T: float, J0: float, h: float, start: tuple[float, float], J: float = 1.0) -> tuple[float, float]:
    """Root of the RS equations with quad averages, by MINPACK's hybrid method."""

    def residual(x):
        q, m = min(max(x[0], 0.0), 1.0), x[1]
        a = J0 * m + h
        return [quad_average(lambda y: math.tanh(y) ** 2, T, J, q, a) - x[0], quad_average(math.tanh, T, J, q, a) - x[1]]

    sol = root(residual, start, method="hybr", options={"xtol": 1e-13})
    # 'xtol too small' (status 3) still ends at the root: judge by the residual.
    assert max(abs(r) for r in residual(sol.x)) < 1e-12, sol.message
    return float(sol.x[0]), float(sol.x[1])


# --- analytic limits ---------------------------------------------------------------------


@pytest.mark.parametrize("T", [1.05, 1.5, 3.0])
def test_q_vanishes_above_critical_temperature(T):
    sol = point(T)
    assert sol["q"] < 1e-12
    # The paramagnet's free energy is the annealed one: -T ln 2 - J^2/(4T).
    assert sol["free_energy"] == pytest.approx(-T * math.log(2) - 1 / (4 * T), abs=1e-12)


@pytest.mark.parametrize("tau", [1e-2, 3e-3, 1e-3])
def test_q_is_one_minus_T_just_below_critical_temperature(tau):
    # Expanding q = E tanh^2 to O(q^3) gives q = tau + tau^2/3 + O(tau^3), tau = 1 - T:
    # the leading order holds to relative accuracy tau/3; we allow tau (a factor three).
    q = point(1 - tau)["q"]
    assert abs(q / tau - 1) < tau
    # and the next coefficient is the derived 1/3, to O(tau) relative.
    assert (q - tau) / tau**2 == pytest.approx(1 / 3, abs=3 * tau + 1e-6)


@pytest.mark.parametrize("J0", [1.2, 1.5, 2.0])
def test_ferromagnetic_transition_at_T_equal_J0_for_J0_above_J(J0):
    # Just below, expanding the RS equations in tau = 1 - T/J0 gives q = m^2 / (1 - r) and
    # m^2 = tau / (1/3 + r / (1 - r)), r = (J/J0)^2; the O(tau) corrections are < 1% here.
    tau, r = 1e-3, J0**-2
    m = point(J0 * (1 - tau), J0)["m"]
    assert m**2 == pytest.approx(tau / (1 / 3 + r / (1 - r)), rel=0.02)
    assert abs(point(J0 * 1.01, J0)["m"]) < 1e-12


def test_ground_state_energy_and_entropy_take_the_RS_values():
    sol = point(0.0)
    assert sol["energy"] == pytest.approx(-math.sqrt(2 / math.pi), abs=1e-14)
    assert sol["free_energy"] == pytest.approx(-math.sqrt(2 / math.pi), abs=1e-14)
    assert sol["entropy"] == pytest.approx(-1 / (2 * math.pi), abs=1e-14)
    assert sol["q"] == 1.0
    assert sol["at_eigenvalue"] == -math.inf


@pytest.mark.parametrize("J0,h", [(0.0, 0.0), (1.5, 0.0), (0.5, 0.3)])
def test_low_temperature_solution_approaches_the_analytic_T0_limit(J0, h):
    # Corrections are O(T) in u and f and O(T) in s (Sommers-type expansions): T = 1e-3
    # must be within a few 1e-3 of the limit.
    cold, zero = point(1e-3, J0, h), point(0.0, J0, h)
    for key in ("m", "energy", "free_energy", "entropy"):
        assert cold[key] == pytest.approx(zero[key], abs=5e-3), key
    assert cold["at_eigenvalue"] < 0


def test_at_line_near_T_c_has_the_four_thirds_coefficient():
    # Derived by expanding the RS and AT equations to O(tau^3): (h/J)^2 = (4/3) tau^3 (1 + c tau).
    # The O(tau) term is removed by Richardson extrapolation over two tau; we then ask for
    # 4/3 within 2e-3 (the O(tau^2) remainder at tau = 0.01 is ~1e-4).
    ratios = []
    taus = []
    for h in (1.5e-3, 0.75e-3):
        T_at = float(rs.at_temperature(np.array([h]))[0])
        tau = 1 - T_at
        taus.append(tau)
        ratios.append(h**2 / tau**3)
    slope = (ratios[0] - ratios[1]) / (taus[0] - taus[1])
    extrapolated = ratios[1] - slope * taus[1]
    assert extrapolated == pytest.approx(4 / 3, abs=2e-3)


def test_at_eigenvalue_is_positive_in_paramagnet_and_negative_in_spin_glass():
    assert point(1.5)["at_eigenvalue"] == pytest.approx(1 - 1 / 1.5**2, abs=1e-12)
    assert point(0.5)["at_eigenvalue"] < 0


def test_negative_field_flips_magnetisation_only():
    up, down = point(0.4, 0.5, 0.3), point(0.4, 0.5, -0.3)
    assert down["m"] == pytest.approx(-up["m"], abs=1e-14)
    assert down["q"] == pytest.approx(up["q"], abs=1e-14)


def test_thermodynamic_identities_hold():
    # s = -df/dT by central differences; u = f + T s.
    T, dT = 0.6, 1e-5
    mid, lo, hi = point(T, 0.7, 0.2), point(T - dT, 0.7, 0.2), point(T + dT, 0.7, 0.2)
    assert mid["entropy"] == pytest.approx(-(hi["free_energy"] - lo["free_energy"]) / (2 * dT), abs=1e-8)
    assert mid["energy"] == pytest.approx(mid["free_energy"] + T * mid["entropy"], abs=1e-12)


# --- quadrature against adaptive quad ------------------------------------------------------


@pytest.mark.parametrize(
    "T,J0,h",
    [(0.05, 0.0, 0.0), (0.1, 0.0, 0.0), (0.05, 1.5, 0.0), (0.1, 0.5, 0.3), (0.5, 0.0, 0.0), (0.9, 1.3, 0.1), (1.5, 0.0, 0.7), (0.3, 2.0, 0.0)],
)
def test_solution_agrees_with_adaptive_quad_solution(T, J0, h):
    sol = point(T, J0, h)
    q_ref, m_ref = quad_solution(T, J0, h, (sol["q"] + 1e-3, sol["m"] + 1e-3))
    assert abs(sol["q"] - q_ref) < 1e-10
    assert abs(sol["m"] - m_ref) < 1e-10
    sech4 = quad_average(lambda y: 0.0 if abs(y) > 150 else math.cosh(y) ** -4, T, 1.0, q_ref, J0 * m_ref + h)
    assert sol["at_eigenvalue"] == pytest.approx(1 - sech4 / T**2, abs=1e-9)


@pytest.mark.parametrize("T", [1e-4, 0.05, 0.3, 2.0])
def test_gaussian_average_matches_quad_at_the_kink(T):
    q, a = 0.8, -0.37
    z, w = rs.gaussian_nodes(np.array(1 / T), np.array(1.0), np.array(q), np.array(a), rs.node_count(1 / T))
    ours = float((w * np.tanh((math.sqrt(q) * z + a) / T)).sum())
    assert ours == pytest.approx(quad_average(math.tanh, T, 1.0, q, a), abs=1e-12)


# --- the phase diagram ---------------------------------------------------------------------


def test_phase_diagram_agrees_with_point_solves():
    grid = rs.phase_diagram(24, 20)
    rng = np.random.default_rng(7)
    for i, j in zip(rng.integers(0, 24, 12), rng.integers(0, 20, 12), strict=True):
        sol = point(grid["T"][i], grid["J0"][j])
        assert grid["q"][i, j] == pytest.approx(sol["q"], abs=1e-10)
        assert grid["m"][i, j] == pytest.approx(sol["m"], abs=1e-10)
        assert grid["at_eigenvalue"][i, j] == pytest.approx(sol["at_eigenvalue"], abs=1e-10)
    assert grid["converged"].all()


def test_phase_diagram_has_all_four_phases_where_expected():
    grid = rs.phase_diagram(40, 40)
    T, J0 = np.meshgrid(grid["T"], grid["J0"], indexing="ij")
    label = np.asarray(rs.PHASES)[grid["phase"].astype(int)]
    assert (label[(T > 1.05) & (T > J0 * 1.05)] == "paramagnet").all()
    assert (label[(T < 0.95) & (J0 < 0.95)] == "spin glass").all()
    assert (label[(T < 0.9 * J0) & (T > 0.9) & (J0 > 1.1)] == "ferromagnet").all()
    assert (label[(T < 0.2) & (J0 > 1.35) & (J0 < 1.6)] == "mixed").all()


# --- the solver interface -------------------------------------------------------------------


def test_run_returns_named_quantities_and_normalised_params(solver):
    result = solver.run({"T": "0.5"})
    assert set(result.quantities) == {"q", "m", "free_energy", "energy", "entropy", "at_eigenvalue", "phase"}
    assert result.quantities["phase"] == "spin glass"
    assert result.quantities["free_energy"] < 0
    assert result.params == {"T": 0.5, "J0": 0.0, "h": 0.0, "J": 1.0, "mode": "point", "n_T": 200, "n_J0": 200}


def test_coupling_width_sets_the_energy_scale(solver):
    a = solver.run({"T": 0.4, "J0": 0.6, "h": 0.2}).quantities
    b = solver.run({"T": 0.8, "J0": 1.2, "h": 0.4, "J": 2.0}).quantities
    for key in ("q", "m", "entropy", "at_eigenvalue"):
        assert b[key] == pytest.approx(a[key], abs=1e-11)
    assert b["free_energy"] == pytest.approx(2 * a["free_energy"], abs=1e-11)


@pytest.mark.parametrize(
    "raw,field",
    [
        ({"T": 6}, "T"),
        ({"T": -0.1}, "T"),
        ({"T": float("nan")}, "T"),
        ({"h": float("inf")}, "h"),
        ({"J": 0}, "J"),
        ({"J0": "strong"}, "J0"),
        ({"n_T": 2.5}, "n_T"),
        ({"mode": "sweep"}, "mode"),
        ({"beta": 2}, "beta"),
    ],
)
def test_bad_parameters_are_rejected_naming_the_field_before_computing(solver, raw, field, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("solve must not run on bad parameters")

    monkeypatch.setattr(type(solver), "solve", fail)
    with pytest.raises(ParameterError) as caught:
        solver.run(raw)
    assert field in caught.value.errors


def test_phase_diagram_mode_makes_all_four_figures(solver):
    result = solver.run({"mode": "phase_diagram", "n_T": 12, "n_J0": 10, "T": 0.3, "J0": 1.5})
    assert result.series["grid_q"].shape == (120,)
    figures = solver.figures(result)
    assert list(figures) == [*solver.figure_names[:3], "phase-diagram"]


def test_point_mode_makes_the_three_sweep_figures(solver):
    figures = solver.figures(solver.run({}))
    assert set(figures) == {"order-parameters", "thermodynamics", "at-line-field"}
