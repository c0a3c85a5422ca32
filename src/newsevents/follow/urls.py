"""Canonical URLs (one key per article however it is linked) and document ids from them."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say where a click came from, not which page it is.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "hsa_", "_hs", "ga_")
TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "igshid",
    "mkt_tok",
    "ref",
    "ref_src",
    "cmpid",
    "ocid",
    "smid",
    "_ga",
    "__twitter_impression",
}
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_web_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    the remaining query sorted: ``HTTP://Example.org:80/a?utm_source=x&b=2#top`` and
    ``http://example.org/a?b=2`` are one article."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def host_key(url: str) -> str:
    """scheme://host:port, the unit of politeness (one request at a time, a delay between)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or DEFAULT_PORTS.get(scheme, 0)
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


def document_id(url: str) -> str:
    """A stable, short document id for an article URL: ``host:hash`` of its canonical form
    (every version of the article shares it; the store names version n ``<id>@v<n>``)."""
    canon = canonical_url(url)
    host = urlsplit(canon).hostname or "web"
    digest = hashlib.sha1(canon.encode("utf-8")).hexdigest()[:12]
    return f"{host}:{digest}"
