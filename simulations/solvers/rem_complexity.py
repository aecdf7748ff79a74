"""Random energy model: complexity, freezing, and sample-to-sample entropy fluctuations.

Model and conventions
---------------------
``2^N`` levels with independent Gaussian energies ``E_i`` of mean 0 and variance
``N J^2 / 2`` (Derrida 1981); ``k_B = 1``, so temperatures and energies are both in units of
``J``. Intensive quantities are per spin (divided by ``N``); free energies have the physical
sign (``f < 0``); logarithms are natural.

Thermodynamic limit
-------------------
The number of levels with energy ``E = N e`` is ``exp(N Sigma(e))`` with the complexity

    Sigma(e) = ln 2 - e^2 / J^2,    |e| <= e_c = J sqrt(ln 2),

and no levels (typically) outside the band. The free energy ``f = min_e [e - T Sigma(e)]``
is reached at ``e* = -J^2 / (2T)`` while that lies in the band, i.e. above

    T_c = J / (2 sqrt(ln 2)),

where ``f = -T ln 2 - J^2 / (4T)``, ``u = -J^2 / (2T)``, ``s = Sigma(e*) = ln 2 - J^2/(4T^2)``.
Below ``T_c`` the measure freezes onto the lowest levels: ``f = u = -J sqrt(ln 2)``,
``s = Sigma = 0``. ``f``, ``u`` and ``s`` are continuous at ``T_c``; the specific heat
jumps from ``2 ln 2`` to 0 (a second-order freezing transition).

Entropy fluctuations at finite N (total entropy ``S = ln Z + U / T``; ``s = S / N``)
-------------------------------------------------------------------------------
*High-temperature phase.* ``Z`` is a sum of ``2^N`` independent terms; the levels that make
its fluctuations sit near ``e = -J^2 / T`` and, for ``T > 2 T_c``, are exponentially many, so
``Z`` is Gaussian with relative variance ``exp(-N (ln 2 - J^2 / (2 T^2)))``. Linearising
``S = (1 - beta d/dbeta) ln Z`` gives, with ``b = N J^2 / (2 T^2)``,

    Var S = exp(-N (ln 2 - J^2 / (2 T^2))) [(1 - b)^2 + b] - 2^-N,

so the *total* entropy fluctuations vanish exponentially, ``std S ~ N exp(-gamma N)`` with
``gamma = (ln 2 - J^2 / (2T^2)) / 2``. For ``T_c < T < 2 T_c`` the fluctuations come from the
few levels at the band edge, the distribution is a stable law rather than a Gaussian and
``gamma = (sqrt(ln 2) - J / (2T))^2`` (vanishing quadratically at ``T_c``); then the
asymptotic regime needs ``N >> 1 / gamma`` and is not reached at ``N <= 24`` near ``T_c``.
There is no power law: the per-spin ``std s`` falls faster than any power of ``N``
(a log-log slope that steepens with N), far below the ``N^{-1/2}`` of an ordinary
self-averaging extensive quantity.

*Frozen phase.* The Gibbs weights of the lowest levels converge to a Poisson-Dirichlet
distribution with parameter ``m = T / T_c``; ``S = -sum_i w_i ln w_i`` stays a random
variable of order one with a non-Gaussian distribution and mean ``psi(1) - psi(1 - m)``.
So ``std S = O(1)`` and the per-spin ``std s ~ N^{-1}``: the fitted log-log exponent is
``-1``. The approach is slow (extreme-value corrections of relative order ``1/N``): at
``T = T_c / 2`` the slope fitted over ``N = 8 ... 16`` is about -0.85 (and about -0.7 at
``T = 2 T_c / 3``), steepening towards -1 with N and clearly away from -1/2 (see the tests).

Finite-N sampling is exact: every one of the ``2^N`` energies of each disorder sample is
drawn and summed with numpy (streamed in blocks of ``2^20`` levels, shifted by the running
minimum energy so nothing overflows). The sample-to-sample standard deviation carries a
standard error from the fourth moment (delta method), which is right also for the
non-Gaussian frozen-phase distribution.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from pydantic import Field

from ..base import Solver
from ..params import SolverParams
from ..result import Result

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LN2 = math.log(2.0)
BLOCK = 2**20  # levels held in memory at once
MAX_LEVELS_PER_SIZE = 2**25  # caps the samples at the largest sizes (documented in Params)
MIN_SAMPLES = 16
# Reference temperatures (in units of T_c) of the two panels of the fluctuation figure: deep
# in the Gaussian high-temperature regime (T > 2 T_c) and deep in the frozen phase.
HIGH_REFERENCE = 4.0
FROZEN_REFERENCE = 0.5


def critical_temperature(J: float) -> float:
    """Freezing temperature T_c = J / (2 sqrt(ln 2))."""
    return J / (2.0 * math.sqrt(LN2))


def freezing_energy(J: float) -> float:
    """Band edge e_c = -J sqrt(ln 2), where the complexity vanishes."""
    return -J * math.sqrt(LN2)


def complexity(e: np.ndarray | float, J: float) -> np.ndarray:
    """Sigma(e) = ln 2 - e^2 / J^2, the log-density of levels per spin (negative outside the band)."""
    return LN2 - np.asarray(e, dtype=float) ** 2 / J**2


def thermodynamics(T: np.ndarray | float, J: float) -> dict[str, np.ndarray]:
    """Free energy, energy, entropy and equilibrium complexity per spin as N -> infinity.

    Parameters
    ----------
    T : float or ndarray
        Temperature in units of J (k_B = 1), T > 0.
    J : float
        Energy scale: the level energies have variance N J^2 / 2.

    Returns
    -------
    dict of ndarray
        ``free_energy``, ``energy``, ``entropy`` and ``complexity`` (equal to the entropy:
        each level is one state).
    """
    T = np.asarray(T, dtype=float)
    high = critical_temperature(J) < T
    frozen = freezing_energy(J)
    free_energy = np.where(high, -T * LN2 - J**2 / (4.0 * T), frozen)
    energy = np.where(high, -(J**2) / (2.0 * T), frozen)
    entropy = np.where(high, LN2 - J**2 / (4.0 * T**2), 0.0)
    return {"free_energy": free_energy, "energy": energy, "entropy": entropy, "complexity": entropy}


def decay_rate(T: float, J: float) -> float:
    """gamma(T) of std S ~ exp(-gamma N) in the high-temperature phase; 0 when frozen."""
    Tc = critical_temperature(J)
    if Tc >= T:
        return 0.0
    if 2.0 * Tc <= T:
        return 0.5 * (LN2 - J**2 / (2.0 * T**2))
    return (math.sqrt(LN2) - J / (2.0 * T)) ** 2


def gaussian_entropy_std(N: np.ndarray | float, T: float, J: float) -> np.ndarray:
    """std of the total entropy S in the Gaussian regime T > 2 T_c (linear response of ln Z).

    Parameters
    ----------
    N : int or ndarray
        Number of spins.
    T, J : float
        Temperature and energy scale (units of J).

    Returns
    -------
    ndarray
        ``sqrt(exp(-N (ln 2 - J^2/(2T^2))) ((1 - b)^2 + b) - 2^-N)``, ``b = N J^2 / (2 T^2)``.
    """
    N = np.asarray(N, dtype=float)
    b = N * J**2 / (2.0 * T**2)
    variance = np.exp(-N * (LN2 - J**2 / (2.0 * T**2))) * ((1.0 - b) ** 2 + b) - np.exp(-N * LN2)
    return np.sqrt(np.maximum(variance, 0.0))


def sample_log_partition(
    N: int, J: float, betas: np.ndarray, samples: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """ln Z and the total entropy S for independent REM samples by full enumeration.

    Parameters
    ----------
    N : int
        Spins; each sample has ``2^N`` Gaussian levels of variance ``N J^2 / 2``.
    J : float
        Energy scale.
    betas : ndarray, shape (k,)
        Inverse temperatures.
    samples : int
        Disorder samples.
    rng : numpy.random.Generator
        Source of the energies.

    Returns
    -------
    (ln_Z, S) : tuple of ndarray, each of shape (samples, k)
        ``S = ln Z + beta U`` with ``U`` the Gibbs mean energy.
    """
    betas = np.asarray(betas, dtype=float)
    levels = 2**N
    sigma = J * math.sqrt(N / 2.0)
    per_block = max(1, BLOCK // levels)
    chunk = min(levels, BLOCK)
    ln_Z = np.empty((samples, betas.size))
    S = np.empty_like(ln_Z)
    for start in range(0, samples, per_block):
        k = min(per_block, samples - start)
        # Per beta: sum of w = exp(-beta (E - e_min)) and of (E - e_min) w, e_min the running minimum.
        e_min = np.full(k, np.inf)
        sums = np.zeros((betas.size, k))
        moments = np.zeros((betas.size, k))
        for _ in range(levels // chunk):
            energies = rng.standard_normal((k, chunk)) * sigma
            new_min = np.minimum(e_min, energies.min(axis=1))
            shift = np.where(np.isfinite(e_min), e_min - new_min, 0.0)
            excess = energies - new_min[:, None]
            for j, beta in enumerate(betas):
                rescale = np.exp(-beta * shift)
                moments[j] = rescale * (moments[j] + shift * sums[j])
                sums[j] = rescale * sums[j]
                weights = np.exp(-beta * excess)
                sums[j] += weights.sum(axis=1)
                moments[j] += (weights * excess).sum(axis=1)
            e_min = new_min
        ln_sums = np.log(sums)
        ln_Z[start : start + k] = (ln_sums - betas[:, None] * e_min).T
        S[start : start + k] = (ln_sums + betas[:, None] * moments / sums).T
    return ln_Z, S


def std_with_error(values: np.ndarray, axis: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sample standard deviation and its standard error from the fourth moment (delta method)."""
    n = values.shape[axis]
    centred = values - values.mean(axis=axis, keepdims=True)
    m2 = np.mean(centred**2, axis=axis)
    m4 = np.mean(centred**4, axis=axis)
    std = np.sqrt(m2 * n / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        error = np.sqrt(np.maximum(m4 - m2**2, 0.0) / n) / (2.0 * np.sqrt(m2))
    return std, np.nan_to_num(error)


def fit_power_law(sizes: np.ndarray, std: np.ndarray, error: np.ndarray) -> tuple[float, float]:
    """Weighted least-squares slope of ln std against ln N, and its standard error."""
    x = np.log(sizes)
    y = np.log(std)
    weights = (std / np.maximum(error, 1e-300)) ** 2
    W = weights.sum()
    x_bar = (weights * x).sum() / W
    y_bar = (weights * y).sum() / W
    sxx = (weights * (x - x_bar) ** 2).sum()
    slope = (weights * (x - x_bar) * (y - y_bar)).sum() / sxx
    return float(slope), float(1.0 / math.sqrt(sxx))


def samples_at_size(N: int, samples: int) -> int:
    """Disorder samples used at size N: all requested, capped at 2^25 levels per size (>= 16)."""
    return min(samples, max(MIN_SAMPLES, MAX_LEVELS_PER_SIZE >> N))


def finite_size_data(T: float, J: float, N: int, samples: int, seed: int) -> dict[str, np.ndarray]:
    """Entropy fluctuations for sizes 4, 6, ..., N and the free energy at size N vs temperature."""
    Tc = critical_temperature(J)
    sizes = np.array(sorted({*range(4, N + 1, 2), N}))
    betas = 1.0 / np.array([T, HIGH_REFERENCE * Tc, FROZEN_REFERENCE * Tc])
    children = np.random.SeedSequence(seed).spawn(sizes.size + 1)
    stds, errors, means, counts = [], [], [], []
    for size, child in zip(sizes, children, strict=False):
        count = samples_at_size(int(size), samples)
        _, S = sample_log_partition(int(size), J, betas, count, np.random.default_rng(child))
        std, error = std_with_error(S / size)
        stds.append(std)
        errors.append(error)
        means.append(S.mean(axis=0) / size)
        counts.append(count)
    stds, errors, means = np.array(stds), np.array(errors), np.array(means)
    temperatures = np.linspace(0.1, max(3.0, 1.2 * T / Tc), 14) * Tc
    count = min(samples_at_size(N, samples), 64)  # ln Z self-averages: few samples suffice
    ln_Z, _ = sample_log_partition(
        N, J, 1.0 / temperatures, count, np.random.default_rng(children[-1])
    )
    f = -temperatures * ln_Z / N
    return {
        "sizes": sizes,
        "samples_per_size": np.array(counts),
        "entropy_std": stds[:, 0],
        "entropy_std_error": errors[:, 0],
        "entropy_mean": means[:, 0],
        "entropy_std_high": stds[:, 1],
        "entropy_std_high_error": errors[:, 1],
        "entropy_std_frozen": stds[:, 2],
        "entropy_std_frozen_error": errors[:, 2],
        "temperatures": temperatures,
        "free_energy_sampled": f.mean(axis=0),
        "free_energy_sampled_error": f.std(axis=0, ddof=1) / math.sqrt(count),
    }


class REMComplexityParams(SolverParams):
    """Parameters of `REMComplexity`."""

    T: float = Field(
        1.0,
        gt=0,
        le=10,
        title="Temperature",
        description="k_B T in units of J",
        json_schema_extra={"unit": "J"},
    )
    J: float = Field(
        1.0,
        gt=0,
        le=10,
        title="Energy scale J",
        description="Level energies have variance N J^2 / 2",
    )
    N: int = Field(
        16,
        ge=8,
        le=24,
        title="Largest N",
        description="Largest size of the exact finite-N enumeration (sizes 4, 6, ..., N)",
    )
    samples: int = Field(
        200,
        ge=16,
        le=5000,
        description="Disorder samples per size (capped at 2^25 levels per size, at least 16, for N > 17)",
    )
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed of the finite-N sampling")


class REMComplexity(Solver):
    """Complexity, freezing and entropy fluctuations of the random energy model."""

    name = "rem-complexity"
    version = "1"
    title = "Random energy model: complexity and entropy fluctuations"
    summary = "REM complexity Sigma(e), freezing at T_c, and exact finite-N sample-to-sample entropy fluctuations."
    Params: ClassVar[type[SolverParams]] = REMComplexityParams
    figure_names = ("complexity", "free-energy", "entropy-fluctuations")
    expected_seconds = 2.0

    def solve(self, params: REMComplexityParams) -> Result:
        T, J, N = params.T, params.J, params.N
        Tc = critical_temperature(J)
        thermo = {key: float(value) for key, value in thermodynamics(T, J).items()}
        data = finite_size_data(T, J, N, params.samples, params.seed)
        upper = data["sizes"] >= N / 2  # the fit uses the upper half of the sizes
        exponent, exponent_error = fit_power_law(
            data["sizes"][upper], data["entropy_std"][upper], data["entropy_std_error"][upper]
        )
        edge = freezing_energy(J)
        e = np.linspace(edge, -edge, 201)
        quantities = {
            "critical_temperature": Tc,
            "freezing_energy": edge,
            "phase": "high-temperature" if Tc < T else "frozen",
            **thermo,
            "entropy_std": float(data["entropy_std"][-1]),
            "entropy_std_error": float(data["entropy_std_error"][-1]),
            "entropy_std_exponent": exponent,
            "entropy_std_exponent_error": exponent_error,
            "entropy_std_exponent_theory": -1.0 if Tc >= T else None,
            "entropy_decay_rate_theory": decay_rate(T, J),
            "entropy_sampled": float(data["entropy_mean"][-1]),
        }
        return Result(quantities, {"e": e, "complexity": complexity(e, J), **data})

    def figures(self, result: Result) -> dict[str, Figure]:
        params = self.parse_params(result.params)
        return {
            "complexity": _complexity_figure(result, params),
            "free-energy": _free_energy_figure(result, params),
            "entropy-fluctuations": _fluctuation_figure(result, params),
        }


def _complexity_figure(result: Result, params: REMComplexityParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    q, s = result.quantities, result.series
    edge = q["freezing_energy"]
    with house_style():
        figure, ax = new_figure("column")
        ax.plot(
            s["e"] / params.J, s["complexity"], color=PALETTE[0], label=r"$\Sigma(e)=\ln 2-e^2/J^2$"
        )
        ax.axhline(0.0, color=PALETTE[7], lw=0.8)
        ax.plot(
            [edge / params.J],
            [0.0],
            "o",
            color=PALETTE[1],
            ms=7,
            label=rf"freezing point $e_c=-J\sqrt{{\ln 2}}={edge / params.J:.4f}\,J$",
        )
        e_eq = q["energy"]
        ax.plot(
            [e_eq / params.J],
            [q["complexity"]],
            "s",
            color=PALETTE[2],
            ms=6,
            label=rf"equilibrium level at $T={params.T:g}$: $\Sigma={q['complexity']:.4f}$",
        )
        ax.set_xlabel(r"energy per spin $e/J$")
        ax.set_ylabel(r"complexity $\Sigma(e)$")
        ax.legend(loc="lower center")
        ax.set_title(
            r"REM: $e^{N\Sigma(e)}$ levels at energy $Ne$; none where $\Sigma<0$", fontsize=10
        )
    return figure


def _free_energy_figure(result: Result, params: REMComplexityParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    q, s = result.quantities, result.series
    Tc = q["critical_temperature"]
    grid = np.linspace(0.02 * Tc, s["temperatures"][-1], 300)
    with house_style():
        figure, ax = new_figure("column")
        ax.plot(
            grid / params.J,
            thermodynamics(grid, params.J)["free_energy"] / params.J,
            color=PALETTE[0],
            label=r"$N\to\infty$: $-T\ln 2-J^2/4T$ above $T_c$, $-J\sqrt{\ln 2}$ below",
        )
        ax.errorbar(
            s["temperatures"] / params.J,
            s["free_energy_sampled"] / params.J,
            yerr=s["free_energy_sampled_error"] / params.J,
            fmt="o",
            color=PALETTE[1],
            capsize=2,
            label=rf"exact enumeration, $N={params.N}$ (mean $\pm$ s.e.)",
        )
        ax.axvline(Tc / params.J, color=PALETTE[7], lw=0.8, ls=":")
        ax.annotate(
            rf"$T_c={Tc / params.J:.4f}\,J$",
            (Tc / params.J, ax.get_ylim()[1]),
            xytext=(4, -12),
            textcoords="offset points",
            fontsize=9,
        )
        ax.set_xlabel(r"temperature $T/J$")
        ax.set_ylabel(r"free energy per spin $f/J$")
        ax.legend(loc="lower left")
        ax.set_title(
            "REM free energy: freezing at $T_c$; finite-N samples approach the limit", fontsize=10
        )
    return figure


def _fluctuation_figure(result: Result, params: REMComplexityParams) -> Figure:
    from ..style import PALETTE, house_style, new_figure

    q, s = result.quantities, result.series
    Tc = q["critical_temperature"]
    sizes = s["sizes"]
    dense = np.linspace(sizes[0], sizes[-1], 100)
    with house_style():
        figure, (high, frozen) = new_figure("wide", aspect=0.42, ncols=2)
        T_high = HIGH_REFERENCE * Tc
        high.errorbar(
            sizes,
            s["entropy_std_high"],
            yerr=s["entropy_std_high_error"],
            fmt="o",
            color=PALETTE[0],
            capsize=2,
            label=rf"$T={HIGH_REFERENCE:g}\,T_c$ (sampled)",
        )
        high.plot(
            dense,
            gaussian_entropy_std(dense, T_high, params.J) / dense,
            color=PALETTE[0],
            label=r"Gaussian theory $\propto e^{-\gamma N}$",
        )
        frozen.errorbar(
            sizes,
            s["entropy_std_frozen"],
            yerr=s["entropy_std_frozen_error"],
            fmt="s",
            color=PALETTE[2],
            capsize=2,
            label=rf"$T={FROZEN_REFERENCE:g}\,T_c$ (sampled)",
        )
        own = high if Tc < params.T else frozen
        own.errorbar(
            sizes,
            s["entropy_std"],
            yerr=s["entropy_std_error"],
            fmt="D",
            color=PALETTE[1],
            capsize=2,
            label=rf"$T={params.T:g}$ (slope ${q['entropy_std_exponent']:.2f}$)",
        )
        anchor = s["entropy_std_frozen"][-1] * sizes[-1]
        frozen.plot(
            dense, anchor / dense, "--", color=PALETTE[7], lw=1.2, label=r"$\propto N^{-1}$"
        )
        frozen.plot(
            dense,
            s["entropy_std_frozen"][-1] * np.sqrt(sizes[-1] / dense),
            ":",
            color=PALETTE[7],
            lw=1.2,
            label=r"$\propto N^{-1/2}$ (self-averaging)",
        )
        for ax, title in (
            (high, r"high-temperature phase: $\mathrm{std}\,S\to 0$ exponentially"),
            (frozen, r"frozen phase: $\mathrm{std}\,S=O(1)$, non-Gaussian"),
        ):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xticks(sizes, [str(n) for n in sizes])
            ax.minorticks_off()
            ax.set_xlabel(r"$N$")
            ax.set_ylabel(r"sample-to-sample std of $s=S/N$")
            ax.set_title(title, fontsize=10)
            ax.legend(fontsize=8)
        figure.suptitle(
            rf"REM entropy fluctuations, exact enumeration of $2^N$ levels, $T_c={Tc:.4f}$ (J={params.J:g})"
        )
    return figure
