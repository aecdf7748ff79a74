"""The rnn-dmft solver: SCS mean-field theory, its internal checks, and the simulated network."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import rnn_dmft as dm


@pytest.fixture(scope="module")
def solver() -> dm.RNNDMFT:
    return get_solver("rnn-dmft")


@pytest.fixture(scope="module")
def theory_g2() -> dm.DMFTSolution:
    return dm.solve_dmft(2.0, tau_max=20.0)


@pytest.mark.parametrize("g", [0.3, 0.8, 0.99, 1.0])
def test_delta_vanishes_for_g_up_to_one(g):
    solution = dm.solve_dmft(g)
    assert solution.delta0 == 0.0
    assert not solution.delta.any()
    # No non-trivial root exists: V(a) - V(0) < 0 for every a > 0 (checked on a grid).
    assert all(dm.energy_gap(a, g) < 0 for a in np.geomspace(1e-3, 50, 40))


@pytest.mark.parametrize("eps", [1e-3, 3e-3, 1e-2, 3e-2])
def test_delta0_grows_from_zero_as_eps_plus_seven_sixths_eps_squared(eps):
    delta0 = dm.delta0_theory(1.0 + eps)
    assert delta0 == pytest.approx(eps, rel=2 * eps)  # the leading behaviour, Delta0 ~ g - 1
    # The next term of the expansion: (Delta0 - eps)/eps^2 = 7/6 + O(eps); the O(eps^3)
    # coefficient of Delta0 is about -0.76 (measured), so |error| < eps leaves room.
    assert (delta0 - eps) / eps**2 == pytest.approx(7.0 / 6.0, abs=eps)


@pytest.mark.parametrize("eps", [5e-3, 1e-2])
def test_decay_time_diverges_as_sqrt3_over_g_minus_one(eps):
    g = 1.0 + eps
    tau_c = dm.decay_time(g, dm.delta0_theory(g))
    assert tau_c * eps / math.sqrt(3.0) == pytest.approx(1.0, abs=3 * eps)  # O(eps) corrections


@pytest.mark.parametrize("g", [1.05, 1.5, 2.0, 3.0, 5.0])
def test_energy_conservation_holds_to_1e_minus_10(g):
    delta0 = dm.delta0_theory(g)
    # Evaluated through the two-dimensional average E[ln cosh x ln cosh y], not through
    # the one-dimensional variance the root finder used.
    V = dm.potential(np.array([delta0, 0.0]), delta0, g)
    assert abs(V[0] - V[1]) < 1e-10


def test_delta_solves_the_equation_of_motion(theory_g2):
    tau, delta = theory_g2.tau, theory_g2.delta
    step = tau[1] - tau[0]
    second = (delta[2:] - 2 * delta[1:-1] + delta[:-2]) / step**2
    from simulations.solvers._numerics import pair_mean

    force = delta[1:-1] - 4.0 * pair_mean(np.tanh, delta[1:-1], theory_g2.delta0)
    assert np.max(np.abs(second - force)) < 1e-3  # O(h^2) error of the difference quotient
    assert delta[0] == theory_g2.delta0
    assert np.all(np.diff(delta) < 0)  # monotone decay from Delta0 towards 0


@pytest.mark.parametrize("g", [1.2, 2.0, 3.0])
def test_velocity_is_a_zero_mode_of_the_fluctuation_operator(g):
    solution = dm.solve_dmft(g)
    # The first excited level of H must be Delta'(tau) with energy 0. The Richardson-
    # extrapolated 3-point Laplacian leaves O(h^4) errors, about 1e-8 here (measured).
    assert abs(solution.zero_mode_energy) < 1e-6
    assert solution.zero_mode_overlap > 1 - 1e-6
    assert solution.ground_state_energy < -1e-3  # a bound state below it: chaos


@pytest.mark.parametrize("eps", [1e-4, 1e-3])
def test_dmft_lyapunov_exponent_vanishes_as_half_eps_squared_at_the_smallest_allowed_gains(eps):
    # Numerically lambda / (eps^2 / 2) = 1 - 3.6 eps + ...; also checks that the smallest
    # gain the parameters allow (1 + 1e-4) is still resolved.
    solution = dm.solve_dmft(1.0 + eps)
    assert solution.lyapunov_exponent / (eps**2 / 2) == pytest.approx(1.0, abs=5 * eps)
    assert abs(solution.zero_mode_energy) < 1e-3 * eps**2
    assert solution.zero_mode_overlap > 0.9999


@pytest.mark.parametrize("g", [0.3, 0.9])
def test_lyapunov_exponent_below_one_is_g_minus_one(g):
    assert dm.solve_dmft(g).lyapunov_exponent == pytest.approx(g - 1.0)


def test_dmft_lyapunov_exponent_is_positive_above_one_and_grows():
    values = [dm.solve_dmft(g).lyapunov_exponent for g in (1.1, 1.5, 2.0)]
    assert 0 < values[0] < values[1] < values[2]


def test_theory_autocorrelation_matches_simulation_at_g_2(theory_g2):
    # Eight networks of 300 units: a single finite network has slow collective fluctuations
    # (its Delta(tau) differs from the next network's by ~0.3 at tau = 10), so the
    # statistical error is the spread over networks, not over time.
    runs = dm.simulate_networks([2.0] * 8, list(range(8)), 300, 150.0, 50.0, tau_max=10.0)
    delta = np.array([run.delta for run in runs])
    mean = delta.mean(axis=0)
    error = delta.std(axis=0, ddof=1) / math.sqrt(len(runs))
    for lag in (0.0, 1.0, 2.0, 4.0, 6.0, 10.0):
        k = round(lag / dm.TAU_STEP)
        # 3 standard errors, plus 3% of Delta0 for the O(1/N) finite-size bias
        # (Delta0 of N = 250 / 500 / 1000 networks: 1.87 / 2.01 / 1.90 against 1.925).
        allowed = 3 * error[k] + 0.03 * theory_g2.delta0
        assert abs(mean[k] - theory_g2.delta[k]) < allowed, (lag, mean[k], theory_g2.delta[k], error[k])


def test_simulated_lyapunov_exponent_changes_sign_near_g_1():
    # Three networks of 300 units per gain. Finite networks just above g = 1 are often
    # periodic (lambda ~ 0; at N = 500, g = 1.5 the mean is still ~0 against the DMFT 0.047),
    # so the chaotic side is probed at g = 2, where N = 300 gives about 0.07 (DMFT 0.112).
    gains = [0.8, 0.95, 2.0]
    runs = dm.simulate_networks([g for g in gains for _ in range(3)], list(range(20, 29)), 300,
                                150.0, 50.0, tau_max=1.0)
    lam = {g: np.mean([r.lyapunov_exponent for r in runs if r.g == g]) for g in gains}
    # The spread over networks contains the time-averaging noise as well as the disorder.
    err = {g: np.std([r.lyapunov_exponent for r in runs if r.g == g], ddof=1) / math.sqrt(3)
           for g in gains}
    assert lam[0.8] < lam[0.95] < 0 < lam[2.0]
    assert lam[0.95] < -3 * err[0.95] and lam[2.0] > 3 * err[2.0], (lam, err)
    # Below 1 the network relaxes to x = 0, where lambda = g rho(J) - 1 with rho(J) the
    # spectral radius of J/g: g - 1 up to the O(N^-1/2) excess of rho over 1.
    assert lam[0.8] == pytest.approx(-0.2, abs=0.06)


def test_solver_returns_the_public_quantities_and_figures(solver):
    result = solver.run({"g": 1.5, "n_neurons": 40, "t_sim": 40, "t_transient": 10, "tau_max": 10})
    q = result.quantities
    for name in ("delta0", "decay_time", "lyapunov_exponent", "delta0_sim", "lyapunov_exponent_sim"):
        assert math.isfinite(q[name]), name
    assert result.series["tau"].shape == result.series["delta"].shape == result.series["delta_sim"].shape
    figures = solver.figures(result)
    assert tuple(figures) == solver.figure_names
    assert all(figure.axes for figure in figures.values())


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"g": 0}, "g"),
        ({"g": 7.5}, "g"),
        ({"g": float("inf")}, "g"),
        ({"g": 1.00001}, "g"),
        ({"n_neurons": 5}, "n_neurons"),
        ({"tau_max": 0.1}, "tau_max"),
        ({"seed": -1}, "seed"),
        ({"dt": 0.01}, "dt"),
    ],
)
def test_bad_parameters_raise_an_error_naming_the_field(solver, raw, field):
    with pytest.raises(ParameterError) as caught:
        solver.parse_params(raw)
    assert set(caught.value.errors) == {field}
