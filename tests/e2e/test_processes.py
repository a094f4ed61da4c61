"""Several bot processes (webhook mode) on one PostgreSQL: all answer, exactly one polls sources."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import ClientSession, web
from sqlmodel import Session

from storage.db import make_engine
from storage.models import Source
from tests.conftest import fresh_database
from tests.e2e.botapi_stub import BotApiStub
from tests.e2e.conftest import REPO, TOKEN, _ingest_sample, _stop, fresh_user

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.asyncio(loop_scope="session")]

SECRET = "e2e-webhook-secret"
ARTICLE = """<html><head><title>Путин и Мирзиёев поговорили по телефону</title>
<meta property="article:published_time" content="2025-03-07T12:00:00+03:00"></head>
<body><article><h1>Путин и Мирзиёев поговорили по телефону</h1>
<p>ТАШКЕНТ, 7 марта 2025. Президент России Владимир Путин провел телефонный разговор с
президентом Узбекистана Шавкатом Мирзиёевым, сообщили в Кремле.</p>
<p>Стороны обсудили торговлю, транспортные коридоры и подготовку будущих контактов.</p>
</article></body></html>"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class NewsSite:
    """A local site with one feed; counts how often the feed is fetched."""

    def __init__(self) -> None:
        self.feed_hits = 0
        self.base = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/feed.xml", self._feed)
        app.router.add_get("/news/1.html", self._article)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.base = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _feed(self, _request: web.Request) -> web.Response:
        self.feed_hits += 1
        rss = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
        <title>Новости</title><link>{self.base}/</link><description>лента</description>
        <item><title>Путин и Мирзиёев поговорили по телефону</title>
        <link>{self.base}/news/1.html</link><pubDate>Fri, 07 Mar 2025 12:00:00 +0300</pubDate>
        </item></channel></rss>"""
        return web.Response(text=rss, content_type="application/rss+xml")

    async def _article(self, _request: web.Request) -> web.Response:
        return web.Response(text=ARTICLE, content_type="text/html")


@pytest_asyncio.fixture(loop_scope="session")
async def cluster(tmp_path: Path, postgres_template: str | None) -> AsyncIterator[dict[str, Any]]:
    """Two webhook bot processes sharing one PostgreSQL database, a feed and a stand-in."""
    with fresh_database("postgres", tmp_path, postgres_template) as url:
        site = NewsSite()
        await site.start()
        engine = make_engine(url)
        with Session(engine) as session:
            session.add(Source(url=f"{site.base}/feed.xml", kind="rss", interval_minutes=2))
            session.commit()
        engine.dispose()
        stub = BotApiStub(TOKEN)
        api = await stub.start()
        base_env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("WEBHOOK_", "TELEGRAM_", "BOT_", "ADMIN_", "DATABASE_"))
        }
        base_env.update(
            PYTHONPATH=str(REPO), BOT_TOKEN=TOKEN, DATABASE_URL=url, TELEGRAM_API_BASE=api,
            THROTTLE_SECONDS="0", ALLOW_PRIVATE_SOURCES="true", RUN_SCHEDULER="true",
            POLL_START_JITTER_SECONDS="0", LEADER_CHECK_SECONDS="1", DELIVERY_INTERVAL_SECONDS="1",
            WEBHOOK_SECRET=SECRET, WEBHOOK_HOST="127.0.0.1", LOG_LEVEL="INFO",
        )  # fmt: skip
        await asyncio.to_thread(_ingest_sample, url, base_env)
        processes = []
        for i in range(2):
            port = free_port()
            env = {**base_env, "WEBHOOK_PORT": str(port),
                   "WEBHOOK_URL": f"http://127.0.0.1:{port}/webhook"}  # fmt: skip
            log = tmp_path / f"bot{i}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(  # noqa: ASYNC220  (long-lived child, stopped below)
                    [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, stdout=out, stderr=out
                )
            processes.append({"process": process, "port": port, "log": log})
        try:
            for _ in range(900):
                if all("Webhook server on" in p["log"].read_text() for p in processes):
                    break
                for p in processes:
                    if p["process"].poll() is not None:
                        pytest.fail(f"a bot exited:\n{p['log'].read_text()[-4000:]}")
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the bots never started:\n" + processes[0]["log"].read_text()[-4000:])
            yield {"stub": stub, "site": site, "processes": processes}
        finally:
            for p in processes:
                await _stop(p["process"])
            await stub.stop()
            await site.stop()


async def post_update(port: int, update: dict[str, Any], secret: str = SECRET) -> int:
    async with ClientSession() as http:
        response = await http.post(
            f"http://127.0.0.1:{port}/webhook",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": secret},
        )
        return response.status


async def test_two_processes_one_poller_both_answer_new_articles(cluster: dict[str, Any]) -> None:
    stub: BotApiStub = cluster["stub"]
    site: NewsSite = cluster["site"]
    processes = cluster["processes"]
    for _ in range(600):  # the leader polls the feed right after taking over
        if site.feed_hits:
            break
        await asyncio.sleep(0.1)
    assert site.feed_hits >= 1, processes[0]["log"].read_text()[-3000:]
    await asyncio.sleep(3)  # both processes have checked leadership several times meanwhile
    assert site.feed_hits == 1  # polled once: exactly one process runs the jobs
    leaders = [p for p in processes if "now runs the scheduler" in p["log"].read_text()]
    assert len(leaders) == 1

    for p in processes:  # each process answers about the article the leader just ingested
        user = fresh_user()
        stub.send_text(user, "когда говорили Путин и Мирзиёев")
        assert await post_update(p["port"], stub.take_update()) == 200
        reply = await stub.wait_for_call(
            lambda c, u=user: (
                c.ok and c.method == "sendMessage" and str(c.params.get("chat_id")) == str(u)
            ),
            after=0,
            within=30,
        )
        assert "7 марта 2025" in reply.params["text"]

    stub.send_text(fresh_user(), "/start")
    assert await post_update(processes[0]["port"], stub.take_update(), secret="wrong") == 401
