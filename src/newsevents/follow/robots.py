"""robots.txt, fetched once per host and kept for a while (RFC 9309 semantics).

A 4xx answer means no rules (everything allowed); a 5xx answer or no answer means the
site is unreachable, so nothing is fetched from it until the rules can be read again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from newsevents.follow.urls import host_key

KEEP_S = 3600.0  # rules read successfully are reused this long
RETRY_S = 300.0  # an unreachable robots.txt is asked again after this long
MAX_CRAWL_DELAY = 60.0


class RobotsCache:
    def __init__(self, fetch: Callable[[str], tuple[int, str]], agent: str):
        self._fetch = fetch
        self.agent = agent
        self._rules: dict[str, tuple[float, RobotFileParser | None, bool]] = {}
        self._lock = threading.Lock()

    def _entry(self, url: str) -> tuple[RobotFileParser | None, bool]:
        """(parser or None, allow-all) for the URL's host, fetching robots.txt when due."""
        key = host_key(url)
        now = time.monotonic()
        with self._lock:
            cached = self._rules.get(key)
        if cached and cached[0] > now:
            return cached[1], cached[2]
        parts = urlsplit(url)
        status, text = self._fetch(f"{parts.scheme}://{parts.netloc}/robots.txt")
        if 200 <= status < 300:
            parser = RobotFileParser()
            parser.parse(text.splitlines())
            entry = (now + KEEP_S, parser, False)
        elif 400 <= status < 500:
            entry = (now + KEEP_S, None, True)
        else:
            entry = (now + RETRY_S, None, False)
        with self._lock:
            self._rules[key] = entry
        return entry[1], entry[2]

    def verdict(self, url: str) -> str:
        """'allowed', 'disallowed', or 'unreachable' (robots.txt gave 5xx or no answer)."""
        parser, allow_all = self._entry(url)
        if allow_all:
            return "allowed"
        if parser is None:  # unreachable: assume complete disallow for now
            return "unreachable"
        return "allowed" if parser.can_fetch(self.agent, url) else "disallowed"

    def allowed(self, url: str) -> bool:
        return self.verdict(url) == "allowed"

    def crawl_delay(self, url: str) -> float | None:
        """The host's Crawl-delay for our agent, if its rules are already known (never fetches)."""
        with self._lock:
            cached = self._rules.get(host_key(url))
        if not cached or cached[1] is None:
            return None
        delay = cached[1].crawl_delay(self.agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else None
