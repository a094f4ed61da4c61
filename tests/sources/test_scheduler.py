"""The real scheduler: jobs from the sources table, leader election, and a whole flow over HTTP."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import DeliveryLimits
from bot.app import make_bot
from bot.config import Settings
from bot.scheduler import POLL_JOB_PREFIX, Background, LeaderLock, start_background
from ingest.fetch import Fetcher
from storage.db import make_engine
from storage.models import Source
from tests.alerts.botapi import BotApiStandIn
from tests.alerts.conftest import LUKASHENKO, build
from tests.sources.conftest import NewsSite
from tests.sources.test_polling import make_service

ADMIN = 555


def make_settings(database_url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": "42:TEST-token",
        "database_url": database_url,
        "allow_private_sources": True,
        "admin_ids": frozenset({ADMIN}),
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def wait_for(condition: Any, seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


def poll_jobs(background: Background) -> set[str]:
    return {j.id for j in background.scheduler.get_jobs() if j.id.startswith(POLL_JOB_PREFIX)}


async def test_jobs_follow_the_sources_table(
    engine: Engine, database_url: str, nlp: Any, fetcher: Fetcher, news_site: NewsSite
) -> None:
    h = build(engine, nlp)
    service = make_service(h, fetcher)
    with Session(engine) as session:
        session.add(Source(url=news_site.url("/feed.xml"), kind="rss", interval_minutes=5))
        session.add(Source(url=news_site.url("/error"), kind="page", paused=True))
        session.commit()
    background = await start_background(
        app=h.app, bot=h.bot, settings=make_settings(database_url), sources=service
    )
    try:
        await wait_for(lambda: background.leading)
        assert poll_jobs(background) == {f"{POLL_JOB_PREFIX}1"}
        listing = await service.add(news_site.url("/listing.html"), 7, added_by=1)
        await wait_for(lambda: len(poll_jobs(background)) == 2)
        await service.pause(int(listing.id or 0))
        await wait_for(lambda: poll_jobs(background) == {f"{POLL_JOB_PREFIX}1"})
        await service.resume(2)
        await wait_for(
            lambda: poll_jobs(background) == {f"{POLL_JOB_PREFIX}1", f"{POLL_JOB_PREFIX}2"}
        )
    finally:
        await background.shutdown()
    assert not background.scheduler.running


async def test_one_leader_per_database(engine: Engine, database_url: str) -> None:
    other = make_engine(database_url)
    first, second = LeaderLock(engine), LeaderLock(other)
    try:
        assert await asyncio.to_thread(first.try_acquire)
        if engine.dialect.name == "sqlite":
            assert await asyncio.to_thread(second.try_acquire)  # single-process mode
            return
        assert not await asyncio.to_thread(second.try_acquire)
        assert await asyncio.to_thread(first.still_held)
        await asyncio.to_thread(first.release)
        assert await asyncio.to_thread(second.try_acquire)
        assert not await asyncio.to_thread(first.try_acquire)
    finally:
        await asyncio.to_thread(first.release)
        await asyncio.to_thread(second.release)
        other.dispose()


async def test_a_new_article_reaches_the_subscriber_over_http(
    engine: Engine, database_url: str, nlp: Any, fetcher: Fetcher, news_site: NewsSite
) -> None:
    """Feed on the local site -> scheduler poll job -> DB -> outbox -> real Bot over HTTP -> stand-in."""
    api = await BotApiStandIn().start()
    api.blocked.add(3)
    settings = make_settings(
        database_url,
        telegram_api_base=api.base,
        poll_start_jitter_seconds=0,
        delivery_interval_seconds=0.2,
    )
    bot = make_bot(settings)
    h = build(engine, nlp)
    service = make_service(h, fetcher)
    await h.chats.add_subscription(chat_id=1, people=[LUKASHENKO])
    await h.chats.add_subscription(chat_id=-100, people=[LUKASHENKO], kind="phone")
    await h.chats.add_subscription(chat_id=3, people=[LUKASHENKO])
    news_site.feed_items = ["phone"]
    with Session(engine) as session:
        session.add(Source(url=news_site.url("/feed.xml"), kind="rss", interval_minutes=2))
        session.commit()
    background = await start_background(
        app=h.app,
        bot=bot,
        settings=settings,
        sources=service,
        limits=DeliveryLimits(private_interval=0.1, group_interval=0.1),
    )
    try:
        await wait_for(lambda: len(api.delivered) == 2)
        await wait_for(lambda: all(a.state in ("sent", "dropped") for a in h.alerts()))
    finally:
        await background.shutdown()
        await bot.session.close()
        await api.stop()
    assert sorted(d.chat_id for d in api.delivered) == [-100, 1]
    message = next(d for d in api.delivered if d.chat_id == 1)
    assert "телефонный разговор" in message.text and "Лукашенко" in message.text
    assert message.reply_markup is not None
    buttons = message.reply_markup["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["Подробнее", "Отписаться"]
    assert buttons[0]["url"] == news_site.url("/news/phone.html")
    assert not await h.chats.is_active(chat_id=3)  # 403: inactive, subscriptions kept
    assert len(await h.chats.list_subscriptions(chat_id=3)) == 1
    assert {a.state for a in h.alerts()} == {"sent", "dropped"}


@pytest.mark.parametrize("failures", [2])
async def test_admins_hear_once_when_a_source_is_paused(
    engine: Engine,
    database_url: str,
    nlp: Any,
    fetcher: Fetcher,
    news_site: NewsSite,
    failures: int,
) -> None:
    h = build(engine, nlp)
    service = make_service(h, fetcher)
    service.policy = type(service.policy)(pause_after=failures)
    settings = make_settings(database_url, source_failures_before_pause=failures)
    with Session(engine) as session:
        session.add(Source(url=news_site.url("/error"), kind="page"))
        session.commit()
    background = await start_background(app=h.app, bot=h.bot, settings=settings, sources=service)
    try:
        await wait_for(lambda: background.leading)
        for _ in range(failures + 2):
            await service.poll(1, force=True)
    finally:
        await background.shutdown()
    to_admin = [m for m in h.session.accepted if getattr(m, "chat_id", None) == ADMIN]
    assert len(to_admin) == 1
    assert "приостановлен" in to_admin[0].text and "HTTP 500" in to_admin[0].text


async def test_standalone_worker_delivers_queued_alerts(
    engine: Engine, database_url: str, nlp: Any
) -> None:
    from bot.worker import run_worker
    from tests.alerts.conftest import PHONE

    h = build(engine, nlp)
    await h.chats.add_subscription(chat_id=1, people=[LUKASHENKO])
    h.ingest(PHONE)  # the alert waits in the outbox
    api = await BotApiStandIn().start()
    stop = asyncio.Event()
    worker = asyncio.create_task(
        run_worker(make_settings(database_url, telegram_api_base=api.base), stop=stop)
    )
    try:
        await wait_for(lambda: len(api.delivered) == 1, seconds=10)
    finally:
        stop.set()
        await asyncio.wait_for(worker, 10)
        await api.stop()
    assert api.delivered[0].chat_id == 1
    assert {a.state for a in h.alerts()} == {"sent"}
