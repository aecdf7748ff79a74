"""Teacher-student perceptron: replica-symmetric learning curves of Gibbs and Bayes learning.

Model and conventions
---------------------
A teacher ``T`` and a student ``J`` are vectors of ``N`` continuous weights on the sphere
``|T|^2 = |J|^2 = N``. An input ``xi`` has independent standard-normal components and is
labelled ``sigma = sign(T . xi)``; the student answers ``sign(J . xi)``. The training set holds
``P = alpha N`` labelled inputs. The order parameter is the teacher-student overlap
``R = J . T / N``; for isotropic inputs the generalization error of a student is the
probability that a random input falls between the two hyperplanes,

    epsilon = arccos(R) / pi.

Gibbs learning draws the student uniformly from the *version space*, the part of the sphere
that classifies every training input like the teacher (zero training error, temperature
zero). In the teacher-student setting the replica-symmetric (RS) saddle point is on the
Nishimori line: the overlap of two students ``q`` equals ``R`` (Engel & Van den Broeck,
*Statistical Mechanics of Learning*, ch. 2). With the Gaussian measure ``Dt`` and
``H(x) = int_x^inf Dt = erfc(x / sqrt 2) / 2`` the quenched entropy of version space per
weight, measured from the full sphere (``s = 0`` at ``alpha = 0``; natural logarithms), is

    s(alpha) = extr_R [ ln(1 - R) / 2 + R / 2 + 2 alpha int Dt H(-x t) ln H(-x t) ],
    x = sqrt(R / (1 - R)),

and its stationarity condition is the saddle-point equation solved here:

    R / sqrt(1 - R) = (alpha / pi) int Dt exp(-R t^2 / 2) / H(sqrt(R) t).

``log H`` is evaluated as ``scipy.special.log_ndtr(-x)``, which stays accurate where
``H`` underflows. The equation is solved in ``y = -ln(1 - R)`` so that ``1 - R`` is never
formed by cancellation; ``arccos(R)`` is evaluated as ``2 arcsin(sqrt((1 - R) / 2))``.

Bayes-optimal learning predicts with the centre of mass of version space. Its overlap with
the teacher is ``R`` and its squared norm is ``q N`` (two independent Gibbs students have
overlap ``q``), so its normalised overlap is ``R / sqrt(q) = sqrt(R)`` on the Nishimori line
and ``epsilon_Bayes = arccos(sqrt(R)) / pi`` with ``R`` the Gibbs saddle point.

Limits (all checked in the tests)
---------------------------------
* Small alpha: ``int Dt 1 / H(0) = 2`` so ``R = 2 alpha / pi + O(alpha^2)``; hence
  ``epsilon_Gibbs = 1/2 - 2 alpha / pi^2 + ...`` and
  ``epsilon_Bayes = 1/2 - sqrt(2 alpha / pi) / pi + ...`` (a square-root cusp).
* Large alpha: with ``I = int Dt exp(-t^2 / 2) / H(t)`` (the integral at ``R = 1``) the
  saddle point gives ``sqrt(1 - R) = pi / (alpha I)``, so ``epsilon_Gibbs = sqrt(2) / (I alpha)``
  and ``epsilon_Bayes = 1 / (I alpha)``: ``c_Gibbs ~ 0.6247`` and ``c_Bayes ~ 0.4417``,
  computed from ``I`` by quadrature. The relative corrections are ``O(alpha^-2)``.

Finite-N check
--------------
Version space is a polyhedral cone intersected with the sphere. A standard Gaussian vector
truncated to the cone has a direction uniform on the cone's part of the sphere, so sampling
the truncated Gaussian samples Gibbs learning exactly. We use the exact Hamiltonian Monte
Carlo of Pakman & Paninski (J. Comput. Graph. Stat. 23, 518 (2014)): harmonic trajectories of
duration pi/2 that reflect specularly off the constraint planes, with hitting times computed
in closed form (no step size, no rejection). Each iteration is an exact, reversible,
volume-preserving move; for an unconstrained Gaussian a trajectory of duration pi/2 is an
independent draw, and in version space it moves the student across the whole cone (chains
started at the teacher, R = 1, reach equilibrium within one iteration and the lag-1
autocorrelation of R is about zero; see the tests). We discard a burn-in and average the
generalization error of each sampled student; the centre of mass is estimated from two halves
of the chain so that its squared norm ``q`` is estimated without the self-overlap bias.
Error bars are standard errors over independent teachers and training sets.

Because the sampling takes seconds while the saddle point takes a millisecond, it runs in
``solve`` only when ``finite_size_check=true`` (its numbers then appear in the data series);
otherwise ``figures`` runs the same seeded computation for the finite-N figure, so the
figure is the same either way and ``simulate perceptron-replica alpha=2 --json`` stays fast.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Literal

import numpy as np
from pydantic import Field

from ..base import Solver
from ..params import SolverParams
from ..result import Result

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Trapezoidal rule on a uniform grid: for integrands analytic in a strip around the real
# axis and decaying like a Gaussian it converges geometrically (Trefethen & Weideman, SIAM
# Rev. 56, 385 (2014)). 1/H(sqrt(R) t) has its nearest complex singularities (zeros of erfc)
# at distance > 1.9 from the real axis, so h = 0.05 leaves errors ~exp(-2 pi 1.9 / 0.05),
# far below rounding; |t| <= 14 keeps the lost Gaussian tail below 1e-40.
_STEP = 0.05
_T_MAX = 14.0
_T = np.linspace(-_T_MAX, _T_MAX, 2 * round(_T_MAX / _STEP) + 1)
_W = np.exp(-0.5 * _T**2) * _STEP / math.sqrt(2.0 * math.pi)

# The finite-N check: loads, burn-in and kept iterations of each chain.
CHECK_ALPHAS = (0.5, 1.0, 2.0, 3.0, 4.0)
BURN_IN = 3
KEPT = 12
TRAJECTORY_TIME = math.pi / 2


def log_H(x: np.ndarray | float) -> np.ndarray:
    """ln H(x) with H(x) = erfc(x / sqrt 2) / 2, accurate for large positive x."""
    from scipy.special import log_ndtr

    return log_ndtr(-np.asarray(x, dtype=float))


def overlap_integral(R: float) -> float:
    """The right-hand-side integral of the saddle point, int Dt exp(-R t^2/2) / H(sqrt(R) t).

    Parameters
    ----------
    R : float
        Teacher-student overlap, 0 <= R <= 1.

    Returns
    -------
    float
        The integral; 2 at R = 0 and the constant I ~ 2.26398 of the large-alpha law at R = 1.
    """
    return float(_W @ np.exp(-0.5 * R * _T**2 - log_H(math.sqrt(R) * _T)))


def entropy_integral(R: float) -> float:
    """int Dt H(x t) ln H(x t) with x = sqrt(R / (1 - R)), the energetic term of s(alpha).

    Parameters
    ----------
    R : float
        Teacher-student overlap, 0 <= R < 1.

    Returns
    -------
    float
        The integral (<= 0); -ln(2)/2 at R = 0, and O(sqrt(1 - R)) as R -> 1.

    Notes
    -----
    For x >> 1 the integrand lives on |t| ~ 1/x, so the rule runs in u = x t when x > 1
    (width O(1) in both regimes): int Dt f(x t) = int du phi(u / x) f(u) / x.
    """
    if R <= 0.0:
        return -0.5 * math.log(2.0)
    x = math.sqrt(R / (1.0 - R))
    scale = max(x, 1.0)
    u = _T  # the grid in the scaled variable
    t = u / scale
    log_h = log_H(x * t)
    weights = np.exp(-0.5 * t**2) * _STEP / (scale * math.sqrt(2.0 * math.pi))
    return float(weights @ (np.exp(log_h) * log_h))


@lru_cache(maxsize=1)
def large_alpha_integral() -> float:
    """I = int Dt exp(-t^2 / 2) / H(t), the constant of both large-alpha laws."""
    return overlap_integral(1.0)


def asymptotic_constant(rule: str) -> float:
    """c of epsilon ~ c / alpha at large alpha: sqrt(2)/I for Gibbs, 1/I for Bayes."""
    integral = large_alpha_integral()
    return math.sqrt(2.0) / integral if rule == "gibbs" else 1.0 / integral


def alpha_of_overlap(one_minus_R: float) -> float:
    """The load alpha at which the saddle point has overlap R = 1 - one_minus_R (explicit)."""
    R = 1.0 - one_minus_R
    return math.pi * R / (math.sqrt(one_minus_R) * overlap_integral(R))


def saddle_point(alpha: float) -> tuple[float, float]:
    """Solve the RS saddle point of Gibbs learning at load alpha.

    Parameters
    ----------
    alpha : float
        Examples per weight, P / N >= 0.

    Returns
    -------
    (R, one_minus_R) : tuple of float
        The overlap and 1 - R (given separately because it is tiny at large alpha).
    """
    if alpha == 0.0:
        return 0.0, 1.0

    def residual(y: float) -> float:
        one_minus_R = math.exp(-y)
        R = -math.expm1(-y)
        return R / math.sqrt(one_minus_R) - alpha / math.pi * overlap_integral(R)

    # residual(0) = -2 alpha / pi < 0; at y = 60 the left side is e^30, above any allowed alpha.
    # It changes sign once (the RS solution is unique), so bisection to the resolution of doubles is safe; it costs
    # ~55 evaluations (about a millisecond) and spares importing scipy.optimize at start-up.
    low, high = 0.0, 60.0
    while high - low > 1e-15 * max(1.0, high):
        middle = 0.5 * (low + high)
        if middle in (low, high):
            break
        if residual(middle) < 0.0:
            low = middle
        else:
            high = middle
    y = 0.5 * (low + high)
    return -math.expm1(-y), math.exp(-y)


def error_from_overlap(one_minus_R: float) -> float:
    """arccos(R) / pi computed from 1 - R without cancellation."""
    return 2.0 * math.asin(math.sqrt(max(one_minus_R, 0.0) / 2.0)) / math.pi


def gibbs_error(one_minus_R: float) -> float:
    """Generalization error of Gibbs learning, arccos(R) / pi."""
    return error_from_overlap(one_minus_R)


def bayes_error(one_minus_R: float) -> float:
    """Generalization error of the centre of mass, arccos(sqrt R) / pi."""
    return error_from_overlap(
        -math.expm1(0.5 * math.log1p(-one_minus_R)) if one_minus_R < 1 else 1.0
    )


def quenched_entropy(alpha: float, R: float, one_minus_R: float) -> float:
    """Version-space entropy per weight s = ln(1-R)/2 + R/2 + 2 alpha int Dt H ln H at the saddle."""
    return 0.5 * math.log(one_minus_R) + 0.5 * R + 2.0 * alpha * entropy_integral(R)


def learning_curves(alpha_max: float, points: int = 160) -> dict[str, np.ndarray]:
    """R(alpha), both errors and the entropy on a grid, parametrised by R (no root finding).

    The grid is uniform in y = -ln(1 - R) up to the overlap reached at ``alpha_max``, which
    places points densely where the curves bend.
    """
    _, one_minus_max = saddle_point(alpha_max)
    ys = np.linspace(0.0, -math.log(one_minus_max), points)
    alpha, R, gibbs, bayes, entropy = (np.empty(points) for _ in range(5))
    for i, y in enumerate(ys):
        one_minus_R = math.exp(-y)
        R[i] = -math.expm1(-y)
        alpha[i] = 0.0 if i == 0 else alpha_of_overlap(one_minus_R)
        gibbs[i] = gibbs_error(one_minus_R)
        bayes[i] = bayes_error(one_minus_R)
        entropy[i] = quenched_entropy(alpha[i], R[i], one_minus_R)
    return {
        "alpha": alpha,
        "R": R,
        "generalization_error_gibbs": gibbs,
        "generalization_error_bayes": bayes,
        "entropy": entropy,
    }


# ---------------------------------------------------------------------------------------
# Finite-N check: exact HMC in version space
# ---------------------------------------------------------------------------------------


def sample_version_space(
    constraints: np.ndarray, start: np.ndarray, iterations: int, rng: np.random.Generator
) -> np.ndarray:
    """Sample a standard Gaussian truncated to the cone ``constraints @ w > 0`` by exact HMC.

    Parameters
    ----------
    constraints : ndarray, shape (P, N)
        Rows ``f_mu = sigma_mu xi_mu``; version space is ``f_mu . w > 0`` for all mu.
    start : ndarray, shape (N,)
        A point strictly inside the cone (the teacher is one).
    iterations : int
        Trajectories to run; the position after each is returned.
    rng : numpy.random.Generator
        Source of the momenta.

    Returns
    -------
    ndarray, shape (iterations, N)
        The chain. The directions ``w / |w|`` are uniform on version space at equilibrium.

    Notes
    -----
    Between walls the motion is ``w(t) = w cos t + v sin t``, so constraint mu reads
    ``a cos t + b sin t = rho cos(t - phi)`` with ``a = f.w > 0``, ``b = f.v`` and first zero
    at ``t = phi + pi/2``. At the earliest wall the velocity is reflected,
    ``v -> v - 2 (f.v / |f|^2) f``; ``f . v`` for all rows is updated with the Gram matrix,
    so a bounce costs O(P + N).
    """
    gram = constraints @ constraints.T
    norms2 = np.diag(gram).copy()
    w = np.array(start, dtype=float)
    chain = np.empty((iterations, w.size))
    for it in range(iterations):
        v = rng.standard_normal(w.size)
        a = constraints @ w
        b = constraints @ v
        left = TRAJECTORY_TIME
        while True:
            # Clipping at 0 reflects at once off a wall crossed by rounding, never escaping.
            hits = np.maximum(np.arctan2(b, a) + 0.5 * math.pi, 0.0)
            k = int(np.argmin(hits))
            t = min(hits[k], left)
            c, s = math.cos(t), math.sin(t)
            w, v = w * c + v * s, v * c - w * s
            a, b = a * c + b * s, b * c - a * s
            left -= t
            if left <= 0.0:
                break
            a[k] = 0.0
            coefficient = 2.0 * b[k] / norms2[k]
            v = v - coefficient * constraints[k]
            b = b - coefficient * gram[:, k]
        chain[it] = w
    return chain


def finite_size_check(n: int, samples: int, seed: int) -> dict[str, np.ndarray]:
    """Seeded version-space sampling at the loads ``CHECK_ALPHAS`` for N = n weights.

    For each load, ``samples`` independent teachers and training sets are drawn; each gets a
    chain of ``BURN_IN + KEPT`` exact-HMC trajectories started at the teacher. Per teacher we
    record the mean Gibbs error ``<arccos(R_J)>/pi`` over kept students, the mean overlap, and
    the centre-of-mass error ``arccos(R_cm)/pi`` with ``R_cm = R / sqrt(q)``, where ``q`` is
    the overlap of the centres of mass of the two halves of the chain (an estimate of the
    squared norm free of each half's own sampling noise).

    Returns
    -------
    dict of ndarray
        ``check_alpha`` and, for each load, the mean over teachers and its standard error of
        ``check_error_gibbs``, ``check_error_bayes``, ``check_R`` and ``check_q``.
    """
    seeds = np.random.SeedSequence(seed).spawn(len(CHECK_ALPHAS))
    out: dict[str, list[float]] = {}
    for alpha, seq in zip(CHECK_ALPHAS, seeds, strict=True):
        rng = np.random.default_rng(seq)
        per_teacher = {"error_gibbs": [], "error_bayes": [], "R": [], "q": []}
        for _ in range(samples):
            teacher = rng.standard_normal(n)
            teacher *= math.sqrt(n) / np.linalg.norm(teacher)
            inputs = rng.standard_normal((round(alpha * n), n))
            constraints = inputs * np.sign(inputs @ teacher)[:, None]
            chain = sample_version_space(constraints, teacher, BURN_IN + KEPT, rng)[BURN_IN:]
            students = chain * (math.sqrt(n) / np.linalg.norm(chain, axis=1))[:, None]
            overlaps = np.clip(students @ teacher / n, -1.0, 1.0)
            half = KEPT // 2
            first, second = students[:half].mean(axis=0), students[half:].mean(axis=0)
            q = float(first @ second / n)
            R = float(overlaps.mean())
            per_teacher["error_gibbs"].append(float(np.mean(np.arccos(overlaps))) / math.pi)
            per_teacher["error_bayes"].append(math.acos(min(R / math.sqrt(q), 1.0)) / math.pi)
            per_teacher["R"].append(R)
            per_teacher["q"].append(q)
        for key, values in per_teacher.items():
            array = np.asarray(values)
            out.setdefault(f"check_{key}", []).append(float(array.mean()))
            out.setdefault(f"check_{key}_sem", []).append(
                float(array.std(ddof=1) / math.sqrt(samples))
            )
    return {"check_alpha": np.asarray(CHECK_ALPHAS), **{k: np.asarray(v) for k, v in out.items()}}


# ---------------------------------------------------------------------------------------
# The solver
# ---------------------------------------------------------------------------------------


class PerceptronReplicaParams(SolverParams):
    """Parameters of `PerceptronReplica`."""

    alpha: float = Field(
        2.0, ge=0, le=100, title="Load alpha = P/N", description="Training examples per weight"
    )
    rule: Literal["gibbs", "bayes"] = Field(
        "gibbs",
        description="Learning rule: 'gibbs' (random student in version space) or 'bayes' (its centre of mass)",
    )
    finite_size_check: bool = Field(
        False,
        description="Also sample version space at finite N in solve and return the data (seconds); "
        "the figure runs the same check either way",
    )
    n: int = Field(200, ge=20, le=1000, title="N", description="Weights in the finite-N check")
    samples: int = Field(
        8, ge=2, le=200, description="Teachers (training sets) per load in the finite-N check"
    )
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed of the finite-N check")


class PerceptronReplica(Solver):
    """The teacher-student perceptron learning curves from the RS saddle point."""

    name = "perceptron-replica"
    version = "1"
    title = "Perceptron learning curves (replica method)"
    summary = "Teacher-student spherical perceptron: Gibbs and Bayes generalization error vs alpha = P/N, with a finite-N check."
    Params: ClassVar[type[SolverParams]] = PerceptronReplicaParams
    figure_names = ("learning-curves", "finite-size-check")
    expected_seconds = 6.0

    def solve(self, params: PerceptronReplicaParams) -> Result:
        R, one_minus_R = saddle_point(params.alpha)
        errors = {"gibbs": gibbs_error(one_minus_R), "bayes": bayes_error(one_minus_R)}
        c = asymptotic_constant(params.rule)
        quantities = {
            "R": R,
            "student_overlap": R if params.rule == "gibbs" else math.sqrt(R),
            "generalization_error": errors[params.rule],
            "entropy": quenched_entropy(params.alpha, R, one_minus_R),
            "asymptotic_constant": c,
            "asymptotic_error": c / params.alpha if params.alpha > 0 else math.inf,
        }
        series = learning_curves(max(10.0, 1.25 * params.alpha))
        if params.finite_size_check:
            series.update(finite_size_check(params.n, params.samples, params.seed))
        return Result(quantities, series)

    def figures(self, result: Result) -> dict[str, Figure]:
        params = self.parse_params(result.params)
        check = (
            result.series
            if "check_alpha" in result.series
            else finite_size_check(params.n, params.samples, params.seed)
        )
        return {
            "learning-curves": _learning_curves_figure(result, params),
            "finite-size-check": _finite_size_figure(result, params, check),
        }


def _learning_curves_figure(result: Result, params: PerceptronReplicaParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    alpha = s["alpha"]
    with house_style():
        figure, (linear, loglog) = new_figure("wide", aspect=0.4, ncols=2)
        for rule, colour in (("gibbs", PALETTE[0]), ("bayes", PALETTE[1])):
            c = asymptotic_constant(rule)
            error = s[f"generalization_error_{rule}"]
            label = "Gibbs" if rule == "gibbs" else "Bayes (centre of mass)"
            linear.plot(alpha, error, color=colour, label=label)
            tail = alpha > 0
            asymptote = c / alpha[tail]
            shown = asymptote <= 0.5  # the law is for large alpha; drawn where it is below 1/2
            linear.plot(
                alpha[tail][shown],
                asymptote[shown],
                "--",
                color=colour,
                lw=1.2,
                label=rf"${c:.4f}/\alpha$",
            )
            loglog.loglog(alpha[tail], error[tail], color=colour, label=label)
            loglog.loglog(alpha[tail], asymptote, "--", color=colour, lw=1.2)
        current = result.quantities["generalization_error"]
        for ax in (linear, loglog):
            ax.plot(
                [params.alpha],
                [current],
                "o",
                color=PALETTE[7],
                zorder=5,
                label=rf"$\alpha={params.alpha:g}$ ({params.rule})",
            )
            ax.set_xlabel(r"$\alpha = P/N$")
        linear.set_ylim(0, 0.52)
        linear.set_xlim(0, alpha[-1])
        linear.set_ylabel(r"generalization error $\varepsilon$")
        linear.legend()
        loglog.set_xlim(alpha[1], alpha[-1])
        loglog.set_ylim(None, 0.6)
        loglog.set_title("log-log: approach to the $c/\\alpha$ laws", fontsize=10)
        figure.suptitle(
            "Teacher-student spherical perceptron, RS saddle point: "
            r"$\varepsilon_{\rm Gibbs}=\arccos R/\pi$, $\varepsilon_{\rm Bayes}=\arccos\sqrt{R}/\pi$"
        )
    return figure


def _finite_size_figure(result: Result, params: PerceptronReplicaParams, check: dict) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    alpha_max = max(CHECK_ALPHAS) * 1.15
    keep = s["alpha"] <= alpha_max
    with house_style():
        figure, ax = new_figure("column")
        for rule, colour, marker in (("gibbs", PALETTE[0], "o"), ("bayes", PALETTE[1], "s")):
            label = "Gibbs" if rule == "gibbs" else "Bayes (centre of mass)"
            ax.plot(
                s["alpha"][keep],
                s[f"generalization_error_{rule}"][keep],
                color=colour,
                label=f"{label}, replica theory",
            )
            ax.errorbar(
                check["check_alpha"],
                check[f"check_error_{rule}"],
                yerr=check[f"check_error_{rule}_sem"],
                fmt=marker,
                color=colour,
                capsize=3,
                ms=5,
                label=rf"{label}, sampled $N={params.n}$",
            )
        ax.set_xlim(0, alpha_max)
        ax.set_ylim(0, 0.52)
        ax.set_xlabel(r"$\alpha = P/N$")
        ax.set_ylabel(r"generalization error $\varepsilon$")
        ax.legend()
        ax.set_title(
            f"Finite-N check: exact HMC sampling of version space, N = {params.n},\n"
            f"{params.samples} teachers per load (seed {params.seed}); error bars: ±1 s.e.",
            fontsize=10,
        )
    return figure
