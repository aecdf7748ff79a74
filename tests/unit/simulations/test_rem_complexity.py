"""The rem-complexity solver: closed forms, independent quadrature, exact finite-N sampling, parameters."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import logsumexp

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import rem_complexity as rc

LN2 = math.log(2)


@pytest.fixture(scope="module")
def solver() -> rc.REMComplexity:
    return get_solver("rem-complexity")


# --- closed forms -------------------------------------------------------------------------


@pytest.mark.parametrize("J", [0.5, 1.0, 3.0])
def test_complexity_vanishes_at_the_freezing_energy(J):
    edge = rc.freezing_energy(J)
    assert edge == pytest.approx(-J * math.sqrt(LN2), rel=1e-15)
    assert rc.complexity(edge, J) == pytest.approx(0.0, abs=1e-15)
    assert rc.complexity(0.0, J) == LN2
    assert rc.complexity(1.01 * edge, J) < 0


@pytest.mark.parametrize("J", [0.5, 1.0, 3.0])
def test_critical_temperature_is_J_over_two_root_ln2(J):
    assert rc.critical_temperature(J) == pytest.approx(J / (2 * math.sqrt(LN2)), rel=1e-15)
    # At T_c the equilibrium level e* = -J^2 / (2T) sits exactly at the band edge.
    assert -(J**2) / (2 * rc.critical_temperature(J)) == pytest.approx(
        rc.freezing_energy(J), rel=1e-14
    )


@pytest.mark.parametrize("J", [0.7, 1.0])
@pytest.mark.parametrize("ratio", [0.2, 0.6, 0.99, 1.01, 1.5, 4.0])
def test_free_energy_is_the_minimum_of_e_minus_T_sigma_over_the_band(J, ratio):
    # f = min over |e| <= e_c of e - T Sigma(e), found by brute force on a grid that includes
    # both band edges: spacing de ~ 8e-7 J bounds the error by T de^2 / J^2 < 1e-12 and the
    # minimiser's by de.
    T = ratio * rc.critical_temperature(J)
    edge = rc.freezing_energy(J)
    e = np.linspace(edge, -edge, 2_000_001)
    values = e - T * rc.complexity(e, J)
    thermo = rc.thermodynamics(T, J)
    assert float(thermo["free_energy"]) == pytest.approx(values.min(), abs=1e-11)
    assert float(thermo["energy"]) == pytest.approx(e[values.argmin()], abs=2 * (e[1] - e[0]))


def test_free_energy_above_and_below_tc_has_the_closed_forms():
    J = 1.3
    Tc = rc.critical_temperature(J)
    for T in (1.2 * Tc, 2 * Tc, 5 * Tc):
        assert float(rc.thermodynamics(T, J)["free_energy"]) == pytest.approx(
            -T * LN2 - J**2 / (4 * T), rel=1e-15
        )
    for T in (0.01 * Tc, 0.5 * Tc, Tc):
        thermo = rc.thermodynamics(T, J)
        assert float(thermo["free_energy"]) == -J * math.sqrt(LN2)
        assert float(thermo["entropy"]) == 0.0


def test_free_energy_energy_and_entropy_are_continuous_at_tc():
    J = 1.0
    Tc = rc.critical_temperature(J)
    below, above = rc.thermodynamics(Tc * (1 - 1e-9), J), rc.thermodynamics(Tc * (1 + 1e-9), J)
    for key in ("free_energy", "energy", "entropy"):
        # Each is Lipschitz in T with constant < 2 near T_c: a 1e-9 step moves it < 2e-9.
        assert float(above[key]) == pytest.approx(float(below[key]), abs=4e-9)


def test_entropy_is_minus_the_temperature_derivative_of_f():
    J, T, h = 1.0, 1.1, 1e-5
    f = lambda t: float(rc.thermodynamics(t, J)["free_energy"])  # noqa: E731
    # Central difference: error ~ h^2 f''' ~ 1e-10.
    assert -(f(T + h) - f(T - h)) / (2 * h) == pytest.approx(
        float(rc.thermodynamics(T, J)["entropy"]), abs=1e-8
    )


@pytest.mark.parametrize(("N", "ratio"), [(10, 1.2), (20, 2.0), (40, 5.0)])
def test_annealed_free_energy_agrees_with_adaptive_quad(N, ratio):
    # Above T_c, f = -(T/N) ln E[Z] with E[Z] = 2^N int dE p(E) exp(-E/T) for any N; quad
    # integrates the Gaussian in E without using the closed form.
    J = 1.0
    T = ratio * rc.critical_temperature(J)
    sigma = J * math.sqrt(N / 2)
    shift = -(sigma**2) / T  # centre of the tilted integrand, for quad's sake
    integral = quad(
        lambda E: (
            math.exp(-0.5 * (E / sigma) ** 2 - E / T + shift / T - 0.5 * (shift / sigma) ** 2)
            / (sigma * math.sqrt(2 * math.pi))
        ),
        shift - 40 * sigma,
        shift + 40 * sigma,
        points=[shift],
        epsabs=0,
        epsrel=1e-13,
    )[0]
    ln_mean_Z = N * LN2 + math.log(integral) - shift / T + 0.5 * (shift / sigma) ** 2
    assert -T * ln_mean_Z / N == pytest.approx(
        float(rc.thermodynamics(T, J)["free_energy"]), rel=1e-12
    )


# --- exact enumeration --------------------------------------------------------------------


def test_streamed_enumeration_matches_a_direct_sum_over_all_levels():
    # N = 21 has two blocks of 2^20 levels: the running-minimum rescaling must be exact.
    N, J = 21, 1.0
    betas = np.array([0.5, 2.0, 8.0])
    ln_Z, S = rc.sample_log_partition(N, J, betas, 1, np.random.default_rng(5))
    energies = np.random.default_rng(5).standard_normal((2, 2**20)).ravel() * J * math.sqrt(N / 2)
    for j, beta in enumerate(betas):
        direct = logsumexp(-beta * energies)
        weights = np.exp(-beta * energies - direct)
        assert ln_Z[0, j] == pytest.approx(direct, rel=1e-12)
        assert S[0, j] == pytest.approx(direct + beta * (weights @ energies), rel=1e-9, abs=1e-9)


def test_sampled_free_energy_at_high_temperature_matches_theory_within_error_bars():
    # Above 2 T_c, E ln Z - ln E Z ~ -exp(-N (ln 2 - beta^2 J^2 / 2)) / 2 ~ 1e-3 / N is far below
    # the error bar; 4 s.e. keeps false alarms below 1e-4.
    J, N = 1.0, 12
    temperatures = np.array([2.5, 4.0, 8.0]) * rc.critical_temperature(J)
    ln_Z, _ = rc.sample_log_partition(N, J, 1 / temperatures, 200, np.random.default_rng(11))
    f = -temperatures * ln_Z / N
    error = f.std(axis=0, ddof=1) / math.sqrt(len(f))
    assert np.all(
        np.abs(f.mean(axis=0) - rc.thermodynamics(temperatures, J)["free_energy"]) < 4 * error
    )


def test_high_temperature_entropy_fluctuations_match_the_gaussian_theory():
    # Deep in the Gaussian regime (T = 4 T_c) std S follows the linear-response formula; each
    # size must agree within 3.5 of its fourth-moment error bars (400 samples).
    J = 1.0
    T = 4 * rc.critical_temperature(J)
    for N in (6, 10, 14):
        _, S = rc.sample_log_partition(N, J, np.array([1 / T]), 400, np.random.default_rng(N))
        std, error = rc.std_with_error(S[:, 0])
        assert abs(std - rc.gaussian_entropy_std(N, T, J)) < 3.5 * error


def test_high_temperature_fluctuations_fall_faster_than_any_power_of_N(solver):
    # Exponential decay: the per-spin std drops by more than N^-2 would allow over N = 8...16.
    result = solver.run({"T": 4 * rc.critical_temperature(1.0), "N": 16, "samples": 200})
    assert result.quantities["entropy_std_exponent"] < -2.5
    assert result.quantities["entropy_decay_rate_theory"] == pytest.approx(
        7 * LN2 / 16, rel=1e-12
    )  # beta^2 J^2 / 2 = ln2 / 8


def test_frozen_phase_total_entropy_fluctuations_stay_of_order_one(solver):
    # Theory: std S = O(1), so std s ~ N^-1. At N <= 16 the fitted slope is about -0.85 (slow
    # extreme-value corrections); it must be within [-1.15, -0.7] and > 3 s.e. away from -1/2,
    # the slope of an ordinary self-averaging quantity.
    result = solver.run({"T": 0.5 * rc.critical_temperature(1.0), "N": 16, "samples": 300})
    exponent = result.quantities["entropy_std_exponent"]
    error = result.quantities["entropy_std_exponent_error"]
    assert -1.15 < exponent < -0.7
    assert exponent < -0.5 - 3 * error
    total = result.series["entropy_std"] * result.series["sizes"]
    assert 0.2 < total[-1] < 2.0


def test_frozen_phase_mean_entropy_is_of_order_one_and_below_tc_entropy_vanishes(solver):
    result = solver.run({"T": 0.3, "N": 12, "samples": 100})
    assert result.quantities["phase"] == "frozen"
    assert result.quantities["entropy"] == 0.0
    assert result.quantities["complexity"] == 0.0
    total = result.series["entropy_mean"] * result.series["sizes"]
    assert np.all((total > 0.05) & (total < 3.0))


# --- solver contract and parameters ----------------------------------------------------------


def test_result_has_the_public_quantities_and_series_and_serialises(solver):
    result = solver.run({"T": 1.0, "N": 10, "samples": 32})
    document = json.loads(result.to_json(solver.name, solver.version))
    assert set(document["quantities"]) >= {
        "critical_temperature", "free_energy", "energy", "entropy", "complexity",
        "entropy_std", "entropy_std_exponent",
    }  # fmt: skip
    assert set(document["series"]) >= {"e", "complexity", "sizes", "entropy_std"}
    assert document["series"]["sizes"] == [4, 6, 8, 10]
    assert result.to_csv().startswith("e,complexity,")


def test_same_seed_gives_identical_results(solver):
    first = solver.run({"N": 10, "samples": 20, "seed": 4})
    second = solver.run({"N": 10, "samples": 20, "seed": 4})
    assert first.to_json() == second.to_json()


def test_samples_are_capped_at_the_largest_sizes():
    assert rc.samples_at_size(16, 200) == 200
    assert rc.samples_at_size(20, 200) == 32
    assert rc.samples_at_size(24, 200) == 16


def test_figures_are_the_declared_ones(solver):
    figures = solver.figures(solver.run({"T": 0.4, "N": 10, "samples": 32}))
    assert tuple(figures) == solver.figure_names


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"T": 0}, "T"),
        ({"T": -1}, "T"),
        ({"T": float("nan")}, "T"),
        ({"J": float("inf")}, "J"),
        ({"N": 25}, "N"),
        ({"N": 3}, "N"),
        ({"N": 12.5}, "N"),
        ({"N": "twelve"}, "N"),
        ({"samples": 2}, "samples"),
        ({"beta": 1}, "beta"),
    ],
)
def test_bad_parameters_raise_parameter_error_naming_the_field_before_computing(
    solver, monkeypatch, raw, field
):
    monkeypatch.setattr(
        rc, "sample_log_partition", lambda *a: pytest.fail("computed with bad parameters")
    )
    with pytest.raises(ParameterError) as caught:
        solver.run(raw)
    assert field in caught.value.errors
    assert field in str(caught.value)
