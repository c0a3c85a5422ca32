"""REST API under load: many concurrent clients against a served store, on loopback.

``serve_in_subprocess`` starts ``newsevents serve`` on a free port (a separate process, so the
load generator does not compete with the server for the GIL); ``hammer`` runs ``clients``
threads, each with its own keep-alive connection, cycling through ``paths`` for ``seconds``,
and reports throughput, latency percentiles and every failure (non-2xx or connection error).
Standard library only: usable where the test extras are not installed.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote


@dataclass
class LoadResult:
    clients: int
    seconds: float
    requests: int = 0
    failures: Counter = field(default_factory=Counter)  # "503 /api/events" or "error ..." -> n
    latencies: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def line(self) -> str:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (
            f"{self.clients} clients, {self.seconds:.1f}s: {self.requests} requests "
            f"({rate:.0f}/s), {sum(self.failures.values())} failed; latency ms p50 "
            f"{self.percentile(50) * 1000:.0f}, p95 {self.percentile(95) * 1000:.0f}, "
            f"p99 {self.percentile(99) * 1000:.0f}, max {max(self.latencies, default=0) * 1000:.0f}"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, path: str = "/api/stats", timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"server on port {port} not answering {path} after {timeout:.0f}s")


@contextmanager
def serve_in_subprocess(
    db: str | Path, port: int | None = None, workers: int | None = None
) -> Iterator[int]:
    """``newsevents serve --db DB`` on 127.0.0.1:<free port> (``--workers``: its default, the
    setting ``serve_workers``, unless given); yields the port, then stops it."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "newsevents", "serve", "--db", str(db), "--port", str(port)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def default_paths(doc_ids: list[str], actors: list[str]) -> list[str]:
    """A read mix like the web page's: lists, filters, one document, aggregates, exports."""
    paths = [
        "/api/stats",
        "/api/events?limit=50",
        "/api/quotes?limit=50",
        "/api/documents?limit=20",
        "/api/dyads",
        "/api/actors",
        "/api/storylines",
        "/events",
    ]
    paths += [f"/api/documents/{quote(d, safe='')}" for d in doc_ids[:20]]
    paths += [f"/documents/{quote(d, safe='')}" for d in doc_ids[:5]]
    paths += [f"/api/events?actor={quote(a)}&limit=50" for a in actors[:10]]
    return paths


def hammer(port: int, paths: list[str], clients: int = 50, seconds: float = 20.0) -> LoadResult:
    """``clients`` concurrent clients requesting ``paths`` round-robin for ``seconds``."""
    result = LoadResult(clients, seconds)
    lock = threading.Lock()
    start_gate = threading.Barrier(clients + 1)
    stop_at: list[float] = [0.0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies: list[float] = []
        failures: Counter = Counter()
        i = k  # clients start at different paths
        start_gate.wait()
        while time.monotonic() < stop_at[0]:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if not 200 <= response.status < 300:
                    failures[f"{response.status} {path}"] += 1
            except (OSError, http.client.HTTPException) as e:
                failures[f"error {type(e).__name__} {path}"] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            result.latencies += latencies
            result.failures.update(failures)

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    stop_at[0] = t0 + seconds
    start_gate.wait()
    for t in threads:
        t.join(timeout=seconds + 60)
    result.seconds = time.monotonic() - t0
    result.requests = len(result.latencies)
    return result
