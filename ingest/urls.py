"""Canonical URLs: one article behind tracking parameters, fragments and host case is one URL."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES: Final = ("utm_", "mc_", "pk_", "hsa_", "_openstat", "ga_", "at_")
TRACKING_PARAMS: Final = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "ysclid", "msclkid",
        "igshid", "mkt_tok", "_ga", "_gl", "ref", "ref_src", "from", "rss", "rss_id",
        "utm", "share", "spm", "cmpid", "ncid", "sr_share", "oly_enc_id", "oly_anon_id",
        "vero_id", "wickedid", "_hsenc", "_hsmi", "mkt", "yandex", "smid",
    }
)  # fmt: skip
DEFAULT_PORTS: Final = {"http": 80, "https": 443}
SLASHES: Final = re.compile(r"/{2,}")


def is_tracking(name: str) -> bool:
    """True for a query parameter that only tracks the reader (utm_*, fbclid, yclid...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The URL with lower-case host, no default port, fragment or trackers, and a sorted query."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    shown = f"[{host}]" if ":" in host else host
    netloc = shown if port in (None, DEFAULT_PORTS.get(scheme)) else f"{shown}:{port}"
    path = SLASHES.sub("/", parts.path) or "/"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(name)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on the same host (ignoring a leading www.)."""
    first = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    second = (urlsplit(other).hostname or "").lower().removeprefix("www.")
    return bool(first) and first == second
