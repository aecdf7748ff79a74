"""The chaos-transition solver: variance map, critical line, and agreement with simulated networks."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import chaos_transition as ct

N, SEEDS, STEPS, TRANSIENT = 400, 4, 600, 200
CHAOTIC = [(2.0, 0.0), (3.0, 0.5)]
ORDERED = [(1.0, 0.5), (0.6, 0.0)]


@pytest.fixture(scope="module")
def solver() -> ct.ChaosTransition:
    return get_solver("chaos-transition")


@pytest.fixture(scope="module")
def simulated():
    """Each point simulated on SEEDS networks: means and standard errors over networks."""
    points = CHAOTIC + ORDERED
    runs = [ct.simulate_map([p[0] for p in points], [p[1] for p in points], N, STEPS, TRANSIENT, seed)
            for seed in range(SEEDS)]
    q = np.array([r.q for r in runs])
    lam = np.array([r.lyapunov_exponent for r in runs])
    out = {}
    for k, point in enumerate(points):
        out[point] = {
            "q": q[:, k].mean(), "q_err": q[:, k].std(ddof=1) / math.sqrt(SEEDS),
            "lam": lam[:, k].mean(), "lam_err": lam[:, k].std(ddof=1) / math.sqrt(SEEDS),
        }
    return out


def test_critical_sigma_w_is_one_without_bias():
    assert ct.critical_sigma_w(0.0) == 1.0
    assert ct.mean_field(0.99, 0.0).phase == "ordered"
    assert ct.mean_field(1.01, 0.0).phase == "chaotic"
    assert ct.mean_field(1.0, 0.0).chi == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("sigma_w", [0.2, 0.7, 0.999, 1.0])
def test_q_star_vanishes_below_the_critical_sigma_w_without_bias(sigma_w):
    assert ct.fixed_point(sigma_w, 0.0) == 0.0
    assert ct.mean_field(sigma_w, 0.0).lyapunov_exponent == pytest.approx(math.log(sigma_w))


@pytest.mark.parametrize("sigma_w", [1.005, 1.02])
def test_q_star_grows_continuously_above_one(sigma_w):
    expected = (sigma_w**2 - 1) / (2 * sigma_w**2)  # leading order; next term is O((sigma_w - 1)^2)
    assert ct.fixed_point(sigma_w, 0.0) == pytest.approx(expected, rel=5 * (sigma_w - 1))


@pytest.mark.parametrize(("sigma_w", "sigma_b"), [(1.5, 0.3), (0.7, 1.0), (3.0, 0.0), (2.5, 2.0)])
def test_iterating_the_variance_map_reaches_the_computed_fixed_point(sigma_w, sigma_b):
    q = 1.0
    for _ in range(3000):
        q = float(ct.variance_map(q, sigma_w, sigma_b))
    assert q == pytest.approx(ct.fixed_point(sigma_w, sigma_b), rel=1e-10)


def test_critical_sigma_w_grows_with_sigma_b():
    sigma_b = np.linspace(0.0, 2.0, 21)
    critical = np.array([ct.critical_sigma_w(b) for b in sigma_b])
    assert np.all(np.diff(critical) > 0)


@pytest.mark.parametrize("sigma_b", [0.1, 0.5, 1.0, 2.0])
def test_chi_is_one_on_the_critical_line(sigma_b):
    sigma_w = ct.critical_sigma_w(sigma_b)
    assert ct.susceptibility(ct.fixed_point(sigma_w, sigma_b), sigma_w) == pytest.approx(1.0, abs=1e-9)
    assert ct.mean_field(sigma_w * 0.99, sigma_b).phase == "ordered"
    assert ct.mean_field(sigma_w * 1.01, sigma_b).phase == "chaotic"


@pytest.mark.parametrize("sigma_b", [1e-3, 1e-2, 5e-2])
def test_critical_line_leaves_one_as_sigma_b_to_the_two_thirds(sigma_b):
    excess = ct.critical_sigma_w(sigma_b) - 1.0
    leading = (3.0 / 4.0) ** (1.0 / 3.0) * sigma_b ** (2.0 / 3.0)
    # Relative corrections are O(sigma_b^(2/3)) (measured 0.1% at 0.01, 0.6% at 0.05).
    assert excess / leading == pytest.approx(1.0, abs=0.5 * sigma_b ** (2.0 / 3.0))


@pytest.mark.parametrize("point", CHAOTIC)
def test_simulated_variance_and_divergence_rate_agree_with_mean_field_in_the_chaotic_phase(simulated, point):
    theory = ct.mean_field(*point)
    sim = simulated[point]
    assert theory.phase == "chaotic"
    # Three standard errors over networks, plus the O(1/N) finite-size bias measured at
    # N = 250 / 500 / 1000 (lambda: -0.009 / -0.004 / -0.002; q: within 1%).
    assert abs(sim["q"] - theory.q_star) < 3 * sim["q_err"] + 0.01 * theory.q_star
    assert abs(sim["lam"] - theory.lyapunov_exponent) < 3 * sim["lam_err"] + 0.01


@pytest.mark.parametrize("point", ORDERED)
def test_simulated_variance_and_divergence_rate_agree_with_mean_field_in_the_ordered_phase(simulated, point):
    theory = ct.mean_field(*point)
    sim = simulated[point]
    assert theory.phase == "ordered"
    assert sim["lam"] < 0
    assert abs(sim["q"] - theory.q_star) < 3 * sim["q_err"] + 1e-3
    # The network sits at a fixed point whose Jacobian's spectral radius exceeds the
    # circular-law radius sqrt(chi) by O(N^-1/2) (measured +0.03 in lambda at N = 500).
    assert abs(sim["lam"] - theory.lyapunov_exponent) < 3 * sim["lam_err"] + 1.0 / math.sqrt(N)


def test_divergence_rate_at_the_zero_fixed_point_is_the_log_spectral_radius():
    # An exact finite-N check of the two-trajectory method: with sigma_b = 0 and
    # sigma_w rho(J) < 1 the state decays to 0, where the tangent map is sigma_w J.
    sigma_w, seed = 0.6, 5
    run = ct.simulate_map([sigma_w], [0.0], N, 1500, TRANSIENT, seed)
    J = np.random.default_rng(seed).standard_normal((N, N)) / math.sqrt(N)
    radius = np.max(np.abs(np.linalg.eigvals(J)))
    # A complex leading pair makes the growth oscillate; 1500 steps average it to ~1e-3.
    assert run.lyapunov_exponent[0] == pytest.approx(math.log(sigma_w * radius), abs=3e-3)


def test_solver_point_and_phase_diagram_modes_build_every_figure(solver):
    small = {"n_neurons": 60, "steps": 60, "transient": 20}
    for mode in ("point", "phase_diagram"):
        result = solver.run({**small, "mode": mode})
        q = result.quantities
        assert set(q) >= {"q_star", "chi", "lyapunov_exponent", "phase", "critical_sigma_w"}
        assert q["lyapunov_exponent"] == pytest.approx(0.5 * math.log(q["chi"]))
        assert ("grid_sigma_w" in result.series) == (mode == "phase_diagram")
        figures = solver.figures(result)
        assert tuple(figures) == solver.figure_names
        assert all(figure.axes for figure in figures.values())


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"sigma_w": 0}, "sigma_w"),
        ({"sigma_w": float("nan")}, "sigma_w"),
        ({"sigma_b": -0.1}, "sigma_b"),
        ({"mode": "diagram"}, "mode"),
        ({"n_neurons": 10}, "n_neurons"),
        ({"q0": 1}, "q0"),
    ],
)
def test_bad_parameters_raise_an_error_naming_the_field(solver, raw, field):
    with pytest.raises(ParameterError) as caught:
        solver.parse_params(raw)
    assert set(caught.value.errors) == {field}
