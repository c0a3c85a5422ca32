"""REST API under load: many concurrent clients against a served store, on loopback.

``serve_in_subprocess`` starts ``newsevents serve`` on a free port (a separate process, so the
load generator does not compete with the server for the GIL); ``hammer`` runs ``clients``
threads, each with its own keep-alive connection, cycling through ``paths`` for ``seconds``,
and reports throughput, latency percentiles and every failure (non-2xx or connection error).
Standard library only: usable where the test extras are not installed.
"""

from __future__ import annotations

import http.client
import os
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
    cache_hits: int = 0  # answers with the header x-cache: hit (api/cache.py)
    client_cpu: float = 0.0  # CPU seconds of this process (the clients) during the run
    server_cpu: float | None = None  # CPU seconds of the server's processes, where known

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
            + f"; cache hits {self.cache_hits / max(1, self.requests):.0%}"
            + self.cpu_line()
        )

    def cpu_line(self) -> str:
        """CPU per request of the clients and of the server: on one machine the load
        generator takes CPU from the server (its share says how fair the figure is)."""
        if not self.requests:
            return ""
        out = f"; CPU ms/request: clients {self.client_cpu / self.requests * 1000:.2f}"
        if self.server_cpu is not None:
            out += f", server {self.server_cpu / self.requests * 1000:.2f}"
            out += f" (clients {self.client_cpu / (self.client_cpu + self.server_cpu):.0%} of both)"
        return out


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


SERVERS: dict[int, int] = {}  # port -> pid of the server process serve_in_subprocess started


@contextmanager
def serve_in_subprocess(
    db: str | Path,
    port: int | None = None,
    workers: int | None = None,
    cache_mb: float | None = None,
) -> Iterator[int]:
    """``newsevents serve --db DB`` on 127.0.0.1:<free port> (``--workers`` and
    ``--cache-mb``: their defaults, the settings ``serve_workers`` and ``api_cache_mb``,
    unless given); yields the port, then stops it."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "newsevents", "serve", "--db", str(db), "--port", str(port)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    if cache_mb is not None:
        cmd += ["--cache-mb", str(cache_mb)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    SERVERS[port] = proc.pid
    try:
        wait_until_up(port)
        yield port
    finally:
        SERVERS.pop(port, None)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def process_tree_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of process ``pid`` and its live children, from /proc
    (None where there is none): the server's workers are its children."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo, seen = 0.0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            if p == pid:
                return None
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        todo += [int(c) for c in children]
    return total


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
    """``clients`` concurrent clients requesting ``paths`` round-robin for ``seconds``, each
    from its own start in the list (client k at path k * len(paths) // clients)."""
    result = LoadResult(clients, seconds)
    lock = threading.Lock()
    start_gate = threading.Barrier(clients + 1)
    stop_at: list[float] = [0.0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies: list[float] = []
        failures: Counter = Counter()
        hits = 0
        # Clients start spread over the paths, not one apart: walking the same list one
        # step behind each other, every client but the first asked each page moments after
        # its neighbour did, and the response cache answered nearly all of them (95% hits
        # with 3,015 pages in 20 s, most of the list never asked).
        i = k * len(paths) // clients
        start_gate.wait()
        while time.monotonic() < stop_at[0]:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                hits += response.getheader("x-cache") == "hit"
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
            result.cache_hits += hits

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    server = SERVERS.get(port)
    server_cpu0 = process_tree_cpu(server) if server else None
    cpu0 = time.process_time()
    t0 = time.monotonic()
    stop_at[0] = t0 + seconds
    start_gate.wait()
    for t in threads:
        t.join(timeout=seconds + 60)
    result.seconds = time.monotonic() - t0
    result.client_cpu = time.process_time() - cpu0
    server_cpu1 = process_tree_cpu(server) if server else None
    if server_cpu0 is not None and server_cpu1 is not None:
        result.server_cpu = server_cpu1 - server_cpu0
    result.requests = len(result.latencies)
    return result
