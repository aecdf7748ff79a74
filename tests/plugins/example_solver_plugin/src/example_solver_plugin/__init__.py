"""A third-party solver plugin: the classical harmonic oscillator in the canonical ensemble.

Conventions: one degree of freedom, H = p^2/(2m) + m omega^2 x^2 / 2, k_B = hbar = 1, so the
partition function is Z = T / omega, the free energy F = -T ln(T/omega) (its physical sign),
the mean energy U = T (equipartition) and the entropy S = 1 + ln(T/omega).
"""

from __future__ import annotations

import numpy as np
from pydantic import Field

from simulations.base import Solver
from simulations.params import SolverParams
from simulations.result import Result


class HarmonicParams(SolverParams):
    """Temperature and angular frequency, both in one energy unit (hbar = k_B = 1)."""

    T: float = Field(1.0, gt=0, le=100, description="Temperature k_B T", json_schema_extra={"unit": "energy"})
    omega: float = Field(1.0, gt=0, le=100, description="Angular frequency (hbar omega)", json_schema_extra={"unit": "energy"})


class ExampleHarmonic(Solver):
    """Classical harmonic oscillator: free energy, energy and entropy in closed form."""

    name = "example-harmonic"
    version = "1"
    title = "Classical harmonic oscillator"
    summary = "Closed-form canonical thermodynamics of one classical oscillator."
    Params = HarmonicParams
    figure_names = ("energy",)
    expected_seconds = 0.01

    def solve(self, params: HarmonicParams) -> Result:
        """Closed forms at T, and U(T) on a grid up to 2T."""
        T, omega = params.T, params.omega
        grid = np.linspace(T / 20, 2 * T, 40)
        return Result(
            {"free_energy": -T * np.log(T / omega), "energy": T, "entropy": 1 + np.log(T / omega)},
            {"T": grid, "energy": grid.copy()},
        )

    def figures(self, result: Result) -> dict:
        """U against T."""
        from simulations.style import house_style, new_figure

        with house_style():
            fig, ax = new_figure()
            ax.plot(result.series["T"], result.series["energy"])
            ax.set_xlabel(r"$T$")
            ax.set_ylabel(r"$U$")
        return {"energy": fig}
