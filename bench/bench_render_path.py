"""Benchmark: the figure render path, and first-run against next-run latency in a worker.

Run with ``.venv/bin/python bench/bench_render_path.py [--solver NAME] [--repeats R]``.

1. One solver's default run (``sk-replica``: three figures): compute time (the reference)
   against building the figures, rendering them to SVG and to PNG, each the median of R.
2. Render once per run, never per request: the post page showing that run's figures is
   served R times uncached while ``Figure.savefig`` is counted; the count is printed (it
   should be 0) with the page's own render time.
3. A real Celery worker (prefork, one child) started fresh computes four runs in turn:
   enqueue -> done of the first against the median of the next three, with the
   start-up warm-up of ``simulations/signals.py`` (as shipped) and without it.

Production settings, scratch SQLite and media, Redis database 14. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common


def timed(function, repeats: int) -> tuple[float, object]:
    """Median seconds of `repeats` calls, and the last value."""
    times, value = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def render_costs(solver_name: str, repeats: int) -> None:
    """Part 1: compute vs build, SVG and PNG render of the solver's figures."""
    from simulations.execution import PNG_DPI
    from simulations.registry import get_solver
    from simulations.style import render

    solver = get_solver(solver_name)
    compute, result = timed(lambda: solver.run({}), repeats)
    build, figures = timed(lambda: solver.figures(result), repeats)
    for figure in figures.values():
        figure.set_dpi(PNG_DPI)
    svg, _ = timed(lambda: [render(f, "svg") for f in figures.values()], repeats)
    png, _ = timed(lambda: [render(f, "png") for f in figures.values()], repeats)
    total = build + svg + png
    print(f"1. {solver_name} default run, {len(figures)} figures, medians of {repeats}")
    print(f"   compute (reference)       {common.ms(compute)}")
    print(f"   build figures             {common.ms(build)}  {build / compute:6.2f}x compute")
    print(f"   render SVG                {common.ms(svg)}  {svg / compute:6.2f}x compute")
    print(f"   render PNG                {common.ms(png)}  {png / compute:6.2f}x compute")
    print(f"   build + SVG + PNG         {common.ms(total)}  {total / compute:6.2f}x compute "
          f"({total / len(figures) * 1000:.0f} ms per figure)")


def page_never_renders(solver_name: str, repeats: int) -> None:
    """Part 2: serving the page that shows a done run calls savefig zero times."""
    from django.test import Client
    from matplotlib.figure import Figure

    post = common.make_post("render-path", [common.simulation_block(solver_name)])
    (run,) = common.compute_runs_inline()
    calls = [0]
    original = Figure.savefig

    def counting(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = "bench"  # bypass the page cache: every request renders the page
    Figure.savefig = counting
    try:
        page, response = timed(lambda: client.get(post.url), repeats)
    finally:
        Figure.savefig = original
    figures = response.content.count(b"<picture")
    print(f"\n2. the post page with that run ({figures} figures shown), served {repeats} times uncached")
    print(f"   Figure.savefig calls while serving: {calls[0]}")
    print(f"   page render median        {common.ms(page)}  vs the run's stored render time "
          f"{common.ms(run.render_seconds)} (done once, in the worker)")


def worker_latencies(env: dict[str, str], scratch: Path, solver_name: str) -> None:
    """Part 3: first vs next runs in a freshly started worker, warmed and cold."""
    from simulations.runs import ensure_run

    print("\n3. a fresh worker (prefork, one child), four runs in turn, enqueue -> done")
    temperature = 0.30 + (time.time() % 1000) / 10000  # fresh keys on every run of this bench
    for label, cold in (("with start-up warm-up (as shipped)", False), ("without warm-up", True)):
        common.flush_redis()
        worker = common.start_worker(env, scratch / f"worker-{label[:4]}.log", cold=cold)
        try:
            common.wait_for_worker()
            time.sleep(1.0)  # the pool's child finishes its start-up (and warm-up) after the ping
            latencies, compute, render = [], [], []
            for _ in range(4):
                temperature += 0.01
                run = ensure_run(solver_name, {"T": round(temperature, 4)})
                latencies.append(common.wait_for_runs([run.key]))
                run.refresh_from_db()
                compute.append(run.compute_seconds or 0.0)
                render.append(run.render_seconds or 0.0)
        finally:
            common.stop(worker)
        later = statistics.median(latencies[1:])
        rest = [lat - c - r for lat, c, r in zip(latencies, compute, render, strict=True)]
        print(f"   {label}")
        print(f"     first run  {common.ms(latencies[0])}  (compute {common.ms(compute[0])}, render {common.ms(render[0])}, "
              f"the rest {common.ms(rest[0])})")
        print(f"     next runs  {common.ms(later)}  (compute {common.ms(statistics.median(compute[1:]))}, "
              f"render {common.ms(statistics.median(render[1:]))}, the rest {common.ms(statistics.median(rest[1:]))})")
        print(f"     first - next {common.ms(latencies[0] - later)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solver", default="sk-replica")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    scratch = common.scratch_dir("render")
    env = common.production_env(scratch)
    common.setup_django(env)
    common.migrate()
    common.collect_static()
    common.flush_redis()
    render_costs(args.solver, args.repeats)
    page_never_renders(args.solver, max(args.repeats, 10))
    worker_latencies(env, scratch, args.solver)
    common.flush_redis()


if __name__ == "__main__":
    main()
