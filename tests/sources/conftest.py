"""A local news site on 127.0.0.1 (feeds, pages, listings, sitemaps and every way to fail) and fixtures."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pytest_asyncio
from aiohttp import web

from ingest.fetch import Fetcher, FetchLimits
from tests.alerts.conftest import HAPPENED, PHONE, PHONE_RETOLD, PLANNED

ARTICLES: dict[str, tuple[str, tuple[str, dt.date]]] = {
    "planned": ("Путин и Лукашенко проведут переговоры", PLANNED),
    "happened": ("Путин и Лукашенко провели переговоры в Минске", HAPPENED),
    "phone": ("Путин провел телефонный разговор с Лукашенко", PHONE),
    "retold": ("Разговор Путина и Лукашенко", PHONE_RETOLD),
}
FILLER = (
    "Экономисты отмечают рост товарооборота между странами. Аналитики ожидают продолжения "
    "диалога на разных уровнях в ближайшие месяцы. "
)


def article_html(title: str, text: str, published: dt.date, *, charset: str = "utf-8") -> str:
    """A realistic article page: navigation, the story in <article>, a date, a footer."""
    paragraphs = "".join(
        f"<p>{escape(s.strip())}.</p>" for s in (text + " " + FILLER * 3).split(". ") if s.strip()
    )
    return (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="{charset}"><title>{escape(title)}</title>'
        '<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{published.isoformat()}T10:00:00+03:00">'
        '</head><body><nav><a href="/">Главная</a> <a href="/tag/politics">Политика</a></nav>'
        f'<article><h1>{escape(title)}</h1><time datetime="{published.isoformat()}">'
        f"{published:%d.%m.%Y}</time>{paragraphs}</article>"
        "<footer>© Новости, 2024</footer></body></html>"
    )


@dataclass
class NewsSite:
    """The site's content (tests change it) and what it saw."""

    feed_items: list[str] = field(default_factory=lambda: ["planned", "phone"])
    listing_items: list[str] = field(default_factory=lambda: ["planned", "phone"])
    hits: Counter[str] = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)
    active: int = 0
    max_active: int = 0
    failing: set[str] = field(default_factory=set)  # paths answering 500
    port: int = 0

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """An absolute URL on the site."""
        return self.base + path

    def feed(self) -> str:
        """RSS 2.0 with the current items (tracking parameters in the links on purpose)."""
        items = []
        for key in self.feed_items:
            title, (text, published) = ARTICLES[key]
            stamp = dt.datetime.combine(published, dt.time(10), tzinfo=dt.UTC)
            items.append(
                f"<item><title>{escape(title)}</title>"
                f"<link>{self.url(f'/news/{key}.html')}?utm_source=rss&amp;utm_medium=feed</link>"
                f"<description>{escape(text[:80])}…</description>"
                f"<pubDate>{stamp:%a, %d %b %Y %H:%M:%S} +0000</pubDate></item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Тестовые новости</title><link>{self.base}/</link>{''.join(items)}</channel></rss>"
        )


async def _handle(site: NewsSite, request: web.Request) -> web.StreamResponse:
    path = request.path
    site.hits[path] += 1
    site.user_agents.add(request.headers.get("User-Agent", ""))
    site.active += 1
    site.max_active = max(site.max_active, site.active)
    try:
        return await _respond(site, request, path)
    finally:
        site.active -= 1


async def _respond(site: NewsSite, request: web.Request, path: str) -> web.StreamResponse:
    if path in site.failing or path == "/error":
        return web.Response(status=500, text="boom")
    if path == "/feed.xml":
        body = site.feed()
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            body=body.encode(),
            content_type="application/rss+xml",
            charset="utf-8",
            headers={"ETag": etag},
        )
    if path == "/broken-feed.xml":
        return web.Response(
            text="<rss><channel><title>Сломано</ti", content_type="application/rss+xml"
        )
    if path.startswith("/news/") and path.endswith(".html"):
        key = path.removeprefix("/news/").removesuffix(".html")
        if key not in ARTICLES:
            return web.Response(status=404, text="нет")
        title, (text, published) = ARTICLES[key]
        return web.Response(text=article_html(title, text, published), content_type="text/html")
    if path == "/other-site/retold.html":
        title, (text, published) = ARTICLES["phone"]
        return web.Response(
            text=article_html("Перепечатка", text, published), content_type="text/html"
        )
    if path == "/cp1251.html":
        title, (text, published) = ARTICLES["phone"]
        html = article_html(title, text, published, charset="windows-1251")
        return web.Response(
            body=html.encode("cp1251"), content_type="text/html", charset="windows-1251"
        )
    if path == "/cp1251-meta.html":
        title, (text, published) = ARTICLES["phone"]
        html = article_html(title, text, published, charset="windows-1251")
        return web.Response(body=html.encode("cp1251"), headers={"Content-Type": "text/html"})
    if path == "/listing.html":
        links = "".join(
            f'<li><a href="/news/{key}.html?utm_campaign=main">{escape(ARTICLES[key][0])}</a></li>'
            for key in site.listing_items
        )
        nav = "".join(f'<a href="/tag/{n}">тег {n}</a> ' for n in range(6))
        return web.Response(
            text=f"<html><head><title>Лента</title></head><body><nav>{nav}<a href='/about'>О нас</a></nav>"
            f"<ul>{links}</ul></body></html>",
            content_type="text/html",
        )
    if path == "/sitemap.xml":
        urls = "".join(
            f"<url><loc>{site.url(f'/news/{key}.html')}</loc><lastmod>2024-03-{10 + n:02d}</lastmod></url>"
            for n, key in enumerate(("planned", "happened"))
        )
        return web.Response(
            text=f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            content_type="application/xml",
        )
    if path == "/slow":
        await asyncio.sleep(2)
        return web.Response(text="поздно", content_type="text/html")
    if path == "/polite":
        await asyncio.sleep(0.05)
        return web.Response(text="<html><body>ok</body></html>", content_type="text/html")
    if path == "/huge":
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        try:
            for _ in range(20 * 16):  # 20 MB
                await response.write(chunk)
        except (ConnectionResetError, RuntimeError):
            pass
        return response
    if path == "/huge-declared":
        return web.Response(body=b"x" * (3 * 1024 * 1024), content_type="text/html")
    if path in ("/loop", "/loop2"):
        raise web.HTTPFound("/loop2" if path == "/loop" else "/loop")
    if path == "/moved":
        raise web.HTTPMovedPermanently("/news/phone.html")
    if path == "/image.png":
        return web.Response(body=b"\x89PNG....", content_type="image/png")
    return web.Response(status=404, text="нет такой страницы")


@pytest_asyncio.fixture(loop_scope="function")
async def news_site() -> AsyncIterator[NewsSite]:
    """The local news site on a free port of 127.0.0.1."""
    site = NewsSite()
    app = web.Application()

    async def handler(request: web.Request) -> web.StreamResponse:
        return await _handle(site, request)

    app.router.add_route("GET", "/{tail:.*}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    server: Any = tcp._server
    site.port = server.sockets[0].getsockname()[1]
    yield site
    await runner.cleanup()


TEST_LIMITS = FetchLimits(
    max_bytes=1024 * 1024, total_seconds=5, connect_seconds=2, read_seconds=0.5
)


@pytest_asyncio.fixture(loop_scope="function")
async def fetcher() -> AsyncIterator[Fetcher]:
    """A fetcher allowed to reach 127.0.0.1, with short timeouts and a 1 MB cap."""
    async with Fetcher(allow_private=True, limits=TEST_LIMITS) as client:
        yield client
