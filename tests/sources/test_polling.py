"""Polling real sources on the local site into a real database, with alerts through the real deliverer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.services import SourceError
from ingest.fetch import Fetcher
from ingest.sources import PollPolicy, SourceService
from storage.models import Article, Source, SourcePoll
from tests.alerts.conftest import LUKASHENKO, PHONE, AlertHarness, build
from tests.sources.conftest import TEST_LIMITS, NewsSite


def make_service(h: AlertHarness, fetcher: Fetcher, **policy: Any) -> SourceService:
    return SourceService(
        engine=h.engine,
        ingestor=h.app.ingestor,
        analyser=h.app.ingestor.analyser,
        fetcher=fetcher,
        policy=PollPolicy(pause_after=3, **policy),
    )


def articles(engine: Engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.exec(select(Article).order_by(Article.id)).all())  # type: ignore[arg-type]


@pytest.fixture
def harness(engine: Engine, nlp: Any) -> AlertHarness:
    return build(engine, nlp)


async def test_feed_polls_bring_new_articles_and_alert_once(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    h = harness
    service = make_service(h, fetcher)
    await h.chats.add_subscription(chat_id=1, people=[LUKASHENKO])
    source = await service.add(news_site.url("/feed.xml"), 10, added_by=7)
    assert (source.kind, source.title, source.interval_minutes) == ("rss", "Тестовые новости", 10)
    assert articles(h.engine) == []  # adding is a dry run

    first = await service.poll(int(source.id or 0))
    assert (first.new, first.contacts_new, first.failed) == (2, 2, 0)
    stored = articles(h.engine)
    assert {a.url for a in stored} == {
        news_site.url("/news/planned.html"),
        news_site.url("/news/phone.html"),
    }
    assert all("товарооборота" in a.text for a in stored)  # the page's text, not the feed's teaser
    assert {a.published.isoformat() for a in stored if a.published} == {"2024-03-10", "2024-03-20"}
    assert (await h.deliverer.deliver_once()).sent_alerts == 2

    again = await service.poll(int(source.id or 0))
    assert again.new == 0 and news_site.hits["/news/phone.html"] == 2  # 1 for the dry run
    news_site.feed_items.append("happened")
    third = await service.poll(int(source.id or 0))
    assert third.new == 1 and news_site.hits["/news/planned.html"] == 2
    await h.deliverer.deliver_once()
    texts = [m.text for m in h.sent_to(1)]
    assert len(texts) == 3 and "состоялся" in texts[-1]

    health = (await service.list_health())[0]
    assert health.consecutive_failures == 0 and health.last_success_at is not None
    assert health.contacts_found == 2 and health.articles_per_day == 3.0


async def test_probe_counts_contacts_without_storing(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    service = make_service(harness, fetcher)
    probe = await service.probe(news_site.url("/feed.xml?utm_source=admin"))
    assert (probe.url, probe.kind, probe.articles, probe.contacts) == (
        news_site.url("/feed.xml"),
        "rss",
        2,
        2,
    )
    listing = await service.probe(news_site.url("/listing.html"))
    assert (listing.kind, listing.articles, listing.contacts) == ("listing", 2, 2)
    assert articles(harness.engine) == []
    with pytest.raises(SourceError) as caught:
        await service.probe(news_site.url("/huge"))
    assert caught.value.reason == "too_big"


@pytest.mark.parametrize(
    ("path", "kind"), [("/listing.html", "listing"), ("/sitemap.xml", "sitemap")]
)
async def test_listing_and_sitemap_fetch_only_new_pages(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite, path: str, kind: str
) -> None:
    service = make_service(harness, fetcher)
    source = await service.add(news_site.url(path), 5, added_by=7)
    assert source.kind == kind
    before = dict(news_site.hits)
    first = await service.poll(int(source.id or 0))
    assert first.new == 2
    second = await service.poll(int(source.id or 0))
    assert second.new == 0
    article_hits = {
        p: n - before.get(p, 0) for p, n in news_site.hits.items() if p.startswith("/news/")
    }
    assert set(article_hits.values()) == {1}  # each article page fetched once by the polls


async def test_broken_sources_back_off_pause_and_tell_admins_once(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    service = make_service(harness, fetcher)
    paused: list[tuple[str, str]] = []

    async def on_paused(source: Source, reason: str) -> None:
        paused.append((source.url, reason))

    service.on_paused = on_paused
    good = await service.add(news_site.url("/feed.xml"), 10, added_by=7)
    with Session(harness.engine) as session:
        for path, kind in (("/error", "page"), ("/broken-feed.xml", "rss"), ("/slow", "page")):
            session.add(Source(url=news_site.url(path), kind=kind))
        session.commit()
    for _ in range(4):
        await service.poll_now()
    health = {h.url.removeprefix(news_site.base): h for h in await service.list_health()}
    assert not health["/feed.xml"].paused and health["/feed.xml"].consecutive_failures == 0
    for path in ("/error", "/broken-feed.xml", "/slow"):
        assert health[path].paused and health[path].consecutive_failures == 3
    assert "HTTP 500" in (health["/error"].last_error or "")
    assert sorted(url.removeprefix(news_site.base) for url, _ in paused) == [
        "/broken-feed.xml",
        "/error",
        "/slow",
    ]
    assert news_site.hits["/error"] == 3  # paused sources are not polled any more
    assert len(articles(harness.engine)) == 2
    with Session(harness.engine) as session:
        polls = session.exec(select(SourcePoll).where(SourcePoll.source_id == good.id)).all()
    assert len(polls) == 4 and all(p.ok for p in polls)

    await service.resume(health["/error"].id)
    news_site.failing.add("/nothing")
    await service.poll(health["/error"].id)  # fails once more, then backs off
    hits = news_site.hits["/error"]
    await service.poll(health["/error"].id)
    assert news_site.hits["/error"] == hits  # inside its backoff: not fetched


async def test_a_reprint_elsewhere_is_not_a_new_contact(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    h = harness
    service = make_service(h, fetcher)
    await h.chats.add_subscription(chat_id=1, people=[LUKASHENKO])
    news_site.feed_items = ["phone"]
    feed = await service.add(news_site.url("/feed.xml"), 10, added_by=7)
    await service.poll(int(feed.id or 0))
    reprint = await service.add(news_site.url("/other-site/retold.html"), 10, added_by=7)
    report = await service.poll(int(reprint.id or 0))
    assert report.contacts_new == 0
    await h.deliverer.deliver_once()
    assert len(h.sent_to(1)) == 1


async def test_cp1251_page_source(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    service = make_service(harness, fetcher)
    source = await service.add(news_site.url("/cp1251-meta.html"), 10, added_by=7)
    assert source.kind == "page"
    report = await service.poll(int(source.id or 0))
    assert report.new == 1 and report.contacts_new == 1
    assert "телефонный разговор" in articles(harness.engine)[0].text


async def test_folder_source_reads_new_files_only(
    harness: AlertHarness, fetcher: Fetcher, tmp_path: Path
) -> None:
    service = make_service(harness, fetcher)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "one.txt").write_text(PHONE[0], encoding="utf-8")
    source = await service.add(str(folder), 10, added_by=7)
    assert source.kind == "folder"
    assert (await service.poll(int(source.id or 0))).new == 1
    (folder / "two.txt").write_text(
        "Лавров провел переговоры с Блинкеном в Женеве 21 января 2022 года.", "utf-8"
    )
    assert (await service.poll(int(source.id or 0))).new == 1
    assert (await service.poll(int(source.id or 0))).new == 0


async def test_add_refuses_duplicates_and_private_addresses(
    harness: AlertHarness, fetcher: Fetcher, news_site: NewsSite
) -> None:
    service = make_service(harness, fetcher)
    await service.add(news_site.url("/feed.xml"), 1, added_by=7)
    with pytest.raises(SourceError) as caught:
        await service.add(news_site.url("/feed.xml?utm_medium=x"), 10, added_by=7)
    assert caught.value.reason == "exists"
    assert (await service.list_health())[0].interval_minutes == 2  # the minimum
    async with Fetcher(allow_private=False, limits=TEST_LIMITS) as strict:
        strict_service = make_service(harness, strict)
        for url in (news_site.url("/listing.html"), "/tmp"):
            with pytest.raises(SourceError) as refused:
                await strict_service.add(url, 10, added_by=7)
            assert refused.value.reason == "private"
