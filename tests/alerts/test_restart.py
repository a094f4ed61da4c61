"""Deliveries interrupted at random points, then restarted: every alert arrives exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import Counter
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError
from sqlalchemy import Engine

from bot.alerts import AlertDeliverer
from tests.alerts.conftest import FAST, HAPPENED, PHONE, PLANNED, PUTIN, Recorder, build

CHATS = 40


class FlakyRecorder(Recorder):
    """A slow network that sometimes fails before Telegram sees the request."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__(delay=lambda: rng.uniform(0, 0.004))
        self._rng = rng

    async def make_request(self, bot: Bot, method: Any, timeout: int | None = None) -> Any:  # noqa: ASYNC109
        """Fail one request in ten with a network error (not delivered)."""
        if method.__api_method__ == "sendMessage" and self._rng.random() < 0.1:
            await asyncio.sleep(0)
            raise TelegramNetworkError(method=method, message="connection reset")
        return await super().make_request(bot, method, timeout)


async def test_random_interruptions_deliver_every_alert_exactly_once(
    engine: Engine, nlp: Any
) -> None:
    rng = random.Random(20240320)
    recorder = FlakyRecorder(rng)
    h = build(engine, nlp, session=recorder)
    for chat_id in range(1, CHATS + 1):
        await h.chats.add_subscription(chat_id=chat_id, people=[PUTIN])
    for sample in (PLANNED, HAPPENED, PHONE):
        h.ingest(sample)
    expected = {(a.chat_id, a.contact_id, a.event) for a in h.alerts()}
    assert len(expected) == CHATS * 3

    restarts = 0
    while any(a.state != "sent" for a in h.alerts()):
        assert restarts < 200, Counter(a.state for a in h.alerts())
        restarts += 1
        h.clock.advance(minutes=15)  # past any retry backoff
        deliverer = AlertDeliverer(
            engine=engine,
            bot=h.bot,
            load_contact=h.app.answers.contact_sync,
            limits=FAST,
            clock=h.clock,
        )
        await deliverer.recover()
        stop = asyncio.Event()
        task = asyncio.create_task(deliverer.run(stop, idle_seconds=0.01))
        # SIGTERM at a random point; the window widens with each restart, so a loaded
        # machine (CI beside other jobs) still makes progress between interruptions
        await asyncio.sleep(rng.uniform(0.0, 0.12) + 0.01 * restarts)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await deliverer.drain()  # the process exits once the shielded sends are done

    assert restarts > 2  # the interruptions did land in the middle of deliveries
    per_chat = Counter(m.chat_id for m in h.sent())
    assert set(per_chat) == set(range(1, CHATS + 1))
    # one message per alert, none twice: happened/new of one contact are different events
    assert sum(per_chat.values()) == len(expected)
    assert all(count == 3 for count in per_chat.values())
    assert {a.state for a in h.alerts()} == {"sent"}


async def test_hard_kill_of_the_delivery_process_loses_nothing(
    engine: Engine, database_url: str, nlp: Any
) -> None:
    """SIGKILL a real delivery process (HTTP to a Bot API stand-in) three times, then let it finish."""
    import os
    import signal
    import sys

    import pytest

    from tests.alerts.botapi import BotApiStandIn

    if engine.dialect.name != "sqlite":
        pytest.skip("one database is enough for the process test")
    h = build(engine, nlp)
    chats = 60
    for chat_id in range(1, chats + 1):
        await h.chats.add_subscription(chat_id=chat_id, people=[PUTIN])
    for sample in (PLANNED, HAPPENED, PHONE):
        h.ingest(sample)
    expected = Counter((a.chat_id, a.contact_id) for a in h.alerts())
    api = await BotApiStandIn(per_second=1000, max_delay=0.01).start()
    rng = random.Random(7)
    kills = 0

    async def start() -> asyncio.subprocess.Process:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.alerts.deliver_process",
            database_url,
            api.base,
            stdout=asyncio.subprocess.PIPE,
            cwd=os.getcwd(),
        )
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        assert line.strip() == b"ready"
        return process

    try:
        for _ in range(3):
            process = await start()
            await asyncio.sleep(rng.uniform(0.05, 0.2))
            os.kill(process.pid, signal.SIGKILL)
            await process.wait()
            kills += 1
        process = await start()
        for _ in range(200):
            if all(a.state == "sent" for a in h.alerts()):
                break
            await asyncio.sleep(0.05)
        process.terminate()
        await process.wait()
    finally:
        await api.stop()

    got = Counter(api.delivered[i].chat_id for i in range(len(api.delivered)))
    assert {a.state for a in h.alerts()} == {"sent"}
    assert set(got) == set(range(1, chats + 1))  # lost: none
    duplicates = len(api.delivered) - sum(expected.values())
    # only a kill inside Telegram's round trip (accepted, not yet marked) can repeat a message,
    # at most once per message in flight (concurrency 4)
    assert 0 <= duplicates <= kills * 4, duplicates
