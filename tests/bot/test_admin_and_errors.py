"""Admin commands, refusals, the error router, Telegram errors, throttling and webhooks."""

from __future__ import annotations

import asyncio
import logging

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine

from bot import app as bot_app
from bot.services import SourceError
from storage.db import session_scope
from storage.models import Chat
from tests.bot.conftest import ADMIN_ID, BotHarness, build_harness, callback, message
from tests.bot.fakes import LAVROV
from tests.bot.test_user_flows import buttons


async def test_addsource_dry_run_then_confirm(harness: BotHarness) -> None:
    await harness.feed(message("/addsource https://tass.ru/rss/v2.xml 15", ADMIN_ID))
    probe = harness.last("sendMessage")
    assert "Статей сейчас: 5" in probe.text
    assert "Контактов в них: 2" in probe.text
    assert "Лента <новостей>" in probe.text
    confirm = dict(buttons(probe))["✅ Добавить"]
    await harness.feed(callback(confirm, ADMIN_ID))
    assert "Источник №1 добавлен" in harness.last("editMessageText").text
    assert harness.sources.rows[1].interval_minutes == 15
    await harness.feed(callback(confirm, ADMIN_ID))  # used once
    assert "устарела" in (harness.last("answerCallbackQuery").text or "")


async def test_addsource_explains_bad_input(harness: BotHarness) -> None:
    await harness.feed(message("/addsource", ADMIN_ID))
    assert "Укажите адрес" in harness.last_text()
    await harness.feed(message("/addsource ftp://example.com", ADMIN_ID))
    assert "http:// или https://" in harness.last_text()


async def test_sources_pause_resume_delete(harness: BotHarness) -> None:
    await harness.sources.add("https://ria.ru/export/rss2/index.xml", 10, ADMIN_ID)
    await harness.feed(message("/sources", ADMIN_ID))
    listing = harness.last_text()
    assert "№1" in listing and "статей в день: 2.5" in listing and "контактов: 3" in listing
    await harness.feed(message("/pause 1", ADMIN_ID))
    assert harness.sources.rows[1].paused
    await harness.feed(message("/resume 1", ADMIN_ID))
    assert not harness.sources.rows[1].paused
    await harness.feed(message("/delsource 1", ADMIN_ID))
    assert "удалён" in harness.last_text()
    await harness.feed(message("/delsource 1", ADMIN_ID))
    assert "Нет источника" in harness.last_text()
    await harness.feed(message("/pause abc", ADMIN_ID))
    assert "номер источника" in harness.last_text()


async def test_ingest_and_stats(harness: BotHarness) -> None:
    await harness.feed(message("/ingest", ADMIN_ID))
    assert "Новых статей: 3" in harness.last_text()
    assert harness.answers.refreshed == 1
    await harness.feed(message("/stats", ADMIN_ID))
    assert "Статей: 12" in harness.last_text()


async def test_uploaded_file_is_ingested(harness: BotHarness) -> None:
    harness.session.files["doc1"] = "Лавров и Рубио провели разговор.".encode()
    document = {"file_id": "doc1", "file_unique_id": "u1", "file_name": "news.txt", "file_size": 60}
    await harness.feed(message(None, ADMIN_ID, document=document))
    assert harness.ingestor.uploads == [("Лавров и Рубио провели разговор.".encode(), "news.txt")]
    assert "Файл news.txt" in harness.last_text()
    assert "Новых контактов: 1" in harness.last_text()
    exe = {"file_id": "doc2", "file_unique_id": "u2", "file_name": "virus.exe", "file_size": 60}
    await harness.feed(message(None, ADMIN_ID, document=exe))
    assert ".txt, .html и .jsonl" in harness.last_text()


@pytest.mark.parametrize(
    "command", ["/addsource https://x.ru", "/sources", "/delsource 1", "/ingest", "/stats"]
)
async def test_admin_commands_are_refused_to_others(
    harness: BotHarness, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        await harness.feed(message(command, 31))
    assert harness.last_text() == "Эта команда только для администраторов бота."
    assert "Refused admin action from user 31" in caplog.text
    assert harness.sources.rows == {} and harness.sources.polled == 0


async def test_uploads_from_others_are_refused(harness: BotHarness) -> None:
    document = {"file_id": "d", "file_unique_id": "d", "file_name": "a.txt", "file_size": 5}
    await harness.feed(message(None, 32, document=document))
    assert "только для администраторов" in harness.last_text()
    assert harness.ingestor.uploads == []


async def test_any_failure_gets_an_apology_and_a_log_line(
    harness: BotHarness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(question: str) -> None:
        raise RuntimeError("index on fire")

    monkeypatch.setattr(harness.answers, "ask", broken)
    update = message("Лавров Рубио", 33)
    with caplog.at_level(logging.ERROR):
        await harness.feed(update)
    assert "Простите" in harness.last_text()
    assert f"Update {update['update_id']} failed" in caplog.text


async def test_domain_errors_are_answered_in_words(harness: BotHarness) -> None:
    async def refuse(url: str) -> None:
        raise SourceError("private")

    harness.sources.probe = refuse  # type: ignore[assignment,method-assign]
    await harness.feed(message("/addsource http://10.0.0.1/", ADMIN_ID))
    assert "внутреннюю сеть" in harness.last_text()


async def test_a_user_who_blocked_the_bot_is_paused_until_start(harness: BotHarness) -> None:
    await harness.feed(message("/subscribe Лавров", 34))
    harness.session.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await harness.feed(message("Лавров Рубио", 34))
    assert not await harness.chats.is_active(chat_id=34)
    with session_scope(harness.engine) as session:
        blocked = session.get(Chat, 34)
        assert blocked is not None and blocked.blocked_at is not None
    await harness.feed(message("/start", 34))
    assert await harness.chats.is_active(chat_id=34)
    assert "подписки снова работают" in harness.last_text()


async def test_flood_control_429_waits_and_retries(harness: BotHarness) -> None:
    harness.session.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await harness.feed(message("/help", 35))
    sends = harness.session.sent("sendMessage")
    assert len(sends) == 2 and sends[0] is sends[1]  # the same request, sent again
    assert "Как спрашивать" in harness.last_text()


async def test_a_flooding_user_is_throttled_politely(bot_engine: Engine) -> None:
    harness = build_harness(bot_engine, throttle_seconds=30)
    for _ in range(4):
        await harness.feed(message("Лавров Рубио", 36))
    assert len(harness.answers.asked) == 1
    notices = [t for t in harness.session.texts() if t.startswith("Не так быстро")]
    assert len(notices) == 1
    await harness.feed(message("Лавров Рубио", 37))  # another user is not affected
    assert len(harness.answers.asked) == 2


async def test_webhook_needs_the_secret_token(bot_engine: Engine) -> None:
    harness = build_harness(bot_engine)
    app = bot_app.make_webhook_app(harness.bot, harness.dispatcher, secret="s3cret", path="/wh")
    update = message("/help", 38)
    async with TestClient(TestServer(app)) as client:
        refused = await client.post("/wh", json=update)
        assert refused.status == 401
        accepted = await client.post(
            "/wh", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
        )
        assert accepted.status == 200
        for _ in range(200):  # the update is handled in the background
            if harness.session.texts():
                break
            await asyncio.sleep(0.02)
    assert "Как спрашивать" in harness.last_text()


def test_placeholder_token_refuses_to_start() -> None:
    from tests.bot.conftest import make_settings

    problem = bot_app.configuration_problem(make_settings(bot_token="123456:CHANGE-ME"))
    assert problem is not None and "BOT_TOKEN" in problem
    webhook = make_settings(webhook_url="https://bot.example/wh", webhook_secret="")
    assert "WEBHOOK_SECRET" in (bot_app.configuration_problem(webhook) or "")
    assert bot_app.configuration_problem(make_settings()) is None


async def test_subscriptions_survive_in_the_database(harness: BotHarness) -> None:
    await harness.feed(message("/subscribe Лавров", 39))
    fresh = await harness.chats.list_subscriptions(chat_id=39)
    assert [r.person_a for r in fresh] == [LAVROV]
