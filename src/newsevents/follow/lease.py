"""A lease row in the store: two ``follow`` processes on one store never both fetch.

The holder renews it while it works and deletes it when it exits, however it exits
(``finally`` and signal handlers); a holder killed outright loses it when it expires, or at
once when the process is known to be gone (same host, pid no longer running).
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from datetime import UTC, datetime

from newsevents.errors import FollowError
from newsevents.store import Store
from newsevents.store import follow as sql

DEFAULT_TTL = 300.0


def _dead_local_holder(holder: str) -> bool:
    """True for a 'host:pid:token' of this host whose process no longer runs."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by someone else
        return False
    return False


class Lease:
    def __init__(self, store: Store, name: str = "follow", ttl: float = DEFAULT_TTL):
        self.store = store
        self.name = name
        self.ttl = ttl
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self.held = False
        self._renewed = 0.0

    def acquire(self) -> None:
        """Take the lease or raise FollowError E701 naming who holds it."""
        current = sql.lease_holder(self.store, self.name)
        steal = current["holder"] if current and _dead_local_holder(current["holder"]) else None
        other = sql.acquire_lease(self.store, self.name, self.holder, self.ttl, steal_from=steal)
        if other is not None:
            until = datetime.fromtimestamp(other["expires"], UTC).isoformat(timespec="seconds")
            raise FollowError(
                FollowError.E701.format(db=self.store.url, holder=other["holder"], until=until)
            )
        self.held = True
        self._renewed = time.monotonic()

    def renew(self, every: float | None = None) -> None:
        """Extend the lease (at most every ``every`` seconds; default a tenth of the ttl)."""
        if not self.held:
            return
        every = self.ttl / 10 if every is None else every
        if time.monotonic() - self._renewed < every:
            return
        other = sql.acquire_lease(self.store, self.name, self.holder, self.ttl)
        if other is not None:  # expired and taken over while we were stalled
            self.held = False
            raise FollowError(
                FollowError.E701.format(db=self.store.url, holder=other["holder"], until="-")
            )
        self._renewed = time.monotonic()

    def release(self) -> None:
        if self.held:
            sql.release_lease(self.store, self.name, self.holder)
            self.held = False

    def __enter__(self) -> Lease:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
