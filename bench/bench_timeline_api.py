"""Benchmark: the timeline API against Wagtail API v2 for the same 500 entries, same run.

Builds a throwaway SQLite database with one timeline of 500 entries (tags, a reference and
related posts each), serves it with gunicorn on 127.0.0.1, and sends a bounded number of
requests from a few client threads to: our `/api/timelines/<slug>/?limit=500`, the same with
If-None-Match (304), and API v2's listing of the same pages with the same fields.
Prints requests/s and p99 for each, and the ratios. Run: `.venv/bin/python bench/bench_timeline_api.py`.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETTINGS = "bench.settings_bench"
SLUG = "bench-timeline"
FIELDS = "unique_id,start_date,start_precision,end_date,end_precision,text,group,tags,references,related_posts"


def build_database(db_path: str, n_entries: int) -> int:
    """Migrate and fill the database; returns the timeline's page id."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.factories import PostPageFactory, make_site
    from timeline.models import TimelineEntryPage, TimelineGroup, TimelinePage, TimelineReference

    index = make_site()
    posts = [PostPageFactory(parent=index) for _ in range(5)]
    timeline = TimelinePage(title="Bench", slug=SLUG, summary="500 entries", introduction="<p>Bench $x$</p>")
    timeline.groups = [TimelineGroup(slug=f"g{i}", name=f"Group {i}") for i in range(4)]
    index.add_child(instance=timeline)
    now = datetime.datetime.now(datetime.UTC)
    for i in range(n_entries):
        entry = TimelineEntryPage(
            title=f"Milestone {i} with $q_{{EA}}$", slug=f"m-{i}", start_date=datetime.date(1900 + i % 120, 1 + i % 12, 1),
            start_precision="month", text=f"<p>Entry {i}: the overlap $q = {i}/N$ and more prose to serialise.</p>",
            group=f"g{i % 4}", last_published_at=now, first_published_at=now,
        )
        entry.references = [TimelineReference(authors="A. Author", title=f"Paper {i}", venue="Phys. Rev. Lett.", year=1980, doi=f"10.1/{i}")]
        entry.related_posts = posts[i % 3 : i % 3 + 2]
        timeline.add_child(instance=entry)
        entry.tags.add(f"tag-{i % 9}", "bench")
        entry.save()
    return timeline.pk


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, float, dict]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - start
    conn.close()
    return response.status, elapsed, dict(response.getheaders())


def run(port: int, path: str, requests: int, threads: int, headers: dict[str, str] | None = None) -> dict:
    """`requests` GETs of `path` from `threads` client threads; throughput and latency."""
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "gzip", **(headers or {})}
    get(port, path, headers)  # warm up the caches
    latencies: list[float] = []
    statuses: set[int] = set()
    lock = threading.Lock()
    per_thread = requests // threads

    def worker() -> None:
        mine = []
        for _ in range(per_thread):
            status, elapsed, _ = get(port, path, headers)
            mine.append(elapsed)
            statuses.add(status)
        with lock:
            latencies.extend(mine)

    start = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000,
        "statuses": sorted(statuses),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-timeline-") as tmp:
        db = str(Path(tmp) / "bench.sqlite3")
        timeline_id = build_database(db, args.entries)
        port = free_port()
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_SETTINGS_MODULE": SETTINGS}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--timeout", "300", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            ours = f"/api/timelines/{SLUG}/?limit={args.entries}"
            theirs = f"/api/v2/pages/?type=timeline.TimelineEntryPage&child_of={timeline_id}&limit={args.entries}&fields={FIELDS}"
            status, _, headers = get(port, ours, {"Host": "127.0.0.1"})
            assert status == 200, status
            etag = headers["ETag"]
            status, _, _ = get(port, theirs, {"Host": "127.0.0.1"})
            assert status == 200, status

            results = {
                "timeline API 200": run(port, ours, args.requests, args.threads),
                "timeline API 304": run(port, ours, args.requests, args.threads, {"If-None-Match": etag}),
                # API v2 takes tens of seconds for 500 pages with fields here: one request per thread.
                "Wagtail API v2": run(port, theirs, args.threads, args.threads),
            }
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)

    print(f"{args.entries} entries, gunicorn {args.workers} workers, {args.threads} client threads")
    for name, r in results.items():
        print(f"  {name:18s} {r['rps']:9.1f} req/s   p50 {r['p50']:8.2f} ms   p99 {r['p99']:8.2f} ms   status {r['statuses']}")
    v2 = results["Wagtail API v2"]
    for name in ("timeline API 200", "timeline API 304"):
        r = results[name]
        print(f"  {name} / API v2: throughput x{r['rps'] / v2['rps']:.1f}, p99 x{v2['p99'] / r['p99']:.1f} faster")


if __name__ == "__main__":
    main()
