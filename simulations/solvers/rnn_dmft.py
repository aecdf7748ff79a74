"""Dynamical mean-field theory of the Sompolinsky–Crisanti–Sommers random network.

Model and conventions
---------------------
``N`` rate units with state ``x_i`` obey

    dx_i/dt = -x_i + sum_j J_ij phi(x_j),    phi = tanh,    J_ij ~ N(0, g^2 / N),

with independent couplings (no symmetry, no self-coupling rule: ``J_ii`` is drawn like the
rest) and time in units of the single-unit time constant (Sompolinsky, Crisanti & Sommers,
PRL 61, 259 (1988), "SCS").

DMFT
----
For ``N -> oo`` the recurrent input ``eta_i = sum_j J_ij phi(x_j)`` is a Gaussian process with
``<eta(t) eta(t + tau)> = g^2 C(tau)``, ``C(tau) = <phi(x(t)) phi(x(t + tau))>``. The
stationary autocorrelation ``Delta(tau) = <x(t) x(t + tau)>`` (no static part: ``phi`` is odd)
therefore obeys ``(1 - d^2/dtau^2) Delta = g^2 C``:

    Delta'' = Delta - g^2 C_phi(Delta; Delta0) = -dV/dDelta,
    V(Delta) = -Delta^2 / 2 + g^2 Phi(Delta; Delta0),

where ``C_phi(Delta; Delta0) = E[tanh(x) tanh(y)]`` and ``Phi(Delta; Delta0) = E[ln cosh(x)
ln cosh(y)]`` for ``(x, y)`` jointly Gaussian with variances ``Delta0`` and covariance
``Delta``. ``dPhi/dDelta = C_phi`` by Price's theorem, so ``Delta(tau)`` is the motion of a
classical particle in the potential ``V``. It starts at rest at ``Delta0`` (``Delta`` is even
and smooth at ``tau = 0``) and must approach ``Delta = 0`` as ``tau -> oo``: the top of the hill
``V(0)``, reached with zero velocity. Energy conservation ``V(Delta0) = V(0)`` reads

    Delta0^2 / 2 = g^2 Var_z[ln cosh(sqrt(Delta0) z)],    z ~ N(0, 1),

which fixes ``Delta0``. Expanding ``ln cosh`` gives ``Var = a^2/2 - a^3 + (8/3) a^4 + O(a^5)``
with ``a = Delta0``, so ``1/g^2 = 1 - 2 a + (16/3) a^2``: only ``Delta0 = 0`` exists for
``g <= 1``, and for ``g = 1 + eps``

    Delta0 = eps + (7/6) eps^2 + O(eps^3)        (the transition is continuous).

Late-time decay: for small ``Delta``, ``C_phi = <phi'>^2 Delta + O(Delta^3)`` (odd ``phi`` has
only odd Hermite components), so ``Delta ~ exp(-tau / tau_c)`` with

    tau_c = (1 - g^2 <phi'(sqrt(Delta0) z)>^2)^(-1/2)  ->  sqrt(3) / eps   as g -> 1+.

Lyapunov exponent (SCS; Crisanti & Sompolinsky, PRE 98, 062120 (2018)). A perturbation
obeys ``d(dx_i)/dt = -dx_i + sum_j J_ij phi'(x_j) dx_j``; its mean-field correlation
``D(t, t') = <dx(t) dx(t')>`` obeys ``(d_t + 1)(d_t' + 1) D = g^2 C_phi'(Delta(t - t')) D``
with ``C_phi'(Delta) = E[phi'(x) phi'(y)] = dC_phi/dDelta``. In ``T = (t + t')/2`` and
``tau = t - t'`` the operator is ``(d_T / 2 + 1)^2 - d_tau^2``, and ``D = exp(2 lambda T)
psi(tau)`` solves it if ``psi`` is an eigenfunction of the Schrödinger operator

    H = -d^2/dtau^2 + W(tau),    W(tau) = 1 - g^2 C_phi'(Delta(tau)) = -V''(Delta(tau)),

with energy ``E = 1 - (1 + lambda)^2``. ``lambda`` is the growth rate of ``|dx|``, so the
largest Lyapunov exponent comes from the ground state ``E0`` of ``H``:

    lambda_max = -1 + sqrt(1 - E0).

Differentiating the equation of motion gives ``H Delta' = 0``: ``Delta'`` (odd, one node)
is a zero mode, the first excited state, which is the time-translation mode with
``lambda = 0``; the ground state lies below it, so ``lambda_max > 0`` for ``g > 1``. For
``g <= 1``, ``Delta = 0``, ``W = 1 - g^2`` has no bound state and the bottom of the continuum
gives ``lambda_max = g - 1`` (the spectral edge of ``-1 + J``).

Near ``g = 1``: ``tau_c = sqrt(3) / eps + O(1)``, the well ``W`` is ``O(eps^2)`` deep and
``O(1/eps)`` wide, so ``E0 = O(eps^2)`` and ``lambda_max = -E0/2 + ... = O(eps^2)``; the
numbers give ``lambda_max / (eps^2 / 2)`` = 0.965, 0.982 at ``eps`` = 0.01, 0.005.

Theory against simulation (Benettin, two networks per size, ``t_sim = 300``): at ``g = 2``
(DMFT 0.1125) ``N`` = 250 / 500 / 1000 / 2000 give 0.065 / 0.082 / 0.097 / 0.109, an
``O(1/N)`` approach; at ``g = 1.5`` (DMFT 0.047) ``N = 1000`` gives 0.040, while networks of
250 to 500 units are often periodic there (``lambda ~ 0``). Single finite networks also
carry slow collective fluctuations, so ``Delta_sim`` matches the theory only on average over
networks, most visibly in the tail; the tests compare network averages within their
standard errors.

Numerics
--------
``Delta0``: Brent's method on the energy condition divided by ``Delta0^2`` (no cancellation
near ``g = 1``); Gaussian averages by the trapezoidal rule (``_numerics``).
``C_phi`` and ``C_phi'`` on ``[0, Delta0]``: Chebyshev interpolants of the two-dimensional
Gaussian averages (errors below 1e-10). ``Delta(tau)``: DOP853 (rtol 1e-12) from ``(Delta0, 0)``
until ``Delta = 1e-3 Delta0``, then the linear tail ``exp(-tau / tau_c)`` (relative error
``O(1e-6)``); integrating further would let the unstable hilltop amplify round-off.
``E0``: the finite-difference ``H`` on ``[-T, T]``, ``T = 25 tau_c``, step
``h = 0.05 max(1, tau_c / 10)``, lowest two eigenvalues of the tridiagonal matrix, Richardson
extrapolated from ``h`` and ``2 h``; the first excited level, which must vanish (the zero
mode), is reported as a check.

Simulation: RK4 with ``dt = 0.1`` (the fastest rate in the dynamics is about ``1 + 2 g``),
the tangent vector integrated with the same stages (so it is the exact derivative of the
RK4 map), renormalised every step (Benettin et al., Meccanica 15, 9 (1980));
``lambda = sum ln |growth| / t_sim`` after ``t_transient``, its error from 10 batch means.
``Delta_sim(tau) = (1/N) sum_i <x_i(t) x_i(t + tau)>_t`` by FFT over the recorded trajectory
(at most 1000 units are recorded). Matrix-vector products dominate: 8 per step, 80 per
time unit; the benchmark reports the time per product against raw numpy.

``solve`` returns the requested ``g``; the figures also need a sweep over ``g`` (DMFT at
``SWEEP_THEORY_G``, two seeded networks of ``min(n_neurons, 500)`` units at each of
``SWEEP_SIM_G``), which ``figures`` runs unless ``sweep=true`` already put it in the series.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from pydantic import Field, field_validator

from ..base import Solver
from ..params import SolverParams
from ..result import Result
from ._numerics import gauss_mean, log_cosh, pair_mean, tanh_pair_means

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DT = 0.1
"""RK4 step of the network simulation, in units of the single-unit time constant."""

TAU_STEP = 0.1
"""Spacing of the tau grid of the series (one simulation step)."""

RECORDED_UNITS = 1000
"""At most this many units are recorded for the simulated autocorrelation."""

MIN_DISTANCE_ABOVE_ONE = 1e-4
"""Gains in (1, 1 + this) are rejected: the DMFT numerics lose accuracy below it (tested)."""

SWITCH_FRACTION = 1e-3
"""Delta / Delta0 below which Delta(tau) continues as its linear exponential tail."""

SWEEP_SIM_G = (0.5, 0.8, 1.2, 1.5, 2.0, 2.5, 3.0)
"""Gains simulated for the figures (besides the requested one)."""

SWEEP_THEORY_G = (1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
"""Gains above 1 at which the figures show the DMFT Lyapunov exponent."""

CURVE_G = (1.5, 2.0, 3.0)
"""Gains whose autocorrelations the figure compares with simulation (all in SWEEP_SIM_G)."""

SWEEP_NEURONS = 500
SWEEP_NETWORKS = 2
SWEEP_T_SIM = 100.0
SWEEP_T_TRANSIENT = 50.0
"""Each swept gain averages SWEEP_NETWORKS networks of min(n_neurons, SWEEP_NEURONS) units:
single finite networks have slow collective fluctuations that make the tail of Delta(tau)
differ from network to network (by about 0.3 at tau = 20 for N = 1000, g = 2)."""


# --------------------------------------------------------------------------- theory


def energy_gap(delta0: float, g: float) -> float:
    """V(Delta0) - V(0) = -Delta0^2/2 + g^2 Var[ln cosh(sqrt(Delta0) z)]."""
    mean = gauss_mean(log_cosh, delta0)
    variance = gauss_mean(lambda x: (log_cosh(x) - mean) ** 2, delta0)
    return float(-0.5 * delta0**2 + g**2 * variance)


def potential(delta: float | np.ndarray, delta0: float, g: float) -> np.ndarray:
    """The classical potential V(Delta) = -Delta^2/2 + g^2 E[ln cosh x ln cosh y] (2-D average)."""
    delta = np.asarray(delta, dtype=float)
    return -0.5 * delta**2 + g**2 * pair_mean(log_cosh, delta, delta0)


def delta0_theory(g: float) -> float:
    """The DMFT variance Delta0 = <x^2> from energy conservation (0 for g <= 1)."""
    from scipy.optimize import brentq

    if g <= 1.0:
        return 0.0

    def scaled_gap(a: float) -> float:
        return energy_gap(a, g) / a**2

    # scaled_gap -> (g^2 - 1)/2 > 0 as a -> 0 and -> -1/2 as a -> oo: one sign change.
    low = 0.5 * (g - 1.0) / (1.0 + 2.0 * (g - 1.0))
    while scaled_gap(low) <= 0.0:
        low /= 2.0
    high = 2.0 * g**2
    while scaled_gap(high) >= 0.0:
        high *= 2.0
    return float(brentq(scaled_gap, low, high, xtol=1e-15, rtol=1e-15))


def delta0_expansion(g: float) -> float:
    """The two leading terms of Delta0 near g = 1: eps + (7/6) eps^2 with eps = g - 1."""
    eps = g - 1.0
    return eps + 7.0 / 6.0 * eps**2 if eps > 0 else 0.0


def decay_time(g: float, delta0: float) -> float:
    """The late-time correlation time tau_c = (1 - g^2 <phi'>^2)^(-1/2); NaN for g <= 1."""
    if delta0 <= 0.0:
        return math.nan
    # 1 - g^2 <phi'>^2 = (1 - g + g m)(1 + g - g m) with m = <tanh^2>: both factors are
    # formed without the cancellation of 1 - g^2 <phi'>^2 = O(eps^2) near g = 1.
    m = float(gauss_mean(lambda x: np.tanh(x) ** 2, delta0))
    return 1.0 / math.sqrt((1.0 - g + g * m) * (1.0 + g - g * m))


@dataclass(frozen=True)
class DMFTSolution:
    """The SCS mean-field solution at one gain ``g``.

    ``tau`` and ``delta`` sample Delta(tau) on ``[0, tau_max]``; ``ground_state_energy`` and
    ``zero_mode_energy`` are the two lowest levels of the fluctuation operator ``H`` (the
    second must vanish); ``zero_mode_overlap`` is ``|<psi_1, Delta'>| / (|psi_1| |Delta'|)``
    on the grid (1 when the first excited state is Delta'); ``energy_residual`` is
    ``V(Delta0) - V(0)``.
    """

    g: float
    delta0: float
    decay_time: float
    lyapunov_exponent: float
    ground_state_energy: float
    zero_mode_energy: float
    zero_mode_overlap: float
    energy_residual: float
    tau: np.ndarray
    delta: np.ndarray


class _Trajectory:
    """Delta(tau) and Delta'(tau) for tau >= 0: the ODE solution joined to its linear tail."""

    def __init__(self, g: float, delta0: float, tau_c: float, correlation):
        from scipy.integrate import solve_ivp

        # Clenshaw's recurrence on Python floats: the right-hand side is called about a
        # thousand times with a scalar, where numpy's chebval costs 10x more per call.
        coefficients = [float(c) for c in correlation.coef[::-1]]
        scale = 2.0 / delta0

        def rhs(_tau: float, y: np.ndarray) -> list[float]:
            delta = float(y[0])
            u = scale * min(max(delta, 0.0), delta0) - 1.0
            two_u, b1, b2 = 2.0 * u, 0.0, 0.0
            for c in coefficients[:-1]:
                b1, b2 = c + two_u * b1 - b2, b1
            return [float(y[1]), delta - g**2 * (coefficients[-1] + u * b1 - b2)]

        def reached_tail(_tau: float, y: np.ndarray) -> float:
            return y[0] - SWITCH_FRACTION * delta0

        def turned_back(_tau: float, y: np.ndarray) -> float:
            return y[1]

        reached_tail.terminal, reached_tail.direction = True, -1
        turned_back.terminal, turned_back.direction = True, 1
        solution = solve_ivp(
            rhs,
            (0.0, 80.0 * tau_c + 80.0),
            [delta0, 0.0],
            method="DOP853",
            rtol=1e-12,
            atol=1e-15 * delta0,
            dense_output=True,
            events=(reached_tail, turned_back),
        )
        self.switch = float(solution.t[-1])
        self.switch_value = float(solution.y[0, -1])
        self.dense = solution.sol
        self.tau_c = tau_c

    def __call__(self, tau: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        tau = np.abs(np.asarray(tau, dtype=float))
        inside = tau < self.switch
        delta = np.empty_like(tau)
        slope = np.empty_like(tau)
        if inside.any():
            delta[inside], slope[inside] = self.dense(tau[inside])
        tail = self.switch_value * np.exp(-(tau[~inside] - self.switch) / self.tau_c)
        delta[~inside] = tail
        slope[~inside] = -tail / self.tau_c
        return delta, slope


def _chebyshev_kernels(delta0: float):
    """Chebyshev interpolants of C_phi and C_phi' on [0, Delta0]."""
    from numpy.polynomial import Chebyshev
    from numpy.polynomial.chebyshev import chebfit, chebpts1

    # C_phi is smooth on [0, Delta0] but not analytic at Delta = Delta0, so larger Delta0
    # needs a higher degree: 48 gives 1e-14 at Delta0 = 2, 64 gives 1e-11 at Delta0 = 17
    # (g = 5, the largest allowed).
    degree = 48 if delta0 < 4.0 else 64
    nodes = chebpts1(degree + 1)
    correlation, kernel = tanh_pair_means(0.5 * delta0 * (nodes + 1.0), delta0)
    domain = [0.0, delta0]
    return (Chebyshev(chebfit(nodes, correlation, degree), domain=domain),
            Chebyshev(chebfit(nodes, kernel, degree), domain=domain))


def fluctuation_levels(
    trajectory: _Trajectory, g: float, delta0: float, kernel, step: float, half_width: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The two lowest eigenvalues, eigenvectors and grid of the finite-difference H."""
    from scipy.linalg import eigh_tridiagonal

    count = round(half_width / step)
    tau = np.arange(-count, count + 1) * step
    delta, _ = trajectory(tau)
    well = 1.0 - g**2 * kernel(np.clip(delta, 0.0, delta0))
    diagonal = 2.0 / step**2 + well
    off = np.full(tau.size - 1, -1.0 / step**2)
    levels, vectors = eigh_tridiagonal(diagonal, off, select="i", select_range=(0, 1))
    return levels, vectors, tau


def solve_dmft(g: float, tau_max: float = 20.0, tau_step: float = TAU_STEP) -> DMFTSolution:
    """Solve the SCS self-consistency at gain ``g``: Delta0, Delta(tau), tau_c and lambda_max."""
    tau = np.arange(0.0, tau_max + 0.5 * tau_step, tau_step)
    delta0 = delta0_theory(g)
    if delta0 <= 0.0:
        return DMFTSolution(
            g=g,
            delta0=0.0,
            decay_time=math.nan,
            lyapunov_exponent=g - 1.0,
            ground_state_energy=1.0 - g**2,
            zero_mode_energy=math.nan,
            zero_mode_overlap=math.nan,
            energy_residual=0.0,
            tau=tau,
            delta=np.zeros_like(tau),
        )
    tau_c = decay_time(g, delta0)
    correlation, kernel = _chebyshev_kernels(delta0)
    trajectory = _Trajectory(g, delta0, tau_c, correlation)

    step = 0.05 * max(1.0, tau_c / 10.0)
    half_width = 25.0 * tau_c
    fine, vectors, grid = fluctuation_levels(trajectory, g, delta0, kernel, step, half_width)
    coarse, _, _ = fluctuation_levels(trajectory, g, delta0, kernel, 2.0 * step, half_width)
    levels = (4.0 * fine - coarse) / 3.0  # the O(h^2) error of the 3-point Laplacian cancels
    _, velocity = trajectory(grid)
    velocity = np.where(grid < 0, -velocity, velocity)  # Delta'(tau) is odd
    overlap = abs(vectors[:, 1] @ velocity) / np.linalg.norm(velocity)

    return DMFTSolution(
        g=g,
        delta0=delta0,
        decay_time=tau_c,
        lyapunov_exponent=-1.0 + math.sqrt(1.0 - levels[0]),
        ground_state_energy=float(levels[0]),
        zero_mode_energy=float(levels[1]),
        zero_mode_overlap=float(overlap),
        energy_residual=energy_gap(delta0, g),
        tau=tau,
        delta=trajectory(tau)[0],
    )


# ----------------------------------------------------------------------- simulation


@dataclass(frozen=True)
class NetworkRun:
    """A simulated network: the autocorrelation on ``tau``, Delta0 and the Benettin exponent."""

    g: float
    seed: int
    tau: np.ndarray
    delta: np.ndarray
    delta0: float
    lyapunov_exponent: float
    lyapunov_error: float


def simulate_networks(
    gains: list[float] | tuple[float, ...],
    seeds: list[int] | tuple[int, ...],
    n_neurons: int,
    t_sim: float,
    t_transient: float,
    tau_max: float = 20.0,
) -> list[NetworkRun]:
    """Integrate independent random networks side by side (RK4) and measure each one.

    Network ``b`` has gain ``gains[b]``; its couplings, initial state (standard normal) and
    initial tangent vector are drawn from ``numpy.random.default_rng(seeds[b])``, so a
    network does not depend on the others in the batch. Each returns Delta(tau) on
    ``[0, tau_max]`` (lags longer than ``t_sim / 2`` are NaN), Delta0 and the Benettin
    exponent with its standard error from 10 batch means. Batching turns the Python loop
    over time steps into one batched matrix-vector product per stage for all networks.
    """
    if len(gains) != len(seeds):
        raise ValueError(f"gains and seeds differ in length: {len(gains)} != {len(seeds)}")
    batch = len(gains)
    J = np.empty((batch, n_neurons, n_neurons))
    x = np.empty((batch, n_neurons))
    v = np.empty((batch, n_neurons))
    for b, (g, seed) in enumerate(zip(gains, seeds, strict=True)):
        rng = np.random.default_rng(seed)
        J[b] = rng.standard_normal((n_neurons, n_neurons)) * (g / math.sqrt(n_neurons))
        x[b] = rng.standard_normal(n_neurons)
        v[b] = rng.standard_normal(n_neurons)
    v /= np.linalg.norm(v, axis=1, keepdims=True)

    # BLAS runs a thin (N x 2) product much slower than two matrix-vector products; for
    # large networks loop over them, for small ones one batched product beats the loop.
    per_vector = n_neurons >= 500

    def flow(x: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rate = np.tanh(x)
        tangent = (1.0 - rate * rate) * v
        if per_vector:
            drive_x = np.stack([J[b] @ rate[b] for b in range(batch)])
            drive_v = np.stack([J[b] @ tangent[b] for b in range(batch)])
            return drive_x - x, drive_v - v
        drive = np.matmul(J, np.stack([rate, tangent], axis=-1))  # (batch, N, 2)
        return drive[..., 0] - x, drive[..., 1] - v

    transient_steps = round(t_transient / DT)
    steps = max(round(t_sim / DT), 20)
    recorded = min(n_neurons, max(1, RECORDED_UNITS // batch))
    trajectory = np.empty((steps, batch, recorded))
    log_growth = np.empty((steps, batch))
    half = 0.5 * DT
    for n in range(transient_steps + steps):
        k1x, k1v = flow(x, v)
        k2x, k2v = flow(x + half * k1x, v + half * k1v)
        k3x, k3v = flow(x + half * k2x, v + half * k2v)
        k4x, k4v = flow(x + DT * k3x, v + DT * k3v)
        x = x + (DT / 6.0) * (k1x + 2.0 * (k2x + k3x) + k4x)
        v = v + (DT / 6.0) * (k1v + 2.0 * (k2v + k3v) + k4v)
        norm = np.linalg.norm(v, axis=1)
        v /= norm[:, None]
        if n >= transient_steps:
            trajectory[n - transient_steps] = x[:, :recorded]
            log_growth[n - transient_steps] = np.log(norm)

    lyapunov = log_growth.sum(axis=0) / (steps * DT)
    per_batch = steps // 10
    batch_means = log_growth[: 10 * per_batch].reshape(10, per_batch, batch).sum(axis=1) / (per_batch * DT)
    errors = batch_means.std(axis=0, ddof=1) / math.sqrt(10)

    lags = round(tau_max / TAU_STEP)
    tau = np.arange(lags + 1) * TAU_STEP
    usable = min(lags, steps // 2)
    size = 1 << (2 * steps - 1).bit_length()
    spectrum = np.fft.rfft(trajectory, n=size, axis=0)
    power = (spectrum.real**2 + spectrum.imag**2).sum(axis=2)  # (frequency, batch)
    summed = np.fft.irfft(power, n=size, axis=0)[: usable + 1]
    counts = recorded * (steps - np.arange(usable + 1))
    runs = []
    for b in range(batch):
        delta = np.full(lags + 1, np.nan)
        delta[: usable + 1] = summed[:, b] / counts
        runs.append(NetworkRun(g=float(gains[b]), seed=int(seeds[b]), tau=tau, delta=delta,
                               delta0=float(delta[0]), lyapunov_exponent=float(lyapunov[b]),
                               lyapunov_error=float(errors[b])))
    return runs


def simulate_network(
    g: float, n_neurons: int, t_sim: float, t_transient: float, seed: int, tau_max: float = 20.0
) -> NetworkRun:
    """One network of `simulate_networks`."""
    return simulate_networks([g], [seed], n_neurons, t_sim, t_transient, tau_max)[0]


# -------------------------------------------------------------------------- solver


class RNNDMFTParams(SolverParams):
    """Parameters of `RNNDMFT`."""

    g: float = Field(
        2.0, gt=0, le=5, title="Gain g", description="Coupling strength: J_ij ~ N(0, g²/N)"
    )
    tau_max: float = Field(
        20.0,
        ge=1,
        le=50,
        title="τ max",
        description="Largest lag of Δ(τ)",
        json_schema_extra={"unit": "single-unit time constant"},
    )
    n_neurons: int = Field(
        1000, ge=20, le=2000, title="N", description="Units in the simulated network"
    )
    t_sim: float = Field(
        200.0,
        ge=20,
        le=1000,
        title="Simulated time",
        description="Time over which the simulation is measured (after the transient)",
        json_schema_extra={"unit": "single-unit time constant"},
    )
    t_transient: float = Field(
        50.0,
        ge=0,
        le=500,
        title="Transient",
        description="Time discarded before measuring",
        json_schema_extra={"unit": "single-unit time constant"},
    )
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed of couplings and initial state")

    @field_validator("g")
    @classmethod
    def _resolvable_gain(cls, g: float) -> float:
        # Within 1e-4 above the transition tau_c = sqrt(3)/(g - 1) exceeds 1.7e4 and the
        # O((g - 1)^2) well of the fluctuation operator nears double-precision round-off.
        if 1.0 < g < 1.0 + MIN_DISTANCE_ABOVE_ONE:
            raise ValueError(
                f"too close above the transition to resolve; use g <= 1 or g >= {1.0 + MIN_DISTANCE_ABOVE_ONE:g}"
            )
        return g

    sweep: bool = Field(
        False,
        description="Also run the sweep over g behind the figures (DMFT curves and small simulated "
        "networks, seconds) in solve and return its data; the figures run the same sweep either way",
    )


class RNNDMFT(Solver):
    """SCS random network: DMFT autocorrelation and Lyapunov exponent against simulation."""

    name = "rnn-dmft"
    version = "1"
    title = "Random recurrent network: dynamical mean-field theory"
    summary = (
        "Sompolinsky–Crisanti–Sommers network: Δ(τ) from the particle-in-a-potential DMFT, "
        "the Lyapunov exponent from its Schrödinger operator, both against simulation."
    )
    Params: ClassVar[type[SolverParams]] = RNNDMFTParams
    figure_names = ("autocorrelation", "variance", "lyapunov")
    expected_seconds = 8.0  # solve ~3 s, the figures' sweep ~5 s, single-threaded BLAS

    def solve(self, params: RNNDMFTParams) -> Result:
        theory = solve_dmft(params.g, params.tau_max)
        run = simulate_network(
            params.g,
            params.n_neurons,
            params.t_sim,
            params.t_transient,
            params.seed,
            params.tau_max,
        )
        quantities = {
            "delta0": theory.delta0,
            "decay_time": theory.decay_time,
            "lyapunov_exponent": theory.lyapunov_exponent,
            "delta0_sim": run.delta0,
            "lyapunov_exponent_sim": run.lyapunov_exponent,
            "lyapunov_exponent_sim_error": run.lyapunov_error,
            "zero_mode_energy": theory.zero_mode_energy,
        }
        series = {"tau": theory.tau, "delta": theory.delta, "delta_sim": run.delta}
        if params.sweep:
            series.update(sweep_over_g(params.tau_max, params.n_neurons, params.seed, params.g))
        return Result(quantities, series)

    def figures(self, result: Result) -> dict[str, Figure]:
        params = self.parse_params(result.params)
        series = dict(result.series)
        if "sim_g" not in series:
            series.update(sweep_over_g(params.tau_max, params.n_neurons, params.seed, params.g))
        full = Result(result.quantities, series, result.params)
        return {
            "autocorrelation": _autocorrelation_figure(full, params),
            "variance": _variance_figure(full, params),
            "lyapunov": _lyapunov_figure(full, params),
        }


def sweep_over_g(tau_max: float, n_neurons: int, seed: int, g_max: float = 3.0) -> dict[str, np.ndarray]:
    """DMFT curves and small seeded simulations over g, for the figures.

    Network ``k`` of gain ``SWEEP_SIM_G[i]`` has seed ``seed + 1 + i * SWEEP_NETWORKS + k``;
    simulated numbers are averages over the ``SWEEP_NETWORKS`` networks of each gain.
    """
    n = min(n_neurons, SWEEP_NEURONS)
    gains = [g for g in SWEEP_SIM_G for _ in range(SWEEP_NETWORKS)]
    seeds = [seed + 1 + k for k in range(len(gains))]
    runs = simulate_networks(gains, seeds, n, SWEEP_T_SIM, SWEEP_T_TRANSIENT, tau_max)
    grouped = [runs[i * SWEEP_NETWORKS : (i + 1) * SWEEP_NETWORKS] for i in range(len(SWEEP_SIM_G))]
    theories = {g: solve_dmft(g, tau_max) for g in SWEEP_THEORY_G}
    g_fine = np.linspace(0.0, max(3.2, g_max), 161)[1:]

    def mean_delta(group: list[NetworkRun]) -> np.ndarray:
        return np.mean([r.delta for r in group], axis=0)

    def lyapunov_error(group: list[NetworkRun]) -> float:
        values = [r.lyapunov_exponent for r in group]
        within = math.sqrt(sum(r.lyapunov_error**2 for r in group)) / len(group)
        return max(float(np.std(values, ddof=1) / math.sqrt(len(group))), within)

    return {
        "sweep_g": np.array(SWEEP_THEORY_G),
        "sweep_lyapunov": np.array([theories[g].lyapunov_exponent for g in SWEEP_THEORY_G]),
        "curve_g": np.array(CURVE_G),
        "curve_delta": np.column_stack([theories[g].delta for g in CURVE_G]),
        "curve_delta_sim": np.column_stack([mean_delta(grouped[SWEEP_SIM_G.index(g)]) for g in CURVE_G]),
        "sim_g": np.array(SWEEP_SIM_G),
        "sim_delta0": np.array([np.mean([r.delta0 for r in group]) for group in grouped]),
        "sim_lyapunov": np.array([np.mean([r.lyapunov_exponent for r in group]) for group in grouped]),
        "sim_lyapunov_error": np.array([lyapunov_error(group) for group in grouped]),
        "g_fine": g_fine,
        "delta0_fine": np.array([delta0_theory(g) for g in g_fine]),
    }


def _autocorrelation_figure(result: Result, params: RNNDMFTParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    n_sweep = min(params.n_neurons, SWEEP_NEURONS)
    every = max(1, round(0.8 / TAU_STEP))
    with house_style():
        figure, ax = new_figure("column")
        for k, g in enumerate(s["curve_g"]):
            if math.isclose(g, params.g):
                continue  # shown below with the requested network
            colour = PALETTE[k + 1]
            ax.plot(s["tau"], s["curve_delta"][:, k], color=colour, label=f"DMFT, g = {g:g}")
            ax.plot(
                s["tau"][::every],
                s["curve_delta_sim"][::every, k],
                "o",
                mfc="none",
                color=colour,
                label=f"simulation, mean of {SWEEP_NETWORKS} × N = {n_sweep}",
            )
        ax.plot(s["tau"], s["delta"], color=PALETTE[0], lw=2.4, label=f"DMFT, g = {params.g:g}")
        ax.plot(
            s["tau"][::every],
            s["delta_sim"][::every],
            "s",
            color=PALETTE[0],
            ms=3.5,
            label=f"simulation, one network, N = {params.n_neurons}",
        )
        ax.set_xlim(0, s["tau"][-1])
        ax.set_xlabel(r"lag $\tau$ (units of the single-unit time constant)")
        ax.set_ylabel(r"$\Delta(\tau) = \langle x(t)\,x(t+\tau)\rangle$")
        ax.legend(ncols=2, fontsize=7.5)
        ax.set_title(
            "Autocorrelation of the SCS network: DMFT (lines) vs simulation (markers);\n"
            "finite networks fluctuate collectively, most visibly in the tail",
            fontsize=10,
        )
    return figure


def _variance_figure(result: Result, params: RNNDMFTParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    q = result.quantities
    g = s["g_fine"]
    near = (g > 1.0) & (g < 1.6)
    with house_style():
        figure, ax = new_figure("column")
        ax.plot(
            g,
            s["delta0_fine"],
            color=PALETTE[0],
            label=r"DMFT: $\Delta_0^2/2 = g^2\,\mathrm{Var}[\ln\cosh x]$",
        )
        ax.plot(
            g[near],
            [delta0_expansion(v) for v in g[near]],
            "--",
            color=PALETTE[4],
            label=r"$\varepsilon + \frac{7}{6}\varepsilon^2$, $\varepsilon = g - 1$",
        )
        ax.plot(
            s["sim_g"],
            s["sim_delta0"],
            "o",
            color=PALETTE[1],
            label=f"simulation, mean of {SWEEP_NETWORKS} × N = {min(params.n_neurons, SWEEP_NEURONS)}",
        )
        ax.plot(
            [params.g],
            [q["delta0_sim"]],
            "s",
            color=PALETTE[7],
            label=f"simulation, one network, N = {params.n_neurons}",
        )
        ax.axvline(1.0, color="0.5", lw=0.8)
        ax.set_xlim(0, g[-1])
        ax.set_ylim(bottom=0)
        ax.set_xlabel(r"gain $g$")
        ax.set_ylabel(r"$\Delta_0 = \langle x^2\rangle$")
        ax.legend()
        ax.set_title(
            r"Variance of the activity: zero for $g \leq 1$, continuous onset of chaos at $g = 1$",
            fontsize=10,
        )
    return figure


def _lyapunov_figure(result: Result, params: RNNDMFTParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    s = result.series
    q = result.quantities
    g_max = float(s["g_fine"][-1])
    with house_style():
        figure, ax = new_figure("column")
        g_below = np.array([0.0, 1.0])
        g_theory = np.concatenate([g_below, s["sweep_g"]])
        lam = np.concatenate([g_below - 1.0, s["sweep_lyapunov"]])
        ax.plot(g_theory, lam, color=PALETTE[0], label=r"DMFT: $\lambda = -1 + \sqrt{1 - E_0}$")
        if params.g not in s["sweep_g"]:
            ax.plot([params.g], [q["lyapunov_exponent"]], "D", color=PALETTE[0], mfc="none")
        ax.errorbar(
            s["sim_g"],
            s["sim_lyapunov"],
            yerr=s["sim_lyapunov_error"],
            fmt="o",
            color=PALETTE[1],
            capsize=3,
            label=f"Benettin, mean of {SWEEP_NETWORKS} × N = {min(params.n_neurons, SWEEP_NEURONS)}",
        )
        ax.errorbar(
            [params.g],
            [q["lyapunov_exponent_sim"]],
            yerr=[q["lyapunov_exponent_sim_error"]],
            fmt="s",
            color=PALETTE[7],
            capsize=3,
            label=f"Benettin, one network, N = {params.n_neurons}",
        )
        ax.axhline(0.0, color="0.5", lw=0.8)
        ax.axvline(1.0, color="0.5", lw=0.8, ls=":")
        ax.set_xlim(0, g_max)
        ax.set_xlabel(r"gain $g$")
        ax.set_ylabel(r"largest Lyapunov exponent $\lambda_{\max}$")
        ax.legend()
        ax.set_title(
            r"$\lambda_{\max}$ crosses zero at $g = 1$; $E_0$: ground state of $-\partial_\tau^2 + 1 - g^2 C_{\phi'}(\Delta(\tau))$"
            "\nFinite networks fall below DMFT by O(1/N) and are often periodic just above g = 1",
            fontsize=10,
        )
    return figure
