"""Fixtures for alert tests: the real ingestor with the outbox sink, a recording bot, a settable clock."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Bot
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.alerts import AlertDeliverer, AlertSink, DeliveryLimits
from bot.app import make_bot
from bot.config import Settings
from ingest.types import IngestReport, RawDocument
from service.app import ContactsApp
from storage.models import Alert
from storage.subscriptions import ChatRepository
from tests.bot.fakes import RecordingSession

PUTIN, LUKASHENKO, BLINKEN = "Владимир Путин", "Александр Лукашенко", "Энтони Блинкен"

# Synthetic news: a planned meeting, then the report that it happened, then a phone call.
PLANNED = (
    "Путин и Лукашенко проведут переговоры в Минске 12 марта 2024 года. Об этом сообщил Песков.",
    dt.date(2024, 3, 10),
)
HAPPENED = (
    "Президент России Владимир Путин и президент Белоруссии Александр Лукашенко провели "
    "переговоры в Минске. Встреча прошла 12 марта 2024 года.",
    dt.date(2024, 3, 12),
)
PHONE = (
    "Президент России Владимир Путин провел телефонный разговор с президентом Белоруссии "
    "Александром Лукашенко. Стороны обсудили сотрудничество.",
    dt.date(2024, 3, 20),
)
# The same call retold by another outlet: another source of the same contact, not a new one.
PHONE_RETOLD = (
    "Владимир Путин провел телефонный разговор с Александром Лукашенко, сообщает пресс-служба "
    "Кремля. Стороны обсудили сотрудничество и подготовку визита.",
    dt.date(2024, 3, 20),
)


class Recorder(RecordingSession):
    """The bot tests' recorder, also keeping the calls Telegram accepted (failed ones are not sent)."""

    def __init__(self, *, delay: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.accepted: list[Any] = []
        self._delay = delay

    async def make_request(self, bot: Bot, method: Any, timeout: int | None = None) -> Any:  # noqa: ASYNC109
        """Answer like the recorder, after an optional delay (a slow network)."""
        if self._delay is not None:
            await asyncio.sleep(self._delay())
        result = await super().make_request(bot, method, timeout)
        self.accepted.append(method)
        return result


class Clock:
    """A settable UTC clock."""

    def __init__(self, now: dt.datetime | None = None) -> None:
        self.now = now or dt.datetime(2024, 3, 20, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def settings() -> Settings:
    """Settings independent of the environment."""
    return Settings(_env_file=None, bot_token="42:TEST-token", database_url="sqlite://")  # type: ignore[call-arg]


FAST = DeliveryLimits(
    overall_per_second=10_000, private_interval=0, group_interval=0, concurrency=8
)


@dataclass
class AlertHarness:
    """A real ingestor whose contacts fill the outbox, and a deliverer sending through a recorder."""

    app: ContactsApp
    sink: AlertSink
    chats: ChatRepository
    session: Recorder
    bot: Bot
    deliverer: AlertDeliverer
    clock: Clock
    engine: Engine
    _urls: int = 0

    def ingest(self, sample: tuple[str, dt.date], *, url: str | None = None) -> IngestReport:
        """Ingest one synthetic article."""
        self._urls += 1
        text, published = sample
        doc = RawDocument(
            text=text,
            origin=url or f"https://news.example/{self._urls}",
            url=url or f"https://news.example/{self._urls}",
            title="Новость",
            published=published,
        )
        return self.app.ingestor.ingest_items([doc])

    def sent(self) -> list[Any]:
        """Every recorded sendMessage."""
        return [m for m in self.session.accepted if m.__api_method__ == "sendMessage"]

    def sent_to(self, chat_id: int) -> list[Any]:
        """Recorded sendMessage calls to one chat."""
        return [m for m in self.sent() if m.chat_id == chat_id]

    def alerts(self) -> list[Alert]:
        """Every outbox row."""
        with Session(self.engine) as session:
            return list(session.exec(select(Alert).order_by(Alert.id)).all())  # type: ignore[arg-type]


def build(
    engine: Engine,
    nlp: Any,
    *,
    limits: DeliveryLimits = FAST,
    session: Recorder | None = None,
    retry_middleware: bool = False,
) -> AlertHarness:
    """A harness on an engine (a fresh recorder unless one is given)."""
    clock = Clock()
    sink = AlertSink(clock=clock)
    app = ContactsApp.build(engine, nlp, on_contact_event=sink)
    recorder = session or Recorder()
    bot = (
        make_bot(settings(), session=recorder)
        if retry_middleware
        else Bot("42:TEST-token", session=recorder)
    )
    deliverer = AlertDeliverer(
        engine=engine, bot=bot, load_contact=app.answers.contact_sync, limits=limits, clock=clock
    )
    return AlertHarness(app, sink, ChatRepository(engine), recorder, bot, deliverer, clock, engine)


@pytest.fixture
def harness(engine: Engine, nlp: Any) -> AlertHarness:
    """The alert harness on a fresh database (SQLite and PostgreSQL)."""
    return build(engine, nlp)
