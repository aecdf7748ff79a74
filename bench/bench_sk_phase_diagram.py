"""Benchmark: the 200x200 SK phase diagram against a plain quad fixed-point loop, and simulate start-up.

Run with ``.venv/bin/python bench/bench_sk_phase_diagram.py [--sample N] [--seed S]``. Prints
times and ratios measured in this run; it asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy.integrate import IntegrationWarning, quad

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulations.solvers import _sk_rs as rs  # noqa: E402


def quad_average(g, beta: float, q: float, a: float) -> float:
    """E_z[g(beta (sqrt(q) z + a))] by adaptive quad, told where the kink is."""
    slope = math.sqrt(q)
    density = lambda z: math.exp(-0.5 * z * z) * g(beta * (slope * z + a))  # noqa: E731
    kink = min(max(-a / slope, -12.0), 12.0) if slope > 0 else 0.0
    total = quad(density, -12.0, kink, epsabs=1e-14, epsrel=1e-13, limit=200)[0]
    total += quad(density, kink, 12.0, epsabs=1e-14, epsrel=1e-13, limit=200)[0]
    return total / math.sqrt(2.0 * math.pi)


def quad_fixed_point(T: float, J0: float, max_iter: int = 20000) -> tuple[float, float, float, int]:
    """The straightforward reference: iterate q, m <- E[tanh^2], E[tanh] from (1, 1) with quad."""
    beta, q, m = 1.0 / T, 1.0, 1.0
    iteration, step = 0, 1.0
    while step >= 1e-14 and iteration < max_iter:
        iteration += 1
        a = J0 * m
        q_new = quad_average(lambda x: math.tanh(x) ** 2, beta, q, a)
        m_new = quad_average(math.tanh, beta, q, a)
        step = max(abs(q_new - q), abs(m_new - m))
        q, m = q_new, m_new
    sech4 = quad_average(lambda x: 0.0 if abs(x) > 150 else math.cosh(x) ** -4, beta, q, J0 * m)
    return q, m, 1.0 - beta**2 * sech4, iteration


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=20, help="grid points for the quad reference")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    warnings.simplefilter("ignore", IntegrationWarning)

    rs.phase_diagram(20, 20)  # warm caches (Legendre rules, numpy dispatch)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        grid = rs.phase_diagram(200, 200)
        times.append(time.perf_counter() - start)
    fast = min(times)
    print(f"phase diagram 200x200 (q, m, AT eigenvalue; T/J in [0.05, 2]): best of 3 {fast:.3f} s, "
          f"{fast / 40000 * 1e6:.1f} us per point; all converged: {bool(grid['converged'].all())}")

    rng = np.random.default_rng(args.seed)
    picks = rng.choice(40000, size=args.sample, replace=False)
    worst, slow, unconverged = 0.0, 0.0, 0
    for flat in picks:
        i, j = divmod(int(flat), 200)
        T, J0 = float(grid["T"][i]), float(grid["J0"][j])
        start = time.perf_counter()
        q, m, at, iterations = quad_fixed_point(T, J0)
        slow += time.perf_counter() - start
        if iterations >= 20000:
            unconverged += 1
            continue
        diff = max(abs(q - grid["q"][i, j]), abs(m - grid["m"][i, j]), abs(at - grid["at_eigenvalue"][i, j]))
        worst = max(worst, diff)
    per_point_ref = slow / args.sample
    print(f"quad fixed-point reference: {per_point_ref * 1e3:.1f} ms per point on {args.sample} random grid points "
          f"({unconverged} did not converge in 20000 iterations)")
    print(f"speed-up per point: {per_point_ref / (fast / 40000):.0f}x "
          f"(whole grid: reference would take ~{per_point_ref * 40000:.0f} s)")
    print(f"largest difference in q, m, AT eigenvalue vs reference: {worst:.2e} (target < 1e-8)")

    env_cmd = [sys.executable, "manage.py", "simulate", "sk-replica", "--json"]
    baseline = min(_wall([sys.executable, "-c", "pass"]) for _ in range(3))
    simulate = min(_wall(env_cmd) for _ in range(3))
    django_only = min(_wall([sys.executable, "manage.py", "check", "--help"]) for _ in range(3))
    print(f"start-up: python -c pass {baseline:.3f} s; manage.py --help (Django set-up) {django_only:.3f} s; "
          f"simulate sk-replica --json {simulate:.3f} s; ratio simulate/python {simulate / baseline:.0f}x, "
          f"simulate/Django set-up {simulate / django_only:.2f}x")


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
