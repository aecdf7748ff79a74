r"""Replica-symmetric (RS) equations of the Sherrington–Kirkpatrick model, vectorised.

Conventions (shared with `simulations.solvers.sk_replica`):

* Hamiltonian :math:`H = -\sum_{i<j} J_{ij} s_i s_j - h \sum_i s_i`, Ising spins
  :math:`s_i = \pm 1`, couplings Gaussian with mean :math:`J_0/N` and variance :math:`J^2/N`.
* Units: :math:`k_B = 1`; ``T``, ``J0``, ``h``, ``J`` and every energy are in the same
  (arbitrary) energy unit; :math:`\beta = 1/T`.
* Effective field :math:`H_{\rm eff}(z) = J\sqrt{q}\,z + J_0 m + h` with :math:`z \sim N(0,1)`;
  :math:`t(z) = \tanh(\beta H_{\rm eff}(z))`.
* RS equations: :math:`m = E_z[t]`, :math:`q = E_z[t^2]`.
* Free energy per spin (physical sign, :math:`f < 0`):
  :math:`f = -\tfrac{\beta J^2}{4}(1-q)^2 + \tfrac{J_0 m^2}{2} - T\,E_z \ln 2\cosh(\beta H_{\rm eff})`;
  energy :math:`u = -\tfrac{\beta J^2}{2}(1-q^2) - \tfrac{J_0 m^2}{2} - h m`;
  entropy :math:`s = \beta (u - f)`.
* de Almeida–Thouless (replicon) eigenvalue
  :math:`\lambda_{AT} = 1 - (\beta J)^2 E_z[\mathrm{sech}^4(\beta H_{\rm eff})]`;
  RS is locally stable where it is positive.

Gaussian averages. :math:`t(z)` switches sign at the kink :math:`z^* = -(J_0 m + h)/(J\sqrt q)`
over a width :math:`1/(\beta J \sqrt q)`, which Gauss–Hermite cannot resolve at low ``T``.
Each average is split at :math:`z^*` (clipped to the truncated line :math:`|z| \le 9`, outside
of which the Gaussian mass is :math:`2\times10^{-19}`); on each side the distance
:math:`t = |z - z^*|` is mapped as :math:`t = w\,(e^{uU} - 1)`, :math:`u \in [0, 1]`, with
:math:`w` the kink width, and integrated by Gauss–Legendre in :math:`u`. The map is linear
inside the kink and logarithmic outside, so one fixed node count is accurate from
:math:`T \to 0` to :math:`T \to \infty` (checked against `scipy.integrate.quad` in the tests).

Solving. Newton's method on :math:`(q, m)` for all points at once, starting from the ordered
state :math:`(1, 1)`: from there the iteration descends onto the largest root (the
non-trivial spin-glass and ferromagnetic solutions), not onto the unstable trivial ones.
The Jacobian uses the heat-equation identity
:math:`\partial_q E_z[g(H_{\rm eff})] = \tfrac{J^2}{2} E_z[g''(H_{\rm eff})]`,
which stays regular at :math:`q = 0`. Negative ``h`` is solved as :math:`+|h|` with ``m``
flipped (the model is symmetric under :math:`s \to -s, h \to -h`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

Z_MAX = 9.0
"""Half-width of the truncated Gaussian line; the mass outside is 2.3e-19."""

N_NODES = 40
"""Gauss–Legendre nodes on each side of the kink (80 per average)."""

TOL = 1e-12
"""Newton stops when the step in q and m is below this (the brief asks for 1e-10)."""

LOW_T_NODES = 72
"""Nodes per side when some T < 0.01 J (the log map spans more decades of kink widths)."""

COARSE_NODES = 12
COARSE_ITERATIONS = 6

_SQRT_2PI = np.sqrt(2.0 * np.pi)


def _legendre01(n: int) -> tuple[Array, Array]:
    """Gauss–Legendre nodes and weights on [0, 1]."""
    x, w = np.polynomial.legendre.leggauss(n)
    return 0.5 * (x + 1.0), 0.5 * w


_RULES: dict[int, tuple[Array, Array]] = {}


def _rule(n: int) -> tuple[Array, Array]:
    """Cached Gauss–Legendre rule on [0, 1] with both kink sides' weights concatenated."""
    if n not in _RULES:
        u, w = _legendre01(n)
        _RULES[n] = (u, np.concatenate([w, w]))
    return _RULES[n]


def gaussian_nodes(
    beta: Array, J: Array, q: Array, a: Array, n: int = N_NODES
) -> tuple[Array, Array]:
    """Nodes ``z`` and normalised weights for E_z[g(beta (J sqrt(q) z + a))], shape (..., 2n).

    Parameters
    ----------
    beta, J, q, a : array_like
        Inverse temperature, coupling width, overlap and constant field ``J0*m + h``; broadcast
        together. ``beta`` may be large (low ``T``) but must be finite.
    n : int
        Gauss–Legendre nodes on each side of the kink.

    Returns
    -------
    z, weights : ndarray
        Weights include the Gaussian density and sum to one along the last axis.
    """
    beta, J, q, a = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (beta, J, q, a)))
    u, wu = _rule(n)
    slope = J * np.sqrt(q)
    sigma = beta * slope  # d(beta H_eff)/dz: the kink is 1/sigma wide in z
    with np.errstate(divide="ignore", invalid="ignore"):
        z_kink = np.where(slope > 0, -a / slope, np.where(a > 0, -np.inf, np.inf))
    z_kink = np.clip(np.nan_to_num(z_kink), -Z_MAX, Z_MAX)[..., None]
    # Past ten line lengths the map is linear anyway; the cap avoids overflow as q -> 0.
    width = np.minimum(1.0 / np.maximum(sigma, 1e-300), 10 * Z_MAX)[..., None]
    u_right = np.log1p((Z_MAX - z_kink) / width)
    u_left = np.log1p((Z_MAX + z_kink) / width)
    # Filled in place: this function is the hot loop of the phase diagram.
    t = np.empty((*z_kink.shape[:-1], 2 * n))
    np.multiply(u_right, u, out=t[..., :n])
    np.multiply(u_left, u, out=t[..., n:])
    np.expm1(t, out=t)
    t *= width
    z = np.empty_like(t)
    np.add(z_kink, t[..., :n], out=z[..., :n])
    np.subtract(z_kink, t[..., n:], out=z[..., n:])
    # dt/du times the Gaussian density; self-normalised so a constant averages to itself.
    weights = t + width
    weights[..., :n] *= u_right
    weights[..., n:] *= u_left
    weights *= wu
    gauss = z * z
    gauss *= -0.5
    np.exp(gauss, out=gauss)
    weights *= gauss
    weights /= weights.sum(axis=-1, keepdims=True)
    return z, weights


def node_count(beta_j: ArrayLike) -> int:
    """Nodes per kink side for 1e-12 accuracy: more below T = 0.01 J, where the map is longer."""
    largest = float(np.max(beta_j, initial=0.0))
    return N_NODES if largest <= 100.0 else LOW_T_NODES


def _fields(
    beta: Array, J: Array, J0: Array, h: Array, q: Array, m: Array, n: int = N_NODES
) -> tuple[Array, Array]:
    """beta*H_eff at the quadrature nodes, and the weights."""
    a = J0 * m + h
    z, weights = gaussian_nodes(beta, J, q, a, n)
    x = beta[..., None] * (J[..., None] * np.sqrt(q)[..., None] * z + a[..., None])
    return x, weights


def _newton_step(
    beta: Array, J: Array, J0: Array, h: Array, q: Array, m: Array, n: int = N_NODES
) -> tuple[Array, Array, Array, Array]:
    """Residuals of the RS equations and the Newton step (dq, dm) at each point."""
    x, w = _fields(beta, J, J0, h, q, m, n)
    t = np.tanh(x, out=x)
    t2 = t * t
    e_t = np.einsum("ij,ij->i", w, t)
    e_t2 = np.einsum("ij,ij->i", w, t2)
    e_t3 = np.einsum("ij,ij->i", w * t, t2)
    e_t4 = np.einsum("ij,ij->i", w * t2, t2)
    # Jacobian moments from E[t^k]; their rounding only slows Newton, never moves the root.
    e_ts2 = e_t - e_t3  # E[t sech^2]
    e_s2 = 1.0 - e_t2  # E[sech^2]
    e_s2_13 = 1.0 - 4.0 * e_t2 + 3.0 * e_t4  # E[sech^2 (1 - 3 t^2)]
    bj2 = (beta * J) ** 2
    r_q = e_t2 - q
    r_m = e_t - m
    # d/dq E[g(H)] = (J^2/2) E[g''(H)];  d/dm E[g(H)] = J0 E[g'(H)]
    a11 = bj2 * e_s2_13 - 1.0
    a12 = 2.0 * beta * J0 * e_ts2
    a21 = -bj2 * e_ts2
    a22 = beta * J0 * e_s2 - 1.0
    det = a11 * a22 - a12 * a21
    with np.errstate(divide="ignore", invalid="ignore"):
        dq = (a22 * r_q - a12 * r_m) / det
        dm = (a11 * r_m - a21 * r_q) / det
    # A singular Jacobian (exactly at a bifurcation) falls back to a plain fixed-point step.
    bad = ~np.isfinite(dq) | ~np.isfinite(dm)
    dq = np.where(bad, -r_q, dq)
    dm = np.where(bad, -r_m, dm)
    return r_q, r_m, dq, dm


def solve_rs(
    T: ArrayLike,
    J0: ArrayLike,
    h: ArrayLike,
    J: ArrayLike = 1.0,
    *,
    q0: ArrayLike = 1.0,
    m0: ArrayLike = 1.0,
    max_iter: int = 200,
    coarse_iterations: int = COARSE_ITERATIONS,
) -> tuple[Array, Array, Array]:
    """Solve the RS equations q = E[t^2], m = E[t] at temperatures ``T > 0``, vectorised.

    Parameters
    ----------
    T, J0, h, J : array_like
        Temperature, mean coupling (times N), field and coupling width; broadcast together.
        ``T`` must be positive; use `zero_temperature` for ``T = 0``.
    q0, m0 : array_like
        Starting point; the default (1, 1) selects the ordered branch (see module docstring).
        ``m0 = 0`` with ``h = 0`` stays on the m = 0 (paramagnet / spin-glass) branch.
    max_iter : int
        Newton iterations at most; points at an exact bifurcation converge linearly.
    coarse_iterations : int
        Leading iterations on a cheap 12-node rule; pass 0 when warm-starting near the root.

    Returns
    -------
    q, m : ndarray
        Overlap and magnetisation, converged to `TOL` in the Newton step.
    converged : ndarray of bool
    """
    T, J0, h, J, q0, m0 = np.broadcast_arrays(
        *(np.asarray(v, dtype=float) for v in (T, J0, h, J, q0, m0))
    )
    sign = np.where(h < 0, -1.0, 1.0)
    h = np.abs(h)
    beta = 1.0 / T
    q = np.clip(q0, 0.0, 1.0).astype(float).ravel()
    m = np.clip(np.abs(m0), 0.0, 1.0).astype(float).ravel()
    flat = [v.ravel() for v in (beta, J, J0, h)]
    n_fine = node_count(beta * J)
    converged = np.zeros(q.shape, dtype=bool)
    active = np.arange(q.size)
    for iteration in range(max_iter):
        if active.size == 0:
            break
        b, j, j0, hh = (v[active] for v in flat)
        qa, ma = q[active], m[active]
        # Coarse nodes while far from the root (cheap), the full rule for the last steps.
        coarse = iteration < coarse_iterations
        _, _, dq, dm = _newton_step(b, j, j0, hh, qa, ma, COARSE_NODES if coarse else n_fine)
        q_new = qa - dq
        m_new = ma - dm
        # Never jump across zero onto the trivial root: halve towards it instead.
        q_new = np.where(q_new < 0.0, 0.5 * qa, np.minimum(q_new, 1.0))
        m_new = np.where(m_new < 0.0, 0.5 * ma, np.minimum(m_new, 1.0))
        step = np.maximum(np.abs(q_new - qa), np.abs(m_new - ma))
        q[active], m[active] = q_new, m_new
        done = (step < TOL) & (not coarse)
        converged[active[done]] = True
        active = active[~done]
    shape = T.shape
    return q.reshape(shape), sign * m.reshape(shape), converged.reshape(shape)


def at_eigenvalue(
    T: ArrayLike, J0: ArrayLike, h: ArrayLike, J: ArrayLike, q: ArrayLike, m: ArrayLike
) -> Array:
    """The replicon eigenvalue 1 - (beta J)^2 E[sech^4(beta H_eff)]; negative where RS is unstable."""
    T, J0, h, J, q, m = np.broadcast_arrays(
        *(np.asarray(v, dtype=float) for v in (T, J0, h, J, q, m))
    )
    beta = 1.0 / T
    x, w = _fields(beta, J, J0, h, q, m, node_count(beta * J))
    sech2 = 1.0 / np.cosh(np.minimum(np.abs(x), 350.0)) ** 2
    return 1.0 - (beta * J) ** 2 * (w * sech2 * sech2).sum(-1)


def thermodynamics(
    T: ArrayLike, J0: ArrayLike, h: ArrayLike, J: ArrayLike, q: ArrayLike, m: ArrayLike
) -> dict[str, Array]:
    """RS free energy, energy, entropy per spin and AT eigenvalue at a solution (q, m), T > 0.

    Returns
    -------
    dict
        ``free_energy``, ``energy``, ``entropy`` and ``at_eigenvalue`` arrays.
    """
    T, J0, h, J, q, m = np.broadcast_arrays(
        *(np.asarray(v, dtype=float) for v in (T, J0, h, J, q, m))
    )
    beta = 1.0 / T
    x, w = _fields(beta, J, J0, h, q, m, node_count(beta * J))
    ax = np.abs(x)
    log1p_e = np.log1p(np.exp(-2.0 * ax))
    # ln 2cosh x - x tanh x = ln(1 + e^{-2|x|}) + |x| (1 - |tanh x|), free of cancellation.
    one_minus_abs_t = 2.0 / (np.exp(2.0 * np.minimum(ax, 350.0)) + 1.0)
    e_abs_h = (w * ax).sum(-1) / beta
    e_log = (w * log1p_e).sum(-1)
    e_g = (w * (log1p_e + ax * one_minus_abs_t)).sum(-1)
    sech2 = 1.0 / np.cosh(np.minimum(ax, 350.0)) ** 2
    bj2 = (beta * J) ** 2
    one_q = 1.0 - q
    free_energy = -0.25 * beta * J**2 * one_q**2 + 0.5 * J0 * m**2 - e_abs_h - T * e_log
    energy = -0.5 * beta * J**2 * (1.0 - q * q) - 0.5 * J0 * m**2 - h * m
    entropy = -0.25 * bj2 * one_q**2 + e_g
    at = 1.0 - bj2 * (w * sech2 * sech2).sum(-1)
    return {"free_energy": free_energy, "energy": energy, "entropy": entropy, "at_eigenvalue": at}


def _normal_pdf(x: Array) -> Array:
    return np.exp(-0.5 * x * x) / _SQRT_2PI


def zero_temperature(J0: ArrayLike, h: ArrayLike, J: ArrayLike = 1.0) -> dict[str, Array]:
    r"""The T -> 0 limit of the RS solution, taken analytically.

    With :math:`a = J_0 m + h`: :math:`q = 1`, :math:`m = \mathrm{erf}(a / (\sqrt2 J))`,
    :math:`\beta(1-q) \to 2\varphi(a/J)/J`, so
    :math:`f = u = -2J\varphi(a/J) - J_0 m^2/2 - h m`, :math:`s = -\varphi(a/J)^2`
    (:math:`-1/(2\pi)` at :math:`a = 0`) and :math:`\lambda_{AT} \to -\infty`.

    Returns
    -------
    dict
        ``q``, ``m``, ``free_energy``, ``energy``, ``entropy``, ``at_eigenvalue`` arrays.
    """
    from scipy.special import erf

    J0, h, J = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (J0, h, J)))
    sign = np.where(h < 0, -1.0, 1.0)
    h = np.abs(h)
    m = np.ones(J0.shape)
    # m = erf((J0 m + h)/(sqrt2 J)) is concave for m > 0: Newton from m = 1 descends monotonically.
    for _ in range(200):
        arg = (J0 * m + h) / (np.sqrt(2.0) * J)
        g = erf(arg) - m
        dg = J0 / J * 2.0 * _normal_pdf(np.sqrt(2.0) * arg) - 1.0
        with np.errstate(divide="ignore", invalid="ignore"):
            step = np.where(dg < 0, g / dg, -g)
        m_new = m - step
        m_new = np.where(m_new < 0, 0.5 * m, np.minimum(m_new, 1.0))
        if np.all(np.abs(m_new - m) < TOL):
            m = m_new
            break
        m = m_new
    phi = _normal_pdf((J0 * m + h) / J)
    energy = -2.0 * J * phi - 0.5 * J0 * m**2 - h * m
    return {
        "q": np.ones(J0.shape),
        "m": sign * m,
        "free_energy": energy,
        "energy": energy,
        "entropy": -(phi**2),
        "at_eigenvalue": np.full(J0.shape, -np.inf),
    }


def solve_branches(
    T: ArrayLike, J0: ArrayLike, h: ArrayLike, J: ArrayLike = 1.0
) -> dict[str, Array]:
    """The stable RS solution and its thermodynamics at every point (``T >= 0``), vectorised.

    The ordered branch (Newton from q = m = 1) is compared at h = 0 with the m = 0 branch, and
    the one of lower RS free energy is kept: the ferromagnet wherever it is the stable one.

    Returns
    -------
    dict
        ``q``, ``m``, ``free_energy``, ``energy``, ``entropy``, ``at_eigenvalue``, ``converged``.
    """
    T, J0, h, J = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (T, J0, h, J)))
    out = {
        key: np.empty(T.shape)
        for key in ("q", "m", "free_energy", "energy", "entropy", "at_eigenvalue")
    }
    out["converged"] = np.ones(T.shape, dtype=bool)
    cold = T == 0
    if cold.any():
        zero = zero_temperature(J0[cold], h[cold], J[cold])
        for key, value in zero.items():
            out[key][cold] = value
    warm = ~cold
    if warm.any():
        args = [v[warm] for v in (T, J0, h, J)]
        q, m, ok = solve_rs(*args)
        thermo = thermodynamics(*args, q, m)
        # At h = 0 the m = 0 branch may coexist; keep the lower free energy. On that branch
        # J0 drops out, so it is solved once per temperature, not once per grid point.
        zero_field = args[2] == 0
        if zero_field.any():
            pairs, inverse = np.unique(np.stack([args[0][zero_field], args[3][zero_field]]), axis=1, return_inverse=True)
            inverse = inverse.ravel()
            q_sg, m_sg, ok_sg = solve_rs(pairs[0], 0.0, 0.0, pairs[1], m0=0.0)
            thermo_sg = thermodynamics(pairs[0], 0.0, 0.0, pairs[1], q_sg, m_sg)
            thermo0 = {key: value[inverse] for key, value in thermo_sg.items()}
            q0, ok0 = q_sg[inverse], ok_sg[inverse]
            take = ok0 & (~ok[zero_field] | (thermo0["free_energy"] < thermo["free_energy"][zero_field] - 1e-13))
            idx = np.flatnonzero(zero_field)[take]
            q[idx], m[idx], ok[idx] = q0[take], 0.0, True
            for key in thermo:
                thermo[key][idx] = thermo0[key][take]
        out["q"][warm], out["m"][warm], out["converged"][warm] = q, m, ok
        for key, value in thermo.items():
            out[key][warm] = value
    return out


PHASES = ("paramagnet", "ferromagnet", "spin glass", "mixed")
"""Phase labels; `phase_index` returns positions in this tuple."""

M_ORDER = 1e-7
"""A spontaneous magnetisation above this counts as ferromagnetic order (Newton stops at 1e-12)."""


def phase_index(m_spontaneous: ArrayLike, at: ArrayLike) -> NDArray[np.int_]:
    """Index into `PHASES` from the zero-field magnetisation and the AT eigenvalue.

    RS-stable without / with spontaneous magnetisation: paramagnet / ferromagnet; RS-unstable
    (replica symmetry broken): spin glass / mixed. In a field the paramagnet-ferromagnet
    distinction is read from the zero-field magnetisation, as a field turns it into a crossover.
    """
    ordered = np.abs(np.asarray(m_spontaneous)) > M_ORDER
    broken = np.asarray(at) < 0
    return (ordered.astype(int) + 2 * broken.astype(int)).astype(int)


def phase_diagram(n_T: int, n_J0: int, h: float = 0.0, T_range: tuple[float, float] = (0.05, 2.0), J0_range: tuple[float, float] = (0.0, 2.0)) -> dict[str, Array]:
    """RS solution, AT eigenvalue and phase on the (T/J, J0/J) grid at field h/J, all at once.

    Returns
    -------
    dict
        1-d axes ``T`` and ``J0``, and 2-d arrays (shape ``(n_T, n_J0)``) ``q``, ``m``,
        ``at_eigenvalue``, ``phase`` (index into `PHASES`) and ``converged``.
    """
    T_axis = np.linspace(*T_range, n_T)
    J0_axis = np.linspace(*J0_range, n_J0)
    T, J0 = np.meshgrid(T_axis, J0_axis, indexing="ij")
    sol = solve_branches(T, J0, h, 1.0)
    m_spont = sol["m"] if h == 0 else solve_branches(T, J0, 0.0, 1.0)["m"]
    return {
        "T": T_axis,
        "J0": J0_axis,
        "q": sol["q"],
        "m": sol["m"],
        "at_eigenvalue": sol["at_eigenvalue"],
        "phase": phase_index(m_spont, sol["at_eigenvalue"]).astype(float),
        "converged": sol["converged"],
    }


def at_temperature(h: ArrayLike, J0: ArrayLike = 0.0, J: ArrayLike = 1.0, T_low: float = 0.02, steps: int = 60) -> Array:
    """The de Almeida–Thouless temperature T_AT(h) below which RS is unstable, vectorised in h.

    Regula falsi with the Illinois modification (superlinear, and it keeps a bracket) on the
    sign of the AT eigenvalue, which grows with T at fixed field; each trial solves the RS
    equations. Stops when the bracket is below 1e-12 J; NaN where T_AT < ``T_low``.

    Returns
    -------
    ndarray
        T_AT in the units of ``J``.
    """
    h, J0, J = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (h, J0, J)))
    # Above T = J + J0 + |h| (+ margin) the solution is paramagnet-like with lambda > 0.
    lo = np.full(h.shape, T_low) * J
    hi = (1.5 + np.abs(J0) / J + np.abs(h) / J) * J
    f_lo = _at_at(lo, J0, h, J)
    f_hi = _at_at(hi, J0, h, J)
    found = (f_lo < 0) & (f_hi > 0)
    # At h = 0 and J0 <= J the instability is the paramagnet's, at exactly T = J, where the
    # RS equations bifurcate and converge slowly: take it analytically.
    exact = (h == 0) & (J0 <= J)
    lo = np.where(exact, J, lo)
    hi = np.where(exact, J, hi)
    side = np.zeros(h.shape)
    for _ in range(steps):
        todo = found & (hi - lo >= 1e-12 * J)
        if not todo.any():
            break
        with np.errstate(divide="ignore", invalid="ignore"):
            mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        mid = np.where(np.isfinite(mid) & (mid > lo) & (mid < hi), mid, 0.5 * (lo + hi))
        f_mid = np.zeros(h.shape)
        f_mid[todo] = _at_at(mid[todo], J0[todo], h[todo], J[todo])
        f_mid = np.where(todo, f_mid, np.where(f_lo < 0, -1.0, 1.0) * np.inf)
        left = f_mid < 0
        # Illinois: halve the value kept twice at one end so the other end also moves.
        f_hi = np.where(left & (side == -1), 0.5 * f_hi, f_hi)
        f_lo = np.where(~left & (side == 1), 0.5 * f_lo, f_lo)
        lo, f_lo = np.where(left, mid, lo), np.where(left, f_mid, f_lo)
        hi, f_hi = np.where(left, hi, mid), np.where(left, f_hi, f_mid)
        side = np.where(left, -1, 1)
    best = np.where(np.abs(f_lo) < np.abs(f_hi), lo, hi)
    return np.where(exact, J, np.where(found, best, np.nan))


def _at_at(T: Array, J0: Array, h: Array, J: Array) -> Array:
    """AT eigenvalue on the ordered branch (the stable one wherever it exists, for h >= 0)."""
    q, m, _ = solve_rs(T, J0, h, J)
    return at_eigenvalue(T, J0, h, J, q, m)
