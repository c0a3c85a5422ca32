"""`newsevents serve` in several processes on one socket: every worker answers, none outlives
the server (stopped or killed)."""

import os
import signal
import subprocess
import sys
import time

import pytest
from bench.helpers.loadtest import free_port, hammer, wait_until_up

from newsevents.server import listening_socket, worker_count
from newsevents.store import Store
from tests.store.records import make_extraction

pytest.importorskip("uvicorn", reason="uvicorn not installed")
pytestmark = [
    pytest.mark.issue(16),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("workers") / "news.db"
    with Store(path) as store:
        store.add([make_extraction(f"doc-{i}") for i in range(5)])
    return path


def _workers(pid: int) -> list[int]:
    out = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _serve(db, *args: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [sys.executable, "-m", "newsevents", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen([*cmd, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(port)
    return proc, port


def _gone(pids: list[int], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.2)
    return False


def test_workers_setting_zero_is_one_per_cpu_and_a_count_is_kept():
    assert worker_count(3) == 3
    assert 1 <= worker_count(0) <= 4


def test_the_shared_socket_is_tcp_so_responses_are_not_delayed():
    """asyncio turns Nagle off (TCP_NODELAY) only for sockets made with IPPROTO_TCP."""
    import socket

    with listening_socket("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        with socket.create_connection(sock.getsockname()):
            conn, _ = sock.accept()
            with conn:
                assert conn.proto == socket.IPPROTO_TCP


def test_two_workers_answer_and_stop_together(db):
    proc, port = _serve(db, "--workers", "2")
    try:
        pids = _workers(proc.pid)
        assert len(pids) == 2
        result = hammer(port, ["/api/events?limit=5", "/api/quotes"], clients=4, seconds=2)
        assert result.requests >= 4 and not result.failures, result.line()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert _gone(pids)


def test_a_killed_server_leaves_no_worker_running(db):
    proc, _ = _serve(db, "--workers", "2")
    pids = _workers(proc.pid)
    assert len(pids) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _gone(pids), "workers outlived their killed parent"
