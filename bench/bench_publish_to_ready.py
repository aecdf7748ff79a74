"""Benchmark: publish -> every figure ready, for a post of five simulation blocks.

Run with ``.venv/bin/python bench/bench_publish_to_ready.py [--concurrency C]``.

A post with five simulation blocks (fresh parameters, so nothing is cached) is published
against a real Celery worker (prefork, C children; default 2 on this 2-core machine) and
Redis database 14; the time from ``publish()`` to the last run marked done is compared
with the sum of the five solvers' compute times, and with the sum of compute and render,
as the worker recorded them (the references, measured in the same run). Production
settings, scratch SQLite and media. Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

# Five blocks of the cheaper built-in solvers plus the example plugin; `nudge` makes every
# bench run's parameters (hence run keys) new.
BLOCKS = (
    ("sk-replica", lambda nudge: {"T": round(0.3 + nudge, 5)}),
    ("sk-replica", lambda nudge: {"T": round(1.3 + nudge, 5), "J0": 0.5}),
    ("rem-complexity", lambda nudge: {"T": round(0.5 + nudge, 5)}),
    ("example-harmonic", lambda nudge: {"T": round(1.0 + nudge, 5)}),
    ("example-harmonic", lambda nudge: {"T": round(3.0 + nudge, 5)}),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    args = parser.parse_args()

    scratch = common.scratch_dir("publish")
    env = common.production_env(scratch)
    common.setup_django(env)
    common.migrate()
    common.collect_static()
    common.flush_redis()
    from simulations.models import SimulationRun
    from tests.factories import PostPageFactory, make_site

    worker = common.start_worker(env, scratch / "worker.log", concurrency=args.concurrency)
    try:
        common.wait_for_worker()
        time.sleep(1.0)  # the pool's children finish their start-up warm-up
        nudge = (time.time() % 1000) / 1e5
        blocks = [common.simulation_block(solver, **params(nudge)) for solver, params in BLOCKS]
        post = PostPageFactory(parent=make_site(), slug="five-figures", title="Five figures", body=blocks)
        revision = post.save_revision()
        started = time.perf_counter()
        revision.publish()
        publish_seconds = time.perf_counter() - started
        keys = list(SimulationRun.objects.values_list("key", flat=True))
        common.wait_for_runs(keys)
        ready = time.perf_counter() - started
    finally:
        common.stop(worker)
        common.flush_redis()

    runs = list(SimulationRun.objects.all())
    compute = sum(run.compute_seconds or 0.0 for run in runs)
    render = sum(run.render_seconds or 0.0 for run in runs)
    print(f"Publish -> figures ready: a post of {len(BLOCKS)} simulation blocks, {len(runs)} runs, "
          f"worker prefork x{args.concurrency}, production settings, scratch SQLite, Redis db 14")
    for run in sorted(runs, key=lambda r: r.solver):
        print(f"   {run.solver:18s} {run.status:6s} compute {common.ms(run.compute_seconds or 0)}  "
              f"render {common.ms(run.render_seconds or 0)}  wall {common.ms(run.duration or 0)}")
    print(f"   publish() itself            {common.ms(publish_seconds)}")
    print(f"   publish -> all ready        {common.ms(ready)}")
    print(f"   sum of compute (reference)  {common.ms(compute)}   ready / compute          {ready / compute:6.2f}x")
    print(f"   sum of compute + render     {common.ms(compute + render)}   ready / (compute+render) {ready / (compute + render):6.2f}x")


if __name__ == "__main__":
    main()
