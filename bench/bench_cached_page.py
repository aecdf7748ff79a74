"""Benchmark: a cached post page with three simulation figures, beside a static file, under gunicorn.

Run with ``.venv/bin/python bench/bench_cached_page.py [--seconds S] [--repeats R] [--workers W]``.

Production settings against a scratch SQLite database and Redis database 14 of the
machine's Redis (``BENCH_REDIS_URL``); the post's three runs are computed first, so the page
shows three figures. gunicorn (sync workers) serves, in the same run:

* the static file: the page's own bytes copied under STATIC_ROOT, served by WhiteNoise --
  the reference;
* the post page from the page cache (config/page_cache.py);
* the same page uncached (a session cookie makes the page cache step aside), for scale.

Load comes from ``wrk`` (Debian package; installed with apt-get when missing and running as
root) on 127.0.0.1, or, without it, a small threaded http.client loop; the output names
which. Each configuration runs R times, interleaved; medians of the runs' requests/s and
p99 latencies are printed, with ratios to the static file. Asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

CONCURRENCY = (8, 32)


def build_site(scratch: Path) -> tuple[str, int]:
    """Migrate, collect static files, publish a post with three computed figures; (url, size)."""
    from django.test import Client

    common.migrate()
    common.collect_static()
    blocks = [common.simulation_block("example-harmonic", T=t) for t in (0.5, 1.0, 2.0)]
    post = common.make_post("three-figures", blocks, title="Three oscillators")
    runs = common.compute_runs_inline()
    common.flush_redis()  # the queued messages publishing sent, and any cached page
    response = Client().get(post.url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.status_code
    body = response.content
    figures = body.count(b'data-status="done"')
    print(f"post {post.url}: {len(body)} bytes, {figures} done simulation figures ({len(runs)} runs)")
    static = Path(os.environ["STATIC_ROOT"]) / "bench" / "page-copy.html"
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(body)
    return post.url, len(body)


def find_wrk() -> str | None:
    """The wrk binary, installing Debian's package when possible."""
    if shutil.which("wrk") is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    return shutil.which("wrk")


def parse_latency(text: str) -> float:
    """'1.23ms' / '850.00us' / '1.02s' in seconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def run_wrk(wrk: str, url: str, connections: int, seconds: float, headers: dict[str, str]) -> dict:
    """One wrk run: requests/s, p99 latency and non-2xx count."""
    command = [wrk, "-t", "2", "-c", str(connections), "-d", f"{max(1, round(seconds))}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = parse_latency(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {"rps": rps, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0, "errors": errors.group(0) if errors else ""}


def run_python(port: int, path: str, connections: int, seconds: float, headers: dict[str, str]) -> dict:
    """Fallback load: `connections` threads, each a keep-alive http.client loop."""
    latencies: list[float] = []
    bad = [0]
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad[0] += 1
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"rps": len(latencies) / elapsed, "p99": common.percentile(latencies, 99), "non2xx": bad[0], "errors": ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one load run")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each configuration")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args()

    scratch = common.scratch_dir("page")
    env = common.production_env(scratch)
    common.setup_django(env)
    page_path, size = build_site(scratch)
    port = common.free_port()
    base = f"http://127.0.0.1:{port}"
    server = common.start(
        [str(common.BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", "sync", "--log-level", "warning"],
        env, scratch / "gunicorn.log",
    )
    targets = {
        "static file (WhiteNoise)": ("/static/bench/page-copy.html", {}),
        "post page, page cache": (page_path, {}),
        "post page, uncached": (page_path, {"Cookie": "sessionid=bench-bypasses-the-page-cache"}),
    }
    wrk = find_wrk()
    generator = f"wrk ({subprocess.run([wrk, '-v'], capture_output=True, text=True).stdout.split()[1]})" if wrk else \
        "Python threads + http.client keep-alive (wrk not found)"
    results: dict[tuple[str, int], list[dict]] = {}
    try:
        common.wait_for_http(base + page_path)
        for path, _ in targets.values():  # warm every worker's code path
            for _ in range(4 * args.workers):
                common.wait_for_http(base + path)
        for _ in range(args.repeats):
            for connections in CONCURRENCY:
                for name, (path, headers) in targets.items():
                    if wrk:
                        result = run_wrk(wrk, base + path, connections, args.seconds, headers)
                    else:
                        result = run_python(port, path, connections, args.seconds, headers)
                    results.setdefault((name, connections), []).append(result)
    finally:
        common.stop(server)
        common.flush_redis()

    print(f"\nCached page vs static file: gunicorn {args.workers} sync workers, production settings, "
          f"{size} bytes each, load from 127.0.0.1 by {generator}; {args.repeats} x {args.seconds:.0f} s per row, "
          f"medians of the runs")
    for connections in CONCURRENCY:
        reference = statistics.median(r["rps"] for r in results[("static file (WhiteNoise)", connections)])
        print(f"\n  {connections} concurrent clients")
        for name in targets:
            runs = results[(name, connections)]
            rps = statistics.median(r["rps"] for r in runs)
            p99 = statistics.median(r["p99"] for r in runs)
            bad = sum(r["non2xx"] for r in runs)
            notes = "; ".join(filter(None, [f"{bad} non-2xx" if bad else "", *{r['errors'] for r in runs}]))
            print(f"    {name:28s} {rps:8.0f} req/s  p99 {common.ms(p99)}  {rps / reference:6.1%} of static"
                  + (f"  ({notes})" if notes else ""))
    print("\n  aim: the cached page at least 50% of the static file's requests/s")


if __name__ == "__main__":
    main()
