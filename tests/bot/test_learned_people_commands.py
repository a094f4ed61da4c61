"""/contacts, /subscribe and questions about people learned from articles, through the real bot.

The real Dispatcher with the real AnswerService on a real database (SQLite and PostgreSQL):
the people here are not in retrieval/data/people.json, ingest learned them from an article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import Engine

from bot.app import make_bot, make_dispatcher
from service.app import ContactsApp
from storage.subscriptions import ChatRepository
from tests.bot.conftest import make_settings, message
from tests.bot.fakes import FakeIngestor, FakeSources, RecordingSession

ARTICLE = (
    "date 2024-09-10 Министр Исландии обсудил с Макроном помощь Украине\n\n"
    "Министр иностранных дел Исландии Ульф Ханссон в понедельник, 9 сентября, провел телефонный "
    "разговор с президентом Франции Эммануэлем Макроном. Политики обсудили поддержку Украины.\n"
)


@pytest.fixture
def real_bot(
    engine: Engine,
    nlp,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> Iterator[tuple[Dispatcher, Bot, RecordingSession, ChatRepository]]:
    app = ContactsApp.build(engine, nlp)
    (tmp_path / "iceland.txt").write_text(ARTICLE, encoding="utf-8")
    assert app.ingestor.ingest_paths([str(tmp_path)]).contacts_new == 1
    session = RecordingSession()
    settings = make_settings()
    chats = ChatRepository(engine)
    dispatcher = make_dispatcher(
        settings=settings,
        answers=app.answers,
        ingestor=FakeIngestor(),
        sources=FakeSources(),
        chats=chats,
    )
    yield dispatcher, make_bot(settings, session=session), session, chats
    assert not session.violations, session.violations


async def test_commands_and_questions_know_a_learned_person(
    real_bot: tuple[Dispatcher, Bot, RecordingSession, ChatRepository],
) -> None:
    dispatcher, bot, session, chats = real_bot

    await dispatcher.feed_raw_update(bot, message("/contacts Ханссон", 31))
    assert "Ульф Ханссон" in session.texts()[-1]
    assert "9 сентября 2024" in session.texts()[-1]

    await dispatcher.feed_raw_update(bot, message("когда Макрон говорил с Ханссоном", 31))
    assert "9 сентября 2024" in session.texts()[-1]

    await dispatcher.feed_raw_update(bot, message("/subscribe Ханссона", 31))
    records = await chats.list_subscriptions(chat_id=31)
    assert [r.person_a for r in records] == ["Ульф Ханссон"]


async def test_a_pair_with_an_unknown_person_gets_no_contacts(
    real_bot: tuple[Dispatcher, Bot, RecordingSession, ChatRepository],
) -> None:
    dispatcher, bot, session, _ = real_bot
    await dispatcher.feed_raw_update(bot, message("когда говорили Макрон и Фредериксен", 32))
    text = session.texts()[-1]
    assert "Фредериксен" in text and "Не нашёл контактов" in text
    assert "9 сентября" not in text and "Ханссон" not in text
