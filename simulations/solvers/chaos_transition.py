"""Order-to-chaos transition of a discrete-time random network (mean-field signal propagation).

Model and conventions
---------------------
``N`` units with pre-activations ``h_i`` evolve in discrete time ``t = 0, 1, 2, ...`` as

    h_{t+1} = sigma_w J tanh(h_t) + b,    J_ij ~ N(0, 1/N),    b_i ~ N(0, sigma_b^2),

with ``J`` and ``b`` drawn once (quenched). Time is counted in steps; exponents are per step.

Mean-field theory
-----------------
For ``N -> oo`` a pre-activation is Gaussian with variance ``q_t`` and the variance map is

    q_{t+1} = F(q_t) = sigma_w^2 E_z[tanh^2(sqrt(q_t) z)] + sigma_b^2,    z ~ N(0, 1).

``F`` is increasing and concave with ``F(q) <= sigma_w^2 + sigma_b^2``, so it has one stable
fixed point ``q*``. For ``sigma_b = 0`` and ``sigma_w <= 1``, ``tanh^2 x < x^2`` gives
``F(q) < q`` for ``q > 0`` and ``q* = 0``; for ``sigma_w > 1``,
``q* = (sigma_w^2 - 1) / (2 sigma_w^2) + O((sigma_w - 1)^2)``.
A small perturbation ``dh`` obeys ``dh_{t+1} = sigma_w J (tanh'(h_t) dh_t)``; its squared length
grows per step by (Molgedey, Schuchhardt & Schuster, PRL 69, 3717 (1992); Poole et al.,
NeurIPS 2016; Schoenholz et al., ICLR 2017)

    chi = sigma_w^2 E_z[tanh'(sqrt(q*) z)^2],

so the largest Lyapunov exponent is ``lambda = (1/2) ln chi`` per step: ordered for
``chi < 1`` (nearby trajectories converge), chaotic for ``chi > 1``. The critical line
``chi = 1`` is parametrised by the fixed-point variance ``q``:

    sigma_w^2 = 1 / E[tanh'(sqrt(q) z)^2],    sigma_b^2 = q - sigma_w^2 E[tanh^2(sqrt(q) z)],

starting at ``(sigma_w, sigma_b) = (1, 0)`` (``q = 0``); for small ``q``,
``sigma_b^2 = (4/3) q^3 + ...`` and ``sigma_w^2 = 1 + 2 q + ...``, so
``sigma_w,c = 1 + (3/4)^(1/3) sigma_b^(2/3) + ...``: bias needs stronger weights for chaos.

Simulation
----------
One finite network per seed (``numpy.random.default_rng(seed)`` draws ``J``, the unit-variance
bias directions ``b / sigma_b`` and the initial state ``h_0 ~ N(0, 1)``). After a transient,
``q_sim`` is the time average of ``|h_t|^2 / N``. The divergence rate follows a second
trajectory started at distance ``1e-7 sqrt(N)`` and pulled back to that distance every step
(Benettin renormalisation): ``lambda_sim`` is the mean log growth of the distance per step,
its error from 10 batch means. Several ``(sigma_w, sigma_b)`` points share one ``J`` and bias
direction (common random numbers), so a sweep is one matrix product per step.

Finite networks agree with the mean field away from the critical line: with 4 networks of
500 units, ``(sigma_w, sigma_b) = (2, 0)`` gives ``q = 2.112 +- 0.014`` (theory 2.122) and
``lambda = 0.151 +- 0.002`` (0.155), ``(3, 0.5)`` gives 6.57 +- 0.03 (6.61) and 0.295 +- 0.002
(0.299); the ``O(1/N)`` bias of lambda is about -0.004 at ``N = 500``. In the ordered phase the
network sits at a fixed point whose Jacobian's spectral radius exceeds ``sqrt(chi)`` by
``O(N^-1/2)`` (lambda about 0.03 above the theory at ``N = 500``). Close to the line the
finite network follows the quasi-periodic route to chaos (Doyon et al., Int. J. Bifurc.
Chaos 3, 279 (1993)): at ``(1.2, 0)`` the simulated lambda stays near 0 (theory 0.016) and
``q`` about 20% high for ``N`` up to 1000.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

import numpy as np
from pydantic import Field

from ..base import Solver
from ..params import SolverParams
from ..result import Result
from ._numerics import gauss_mean, tanh_prime

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SEPARATION = 1e-7
"""Distance per sqrt(N) at which the second trajectory is held."""

SWEEP_SIGMA_W = tuple(float(v) for v in np.round(np.linspace(0.5, 3.0, 11), 3))
"""sigma_w values simulated for the lambda(sigma_w) figure."""

GRID_SIGMA_W = (0.6, 1.0, 1.4, 1.8, 2.2, 2.6, 3.0)
GRID_SIGMA_B = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25)
"""The (sigma_w, sigma_b) grid simulated in mode ``phase_diagram``."""

SWEEP_NEURONS = 400


def _tanh_squared(x: np.ndarray) -> np.ndarray:
    return np.tanh(x) ** 2


def _tanh_prime_squared(x: np.ndarray) -> np.ndarray:
    return tanh_prime(x) ** 2


def variance_map(q: float | np.ndarray, sigma_w: float, sigma_b: float) -> np.ndarray:
    """F(q) = sigma_w^2 E[tanh^2(sqrt(q) z)] + sigma_b^2."""
    return sigma_w**2 * gauss_mean(_tanh_squared, q) + sigma_b**2


def fixed_point(sigma_w: float, sigma_b: float) -> float:
    """The stable fixed point q* of the variance map (0 for sigma_b = 0, sigma_w <= 1)."""
    from scipy.optimize import brentq

    if sigma_b == 0.0:
        if sigma_w <= 1.0:
            return 0.0
        # F(q)/q - 1 has one root; dividing by q removes the trivial fixed point q = 0.
        def reduced(q: float) -> float:
            return sigma_w**2 * float(gauss_mean(_tanh_squared, q)) / q - 1.0

        low = 0.25 * (sigma_w**2 - 1.0) / sigma_w**2
        while reduced(low) <= 0.0:
            low /= 2.0
        return float(brentq(reduced, low, sigma_w**2, xtol=1e-15, rtol=1e-14))

    def gap(q: float) -> float:
        return float(variance_map(q, sigma_w, sigma_b)) - q

    # gap(sigma_b^2) >= 0 and gap(sigma_w^2 + sigma_b^2) <= 0 because 0 <= tanh^2 < 1.
    return float(brentq(gap, sigma_b**2, sigma_w**2 + sigma_b**2, xtol=1e-15, rtol=1e-14))


def susceptibility(q: float, sigma_w: float) -> float:
    """chi = sigma_w^2 E[tanh'(sqrt(q) z)^2], the squared-length growth factor per step."""
    return float(sigma_w**2 * gauss_mean(_tanh_prime_squared, q))


def critical_line_point(q: float) -> tuple[float, float]:
    """(sigma_w, sigma_b) on the chi = 1 line whose fixed-point variance is ``q``."""
    if q <= 0.0:
        return 1.0, 0.0
    sigma_w2 = 1.0 / float(gauss_mean(_tanh_prime_squared, q))
    sigma_b2 = q - sigma_w2 * float(gauss_mean(_tanh_squared, q))
    return math.sqrt(sigma_w2), math.sqrt(max(sigma_b2, 0.0))


def critical_sigma_w(sigma_b: float) -> float:
    """The sigma_w at which chi = 1 for bias ``sigma_b`` (1 for sigma_b = 0)."""
    from scipy.optimize import brentq

    if sigma_b == 0.0:
        return 1.0

    def excess(q: float) -> float:
        return critical_line_point(q)[1] ** 2 - sigma_b**2

    # sigma_b^2(q) = (4/3) q^3 + ... grows monotonically along the line.
    high = max(1.0, sigma_b)
    while excess(high) < 0.0:
        high *= 2.0
    q = brentq(excess, 0.0, high, xtol=1e-14, rtol=1e-13)
    return critical_line_point(q)[0]


def critical_line(sigma_b_max: float = 2.0, points: int = 121) -> tuple[np.ndarray, np.ndarray]:
    """The chi = 1 line as arrays (sigma_w, sigma_b) for 0 <= sigma_b <= sigma_b_max."""
    sigma_b = np.linspace(0.0, sigma_b_max, points)
    return np.array([critical_sigma_w(s) for s in sigma_b]), sigma_b


@dataclass(frozen=True)
class MeanField:
    """Mean-field quantities at one (sigma_w, sigma_b)."""

    q_star: float
    chi: float
    lyapunov_exponent: float
    phase: str
    critical_sigma_w: float


def mean_field(sigma_w: float, sigma_b: float) -> MeanField:
    """q*, chi, lambda = ln(chi)/2, the phase and the critical sigma_w at this sigma_b."""
    q = fixed_point(sigma_w, sigma_b)
    chi = susceptibility(q, sigma_w)
    return MeanField(q_star=q, chi=chi, lyapunov_exponent=0.5 * math.log(chi),
                     phase="chaotic" if chi > 1.0 else "ordered",
                     critical_sigma_w=critical_sigma_w(sigma_b))


@dataclass(frozen=True)
class MapRuns:
    """Simulated networks, one entry per (sigma_w, sigma_b) point."""

    q: np.ndarray
    q_error: np.ndarray
    lyapunov_exponent: np.ndarray
    lyapunov_error: np.ndarray


def simulate_map(
    sigma_w: np.ndarray | list[float],
    sigma_b: np.ndarray | list[float],
    n_neurons: int,
    steps: int,
    transient: int,
    seed: int,
) -> MapRuns:
    """Iterate one seeded network at several (sigma_w, sigma_b) points side by side.

    Every point uses the same ``J`` and bias direction; each has its own pair of
    trajectories. Returns q and lambda per point with standard errors from 10 batch means.
    """
    sigma_w = np.atleast_1d(np.asarray(sigma_w, dtype=float))
    sigma_b = np.atleast_1d(np.asarray(sigma_b, dtype=float))
    if sigma_w.shape != sigma_b.shape:
        raise ValueError(f"sigma_w and sigma_b differ in shape: {sigma_w.shape} != {sigma_b.shape}")
    rng = np.random.default_rng(seed)
    J = rng.standard_normal((n_neurons, n_neurons)) / math.sqrt(n_neurons)
    bias = rng.standard_normal(n_neurons)[:, None] * sigma_b
    h = rng.standard_normal((n_neurons, sigma_w.size))
    kick = rng.standard_normal((n_neurons, sigma_w.size))
    distance = SEPARATION * math.sqrt(n_neurons)
    other = h + kick * (distance / np.linalg.norm(kick, axis=0))

    steps = max(steps, 10)
    variance = np.empty((steps, sigma_w.size))
    growth = np.empty((steps, sigma_w.size))
    for t in range(transient + steps):
        states = np.tanh(np.concatenate([h, other], axis=1))
        # BLAS runs a thin product much slower than matrix-vector products: one point, two
        # vectors; a sweep, one matrix product.
        drive = np.column_stack([J @ column for column in states.T]) if states.shape[1] <= 2 else J @ states
        h = sigma_w * drive[:, : sigma_w.size] + bias
        other = sigma_w * drive[:, sigma_w.size :] + bias
        gap = other - h
        size = np.linalg.norm(gap, axis=0)
        # Guards the logarithm should saturated units ever make the two states identical.
        size = np.maximum(size, 1e-300)
        other = h + gap * (distance / size)
        if t >= transient:
            variance[t - transient] = np.mean(h * h, axis=0)
            growth[t - transient] = np.log(size / distance)

    def mean_and_error(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        per = samples.shape[0] // 10
        batches = samples[: 10 * per].reshape(10, per, -1).mean(axis=1)
        return samples.mean(axis=0), batches.std(axis=0, ddof=1) / math.sqrt(10)

    q, q_error = mean_and_error(variance)
    lam, lam_error = mean_and_error(growth)
    return MapRuns(q=q, q_error=q_error, lyapunov_exponent=lam, lyapunov_error=lam_error)


# -------------------------------------------------------------------------- solver


class ChaosTransitionParams(SolverParams):
    """Parameters of `ChaosTransition`."""

    sigma_w: float = Field(2.0, ge=0.05, le=4, title="σ_w", description="Weight scale: h ← σ_w J tanh(h) + b, J_ij ~ N(0, 1/N)")
    sigma_b: float = Field(0.3, ge=0, le=2, title="σ_b", description="Bias scale: b_i ~ N(0, σ_b²)")
    mode: Literal["point", "phase_diagram"] = Field(
        "point", description="'point': the mean-field quantities at (σ_w, σ_b) against simulation; "
        "'phase_diagram': also simulate a grid of the (σ_w, σ_b) plane around the χ = 1 line",
    )
    n_neurons: int = Field(1000, ge=50, le=4000, title="N", description="Units of the simulated network")
    steps: int = Field(500, ge=50, le=20000, description="Measured steps of the simulation (after the transient)")
    transient: int = Field(200, ge=0, le=20000, description="Steps discarded before measuring")
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed of the couplings, biases and initial states")


class ChaosTransition(Solver):
    """Mean-field order-to-chaos transition of h ← σ_w J tanh(h) + b, against simulation."""

    name = "chaos-transition"
    version = "1"
    title = "Edge of chaos in a discrete-time random network"
    summary = ("Variance map q* and χ = σ_w² E[tanh′²]: the χ = 1 line separating ordered "
               "and chaotic dynamics, with λ = ½ ln χ checked against a simulated network.")
    Params: ClassVar[type[SolverParams]] = ChaosTransitionParams
    figure_names = ("phase-diagram", "variance-map", "lyapunov")
    expected_seconds = 3.0

    def solve(self, params: ChaosTransitionParams) -> Result:
        theory = mean_field(params.sigma_w, params.sigma_b)
        run = simulate_map([params.sigma_w], [params.sigma_b], params.n_neurons, params.steps,
                           params.transient, params.seed)
        quantities = {
            "q_star": theory.q_star,
            "chi": theory.chi,
            "lyapunov_exponent": theory.lyapunov_exponent,
            "phase": theory.phase,
            "critical_sigma_w": theory.critical_sigma_w,
            "q_sim": float(run.q[0]),
            "q_sim_error": float(run.q_error[0]),
            "lyapunov_exponent_sim": float(run.lyapunov_exponent[0]),
            "lyapunov_exponent_sim_error": float(run.lyapunov_error[0]),
        }
        return Result(quantities, _series(params, theory))

    def figures(self, result: Result) -> dict[str, Figure]:
        params = self.parse_params(result.params)
        return {
            "phase-diagram": _phase_diagram_figure(result, params),
            "variance-map": _variance_map_figure(result, params),
            "lyapunov": _lyapunov_figure(result, params),
        }


def _series(params: ChaosTransitionParams, theory: MeanField) -> dict[str, np.ndarray]:
    """Critical line, cobweb of the variance map, and the lambda(sigma_w) sweep."""
    n = min(params.n_neurons, SWEEP_NEURONS)
    sweep_steps = min(params.steps, 400)
    fine = params.mode == "phase_diagram"
    sigma_b_max = max(1.5, 1.2 * params.sigma_b)
    line_w, line_b = critical_line(sigma_b_max, 121 if fine else 41)

    start = max(3.0 * theory.q_star, 1.0)
    q_t = [start]
    for _ in range(24):
        q_t.append(float(variance_map(q_t[-1], params.sigma_w, params.sigma_b)))
    q_axis = np.linspace(0.0, 1.05 * start, 200)

    w_fine = np.linspace(0.05, max(3.2, 1.1 * params.sigma_w), 160)
    lam_fine = np.array([mean_field_lambda(w, params.sigma_b) for w in w_fine])
    sweep = simulate_map(SWEEP_SIGMA_W, [params.sigma_b] * len(SWEEP_SIGMA_W), n, sweep_steps,
                         params.transient, params.seed + 1)
    series = {
        "critical_sigma_w_line": line_w,
        "critical_sigma_b_line": line_b,
        "q_axis": q_axis,
        "variance_map": variance_map(q_axis, params.sigma_w, params.sigma_b),
        "q_iterates": np.array(q_t),
        "sigma_w_fine": w_fine,
        "lyapunov_fine": lam_fine,
        "sweep_sigma_w": np.array(SWEEP_SIGMA_W),
        "sweep_lyapunov_sim": sweep.lyapunov_exponent,
        "sweep_lyapunov_sim_error": sweep.lyapunov_error,
        "sweep_q_sim": sweep.q,
        "sweep_q_star": np.array([fixed_point(w, params.sigma_b) for w in SWEEP_SIGMA_W]),
    }
    if fine:
        grid_w, grid_b = np.meshgrid(GRID_SIGMA_W, GRID_SIGMA_B)
        runs = simulate_map(grid_w.ravel(), grid_b.ravel(), n, sweep_steps, params.transient,
                            params.seed + 2)
        series.update({
            "grid_sigma_w": grid_w.ravel(),
            "grid_sigma_b": grid_b.ravel(),
            "grid_lyapunov_sim": runs.lyapunov_exponent,
            "grid_lyapunov_sim_error": runs.lyapunov_error,
            "grid_lyapunov": np.array([mean_field_lambda(w, b) for w, b in zip(grid_w.ravel(), grid_b.ravel(), strict=True)]),
        })
    return series


def mean_field_lambda(sigma_w: float, sigma_b: float) -> float:
    """lambda = ln(chi)/2 at (sigma_w, sigma_b)."""
    return 0.5 * math.log(susceptibility(fixed_point(sigma_w, sigma_b), sigma_w))


def _phase_diagram_figure(result: Result, params: ChaosTransitionParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    w, b = s["critical_sigma_w_line"], s["critical_sigma_b_line"]
    w_max = max(3.2, 1.1 * params.sigma_w)
    with house_style():
        figure, ax = new_figure("column")
        ax.fill_betweenx(b, 0, w, color=PALETTE[0], alpha=0.10, lw=0)
        ax.fill_betweenx(b, w, w_max, color=PALETTE[1], alpha=0.10, lw=0)
        ax.plot(w, b, color=PALETTE[7], label=r"mean field: $\chi = 1$")
        if "grid_sigma_w" in s:
            points = (s["grid_sigma_w"], s["grid_sigma_b"], s["grid_lyapunov_sim"])
            label = f"simulated grid, N = {min(params.n_neurons, SWEEP_NEURONS)}"
        else:
            points = (s["sweep_sigma_w"], np.full(len(s["sweep_sigma_w"]), params.sigma_b),
                      s["sweep_lyapunov_sim"])
            label = f"simulated sweep, N = {min(params.n_neurons, SWEEP_NEURONS)}"
        chaotic = points[2] > 0
        ax.plot(points[0][~chaotic], points[1][~chaotic], "o", color=PALETTE[0],
                label=rf"{label}: $\lambda_{{\rm sim}} < 0$")
        ax.plot(points[0][chaotic], points[1][chaotic], "^", color=PALETTE[1],
                label=r"$\lambda_{\rm sim} > 0$")
        ax.plot([params.sigma_w], [params.sigma_b], "*", ms=12, color=PALETTE[4],
                label=rf"($\sigma_w$, $\sigma_b$) = ({params.sigma_w:g}, {params.sigma_b:g})")
        ax.text(0.1, 0.9 * b[-1], "ordered", color=PALETTE[0])
        ax.text(0.8 * w_max, 0.1 * b[-1], "chaotic", color=PALETTE[1], ha="right")
        ax.set_xlim(0, w_max)
        ax.set_ylim(-0.03 * b[-1], b[-1])
        ax.set_xlabel(r"weight scale $\sigma_w$")
        ax.set_ylabel(r"bias scale $\sigma_b$")
        figure.legend(loc="outside lower center", ncols=2, fontsize=8)
        ax.set_title("Phase diagram of $h_{t+1} = \\sigma_w J \\tanh h_t + b$: the critical line "
                     "$\\chi = 1$\nand the sign of the simulated Lyapunov exponent", fontsize=10)
    return figure


def _variance_map_figure(result: Result, params: ChaosTransitionParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    q_star = result.quantities["q_star"]
    q_t = s["q_iterates"]
    with house_style():
        figure, ax = new_figure("column")
        ax.plot(s["q_axis"], s["variance_map"], color=PALETTE[0],
                label=r"$F(q) = \sigma_w^2\,E[\tanh^2(\sqrt{q}z)] + \sigma_b^2$")
        ax.plot(s["q_axis"], s["q_axis"], color="0.5", lw=1.0, label=r"$q_{t+1} = q_t$")
        # Cobweb: (q0, q0) -> (q0, q1) -> (q1, q1) -> (q1, q2) -> ...
        cobweb_x = np.repeat(q_t, 2)[:-1]
        cobweb_y = np.concatenate([[q_t[0]], np.repeat(q_t[1:], 2)])[: cobweb_x.size]
        ax.plot(cobweb_x, cobweb_y, color=PALETTE[1], lw=1.0, label="iterates from $q_0$")
        ax.plot([q_star], [q_star], "o", color=PALETTE[7], zorder=5,
                label=rf"$q^* = {q_star:.4g}$ (simulated {result.quantities['q_sim']:.4g})")
        ax.set_xlim(0, s["q_axis"][-1])
        ax.set_ylim(0, s["q_axis"][-1])
        ax.set_xlabel(r"$q_t$")
        ax.set_ylabel(r"$q_{t+1}$")
        ax.legend(fontsize=8)
        ax.set_title(f"Variance map at σ_w = {params.sigma_w:g}, σ_b = {params.sigma_b:g}:\n"
                     "the iterates converge to the stable fixed point q*", fontsize=10)
    return figure


def _lyapunov_figure(result: Result, params: ChaosTransitionParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    q = result.quantities
    with house_style():
        figure, ax = new_figure("column")
        ax.plot(s["sigma_w_fine"], s["lyapunov_fine"], color=PALETTE[0],
                label=r"mean field: $\lambda = \frac{1}{2}\ln\chi$")
        ax.errorbar(s["sweep_sigma_w"], s["sweep_lyapunov_sim"], yerr=s["sweep_lyapunov_sim_error"],
                    fmt="o", color=PALETTE[1], capsize=3,
                    label=f"two nearby trajectories, N = {min(params.n_neurons, SWEEP_NEURONS)}")
        ax.errorbar([params.sigma_w], [q["lyapunov_exponent_sim"]], yerr=[q["lyapunov_exponent_sim_error"]],
                    fmt="s", color=PALETTE[7], capsize=3, label=f"N = {params.n_neurons}")
        ax.axhline(0.0, color="0.5", lw=0.8)
        ax.axvline(q["critical_sigma_w"], color=PALETTE[4], ls="--", lw=1.2,
                   label=rf"$\sigma_{{w,c}} = {q['critical_sigma_w']:.4g}$")
        ax.set_xlim(0, s["sigma_w_fine"][-1])
        ax.set_ylim(max(-2.5, float(np.min(s["lyapunov_fine"]))), None)
        ax.set_xlabel(r"weight scale $\sigma_w$")
        ax.set_ylabel(r"Lyapunov exponent $\lambda$ per step")
        ax.legend(fontsize=8)
        ax.set_title(f"Largest Lyapunov exponent at σ_b = {params.sigma_b:g}: negative (ordered)\n"
                     "below the critical σ_w, positive (chaotic) above; simulation vs mean field",
                     fontsize=10)
    return figure
