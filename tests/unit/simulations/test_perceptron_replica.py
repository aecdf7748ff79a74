"""The perceptron-replica solver: analytic limits, independent quadrature, finite-N sampling, parameters."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import brentq
from scipy.special import log_ndtr

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import perceptron_replica as pr


@pytest.fixture(scope="module")
def solver() -> pr.PerceptronReplica:
    return get_solver("perceptron-replica")


def _quad_overlap_integral(R: float) -> float:
    """int Dt exp(-R t^2/2) / H(sqrt(R) t) by adaptive quadrature, independent of the grid rule."""

    def integrand(t: float) -> float:
        return math.exp(-0.5 * t * t - 0.5 * R * t * t - log_ndtr(-math.sqrt(R) * t)) / math.sqrt(
            2 * math.pi
        )

    return quad(integrand, -np.inf, np.inf, epsabs=1e-14, epsrel=1e-13, limit=200)[0]


def _quad_entropy_integral(R: float) -> float:
    x = math.sqrt(R / (1 - R))

    def integrand(t: float) -> float:
        log_h = log_ndtr(-x * t)
        return math.exp(-0.5 * t * t) / math.sqrt(2 * math.pi) * math.exp(log_h) * log_h

    # The integrand lives on |t| ~ 1/x: tell quad where.
    width = min(1.0, 1.0 / x)
    return quad(
        integrand, -40 * width, 40 * width, points=[0.0], epsabs=1e-14, epsrel=1e-12, limit=400
    )[0]


def _quad_saddle_point(alpha: float) -> float:
    return brentq(
        lambda R: R / math.sqrt(1 - R) - alpha / math.pi * _quad_overlap_integral(R),
        0.0,
        1 - 1e-12,
        xtol=1e-15,
    )


# --- analytic limits --------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["gibbs", "bayes"])
def test_error_is_one_half_without_examples(solver, rule):
    quantities = solver.run({"alpha": 0, "rule": rule}).quantities
    assert quantities["generalization_error"] == pytest.approx(
        0.5, abs=2e-16
    )  # 2 asin(sqrt(1/2))/pi, rounded
    assert quantities["R"] == 0.0
    assert quantities["entropy"] == 0.0


def test_errors_decrease_monotonically_with_alpha():
    curves = pr.learning_curves(50.0)
    assert np.all(np.diff(curves["alpha"]) > 0)
    assert np.all(np.diff(curves["generalization_error_gibbs"]) < 0)
    assert np.all(np.diff(curves["generalization_error_bayes"]) < 0)
    assert np.all(np.diff(curves["entropy"]) < 0)
    # Bayes is optimal: never worse than Gibbs.
    assert np.all(
        curves["generalization_error_bayes"][1:] < curves["generalization_error_gibbs"][1:]
    )


def test_small_alpha_slope_of_gibbs_error_is_two_over_pi_squared():
    # R = 2 alpha / pi + O(alpha^2), so (1/2 - eps) / alpha = 2 / pi^2 + O(alpha): at
    # alpha = 1e-4 the relative correction is ~1e-4; 1e-3 leaves room and fails for 1/pi^2 etc.
    alpha = 1e-4
    _, one_minus_R = pr.saddle_point(alpha)
    slope = (0.5 - pr.gibbs_error(one_minus_R)) / alpha
    assert slope == pytest.approx(2 / math.pi**2, rel=1e-3)


def test_small_alpha_bayes_error_has_square_root_cusp():
    # eps_Bayes = 1/2 - sqrt(2 alpha / pi) / pi + O(alpha): relative correction O(sqrt(alpha)) ~ 1e-3.
    alpha = 1e-6
    _, one_minus_R = pr.saddle_point(alpha)
    coefficient = (0.5 - pr.bayes_error(one_minus_R)) / math.sqrt(alpha)
    assert coefficient == pytest.approx(math.sqrt(2 / math.pi) / math.pi, rel=1e-2)


def test_large_alpha_constants_match_the_textbook_values():
    # Engel & Van den Broeck quote 0.625 and 0.442 (three digits): tolerance 1e-3.
    assert pr.asymptotic_constant("gibbs") == pytest.approx(0.625, abs=1e-3)
    assert pr.asymptotic_constant("bayes") == pytest.approx(0.442, abs=1e-3)
    assert pr.asymptotic_constant("gibbs") / pr.asymptotic_constant("bayes") == pytest.approx(
        math.sqrt(2), rel=1e-14
    )


def test_large_alpha_constant_integral_agrees_with_adaptive_quadrature():
    assert pr.large_alpha_integral() == pytest.approx(_quad_overlap_integral(1.0), rel=1e-11)


@pytest.mark.parametrize("rule", ["gibbs", "bayes"])
def test_saddle_point_approaches_c_over_alpha_at_large_alpha(rule):
    # Relative corrections are O(alpha^-2): ~1.5e-2 at alpha 10, ~1.5e-4 at 100, ~1.5e-6 at 1000.
    c = pr.asymptotic_constant(rule)
    error = pr.gibbs_error if rule == "gibbs" else pr.bayes_error
    deviations = [
        abs(alpha * error(pr.saddle_point(alpha)[1]) / c - 1) for alpha in (10.0, 100.0, 1000.0)
    ]
    assert deviations[0] < 3e-2
    assert deviations[1] < 3e-4
    assert deviations[2] < 3e-6
    assert deviations[0] > deviations[1] > deviations[2]


def test_asymptotic_error_quantity_is_c_over_alpha(solver):
    quantities = solver.run({"alpha": 40, "rule": "bayes"}).quantities
    assert quantities["asymptotic_error"] == pytest.approx(
        pr.asymptotic_constant("bayes") / 40, rel=1e-14
    )
    assert quantities["generalization_error"] == pytest.approx(
        quantities["asymptotic_error"], rel=2e-3
    )


def test_bayes_student_overlap_is_square_root_of_gibbs_overlap(solver):
    gibbs = solver.run({"alpha": 2, "rule": "gibbs"}).quantities
    bayes = solver.run({"alpha": 2, "rule": "bayes"}).quantities
    assert gibbs["R"] == bayes["R"]
    assert bayes["student_overlap"] == pytest.approx(math.sqrt(gibbs["R"]), rel=1e-14)
    assert bayes["generalization_error"] == pytest.approx(
        math.acos(math.sqrt(gibbs["R"])) / math.pi, rel=1e-12
    )


def test_log_H_is_finite_where_H_underflows():
    x = 50.0
    # H(x) ~ phi(x) / x (1 - 1/x^2 + ...): relative error of the log ~ 1/x^2 / ln H ~ 3e-7.
    expected = -0.5 * x * x - math.log(x * math.sqrt(2 * math.pi)) - 1 / x**2
    assert pr.log_H(x) == pytest.approx(expected, rel=1e-8)


# --- independent quadrature ---------------------------------------------------------------


@pytest.mark.parametrize("R", [0.05, 0.5, 0.9, 0.999])
def test_overlap_integral_agrees_with_adaptive_quad(R):
    # Both are accurate to ~1e-14; 1e-11 allows for quad's error estimate.
    assert pr.overlap_integral(R) == pytest.approx(_quad_overlap_integral(R), rel=1e-11)


@pytest.mark.parametrize("R", [0.05, 0.5, 0.9, 0.999, 0.999999])
def test_entropy_integral_agrees_with_adaptive_quad(R):
    assert pr.entropy_integral(R) == pytest.approx(_quad_entropy_integral(R), rel=1e-10, abs=1e-14)


@pytest.mark.parametrize("alpha", [0.3, 2.0, 10.0, 60.0])
def test_saddle_point_agrees_with_quad_based_root(alpha):
    # The residual's slope is O(1) in R except near R = 1, where 1 - R ~ 1/alpha^2: 1e-10 absolute.
    assert pr.saddle_point(alpha)[0] == pytest.approx(_quad_saddle_point(alpha), abs=1e-10)


@pytest.mark.parametrize("alpha", [0.5, 3.0, 20.0])
def test_saddle_point_is_stationary_point_of_the_entropy(alpha):
    R, _ = pr.saddle_point(alpha)

    def s(r: float) -> float:
        return pr.quenched_entropy(alpha, r, 1 - r)

    h = 1e-5 * (1 - R)
    slope = (s(R + h) - s(R - h)) / (2 * h)
    curvature = (s(R + h) - 2 * s(R) + s(R - h)) / h**2
    # Central difference error ~ h^2 s''' and rounding ~ eps |s| / h: tiny against |s''| h.
    assert abs(slope) < 1e-6 * abs(curvature) * (1 - R) + 1e-7
    assert curvature < 0  # a maximum of the entropy over R


# --- finite-N sampling ------------------------------------------------------------------


def _version_space(n: int, alpha: float, seed: int):
    rng = np.random.default_rng(seed)
    teacher = rng.standard_normal(n)
    teacher *= math.sqrt(n) / np.linalg.norm(teacher)
    inputs = rng.standard_normal((round(alpha * n), n))
    return rng, teacher, inputs * np.sign(inputs @ teacher)[:, None]


def test_hmc_chain_never_leaves_version_space():
    rng, teacher, constraints = _version_space(80, 3.0, seed=1)
    chain = pr.sample_version_space(constraints, teacher, 30, rng)
    assert np.all(constraints @ chain.T > 0)


def test_hmc_chain_forgets_its_start_within_burn_in():
    # Started at the teacher (R = 1) the chain must reach the equilibrium overlap within the
    # burn-in, and two halves of the kept chain must agree; consecutive overlaps ~ uncorrelated.
    n, alpha = 100, 2.0
    rng, teacher, constraints = _version_space(n, alpha, seed=2)
    chain = pr.sample_version_space(constraints, teacher, 400, rng)
    R = chain @ teacher / (math.sqrt(n) * np.linalg.norm(chain, axis=1))
    kept = R[pr.BURN_IN :]
    sem = kept.std() / math.sqrt(kept.size / 2)
    first, second = kept[: kept.size // 2].mean(), kept[kept.size // 2 :].mean()
    assert abs(first - second) < 4 * sem
    assert abs(R[pr.BURN_IN - 1] - kept.mean()) < 4 * kept.std()
    centred = kept - kept.mean()
    lag1 = np.mean(centred[:-1] * centred[1:]) / np.mean(centred**2)
    assert abs(lag1) < 0.3


def test_finite_size_check_agrees_with_theory_within_error_bars(monkeypatch):
    # Finite-size bias at N = 100 was measured well below one standard error (16 teachers,
    # alpha = 4: |bias| < 0.002 against s.e. 0.003). 3.5 s.e. keeps false alarms < 1e-3 per point.
    monkeypatch.setattr(pr, "CHECK_ALPHAS", (1.0, 3.0))
    check = pr.finite_size_check(n=100, samples=8, seed=3)
    for i, alpha in enumerate(check["check_alpha"]):
        _, one_minus_R = pr.saddle_point(alpha)
        assert (
            abs(check["check_error_gibbs"][i] - pr.gibbs_error(one_minus_R))
            < 3.5 * check["check_error_gibbs_sem"][i]
        )
        assert (
            abs(check["check_error_bayes"][i] - pr.bayes_error(one_minus_R))
            < 3.5 * check["check_error_bayes_sem"][i]
        )
        # The Nishimori identity q = R holds for the sampled students.
        assert abs(check["check_q"][i] - check["check_R"][i]) < 3.5 * math.hypot(
            check["check_q_sem"][i], check["check_R_sem"][i]
        )


def test_finite_size_check_is_deterministic_for_a_seed(monkeypatch):
    monkeypatch.setattr(pr, "CHECK_ALPHAS", (1.0,))
    first = pr.finite_size_check(n=40, samples=2, seed=7)
    second = pr.finite_size_check(n=40, samples=2, seed=7)
    other = pr.finite_size_check(n=40, samples=2, seed=8)
    assert all(np.array_equal(first[k], second[k]) for k in first)
    assert not np.array_equal(first["check_R"], other["check_R"])


# --- solver contract and parameters ----------------------------------------------------------


def test_single_point_solve_skips_sampling_and_serialises(solver, monkeypatch):
    monkeypatch.setattr(
        pr, "finite_size_check", lambda *a, **k: pytest.fail("sampled in a plain solve")
    )
    result = solver.run({"alpha": 2})
    document = json.loads(result.to_json(solver.name, solver.version))
    assert set(document["quantities"]) >= {
        "R",
        "generalization_error",
        "entropy",
        "asymptotic_error",
    }
    assert document["params"]["rule"] == "gibbs"
    assert "check_alpha" not in document["series"]


def test_finite_size_check_parameter_puts_sampled_data_in_the_series(solver, monkeypatch):
    monkeypatch.setattr(pr, "CHECK_ALPHAS", (1.0,))
    result = solver.run({"alpha": 1, "finite_size_check": True, "n": 40, "samples": 2})
    assert result.series["check_alpha"].tolist() == [1.0]
    assert result.series["check_error_gibbs"].shape == (1,)


def test_figures_are_the_declared_ones(solver, monkeypatch):
    monkeypatch.setattr(pr, "CHECK_ALPHAS", (1.0,))
    figures = solver.figures(solver.run({"alpha": 2, "n": 40, "samples": 2}))
    assert tuple(figures) == solver.figure_names


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"alpha": -0.1}, "alpha"),
        ({"alpha": 101}, "alpha"),
        ({"alpha": float("nan")}, "alpha"),
        ({"alpha": float("inf")}, "alpha"),
        ({"alpha": "two"}, "alpha"),
        ({"rule": "adaline"}, "rule"),
        ({"n": 2.5}, "n"),
        ({"samples": 1}, "samples"),
        ({"finite_size_check": "sometimes"}, "finite_size_check"),
        ({"temperature": 1}, "temperature"),
    ],
)
def test_bad_parameters_raise_parameter_error_naming_the_field_before_computing(
    solver, monkeypatch, raw, field
):
    monkeypatch.setattr(pr, "saddle_point", lambda *a: pytest.fail("computed with bad parameters"))
    with pytest.raises(ParameterError) as caught:
        solver.run(raw)
    assert field in caught.value.errors
    assert field in str(caught.value)


def test_parameters_given_as_strings_are_coerced(solver):
    assert solver.normalise_params({"alpha": "2.5", "rule": "bayes", "n": "100"}) == {
        "alpha": 2.5,
        "rule": "bayes",
        "finite_size_check": False,
        "n": 100,
        "samples": 8,
        "seed": 0,
    }
