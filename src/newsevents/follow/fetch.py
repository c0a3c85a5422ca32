"""A polite HTTP client over ``httpx``: what every feed and page request goes through.

Timeouts, bounded retries with exponential back-off (connection errors, timeouts, 429 and
5xx answers), a size limit read as the body streams in, redirects followed by hand (bounded,
loops detected, each hop checked against robots.txt), a clear User-Agent, conditional GET,
and at most one request at a time per host with a delay between two requests to it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from newsevents.config import Settings, current
from newsevents.follow.robots import RobotsCache
from newsevents.follow.urls import host_key, is_web_url

RETRY_STATUS = {429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
MAX_RETRY_AFTER = 60.0


def default_user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("newsevents")
    except PackageNotFoundError:  # running from a source tree without an install
        v = "dev"
    return f"newsevents/{v} (news event coder; follows feeds; honours robots.txt)"


@dataclass
class FetchConfig:
    """Client settings; :meth:`from_settings` reads them from ``newsevents.config``."""

    user_agent: str = field(default_factory=default_user_agent)
    robots_agent: str = "newsevents"  # the token robots.txt rules are matched against
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # connect / read timeout of one attempt
    deadline: float = 60.0  # a whole answer (a server trickling bytes) within this
    retries: int = 2  # extra attempts after a failed one
    backoff: float = 1.0  # first wait before a retry; doubled for each further one
    max_bytes: int = 10_000_000  # larger answers are refused
    max_redirects: int = 5
    respect_robots: bool = True

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> FetchConfig:
        """The client settings of ``newsevents.config`` (delay, timeout, size, User-Agent)."""
        s = settings or current()
        config = cls(delay=s.fetch_delay, timeout=s.fetch_timeout, max_bytes=s.fetch_max_bytes)
        if s.user_agent:
            config.user_agent = s.user_agent
        return config


class FetchError(Exception):
    """A request that gave no usable answer; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str, status: int | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET that found nothing new
    headers: httpx.Headers
    content: bytes = b""

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"').lower()
        return None


class Fetcher:
    """One client per ``follow`` process; thread-safe per host (a lock and a clock each)."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ):
        self.config = config or FetchConfig()
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.config.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()
        self.robots = RobotsCache(self._fetch_robots, self.config.robots_agent)
        self.requests = 0  # every HTTP request sent, robots.txt and retries included

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- public
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
    ) -> Fetched:
        """GET with redirects, retries, robots.txt and the size limit; raises FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        seen = {url}
        current = url
        for _hop in range(self.config.max_redirects + 1):
            if not is_web_url(current):
                raise FetchError("bad_url", f"not an http(s) URL: {current!r}")
            if self.config.respect_robots:
                verdict = self.robots.verdict(current)
                if verdict == "disallowed":
                    raise FetchError("robots", f"robots.txt disallows {current}")
                if verdict == "unreachable":
                    raise FetchError(
                        "robots", f"robots.txt of {current} cannot be read (5xx or no answer)"
                    )
            answer = self._get_with_retries(current, headers)
            if answer.status not in REDIRECT_STATUS:
                return answer
            location = answer.headers.get("location")
            if not location:
                raise FetchError(
                    "bad_redirect", f"HTTP {answer.status} without Location", answer.status
                )
            current = urljoin(current, location)
            if current in seen:
                raise FetchError("redirect_loop", f"redirect loop back to {current}", answer.status)
            seen.add(current)
        raise FetchError(
            "too_many_redirects", f"more than {self.config.max_redirects} redirects from {url}"
        )

    # ------------------------------------------------------------- internals
    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Fetched:
        attempt = 0
        while True:
            try:
                answer = self._once(url, headers)
            except FetchError as e:
                if (
                    e.reason not in ("timeout", "connect", "transport")
                    or attempt >= self.config.retries
                ):
                    raise
                wait = self.config.backoff * 2**attempt
            else:
                if answer.status == 304 or answer.status < 400 or answer.status in REDIRECT_STATUS:
                    return answer
                if answer.status not in RETRY_STATUS or attempt >= self.config.retries:
                    raise FetchError("http", f"HTTP {answer.status} from {url}", answer.status)
                wait = max(self.config.backoff * 2**attempt, _retry_after(answer.headers))
            attempt += 1
            self.sleep(min(wait, MAX_RETRY_AFTER))

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        key = host_key(url)
        with self._guard:
            lock = self._hosts.setdefault(key, threading.Lock())
        with lock:  # one request at a time per host
            delay = max(self.config.delay, self.robots.crawl_delay(url) or 0.0)
            wait = self._last.get(key, 0.0) + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            try:
                return self._send(url, headers)
            finally:
                self._last[key] = time.monotonic()

    def _send(self, url: str, headers: dict[str, str]) -> Fetched:
        self.requests += 1
        limit = self.config.max_bytes
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code in REDIRECT_STATUS or r.status_code == 304 or r.status_code >= 400:
                    return Fetched(str(r.url), r.status_code, r.headers)
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(
                        "too_large", f"{int(declared):,} bytes > limit {limit:,}", r.status_code
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(
                            "too_large", f"more than {limit:,} bytes (limit)", r.status_code
                        )
                    if time.monotonic() - started > self.config.deadline:
                        raise FetchError(
                            "timeout", f"no complete answer within {self.config.deadline:g}s"
                        )
                    chunks.append(chunk)
                return Fetched(str(r.url), r.status_code, r.headers, b"".join(chunks))
        except httpx.TimeoutException as e:
            raise FetchError("timeout", f"{type(e).__name__} after {self.config.timeout:g}s") from e
        except httpx.ConnectError as e:
            raise FetchError("connect", str(e) or type(e).__name__) from e
        except (httpx.TransportError, httpx.DecodingError) as e:
            raise FetchError("transport", f"{type(e).__name__}: {e}") from e

    def _fetch_robots(self, url: str) -> tuple[int, str]:
        """(status, text) of a robots.txt, through the same politeness as every request."""
        try:
            answer = self._get_with_retries(url, {})
        except FetchError as e:
            return (e.status or 599, "")
        if answer.status in REDIRECT_STATUS:  # one hop: robots.txt moved (often http->https)
            location = answer.headers.get("location")
            if not location:
                return (404, "")
            try:
                answer = self._get_with_retries(urljoin(url, location), {})
            except FetchError as e:
                return (e.status or 599, "")
            if answer.status in REDIRECT_STATUS:
                return (404, "")
        return (answer.status, answer.content.decode("utf-8", "replace"))


def _retry_after(headers: httpx.Headers) -> float:
    value = headers.get("retry-after")
    if not value:
        return 0.0
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0
