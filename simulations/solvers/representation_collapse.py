"""Representation collapse in a minimal free-representation model, and how stop-gradient avoids it.

Model
-----
``K`` classes of ``n`` samples, ``N = K n``. Each sample ``i`` has a free representation
``z_i in R^d`` (the rows of ``Z``, no encoder weights) and there is one linear predictor
``W in R^{d x d}`` (initialised to the identity), as in BYOL/SimSiam. Positive pairs (two
augmentations) are weighted by the symmetric, row-stochastic coupling matrix

    A_ij = (1 - eps) / n              if i and j are in the same class (including i = j),
    A_ij = eps / ((K - 1) n)          otherwise,

where ``eps`` (``cross_coupling``) is the weight of augmentations that make samples of
different classes look alike. The alignment loss of sample ``i`` is

    l_i = (1/2) sum_j A_ij |W z_i - z_j|^2,      L = (1/N) sum_i l_i.

Dynamics (gradient flow, integrated by Euler steps of size ``lr``; time ``t = step * lr``):
each representation descends the total loss ``N L`` and the predictor descends ``L`` at the
relative rate ``eta`` (``predictor_lr``):

* symmetric gradient: both branches carry gradient,
  ``dZ/dt = -Z W^T W + A Z W - Z + A Z W^T``;
* stop-gradient: the target ``z_j`` is a constant (``sg``), ``dZ/dt = -Z W^T W + A Z W``;
* both: ``dW/dt = -eta (W Z^T Z - Z^T A Z) / N``.

Frustration. ``A`` has three eigenspaces in sample space: the global mean (``a = 1``), the
``K - 1`` class-centroid contrasts (``a_c = 1 - eps K / (K - 1)``) and the ``K (n - 1)``
within-class contrasts (``a_w = 0``). Because ``A`` commutes with the mode projectors
``P_m``, each block ``Z_m = P_m Z`` evolves on its own given ``W``. With ``eps > 0`` every
sample is pulled towards samples of other classes: the within-class alignment that class
structure needs and the cross-class alignment cannot both be satisfied unless the classes
merge. The symmetric flow is the gradient flow of ``L >= 0`` and resolves the frustration by
collapse: for any ``W``,

    dZ_m/dt = Z_m M_m,   M_m = -(W - a_m)^T (W - a_m) - (1 - a_m^2) I  <=  -(1 - a_m^2) I,

so ``|Z_m|`` decays at least at the rate ``1 - a_m^2``: the class separation goes to zero no
slower than ``exp(-(1 - a_c^2) t)``. On a direction where ``W`` has eigenvalue ``w`` the
rate is exactly ``(w - a_m)^2 + 1 - a_m^2``; the predictor moves towards ``a_m`` only while
the mode is alive, so it freezes at some ``w_inf`` and the late rate keeps the excess
``(w_inf - a_m)^2``.

Stop-gradient breaks the symmetry between the branches: ``dZ_m/dt = Z_m (a_m W - W^T W)``.
With the predictor frozen at ``W = I`` this is only half the symmetric rate, ``1 - a_m``
(the symmetric one is ``2 (1 - a_m)``): stop-gradient onto the live branch alone still
collapses. A learned predictor changes that. On a direction where ``W`` has eigenvalue
``w`` a mode grows when ``0 < w < a_m`` and shrinks when ``w > a_m``, while ``W`` relaxes
towards the ``a``-weighted average of the modes it sees. If each mode occupies its own
directions with isotropic second moment ``s_m`` per direction (``Z_m^T Z_m / N = s_m
Pi_m``; "aligned" initial states), ``W = sum_m w_m Pi_m`` stays diagonal and, with
``e = a - w``,

    ds/dt = 2 (a - e) e s,      de/dt = -eta s e,

which conserves ``s + (2 a e - e^2) / eta``. Started at ``w = 1`` the mode therefore ends at

    s_inf = s_0 - (1 - a^2) / eta        if eta s_0 > 1 - a^2,   else s -> 0,

and relaxes to it at the rate ``eta s_inf`` (the non-zero eigenvalue of the flow linearised
at ``e = 0``). The stationary line ``w = a`` is the non-collapsing subspace: a mode loses a
finite amount ``(1 - a^2) / eta`` of its squared amplitude instead of decaying at the rate
``1 - a^2``. Centroid contrasts (largest ``a`` after the mean) survive when ``eta s_c >
1 - a_c^2``; within-class contrasts (``a = 0``) die when ``eta s_w < 1``, which removes
within-class spread while keeping classes apart. Every closed-form rate and the final
amplitude are checked against the integrated dynamics in the tests; the default random
initial state (not aligned) shows the same two behaviours for every seed.

Initial state: centroids ``mu_k ~ N(0, init_separation^2 I_d)``, ``z_i = mu_k +
init_spread xi_i`` with ``xi_i ~ N(0, I_d)``, from ``numpy.random.default_rng(seed)``; both
variants start from the same state.

Observables
-----------
``class_separation``: RMS distance between class centroids over all pairs of classes,
relative to its initial value. ``within_class_spread``: RMS distance of a representation
from its class centroid, relative to its initial value. ``effective_rank``: participation
ratio ``(tr C)^2 / tr(C^2)`` of the covariance ``C`` of all representations (scale free: a
shrinking cloud can keep its rank; the relative observables show the shrinking).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from pydantic import Field, ValidationInfo, field_validator

from ..base import Solver
from ..params import SolverParams
from ..result import Result

if TYPE_CHECKING:
    from matplotlib.figure import Figure

RECORDED_POINTS = 400
"""At most this many time points are recorded."""


def coupling_matrix(classes: int, samples_per_class: int, cross_coupling: float) -> np.ndarray:
    """The positive-pair couplings A (symmetric, rows sum to 1); samples ordered class by class."""
    n = samples_per_class
    labels = np.repeat(np.arange(classes), n)
    same = labels[:, None] == labels[None, :]
    return np.where(same, (1.0 - cross_coupling) / n, cross_coupling / ((classes - 1) * n))


def mode_eigenvalues(classes: int, cross_coupling: float) -> dict[str, float]:
    """Eigenvalues of A: global mean, class-centroid contrasts and within-class contrasts."""
    return {"global": 1.0, "centroid": 1.0 - cross_coupling * classes / (classes - 1), "within": 0.0}


def frozen_predictor_rate(a: float, stop_gradient: bool) -> float:
    """Decay rate of a mode's amplitude with W = I fixed: 1 - a (stop-gradient), 2 (1 - a)."""
    return (1.0 - a) if stop_gradient else 2.0 * (1.0 - a)


def symmetric_rate_bound(a: float) -> float:
    """The least decay rate 1 - a^2 of a mode's amplitude under the symmetric gradient, any W."""
    return 1.0 - a * a


def aligned_final_moment(s0: float, a: float, eta: float, w0: float = 1.0) -> float:
    """Final second moment s_inf of an aligned mode under stop-gradient (0 if it collapses)."""
    e0 = a - w0
    final = s0 + e0 * (2.0 * a - e0) / eta if eta > 0 else 0.0
    return max(final, 0.0)


def aligned_relaxation_rate(s0: float, a: float, eta: float, w0: float = 1.0) -> float:
    """Rate eta s_inf at which an aligned surviving mode approaches its fixed point."""
    return eta * aligned_final_moment(s0, a, eta, w0)


def mode_projectors(classes: int, samples_per_class: int) -> dict[str, np.ndarray]:
    """Orthogonal projectors (N x N) onto the global, centroid and within-class eigenspaces of A."""
    n = samples_per_class
    size = classes * n
    labels = np.repeat(np.arange(classes), n)
    class_mean = (labels[:, None] == labels[None, :]) / n
    global_mean = np.full((size, size), 1.0 / size)
    return {"global": global_mean, "centroid": class_mean - global_mean, "within": np.eye(size) - class_mean}


@dataclass(frozen=True)
class Trajectory:
    """Recorded observables of one run, and its final representations and predictor."""

    time: np.ndarray
    effective_rank: np.ndarray
    class_separation: np.ndarray
    within_class_spread: np.ndarray
    mode_moments: dict[str, np.ndarray]
    final: np.ndarray
    predictor: np.ndarray


def _centroid_distance(Z: np.ndarray, labels: np.ndarray, classes: int) -> float:
    centroids = np.stack([Z[labels == k].mean(axis=0) for k in range(classes)])
    gaps = centroids[:, None, :] - centroids[None, :, :]
    pairs = classes * (classes - 1)
    return math.sqrt(float(np.sum(gaps**2)) / pairs)


def _spread(Z: np.ndarray, labels: np.ndarray, classes: int) -> float:
    centroids = np.stack([Z[labels == k].mean(axis=0) for k in range(classes)])
    return math.sqrt(float(np.mean(np.sum((Z - centroids[labels]) ** 2, axis=1))))


def effective_rank(Z: np.ndarray) -> float:
    """Participation ratio (tr C)^2 / tr(C^2) of the covariance of the rows of Z."""
    centred = Z - Z.mean(axis=0)
    covariance = centred.T @ centred / Z.shape[0]
    trace = float(np.trace(covariance))
    square = float(np.sum(covariance * covariance))
    return trace * trace / square if square > 0 else 0.0


def integrate(
    Z0: np.ndarray,
    W0: np.ndarray,
    A: np.ndarray,
    labels: np.ndarray,
    classes: int,
    steps: int,
    lr: float,
    predictor_lr: float,
    stop_gradient: bool,
) -> Trajectory:
    """Euler-integrate the model from (Z0, W0) and record the observables.

    ``mode_moments[m]`` is ``|P_m Z|^2 / N`` for the three eigenspaces of A (the
    projections use the class structure in ``labels``, which must be class by class).
    """
    Z = Z0.copy()
    W = W0.copy()
    size = Z.shape[0]
    projectors = mode_projectors(classes, size // classes)
    separation0 = _centroid_distance(Z0, labels, classes)
    spread0 = _spread(Z0, labels, classes)
    every = max(1, steps // RECORDED_POINTS)
    records = []
    for step in range(steps + 1):
        if step % every == 0 or step == steps:
            records.append((
                step * lr,
                effective_rank(Z),
                _centroid_distance(Z, labels, classes) / separation0 if separation0 > 0 else 0.0,
                _spread(Z, labels, classes) / spread0 if spread0 > 0 else 0.0,
                *(float(np.sum((P @ Z) ** 2)) / size for P in projectors.values()),
            ))
        if step == steps:
            break
        AZ = A @ Z
        velocity = AZ @ W - Z @ (W.T @ W)
        if not stop_gradient:
            velocity += AZ @ W.T - Z
        predictor_velocity = -(predictor_lr / size) * (W @ (Z.T @ Z) - Z.T @ AZ)
        Z = Z + lr * velocity
        W = W + lr * predictor_velocity
    table = np.array(records)
    return Trajectory(
        time=table[:, 0], effective_rank=table[:, 1], class_separation=table[:, 2],
        within_class_spread=table[:, 3],
        mode_moments={name: table[:, 4 + k] for k, name in enumerate(projectors)},
        final=Z, predictor=W,
    )


def initial_state(classes: int, samples_per_class: int, dim: int, init_separation: float,
                  init_spread: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded random initial representations (class by class) and their labels."""
    rng = np.random.default_rng(seed)
    centroids = rng.standard_normal((classes, dim)) * init_separation
    labels = np.repeat(np.arange(classes), samples_per_class)
    Z = centroids[labels] + init_spread * rng.standard_normal((labels.size, dim))
    return Z, labels


def aligned_state(classes: int, samples_per_class: int, dim: int, moments: dict[str, float],
                  within_directions: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """An initial state whose modes occupy orthogonal directions with isotropic moments.

    ``moments`` gives the second moment per direction ``s_m`` of the global (1 direction),
    centroid (``K - 1`` directions) and within-class (``within_directions``) modes; needs
    ``dim >= K + within_directions``.
    """
    needed = classes + within_directions
    if dim < needed:
        raise ValueError(f"dim must be at least {needed} for an aligned state, got {dim}")
    rng = np.random.default_rng(seed)
    projectors = mode_projectors(classes, samples_per_class)
    size = classes * samples_per_class
    directions = np.linalg.qr(rng.standard_normal((dim, dim)))[0]
    counts = {"global": 1, "centroid": classes - 1, "within": within_directions}
    Z = np.zeros((size, dim))
    used = 0
    for name, count in counts.items():
        # An orthonormal basis of `count` vectors inside the mode's eigenspace of A.
        basis = np.linalg.qr(projectors[name] @ rng.standard_normal((size, count)))[0]
        Z += math.sqrt(size * moments[name]) * basis @ directions[:, used : used + count].T
        used += count
    return Z, np.repeat(np.arange(classes), samples_per_class)


# -------------------------------------------------------------------------- solver


class RepresentationCollapseParams(SolverParams):
    """Parameters of `RepresentationCollapse`."""

    classes: int = Field(4, ge=2, le=10, title="K", description="Number of classes")
    samples_per_class: int = Field(16, ge=2, le=100, title="n", description="Samples per class")
    dim: int = Field(16, ge=2, le=128, title="d", description="Dimension of the representations")
    stop_gradient: bool = Field(True, description="Stop-gradient on the target branch (true) or the symmetric gradient (false)")
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed of the initial representations")
    cross_coupling: float = Field(
        0.2, ge=0, lt=1, title="Cross-class coupling ε",
        description="Share of each sample's positive-pair weight on other classes (the frustration)",
    )
    predictor_lr: float = Field(
        1.0, ge=0, le=20, title="Predictor rate η",
        description="Learning rate of the linear predictor relative to the representations",
    )
    init_separation: float = Field(1.0, gt=0, le=10, description="Standard deviation of the class centroids per dimension")
    init_spread: float = Field(0.3, ge=0, le=10, description="Standard deviation of a sample around its centroid per dimension")
    steps: int = Field(2000, ge=10, le=50000, description="Euler steps")
    lr: float = Field(0.025, gt=0, le=0.2, title="Step size",
                      description="Euler step of the gradient flow (time = steps × lr)")

    @field_validator("lr")
    @classmethod
    def _stable_step(cls, lr: float, info: ValidationInfo) -> float:
        # Explicit Euler needs lr times the fastest rate well below 2. The fastest rates are
        # 2 (within-class modes, symmetric gradient, W = I) and eta times the second moment
        # per direction of the representations, of order init_separation^2 + init_spread^2.
        data = info.data
        if not {"predictor_lr", "init_separation", "init_spread"} <= data.keys():
            return lr  # another field is already invalid and reported
        scale = data["init_separation"] ** 2 + data["init_spread"] ** 2
        limit = 0.5 / (2.0 + data["predictor_lr"] * scale)
        if lr > limit:
            raise ValueError(f"too large for stable Euler steps at these scales; use lr <= {limit:.3g}")
        return lr


class RepresentationCollapse(Solver):
    """Minimal free-representation model: symmetric alignment collapses, stop-gradient does not."""

    name = "representation-collapse"
    version = "1"
    title = "Representation collapse and stop-gradient (minimal model)"
    summary = ("Free representations aligned on positive pairs with cross-class frustration: "
               "the symmetric gradient collapses the classes, stop-gradient with a predictor keeps them apart.")
    Params: ClassVar[type[SolverParams]] = RepresentationCollapseParams
    figure_names = ("observables", "projection")
    expected_seconds = 2.0

    def solve(self, params: RepresentationCollapseParams) -> Result:
        runs = run_both(params)
        chosen = runs["stop_gradient" if params.stop_gradient else "symmetric"]
        a = mode_eigenvalues(params.classes, params.cross_coupling)
        quantities = {
            "effective_rank": float(chosen.effective_rank[-1]),
            "class_separation": float(chosen.class_separation[-1]),
            "within_class_spread": float(chosen.within_class_spread[-1]),
            "centroid_eigenvalue": a["centroid"],
            "symmetric_collapse_rate": symmetric_rate_bound(a["centroid"]),
        }
        series = {
            "time": chosen.time,
            "effective_rank": chosen.effective_rank,
            "class_separation": chosen.class_separation,
            "within_class_spread": chosen.within_class_spread,
            "labels": np.repeat(np.arange(params.classes), params.samples_per_class),
        }
        Z0, _ = initial_state(params.classes, params.samples_per_class, params.dim,
                              params.init_separation, params.init_spread, params.seed)
        axes = _principal_axes(Z0)
        series["initial_projection"] = _project(Z0, axes)
        for variant, run in runs.items():
            series[f"{variant}_effective_rank"] = run.effective_rank
            series[f"{variant}_class_separation"] = run.class_separation
            series[f"{variant}_within_class_spread"] = run.within_class_spread
            series[f"{variant}_projection"] = _project(run.final, axes)
        return Result(quantities, series)

    def figures(self, result: Result) -> dict[str, Figure]:
        params = self.parse_params(result.params)
        return {
            "observables": _observables_figure(result, params),
            "projection": _projection_figure(result, params),
        }


def run_both(params: RepresentationCollapseParams) -> dict[str, Trajectory]:
    """Integrate both variants from the same seeded initial state."""
    Z0, labels = initial_state(params.classes, params.samples_per_class, params.dim,
                               params.init_separation, params.init_spread, params.seed)
    A = coupling_matrix(params.classes, params.samples_per_class, params.cross_coupling)
    W0 = np.eye(params.dim)
    return {
        variant: integrate(Z0, W0, A, labels, params.classes, params.steps, params.lr,
                           params.predictor_lr, stop_gradient=variant == "stop_gradient")
        for variant in ("symmetric", "stop_gradient")
    }


def _principal_axes(Z: np.ndarray) -> np.ndarray:
    """The first two principal directions (d x 2) of the rows of Z."""
    centred = Z - Z.mean(axis=0)
    vt = np.linalg.svd(centred, full_matrices=False)[2]
    return vt[:2].T


def _project(Z: np.ndarray, axes: np.ndarray) -> np.ndarray:
    """Coordinates (N x 2) of the centred rows of Z along `axes`."""
    return (Z - Z.mean(axis=0)) @ axes


def _observables_figure(result: Result, params: RepresentationCollapseParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    t = s["time"]
    rate = result.quantities["symmetric_collapse_rate"]
    with house_style():
        figure, axes = new_figure("wide", aspect=0.36, ncols=3)
        panels = (
            ("class_separation", "class separation (relative)"),
            ("within_class_spread", "within-class spread (relative)"),
            ("effective_rank", "effective rank (participation ratio, scale-free)"),
        )
        for ax, (key, label) in zip(axes, panels, strict=True):
            ax.plot(t, s[f"symmetric_{key}"], color=PALETTE[1], label="symmetric gradient")
            ax.plot(t, s[f"stop_gradient_{key}"], color=PALETTE[0], label="stop-gradient + predictor")
            ax.set_xlabel("time (steps × lr)")
            ax.set_title(label, fontsize=10)
            if key != "effective_rank":
                ax.set_yscale("log")
                ax.set_ylim(max(1e-6, ax.get_ylim()[0]), None)
        axes[0].plot(t, np.exp(-rate * t), "--", color=PALETTE[7], lw=1.0,
                     label=rf"bound $e^{{-(1-a_c^2)t}}$, $a_c = {result.quantities['centroid_eigenvalue']:.3g}$")
        axes[0].legend(fontsize=8)
        figure.suptitle(
            f"K = {params.classes} classes × n = {params.samples_per_class} in d = {params.dim}, "
            f"cross-class coupling ε = {params.cross_coupling:g}, predictor rate η = {params.predictor_lr:g}:\n"
            "the symmetric gradient collapses the classes; stop-gradient with a predictor keeps them "
            "apart while the within-class spread vanishes", fontsize=10)
    return figure


def _projection_figure(result: Result, params: RepresentationCollapseParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    labels = s["labels"].astype(int)
    initial = s["initial_projection"]
    limit = 1.15 * float(np.max(np.abs(initial)))
    with house_style():
        figure, axes = new_figure("wide", aspect=0.36, ncols=3, sharex=True, sharey=True)
        panels = (
            (axes[0], "initial", "initial state", None),
            (axes[1], "symmetric", "symmetric gradient", "symmetric_class_separation"),
            (axes[2], "stop_gradient", "stop-gradient + predictor", "stop_gradient_class_separation"),
        )
        for ax, variant, title, separation in panels:
            coords = s[f"{variant}_projection"]
            for k in range(params.classes):
                mine = labels == k
                ax.plot(coords[mine, 0], coords[mine, 1], "o", color=PALETTE[k % len(PALETTE)],
                        mfc="none", label=f"class {k + 1}")
            if separation is not None:
                title = f"{title}\nclass separation {s[separation][-1]:.2g} of initial"
            ax.set_title(title, fontsize=10)
            ax.set_xlabel("PC 1 of the initial state")
            ax.set_xlim(-limit, limit)
            ax.set_ylim(-limit, limit)
            ax.set_aspect("equal")
        axes[0].set_ylabel("PC 2 of the initial state")
        axes[2].legend(fontsize=8, loc="lower right")
        figure.suptitle("Representations projected on the two principal axes of the initial state "
                        "(same scale in every panel)", fontsize=10)
    return figure
