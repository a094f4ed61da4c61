"""The fetcher's bounds and manners, canonical URLs and kind detection, against the local site."""

from __future__ import annotations

import asyncio

import pytest

from ingest.fetch import Fetcher, FetchError, is_public
from ingest.sources import detect_kind, feed_entries, listing_links
from ingest.urls import canonical_url
from tests.sources.conftest import TEST_LIMITS, NewsSite

CANONICAL = [
    ["https://TASS.ru/politika/1?utm_source=tg&utm_medium=x", "https://tass.ru/politika/1"],
    ["https://ria.ru/a?b=2&a=1#comments", "https://ria.ru/a?a=1&b=2"],
    ["http://example.com:80//news//5?fbclid=XYZ&gclid=1&yclid=2", "http://example.com/news/5"],
    ["https://example.com:8443/x?id=7&ysclid=abc", "https://example.com:8443/x?id=7"],
    ["https://example.com", "https://example.com/"],
    [
        "https://пример.рф/новости?q=путин",
        "https://пример.рф/новости?q=%D0%BF%D1%83%D1%82%D0%B8%D0%BD",
    ],
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


PUBLIC = [
    ["127.0.0.1", False], ["10.1.2.3", False], ["192.168.0.1", False], ["172.16.5.4", False],
    ["169.254.169.254", False], ["::1", False], ["fe80::1", False], ["fc00::1", False],
    ["0.0.0.0", False], ["::ffff:127.0.0.1", False], ["100.64.0.1", False],
    ["8.8.8.8", True], ["2a00:1450:4010:c05::64", True], ["95.213.1.1", True],
]  # fmt: skip


@pytest.mark.parametrize(("address", "public"), PUBLIC)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


async def test_private_addresses_are_refused_unless_allowed(news_site: NewsSite) -> None:
    async with Fetcher(allow_private=False, limits=TEST_LIMITS) as strict:
        for url in (news_site.url("/feed.xml"), "http://localhost:1/", "http://[::1]:1/"):
            with pytest.raises(FetchError) as caught:
                await strict.fetch(url)
            assert caught.value.reason == "private"
        with pytest.raises(FetchError) as caught:
            await strict.fetch("ftp://example.com/file")
        assert caught.value.reason == "bad_url"
    assert news_site.hits["/feed.xml"] == 0


async def test_a_redirect_to_a_private_address_is_refused(news_site: NewsSite) -> None:
    async with Fetcher(allow_private=False, limits=TEST_LIMITS) as strict:
        with pytest.raises(FetchError) as caught:
            await strict.check_url("http://127.0.0.1.nip.io.invalid/")
        assert caught.value.reason in ("private", "fetch")


FAILURES = [
    ["/error", "fetch", "HTTP 500"],
    ["/slow", "fetch", "время"],
    ["/huge", "too_big", ""],
    ["/huge-declared", "too_big", ""],
    ["/loop", "fetch", "перенаправлений"],
    ["/image.png", "fetch", "image/png"],
    ["/missing", "fetch", "HTTP 404"],
]


@pytest.mark.parametrize(("path", "reason", "detail"), FAILURES)
async def test_bounded_failures(
    news_site: NewsSite, fetcher: Fetcher, path: str, reason: str, detail: str
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(news_site.url(path))
    assert caught.value.reason == reason
    assert detail in caught.value.detail
    assert loop.time() - started < 2.0


async def test_redirects_are_followed_and_counted(news_site: NewsSite, fetcher: Fetcher) -> None:
    fetched = await fetcher.fetch(news_site.url("/moved"))
    assert fetched.url == news_site.url("/news/phone.html")
    await asyncio.gather(
        *(fetcher.fetch(news_site.url("/loop")) for _ in range(1)), return_exceptions=True
    )
    assert news_site.hits["/loop"] + news_site.hits["/loop2"] == TEST_LIMITS.max_redirects + 1


async def test_conditional_get_and_user_agent(news_site: NewsSite, fetcher: Fetcher) -> None:
    first = await fetcher.fetch(news_site.url("/feed.xml"))
    assert first.status == 200 and first.etag
    second = await fetcher.fetch(news_site.url("/feed.xml"), etag=first.etag)
    assert second.not_modified and second.data == b""
    news_site.feed_items.append("happened")
    third = await fetcher.fetch(news_site.url("/feed.xml"), etag=first.etag)
    assert third.status == 200
    assert news_site.user_agents == {fetcher._user_agent}
    assert "contacts-bot" in fetcher._user_agent


async def test_one_request_at_a_time_per_host(news_site: NewsSite, fetcher: Fetcher) -> None:
    await asyncio.gather(*(fetcher.fetch(news_site.url("/polite")) for _ in range(6)))
    assert news_site.hits["/polite"] == 6
    assert news_site.max_active == 1


@pytest.mark.parametrize("path", ["/cp1251.html", "/cp1251-meta.html"])
async def test_cp1251_pages_are_decoded(news_site: NewsSite, fetcher: Fetcher, path: str) -> None:
    fetched = await fetcher.fetch(news_site.url(path))
    assert "телефонный разговор" in fetched.text()


KINDS = [
    ["/feed.xml", "rss"],
    ["/sitemap.xml", "sitemap"],
    ["/listing.html", "listing"],
    ["/news/phone.html", "page"],
]


@pytest.mark.parametrize(("path", "kind"), KINDS)
async def test_kind_detection(news_site: NewsSite, fetcher: Fetcher, path: str, kind: str) -> None:
    fetched = await fetcher.fetch(news_site.url(path))
    assert detect_kind(fetched.url, fetched) == kind
    assert detect_kind("/srv/news", None) == "folder"


async def test_feed_and_listing_parsing(news_site: NewsSite, fetcher: Fetcher) -> None:
    feed = await fetcher.fetch(news_site.url("/feed.xml"))
    title, entries = feed_entries(feed.data)
    assert title == "Тестовые новости"
    assert [e.url for e in entries] == [
        news_site.url("/news/planned.html"),
        news_site.url("/news/phone.html"),
    ]
    assert entries[0].published is not None and entries[0].published.isoformat() == "2024-03-10"
    listing = await fetcher.fetch(news_site.url("/listing.html"))
    assert listing_links(listing.text(), listing.url) == [
        news_site.url("/news/planned.html"),
        news_site.url("/news/phone.html"),
    ]
    broken = await fetcher.fetch(news_site.url("/broken-feed.xml"))
    with pytest.raises(FetchError):
        feed_entries(broken.data)
