"""The whole server: the REST API (``api/``) and the web page (``web/``) in one FastAPI app.

``create_app(db)`` builds it; ``serve("news.db")`` runs it with uvicorn on
http://127.0.0.1:8000/, in ``workers`` processes (setting ``serve_workers``).
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from pathlib import Path

from fastapi import FastAPI

from newsevents.api.app import create_app as create_api
from newsevents.store import Store
from newsevents.web import views

log = logging.getLogger(__name__)
MAX_AUTO_WORKERS = 4


def create_app(db_url: str | Path | Store = "news.db", cache_mb: float | None = None) -> FastAPI:
    """The API under /api and the web page at / over one store (``cache_mb``: the API's
    response cache, default the setting ``api_cache_mb``)."""
    return create_api(
        db_url, install=views.install, render_error=views.render_error, cache_mb=cache_mb
    )


def worker_count(workers: int | None = None) -> int:
    """Server processes: ``workers``, else the setting ``serve_workers``; 0 is one per CPU
    (at most ``MAX_AUTO_WORKERS``). One where processes cannot be forked."""
    from newsevents import config

    n = config.current().serve_workers if workers is None else workers
    if n == 0:
        n = min(MAX_AUTO_WORKERS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                else os.cpu_count() or 1)  # fmt: skip
    return max(1, n) if hasattr(os, "fork") else 1


def serve(
    db: str | Path = "news.db",
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
    cache_mb: float | None = None,
) -> None:
    """Serve one store until interrupted (binds to localhost unless told otherwise).

    With more than one worker the processes share one listening socket (the kernel hands each
    connection to one of them), each opening its own store connection: the API only reads,
    and a page's Python work (routing, parameters, JSON) runs in parallel on every CPU. The
    parent only watches: a worker that dies is started again, SIGTERM or SIGINT stops all."""
    import uvicorn

    n = worker_count(workers)
    if n == 1:
        uvicorn.run(create_app(db, cache_mb), host=host, port=port, log_level="info")
        return
    Store(db, create=False).close()  # a bad store is one error here, not one per worker
    views.compile_templates()  # once, shared by the workers (~0.2 s of CPU a page each)
    sock = listening_socket(host, port)
    log.info("serving on http://%s:%d/ with %d worker processes", host, port, n)
    _supervise(lambda: _worker(db, host, port, sock, cache_mb), n)
    sock.close()


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket every worker accepts from. IPPROTO_TCP is named: asyncio sets TCP_NODELAY
    only on connections of sockets that say so (without it each response waited ~40 ms for
    the client's delayed ACK)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(
    db: str | Path, host: str, port: int, sock: socket.socket, cache_mb: float | None = None
) -> None:
    """One server process on the shared socket; it stops when its parent is gone."""
    import uvicorn

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    parent = os.getppid()
    app = create_app(db, cache_mb)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info"))

    def orphaned() -> None:  # the parent was killed (SIGKILL): no worker outlives it
        while not server.should_exit:
            if os.getppid() != parent:
                server.should_exit = True
            time.sleep(1.0)

    threading.Thread(target=orphaned, daemon=True).start()
    server.run(sockets=[sock])


def _supervise(target, n: int) -> None:
    """Run ``target`` in ``n`` forked processes until SIGTERM or SIGINT; restart one that
    exits on its own."""
    stopping = threading.Event()
    children: set[int] = set()

    def start() -> None:
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                target()
            except BaseException:  # noqa: BLE001 - report, then leave without the parent's cleanup
                log.exception("server worker failed")
                code = 1
            os._exit(code)
        children.add(pid)

    def stop(signum, frame) -> None:
        stopping.set()
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for _ in range(n):
            start()
        while children:
            try:
                pid, _status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            children.discard(pid)
            if not stopping.is_set():
                log.warning("server worker %d exited: starting another", pid)
                time.sleep(0.5)
                start()
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
