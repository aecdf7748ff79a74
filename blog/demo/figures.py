"""Deterministic figures for the demo posts, drawn with matplotlib's object API.

Each figure is computed from the equations of its post (no randomness), so the PNG bytes
are the same on every run and the loader can tell from the hash whether to replace it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

# A fine uniform grid rather than Gauss-Hermite: at low temperature the integrands are
# nearly step functions, which a polynomial rule integrates badly.
_NODES = np.linspace(-10.0, 10.0, 8001)
_WEIGHTS = np.exp(-0.5 * _NODES**2) / np.sqrt(2 * np.pi) * (_NODES[1] - _NODES[0])


# For smooth integrands a probabilists' Gauss-Hermite rule is exact enough and much cheaper.
_GH_NODES, _GH_WEIGHTS = np.polynomial.hermite_e.hermegauss(61)
_GH_WEIGHTS = _GH_WEIGHTS / np.sqrt(2 * np.pi)


def gauss(values: np.ndarray) -> float:
    """Gaussian average int Dz f(z) of f evaluated on the fine grid `_NODES`."""
    return float(np.sum(_WEIGHTS * values))


def sk_replica_symmetric(
    temperature: float, h: float, j0: float = 0.0, start: tuple[float, float] = (0.5, 0.5), tol: float = 1e-11
) -> tuple[float, float]:
    """(m, q) of the SK model's replica-symmetric equations, by damped iteration (J = 1)."""
    beta = 1.0 / temperature
    m, q = start
    m_new, q_new = m, q
    for _ in range(20_000):
        field = np.sqrt(q) * _NODES + j0 * m + h
        t = np.tanh(beta * field)
        m_new, q_new = gauss(t), gauss(t**2)
        if abs(m_new - m) + abs(q_new - q) < tol:
            break
        m, q = 0.5 * (m + m_new), 0.5 * (q + q_new)
    return m_new, q_new


def sk_replicon(temperature: float, h: float, q: float) -> float:
    """1 - (beta J)^2 int Dz sech^4: negative below the de Almeida-Thouless line (J = 1, J0 = 0)."""
    beta = 1.0 / temperature
    return 1.0 - beta**2 * gauss(np.cosh(beta * (np.sqrt(q) * _NODES + h)) ** -4)


def sk_at_temperature(h: float) -> float:
    """The AT temperature for field h (J = 1, J0 = 0), by bisection on the replicon."""
    low, high = 0.05, 1.0
    for _ in range(30):
        mid = 0.5 * (low + high)
        _, q = sk_replica_symmetric(mid, h)
        low, high = (mid, high) if sk_replicon(mid, h, q) < 0 else (low, mid)
    return 0.5 * (low + high)


def _sk_order_parameter() -> Figure:
    fig = Figure(figsize=(6.4, 4.0), dpi=100)
    ax = fig.add_subplot()
    temperatures = np.linspace(0.05, 1.6, 63)
    for h, colour in ((0.0, "#1f4e79"), (0.1, "#b3541e"), (0.3, "#3f7f3f")):
        qs, solution = [], (0.9, 0.9)
        for t in temperatures:  # continuation in T: each solution starts the next
            solution = sk_replica_symmetric(t, h, start=solution)
            qs.append(solution[1])
        ax.plot(temperatures, qs, color=colour, lw=2, label=f"$h/J = {h:g}$")
        if h > 0:
            t_at = sk_at_temperature(h)
            ax.plot([t_at], [sk_replica_symmetric(t_at, h)[1]], "o", color=colour, ms=7)
    ax.plot([], [], "o", color="0.3", label="AT instability")
    ax.axvline(1.0, color="0.6", ls="--", lw=1)
    ax.set_xlabel("temperature $T/J$")
    ax.set_ylabel("Edwards-Anderson parameter $q$")
    ax.set_title("SK model, replica-symmetric solution ($J_0 = 0$)")
    ax.set_xlim(0, 1.6)
    ax.set_ylim(0, 1.02)
    ax.legend(frameon=False)
    ax.text(1.02, 0.9, "$T = J$", color="0.4")
    fig.tight_layout()
    return fig


def signal_fixed_point(sigma_w2: float, sigma_b2: float) -> tuple[float, float]:
    """(q*, chi) of the tanh length map q -> sigma_w^2 int Dz tanh(sqrt(q) z)^2 + sigma_b^2."""
    q = 1.0
    for _ in range(5_000):
        q_new = sigma_w2 * _GH_WEIGHTS @ np.tanh(np.sqrt(q) * _GH_NODES) ** 2 + sigma_b2
        if abs(q_new - q) < 1e-13:
            break
        q = q_new
    chi = sigma_w2 * _GH_WEIGHTS @ np.cosh(np.sqrt(q) * _GH_NODES) ** -4
    return float(q), float(chi)


def critical_sigma_w2(sigma_b2: float) -> float:
    """The sigma_w^2 at which chi = 1 (tanh), by bisection."""
    low, high = 0.5, 10.0
    for _ in range(32):
        mid = 0.5 * (low + high)
        low, high = (mid, high) if signal_fixed_point(mid, sigma_b2)[1] < 1 else (low, mid)
    return 0.5 * (low + high)


def _order_chaos_phase_diagram() -> Figure:
    fig = Figure(figsize=(6.4, 4.0), dpi=100)
    ax = fig.add_subplot()
    sigma_b2 = 0.3 * np.linspace(0.0, 1.0, 18) ** 2  # dense near 0, where the line is steep
    boundary = np.array([critical_sigma_w2(b) for b in sigma_b2])
    ax.plot(boundary, sigma_b2, color="#1f4e79", lw=2.5, label=r"$\chi = 1$")
    ax.fill_betweenx(sigma_b2, 0.5, boundary, color="#dbe7f3")
    ax.fill_betweenx(sigma_b2, boundary, 4.0, color="#f6e0d2")
    ax.text(0.7, 0.24, "ordered\n$\\chi < 1$", fontsize=12)
    ax.text(2.9, 0.04, "chaotic\n$\\chi > 1$", fontsize=12)
    ax.set_xlim(0.5, 4.0)
    ax.set_ylim(0, 0.3)
    ax.set_xlabel(r"weight variance $\sigma_w^2$")
    ax.set_ylabel(r"bias variance $\sigma_b^2$")
    ax.set_title(r"Order-to-chaos boundary for $\phi = \tanh$")
    ax.legend(frameon=False, loc="upper right")
    fig.tight_layout()
    return fig


def _stop_gradient_phase_portrait() -> Figure:
    """Trajectories of one eigenmode (p, w) under stop-gradient dynamics, x = 1, sigma^2 = 1."""
    x, a = 1.0, 2.0  # signal variance x and x + sigma^2
    p_star = x / a
    fig = Figure(figsize=(6.4, 4.2), dpi=100)
    ax = fig.add_subplot()
    starts = [(1.2, 1.2), (1.0, 1.1), (0.2, 0.8), (-0.4, 0.6), (-0.8, 0.55), (-0.2, 0.15), (0.9, 0.25)]
    dt = 0.01
    for p, w in starts:
        ps, ws = [p], [w]
        for _ in range(4_000):
            c = x - p * a
            p, w = p + dt * w * w * c, w + dt * p * w * c
            ps.append(p)
            ws.append(w)
        collapsed = abs(ws[-1]) < 1e-2
        colour = "#b3541e" if collapsed else "#1f4e79"
        ax.plot(ps, ws, color=colour, lw=1.8)
        ax.plot(ps[0], ws[0], "o", color=colour, ms=5)
    ax.axvline(p_star, color="0.5", ls="--", lw=1)
    ax.axhline(0.0, color="#b3541e", lw=3, alpha=0.35)
    ax.text(p_star + 0.03, 1.15, "$p^* = x/(x+\\sigma^2)$", color="0.3")
    ax.text(-0.95, 0.03, "collapsed: $w = 0$", color="#b3541e")
    ax.set_xlim(-1.0, 1.5)
    ax.set_ylim(-0.02, 1.25)
    ax.set_xlabel("predictor eigenvalue $p$")
    ax.set_ylabel("representation weight $w$")
    ax.set_title("Stop-gradient dynamics conserve $w^2 - p^2$")
    fig.tight_layout()
    return fig


@dataclass(frozen=True)
class DemoFigure:
    """A named figure: the title of its Wagtail image and how to draw it."""

    title: str
    draw: Callable[[], Figure]


FIGURES: dict[str, DemoFigure] = {
    "sk-order-parameter": DemoFigure("Demo: SK replica-symmetric order parameter", _sk_order_parameter),
    "order-chaos-phase-diagram": DemoFigure(
        "Demo: order-to-chaos phase diagram", _order_chaos_phase_diagram
    ),
    "stop-gradient-phase-portrait": DemoFigure(
        "Demo: stop-gradient phase portrait", _stop_gradient_phase_portrait
    ),
}


def render_png(name: str) -> bytes:
    """The PNG bytes of figure `name`, without a timestamp or version in the metadata."""
    buffer = io.BytesIO()
    FIGURES[name].draw().savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
