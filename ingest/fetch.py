"""A polite, bounded HTTP fetcher: size, redirect and time caps, content types, one per host.

Private, loopback and link-local addresses are refused (checked on every redirect hop and again
in the resolver, so a DNS answer cannot swap in a private address) unless explicitly allowed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

USER_AGENT: Final = "contacts-bot/0.1 (news monitor; polite: one request at a time per host)"
MAX_BYTES: Final = 5 * 1024 * 1024
MAX_REDIRECTS: Final = 5
REDIRECT_CODES: Final = frozenset({301, 302, 303, 307, 308})
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES: Final = frozenset(
    {
        "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
        "application/rdf+xml", "application/feed+json", "application/x-rss+xml",
    }
)  # fmt: skip
PAGE_TYPES: Final = HTML_TYPES | FEED_TYPES | {"text/plain", "application/octet-stream", ""}


class FetchError(Exception):
    """A URL could not be fetched; `reason` is a key of texts.SOURCE_ERRORS (bad_url, fetch...)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class FetchLimits:
    """Caps of one fetch."""

    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    total_seconds: float = 30.0
    connect_seconds: float = 10.0
    read_seconds: float = 20.0


@dataclass(frozen=True)
class Fetched:
    """A fetched URL (status 304: not modified since the validators given)."""

    url: str  # after redirects
    status: int
    data: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """The server said nothing changed (conditional GET)."""
        return self.status == 304

    def text(self) -> str:
        """The body as text: the declared charset, else detected (cp1251 pages included)."""
        from ingest.readers import decode

        if self.charset:
            try:
                return self.data.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(self.data)


def is_public(address: str) -> bool:
    """True for a globally routable address (not private, loopback, link-local, reserved...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class PublicOnlyResolver(AbstractResolver):
    """Resolves names like aiohttp does, refusing any answer that is not a public address."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve, then refuse private answers."""
        results = await self._inner.resolve(host, port, family)
        for result in results:
            if not is_public(result["host"]):
                raise OSError(f"{host} resolves to a non-public address {result['host']}")
        return results

    async def close(self) -> None:
        """Close the inner resolver."""
        await self._inner.close()


class Fetcher:
    """GETs URLs with aiohttp within FetchLimits; one request at a time per host."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        limits: FetchLimits | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.limits = limits or FetchLimits()
        self._user_agent = user_agent
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            resolver: AbstractResolver | None = None if self.allow_private else PublicOnlyResolver()
            connector = aiohttp.TCPConnector(
                limit=20, limit_per_host=1, resolver=resolver, ttl_dns_cache=300
            )
            timeout = aiohttp.ClientTimeout(
                total=self.limits.total_seconds,
                connect=self.limits.connect_seconds,
                sock_read=self.limits.read_seconds,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=timeout,
                headers={"User-Agent": self._user_agent, "Accept-Encoding": "gzip, deflate"},
            )
        return self._session

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def check_url(self, url: str) -> None:
        """Refuse non-HTTP URLs and, unless allowed, hosts with a non-public address."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("bad_url", url[:200])
        if self.allow_private:
            return
        host = parts.hostname
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, parts.port or 443, type=socket.SOCK_STREAM
                )
            except OSError as error:
                raise FetchError("fetch", f"{host}: {error.strerror or error}") from error
            addresses = [str(info[4][0]) for info in infos]
        if not addresses or not all(is_public(a) for a in addresses):
            raise FetchError("private", host)

    def _lock(self, url: str) -> asyncio.Lock:
        host = (urlsplit(url).hostname or "").lower()
        return self._host_locks.setdefault(host, asyncio.Lock())

    async def fetch(
        self,
        url: str,
        *,
        accept: Collection[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET a URL, following at most max_redirects hops, each checked; 304 when unchanged."""
        current = url
        for _ in range(self.limits.max_redirects + 1):
            await self.check_url(current)
            headers: dict[str, str] = {}
            if current == url and etag:
                headers["If-None-Match"] = etag
            if current == url and last_modified:
                headers["If-Modified-Since"] = last_modified
            async with self._lock(current):
                result = await self._get_once(current, headers, accept)
            if isinstance(result, Fetched):
                return result
            current = result
        raise FetchError("fetch", f"больше {self.limits.max_redirects} перенаправлений")

    async def _get_once(
        self, url: str, headers: dict[str, str], accept: Collection[str]
    ) -> Fetched | str:
        try:
            async with self._client().get(url, headers=headers, allow_redirects=False) as response:
                if response.status in REDIRECT_CODES:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError("fetch", f"HTTP {response.status} без адреса")
                    return urljoin(url, location)
                common: dict[str, Any] = {
                    "url": url,
                    "status": response.status,
                    "content_type": response.content_type.lower(),
                    "charset": response.charset,
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified"),
                }
                if response.status == 304:
                    return Fetched(data=b"", **common)
                if response.status >= 400:
                    raise FetchError("fetch", f"HTTP {response.status}")
                if accept and common["content_type"] not in accept:
                    raise FetchError(
                        "fetch", f"неподходящий тип содержимого {common['content_type']}"
                    )
                declared = response.content_length
                if declared is not None and declared > self.limits.max_bytes:
                    raise FetchError("too_big", f"{declared} байт")
                data = bytearray()
                async for chunk in response.content.iter_chunked(65536):
                    data.extend(chunk)
                    if len(data) > self.limits.max_bytes:
                        raise FetchError("too_big", f"больше {self.limits.max_bytes} байт")
                return Fetched(data=bytes(data), **common)
        except FetchError:
            raise
        except TimeoutError as error:
            raise FetchError("fetch", "время ожидания истекло") from error
        except (aiohttp.ClientError, OSError) as error:
            raise FetchError("fetch", str(error) or type(error).__name__) from error
