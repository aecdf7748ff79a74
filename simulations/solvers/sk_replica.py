r"""``sk-replica``: the Sherrington–Kirkpatrick model solved in replica symmetry.

Conventions
-----------
* Hamiltonian :math:`H = -\sum_{i<j} J_{ij} s_i s_j - h \sum_i s_i` with Ising spins
  :math:`s_i = \pm 1` and independent Gaussian couplings of mean :math:`J_0/N` and variance
  :math:`J^2/N` (so every energy below is extensive and quoted per spin).
* Units: :math:`k_B = 1`; ``T``, ``J0``, ``h`` and ``J`` are in one energy unit, and the
  quantities are per spin in that unit. Figures use :math:`J` as the unit.
* Free energy per spin with the physical sign, :math:`f = -T \lim_N N^{-1} E\ln Z < 0`.

Replica-symmetric equations, with :math:`z \sim N(0, 1)` and
:math:`H_{\rm eff} = J\sqrt{q}\,z + J_0 m + h`:

.. math::

    m = E_z \tanh\beta H_{\rm eff}, \qquad q = E_z \tanh^2\beta H_{\rm eff},

    f = -\frac{\beta J^2}{4}(1-q)^2 + \frac{J_0 m^2}{2} - T\,E_z\ln 2\cosh\beta H_{\rm eff},

    u = -\frac{\beta J^2}{2}(1-q^2) - \frac{J_0 m^2}{2} - h m, \qquad s = \beta(u - f),

    \lambda_{AT} = 1 - (\beta J)^2 E_z\,\mathrm{sech}^4\beta H_{\rm eff}.

At :math:`T = 0` the limits are taken analytically (``q = 1``, :math:`\beta(1-q)` finite);
at :math:`J_0 = h = 0` they give :math:`u = -\sqrt{2/\pi}\,J` and the negative RS entropy
:math:`s = -1/(2\pi)`, the classic sign that replica symmetry is broken. Numerics (kink-split
quadrature, vectorised Newton, branch choice) are described in `simulations.solvers._sk_rs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import Field

from ..base import Solver
from ..params import SolverParams
from ..result import Result
from . import _sk_rs as rs

if TYPE_CHECKING:
    from matplotlib.figure import Figure

GRID_T = (0.05, 2.0)
"""Range of T/J on the phase-diagram grid."""
GRID_J0 = (0.0, 2.0)
"""Range of J0/J on the phase-diagram grid."""
SWEEP_POINTS = 121
AT_LINE_POINTS = 25


class SKParams(SolverParams):
    """Parameters of `SKReplica`; energies in one unit with k_B = 1."""

    T: float = Field(0.5, ge=0, le=5, title="Temperature", description="Temperature k_B T; T = 0 uses the analytic limit.", json_schema_extra={"unit": "energy"})
    J0: float = Field(0.0, ge=0, le=5, title="Mean coupling", description="Mean of the couplings times N (ferromagnetic bias).", json_schema_extra={"unit": "energy"})
    h: float = Field(0.0, ge=-5, le=5, title="Field", description="Uniform external field.", json_schema_extra={"unit": "energy"})
    J: float = Field(1.0, gt=0, le=5, title="Coupling width", description="Standard deviation of the couplings times sqrt(N).", json_schema_extra={"unit": "energy"})
    mode: Literal["point", "phase_diagram"] = Field("point", title="Mode", description="'point': one state point with T sweeps; 'phase_diagram': also the (T/J, J0/J) grid.")
    n_T: int = Field(200, ge=10, le=400, title="Grid temperatures", description=f"Grid points in T/J from {GRID_T[0]} to {GRID_T[1]} (mode=phase_diagram).")
    n_J0: int = Field(200, ge=10, le=400, title="Grid mean couplings", description=f"Grid points in J0/J from {GRID_J0[0]} to {GRID_J0[1]} (mode=phase_diagram).")


class SKReplica(Solver):
    """Sherrington–Kirkpatrick model: replica-symmetric solution, AT line and phase diagram."""

    name = "sk-replica"
    version = "1"
    title = "Sherrington–Kirkpatrick model (replica symmetric)"
    summary = "q, m, free energy, entropy and the de Almeida–Thouless instability of the SK spin glass."
    Params = SKParams
    # 'phase-diagram' needs mode=phase_diagram; the other three are made in both modes.
    figure_names = ("order-parameters", "thermodynamics", "at-line-field", "phase-diagram")
    expected_seconds = 2.0

    def solve(self, params: SKParams) -> Result:
        """Solve at the state point, sweep T, trace the AT line and, if asked, the grid."""
        T, J0, h, J = params.T, params.J0, params.h, params.J
        point = rs.solve_branches(np.array([T]), J0, h, J)
        spontaneous = point["m"] if h == 0 else rs.solve_branches(np.array([T]), J0, 0.0, J)["m"]
        phase = rs.PHASES[int(rs.phase_index(spontaneous, point["at_eigenvalue"])[0])]
        quantities = {key: float(point[key][0]) for key in ("q", "m", "free_energy", "energy", "entropy", "at_eigenvalue")}
        quantities["phase"] = phase

        top = 1.5 * max(J, J0 + abs(h), T)
        sweep_T = np.linspace(0.0, top, SWEEP_POINTS)
        sweep = rs.solve_branches(sweep_T, J0, h, J)
        at_h = np.linspace(0.0, 2.0 * J, AT_LINE_POINTS)
        series: dict[str, np.ndarray] = {"T": sweep_T}
        for key in ("q", "m", "free_energy", "energy", "entropy", "at_eigenvalue"):
            series[key] = sweep[key]
        series["at_line_h"] = at_h
        series["at_line_T"] = rs.at_temperature(at_h, J0, J)
        if params.mode == "phase_diagram":
            grid = rs.phase_diagram(params.n_T, params.n_J0, h / J, GRID_T, GRID_J0)
            T_grid, J0_grid = np.meshgrid(grid["T"], grid["J0"], indexing="ij")
            series["grid_T"] = T_grid.ravel()
            series["grid_J0"] = J0_grid.ravel()
            for key in ("q", "m", "at_eigenvalue", "phase"):
                series[f"grid_{key}"] = grid[key].ravel()
        return Result(quantities, series)

    def figures(self, result: Result) -> dict[str, Figure]:
        """The figures named in `figure_names` that the result's mode provides."""
        from . import _sk_figures

        return _sk_figures.build(result)
