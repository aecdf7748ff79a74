"""Benchmark: rnn-dmft theory time, and the network simulation against raw numpy mat-vec speed.

Run with ``.venv/bin/python bench/bench_rnn_dmft.py [--neurons 1000] [--time 200] [--check]``.
Prints, from one run:

* the DMFT solution time for one g (Delta0, Delta(tau), tau_c and the Schrödinger ground
  state), against the 0.5 s target;
* the time per simulated time unit of the ``--neurons`` network (RK4, dt = 0.1, tangent
  vector included: 8 matrix-vector products per step), next to the time of one raw
  ``J @ x`` measured in the same process, and their ratio per matrix-vector product;
* the simulated Delta0 and Lyapunov exponent of that run against the theory.

``--check`` adds the slower accuracy study: Benettin exponents at g = 1.5 and 2 for
N = 500, 1000, 2000 (two networks each) with a linear extrapolation in 1/N, and the
network-averaged Delta(tau) at g = 2, N = 1000 against DMFT. It asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulations.solvers import rnn_dmft as dm  # noqa: E402


def median_time(function, repeats: int) -> float:
    """Median wall time of `function()` over `repeats` calls, after one warm-up call."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def matvec_time(n: int, repeats: int = 300) -> float:
    """Median time of one float64 J @ x for an n x n matrix, in seconds (batched timing)."""
    rng = np.random.default_rng(0)
    J = rng.standard_normal((n, n))
    x = rng.standard_normal(n)

    def block() -> None:
        for _ in range(repeats):
            J @ x

    return median_time(block, 5) / repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--neurons", type=int, default=1000)
    parser.add_argument("--time", type=float, default=200.0, help="simulated time units")
    parser.add_argument("--g", type=float, default=2.0)
    parser.add_argument("--check", action="store_true", help="also run the slower accuracy study")
    args = parser.parse_args()

    print(f"rnn-dmft benchmark (numpy {np.__version__})")
    for g in (1.5, args.g, 3.0):
        seconds = median_time(lambda g=g: dm.solve_dmft(g), 5)
        print(f"  DMFT theory, g = {g:g}: {seconds * 1e3:7.1f} ms  (target < 500 ms)")
    theory = dm.solve_dmft(args.g)

    matvec = matvec_time(args.neurons)
    start = time.perf_counter()
    run = dm.simulate_network(args.g, args.neurons, args.time, 0.0, seed=0)
    elapsed = time.perf_counter() - start
    steps = round(args.time / dm.DT)
    per_unit = elapsed / args.time
    per_matvec = elapsed / (8 * steps)
    print(f"  simulation: N = {args.neurons}, {args.time:g} time units ({steps} RK4 steps, "
          f"{8 * steps} mat-vecs): {elapsed:.2f} s")
    print(f"    per simulated time unit : {per_unit * 1e3:8.2f} ms")
    print(f"    raw numpy J @ x (N = {args.neurons}): {matvec * 1e6:8.1f} us")
    print(f"    per mat-vec in the simulation: {per_matvec * 1e6:8.1f} us  "
          f"(ratio to raw: {per_matvec / matvec:.2f}; 80 mat-vecs per time unit -> "
          f"ideal {80 * matvec * 1e3:.2f} ms per unit)")
    print(f"  g = {args.g:g}, one network without transient: Delta0 sim {run.delta0:.3f} vs DMFT "
          f"{theory.delta0:.3f}; lambda sim {run.lyapunov_exponent:.4f} ± {run.lyapunov_error:.4f} "
          f"vs DMFT {theory.lyapunov_exponent:.4f}")

    if args.check:
        accuracy_study()


def accuracy_study() -> None:
    """Benettin against DMFT with 1/N extrapolation, and Delta(tau) at N = 1000."""
    print("accuracy study (two networks per size, t_sim = 300, transient 50)")
    for g in (1.5, 2.0):
        theory = dm.solve_dmft(g)
        sizes, means = [], []
        for n in (500, 1000, 2000):
            runs = dm.simulate_networks([g, g], [100, 101], n, 300.0, 50.0, tau_max=1.0)
            values = [r.lyapunov_exponent for r in runs]
            sizes.append(n)
            means.append(float(np.mean(values)))
            print(f"  g = {g:g}, N = {n:5d}: lambda = {means[-1]:.4f} (networks: "
                  f"{', '.join(f'{v:.4f}' for v in values)})", flush=True)
        _slope, intercept = np.polyfit(1.0 / np.array(sizes[1:]), means[1:], 1)
        print(f"  g = {g:g}: 1/N extrapolation from N = 1000, 2000: {intercept:.4f}; "
              f"DMFT lambda = -1 + sqrt(1 - E0) = {theory.lyapunov_exponent:.4f}")
    theory = dm.solve_dmft(2.0)
    runs = dm.simulate_networks([2.0] * 4, [200, 201, 202, 203], 1000, 300.0, 50.0, tau_max=20.0)
    delta = np.array([r.delta for r in runs])
    mean, error = delta.mean(axis=0), delta.std(axis=0, ddof=1) / 2.0
    print("  g = 2, four networks of N = 1000: lag, DMFT, simulation ± s.e.")
    for lag in (0, 2, 5, 10, 20):
        k = round(lag / dm.TAU_STEP)
        print(f"    {lag:4d}  {theory.delta[k]:.4f}  {mean[k]:.4f} ± {error[k]:.4f}")


if __name__ == "__main__":
    main()
