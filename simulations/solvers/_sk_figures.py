"""Figures of the ``sk-replica`` solver, built without pyplot in the house style."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..result import Result
from ..style import PALETTE, house_style, new_figure
from ._sk_rs import PHASES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

GREY = "#999999"


def _subtitle(result: Result) -> str:
    p = result.params
    return rf"$J_0/J = {p['J0'] / p['J']:g}$, $h/J = {p['h'] / p['J']:g}$"


def _shade_unstable(ax, T: np.ndarray, at: np.ndarray) -> None:
    """Grey band over the temperatures where replica symmetry is unstable."""
    unstable = ~(at > 0)
    if unstable.any():
        ax.fill_between(T, 0, 1, where=unstable, transform=ax.get_xaxis_transform(), color=GREY, alpha=0.18, linewidth=0, label=r"RS unstable ($\lambda_{AT}<0$)")


def order_parameters(result: Result) -> Figure:
    """q and m against T, with the RS-unstable range shaded."""
    s, p = result.series, result.params
    T = s["T"] / p["J"]
    with house_style():
        fig, ax = new_figure()
        _shade_unstable(ax, T, s["at_eigenvalue"])
        ax.plot(T, s["q"], color=PALETTE[0], label=r"overlap $q$")
        ax.plot(T, s["m"], color=PALETTE[1], label=r"magnetisation $m$")
        ax.plot([p["T"] / p["J"]] * 2, [result.quantities["q"], result.quantities["m"]], "o", color=PALETTE[7], label="this state point")
        ax.set_xlabel(r"temperature $T/J$")
        ax.set_ylabel(r"order parameter")
        ax.set_xlim(0, T[-1])
        ax.set_title("SK model, replica-symmetric order parameters; " + _subtitle(result))
        ax.legend(loc="best")
    return fig


def thermodynamics(result: Result) -> Figure:
    """Free energy and energy (left) and entropy (right) against T, entropy < 0 at T = 0."""
    s, p = result.series, result.params
    J = p["J"]
    T = s["T"] / J
    with house_style():
        fig, (left, right) = new_figure("wide", aspect=0.38, ncols=2)
        left.plot(T, s["free_energy"] / J, color=PALETTE[0], label=r"free energy $f$")
        left.plot(T, s["energy"] / J, color=PALETTE[1], linestyle="--", label=r"energy $u$")
        left.set_xlabel(r"temperature $T/J$")
        left.set_ylabel(r"per spin, in units of $J$")
        left.legend()
        right.axhline(0, color=GREY, linewidth=0.8)
        right.plot(T, s["entropy"], color=PALETTE[2], label=r"RS entropy $s$")
        s0 = s["entropy"][0]
        right.plot([0], [s0], "o", color=PALETTE[7], label=rf"$s(T{{=}}0) = {s0:.4f}$")
        if p["J0"] == 0 and p["h"] == 0:
            right.axhline(-1 / (2 * np.pi), color=PALETTE[3], linestyle=":", label=r"$-1/(2\pi)$")
        right.set_xlabel(r"temperature $T/J$")
        right.set_ylabel(r"entropy per spin $s/k_B$")
        right.legend()
        fig.suptitle("SK model, RS thermodynamics (negative entropy at low T signals broken replica symmetry); " + _subtitle(result), fontsize=10)
    return fig


def at_line_field(result: Result) -> Figure:
    """The de Almeida–Thouless line T_AT(h) in the (h, T) plane."""
    s, p = result.series, result.params
    J = p["J"]
    h, T = s["at_line_h"] / J, s["at_line_T"] / J
    with house_style():
        fig, ax = new_figure()
        ok = np.isfinite(T)
        ax.fill_between(h[ok], 0, T[ok], color=GREY, alpha=0.18, linewidth=0, label="replica symmetry broken")
        ax.plot(h[ok], T[ok], color=PALETTE[0], label="de Almeida–Thouless line")
        ax.plot([abs(p["h"]) / J], [p["T"] / J], "o", color=PALETTE[7], label="this state point")
        ax.set_xlabel(r"field $h/J$")
        ax.set_ylabel(r"temperature $T/J$")
        ax.set_xlim(0, h[-1])
        ax.set_ylim(0, None)
        ax.set_title(rf"SK model, AT instability in a field; $J_0/J = {p['J0'] / J:g}$")
        ax.legend()
    return fig


def phase_diagram(result: Result) -> Figure:
    """The (T/J, J0/J) phase diagram on the grid, with the AT line."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    s, p = result.series, result.params
    shape = (p["n_T"], p["n_J0"])
    T = s["grid_T"].reshape(shape)
    J0 = s["grid_J0"].reshape(shape)
    colours = (PALETTE[5], PALETTE[4], PALETTE[0], PALETTE[3])
    with house_style():
        fig, ax = new_figure(aspect=0.75)
        ax.pcolormesh(J0, T, s["grid_phase"].reshape(shape), cmap=ListedColormap(colours), vmin=-0.5, vmax=3.5, shading="nearest", alpha=0.55, rasterized=True)
        ax.contour(J0, T, s["grid_at_eigenvalue"].reshape(shape), levels=[0.0], colors=PALETTE[7], linewidths=1.6)
        ax.plot([p["J0"] / p["J"]], [p["T"] / p["J"]], "o", color=PALETTE[7])
        handles = [Patch(color=c, alpha=0.55, label=name) for c, name in zip(colours, PHASES, strict=True)]
        handles.append(ax.plot([], [], color=PALETTE[7], label="AT line")[0])
        ax.legend(handles=handles, loc="upper left", frameon=True)
        ax.set_xlabel(r"mean coupling $J_0/J$")
        ax.set_ylabel(r"temperature $T/J$")
        ax.set_title(rf"SK phase diagram (replica symmetric), $h/J = {p['h'] / p['J']:g}$")
        ax.grid(False)
    return fig


def build(result: Result) -> dict[str, Figure]:
    """Every figure the result supports, keyed by the names in `SKReplica.figure_names`."""
    figures = {
        "order-parameters": order_parameters(result),
        "thermodynamics": thermodynamics(result),
        "at-line-field": at_line_field(result),
    }
    if "grid_phase" in result.series:
        figures["phase-diagram"] = phase_diagram(result)
    return figures
