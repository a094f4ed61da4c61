"""Fixtures for in-process bot tests: the real Dispatcher, a recording session, fakes, a real DB."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import Engine

from bot.app import make_bot, make_dispatcher
from bot.config import Settings
from storage.db import make_engine, migrate, session_scope
from storage.models import Person
from storage.subscriptions import ChatRepository
from tests.bot.fakes import PEOPLE, FakeAnswers, FakeIngestor, FakeSources, RecordingSession
from tests.conftest import DATABASES, fresh_database

ADMIN_ID = 1001
_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def make_settings(**overrides: Any) -> Settings:
    """Settings for tests, independent of the environment's .env."""
    values: dict[str, Any] = {
        "bot_token": "42:TEST-token",
        "admin_ids": frozenset({ADMIN_ID}),
        "database_url": "sqlite://",
        "throttle_seconds": 0.0,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def user(user_id: int) -> dict[str, Any]:
    """A Telegram user."""
    return {"id": user_id, "is_bot": False, "first_name": "Тест", "language_code": "ru"}


def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
    """A Telegram chat."""
    data: dict[str, Any] = {"id": chat_id, "type": kind}
    if kind != "private":
        data["title"] = "Группа"
    return data


def message(
    text: str | None,
    user_id: int,
    *,
    chat_id: int | None = None,
    kind: str = "private",
    **extra: Any,
) -> dict[str, Any]:
    """A raw message update (commands get their bot_command entity)."""
    body: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": chat(chat_id or user_id, kind),
        "from": user(user_id),
        **extra,
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            length = len(text.split()[0].encode("utf-16-le")) // 2
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": next(_update_ids), "message": body}


def callback(data: str, user_id: int, *, message_id: int = 77, text: str = "…") -> dict[str, Any]:
    """A raw callback query update under a bot message."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": f"cb{next(_update_ids)}",
            "from": user(user_id),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat(user_id),
                "from": {"id": 42, "is_bot": True, "first_name": "Бот"},
                "text": text,
            },
        },
    }


def inline(query: str, user_id: int) -> dict[str, Any]:
    """A raw inline query update."""
    return {
        "update_id": next(_update_ids),
        "inline_query": {
            "id": f"iq{next(_update_ids)}",
            "from": user(user_id),
            "query": query,
            "offset": "",
        },
    }


@dataclass
class BotHarness:
    """The real Dispatcher with fakes behind it; `feed` pushes a raw update."""

    dispatcher: Dispatcher
    bot: Bot
    session: RecordingSession
    answers: FakeAnswers
    ingestor: FakeIngestor
    sources: FakeSources
    chats: ChatRepository
    engine: Engine

    async def feed(self, update: dict[str, Any]) -> None:
        """Process one update through every middleware, filter, handler and the error router."""
        await self.dispatcher.feed_raw_update(self.bot, update)

    def last_text(self) -> str:
        """Text of the last sent or edited message."""
        texts = self.session.texts()
        assert texts, (
            f"the bot sent no text; calls: {[r.__api_method__ for r in self.session.requests]}"
        )
        return texts[-1]

    def last(self, method_name: str) -> Any:
        """The last call of a method."""
        calls = self.session.sent(method_name)
        assert calls, (
            f"no {method_name}; calls: {[r.__api_method__ for r in self.session.requests]}"
        )
        return calls[-1]


@pytest.fixture(params=DATABASES)
def bot_engine(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_template: str | None
) -> Iterator[Engine]:
    """A fresh database (SQLite or PostgreSQL) with the schema and the fakes' people."""
    with fresh_database(request.param, tmp_path, postgres_template) as url:
        engine = make_engine(url)
        migrate(engine)
        yield from _with_people(engine)


def _with_people(engine: Engine) -> Iterator[Engine]:
    with session_scope(engine) as session:
        for name in PEOPLE:
            session.add(Person(name=name))
    yield engine
    engine.dispose()


def build_harness(engine: Engine, **settings: Any) -> BotHarness:
    """A fresh bot and dispatcher (routers are built anew each time)."""
    session = RecordingSession()
    config = make_settings(**settings)
    bot = make_bot(config, session=session)
    answers, ingestor, sources = FakeAnswers(), FakeIngestor(), FakeSources()
    chats = ChatRepository(engine)
    dispatcher = make_dispatcher(
        settings=config, answers=answers, ingestor=ingestor, sources=sources, chats=chats
    )
    return BotHarness(dispatcher, bot, session, answers, ingestor, sources, chats, engine)


@pytest.fixture
def harness(bot_engine: Engine) -> Iterator[BotHarness]:
    """The bot under test; fails the test if any call broke a Telegram limit."""
    built = build_harness(bot_engine)
    yield built
    assert not built.session.violations, built.session.violations
