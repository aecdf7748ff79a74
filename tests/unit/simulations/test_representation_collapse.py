"""The representation-collapse solver: closed-form mode dynamics, collapse vs non-collapse, parameters."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulations.errors import ParameterError
from simulations.registry import get_solver
from simulations.solvers import representation_collapse as rc

K, N_PER, DIM = 3, 8, 12
EPS, ETA = 0.3, 1.5
MOMENTS = {"global": 0.5, "centroid": 0.8, "within": 0.4}
WITHIN_DIRECTIONS = 6


@pytest.fixture(scope="module")
def solver() -> rc.RepresentationCollapse:
    return get_solver("representation-collapse")


@pytest.fixture(scope="module")
def aligned():
    Z0, labels = rc.aligned_state(K, N_PER, DIM, MOMENTS, WITHIN_DIRECTIONS, seed=3)
    return Z0, labels, rc.coupling_matrix(K, N_PER, EPS)


def _per_direction(trajectory: rc.Trajectory, mode: str) -> np.ndarray:
    count = {"global": 1, "centroid": K - 1, "within": WITHIN_DIRECTIONS}[mode]
    return trajectory.mode_moments[mode] / count


def test_coupling_matrix_has_the_three_closed_form_eigenvalues():
    A = rc.coupling_matrix(K, N_PER, EPS)
    a = rc.mode_eigenvalues(K, EPS)
    for name, projector in rc.mode_projectors(K, N_PER).items():
        assert np.allclose(A @ projector, a[name] * projector, atol=1e-13), name
    assert np.allclose(A.sum(axis=1), 1.0)


@pytest.mark.parametrize("stop_gradient", [True, False])
def test_frozen_predictor_mode_rates_are_exact(aligned, stop_gradient):
    # With eta = 0 the Euler map is linear: each mode's amplitude is multiplied by exactly
    # (1 - lr r_m) per step, so its second moment by (1 - lr r_m)^2 (round-off only).
    Z0, labels, A = aligned
    Zr, _ = rc.initial_state(K, N_PER, DIM, 1.0, 0.4, seed=1)  # generic states obey it too
    a = rc.mode_eigenvalues(K, EPS)
    lr, steps = 0.01, 300
    for start in (Z0, Zr):
        run = rc.integrate(start, np.eye(DIM), A, labels, K, steps, lr, 0.0, stop_gradient)
        for mode in ("centroid", "within"):
            rate = rc.frozen_predictor_rate(a[mode], stop_gradient)
            expected = (1.0 - lr * rate) ** (2 * steps)
            moments = run.mode_moments[mode]
            assert moments[-1] / moments[0] == pytest.approx(expected, rel=1e-9), mode


def test_stop_gradient_alone_only_halves_the_collapse_rate():
    for a in (0.0, 0.4, 0.9):
        assert rc.frozen_predictor_rate(a, stop_gradient=False) == pytest.approx(
            2.0 * rc.frozen_predictor_rate(a, stop_gradient=True))


def test_aligned_stop_gradient_mode_ends_at_the_conserved_quantity_prediction(aligned):
    Z0, labels, A = aligned
    a = rc.mode_eigenvalues(K, EPS)
    run = rc.integrate(Z0, np.eye(DIM), A, labels, K, 8000, 0.005, ETA, True)
    expected = rc.aligned_final_moment(MOMENTS["centroid"], a["centroid"], ETA)
    assert expected == pytest.approx(0.8 - (1 - 0.55**2) / 1.5)
    # Euler with lr = 0.005 conserves s + (2ae - e^2)/eta up to O(lr) (measured 2e-4 relative).
    assert _per_direction(run, "centroid")[-1] == pytest.approx(expected, rel=2e-3)
    assert run.class_separation[-1] == pytest.approx(math.sqrt(expected / MOMENTS["centroid"]), rel=2e-3)
    # Within-class contrasts are below threshold (eta s_w = 0.6 < 1 - a_w^2 = 1): they die.
    assert rc.aligned_final_moment(MOMENTS["within"], 0.0, ETA) == 0.0
    assert _per_direction(run, "within")[-1] < 1e-10
    # The global mean has a = 1 = w: it neither grows nor shrinks.
    assert _per_direction(run, "global")[-1] == pytest.approx(MOMENTS["global"], rel=1e-9)


def test_aligned_stop_gradient_relaxes_at_rate_eta_s_inf(aligned):
    Z0, labels, A = aligned
    a = rc.mode_eigenvalues(K, EPS)
    run = rc.integrate(Z0, np.eye(DIM), A, labels, K, 8000, 0.005, ETA, True)
    moments = _per_direction(run, "centroid")
    window = (run.time > 5) & (run.time < 15)  # past the nonlinear start, above round-off
    slope = np.polyfit(run.time[window], np.log(moments[window] - moments[-1]), 1)[0]
    expected = rc.aligned_relaxation_rate(MOMENTS["centroid"], a["centroid"], ETA)
    # The linearised rate is approached as e -> 0; 3% covers the remaining nonlinearity
    # and the O(lr) Euler error (measured 0.9%).
    assert -slope == pytest.approx(expected, rel=0.03)


def test_aligned_symmetric_rate_is_predictor_mismatch_plus_frustration(aligned):
    Z0, labels, A = aligned
    a = rc.mode_eigenvalues(K, EPS)["centroid"]
    run = rc.integrate(Z0, np.eye(DIM), A, labels, K, 8000, 0.005, ETA, False)
    moments = _per_direction(run, "centroid")
    window = (run.time > 20) & (run.time < 40)
    rate = -np.polyfit(run.time[window], np.log(moments[window]), 1)[0] / 2.0
    # The predictor's eigenvalue on the centroid directions, frozen once the mode has died.
    centroid_dirs = np.linalg.svd(rc.mode_projectors(K, N_PER)["centroid"] @ Z0)[2][: K - 1]
    w = float(np.mean(np.diag(centroid_dirs @ run.predictor @ centroid_dirs.T)))
    # Euler's amplitude factor per step is 1 - lr r, i.e. a rate -ln(1 - lr r)/lr = r (1 + O(lr r)).
    assert rate == pytest.approx((w - a) ** 2 + rc.symmetric_rate_bound(a), rel=5e-3)
    assert rate >= rc.symmetric_rate_bound(a)


@pytest.mark.parametrize("seed", range(5))
def test_symmetric_gradient_collapses_and_stop_gradient_keeps_classes_apart(solver, seed):
    params = solver.parse_params({"seed": seed, "steps": 1200, "lr": 0.04})
    runs = rc.run_both(params)
    symmetric, stop = runs["symmetric"], runs["stop_gradient"]
    # Symmetric: the separation decays at least like exp(-(1 - a_c^2) t), t = 48 here.
    bound = math.exp(-rc.symmetric_rate_bound(rc.mode_eigenvalues(4, 0.2)["centroid"]) * 48.0)
    assert symmetric.class_separation[-1] <= bound * 1.01
    assert symmetric.class_separation[-1] < 1e-6
    assert symmetric.within_class_spread[-1] < 1e-6
    # Stop-gradient: bounded away from zero all along and settled at the end.
    assert stop.class_separation.min() > 0.5
    late = stop.class_separation[int(0.8 * len(stop.time)) :]
    assert np.ptp(late) < 1e-3
    assert stop.within_class_spread[-1] < 1e-3  # within-class contrasts die (eta s_w < 1)


def test_solver_reports_the_chosen_variant_and_builds_both_figures(solver):
    result = solver.run({"steps": 400, "lr": 0.05, "stop_gradient": False})
    q = result.quantities
    assert set(q) >= {"effective_rank", "class_separation", "within_class_spread"}
    assert q["class_separation"] == result.series["symmetric_class_separation"][-1]
    assert result.series["class_separation"][0] == pytest.approx(1.0)
    assert result.series["stop_gradient_projection"].shape == (64, 2)
    assert result.series["initial_projection"].shape == (64, 2)
    figures = solver.figures(result)
    assert tuple(figures) == solver.figure_names
    assert all(figure.axes for figure in figures.values())


def test_effective_rank_counts_equal_directions():
    Z = np.zeros((6, 5))
    Z[:3, 0] = [1, -1, 0]
    Z[3:, 1] = [1, -1, 0]
    assert rc.effective_rank(Z) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"classes": 1}, "classes"),
        ({"cross_coupling": 1.0}, "cross_coupling"),
        ({"lr": 0.2}, "lr"),
        ({"dim": 1.5}, "dim"),
        ({"predictor_lr": float("nan")}, "predictor_lr"),
        ({"temperature": 1}, "temperature"),
    ],
)
def test_bad_parameters_raise_an_error_naming_the_field(solver, raw, field):
    with pytest.raises(ParameterError) as caught:
        solver.parse_params(raw)
    assert set(caught.value.errors) == {field}
