"""Test doubles: a recording Bot API session and small services following the real signatures."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import AsyncGenerator, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.services import SourceError, SourceHealth, SourceProbe
from ingest.types import IngestReport
from retrieval.types import Query
from service.views import Answer, ContactView, PassageView, SourceView
from storage.models import Source

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_LIMIT = 64


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Failure:
    """An error the session returns instead of a result."""

    method: str
    error_code: int
    description: str
    retry_after: int | None = None
    times: int = 1


class RecordingSession(BaseSession):
    """Records every method the bot calls and answers like Telegram would (aiogram's MockedBot idea).

    Unlike aiogram's mocked session it needs no queued results: it builds plausible ones,
    checks Telegram's limits (violations are collected, not raised) and can inject errors.
    """

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: list[Failure] = []
        self.violations: list[str] = []
        self.files: dict[str, bytes] = {}
        self._ids = itertools.count(5000)

    def fail(
        self,
        method: str,
        error_code: int,
        description: str,
        *,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of `method` fail with this Telegram error."""
        self.failures.append(Failure(method, error_code, description, retry_after, times))

    def sent(self, method_name: str | None = None) -> list[TelegramMethod[Any]]:
        """Recorded calls, optionally of one method (e.g. "sendMessage")."""
        return [r for r in self.requests if method_name in (None, r.__api_method__)]

    def texts(self) -> list[str]:
        """Texts of every sendMessage/editMessageText so far."""
        return [
            getattr(r, "text", "")
            for r in self.requests
            if r.__api_method__ in ("sendMessage", "editMessageText")
        ]

    async def close(self) -> None:
        """Nothing to close."""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109  (aiogram's BaseSession signature)
    ) -> TelegramType:
        """Record, validate, then answer with an error or a built result."""
        self.requests.append(method)
        self._validate(method)
        for failure in self.failures:
            if failure.method == method.__api_method__ and failure.times > 0:
                failure.times -= 1
                payload: dict[str, Any] = {
                    "ok": False,
                    "error_code": failure.error_code,
                    "description": failure.description,
                }
                if failure.retry_after is not None:
                    payload["parameters"] = {"retry_after": failure.retry_after}
                self.check_response(bot, method, failure.error_code, json.dumps(payload))
        result = self._result(method)
        response = self.check_response(bot, method, 200, json.dumps({"ok": True, "result": result}))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109  (aiogram's BaseSession signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        """Serve an uploaded file's bytes by its path."""
        path = url.rsplit("/", 1)[-1]
        yield self.files[path]

    def _validate(self, method: TelegramMethod[Any]) -> None:
        name = method.__api_method__
        text = getattr(method, "text", None)
        if name in ("sendMessage", "editMessageText") and (
            not text or utf16_len(text) > TEXT_LIMIT
        ):
            self.violations.append(f"{name}: text length {utf16_len(text or '')}")
        caption = getattr(method, "caption", None)
        if caption and utf16_len(caption) > CAPTION_LIMIT:
            self.violations.append(f"{name}: caption length {utf16_len(caption)}")
        markup = getattr(method, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", None) or []:
            for button in row:
                data = button.callback_data or ""
                if len(data.encode()) > CALLBACK_LIMIT:
                    self.violations.append(f"{name}: callback data {data!r} too long")
        for entity in getattr(method, "entities", None) or []:
            if text is None or entity.offset + entity.length > utf16_len(text):
                self.violations.append(f"{name}: entity {entity.type} out of range")
            if entity.type == "text_link" and not (entity.url or "").startswith("http"):
                self.violations.append(f"{name}: bad link {entity.url!r}")

    def _message(self, method: TelegramMethod[Any], **extra: Any) -> dict[str, Any]:
        chat_id = getattr(method, "chat_id", None) or 1
        return {
            "message_id": getattr(method, "message_id", None) or next(self._ids),
            "date": int(dt.datetime.now(dt.UTC).timestamp()),
            "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "group"},
            **extra,
        }

    def _result(self, method: TelegramMethod[Any]) -> Any:
        name = method.__api_method__
        if name == "getMe":
            return {
                "id": 42,
                "is_bot": True,
                "first_name": "Контакты",
                "username": "contacts_test_bot",
                "supports_inline_queries": True,
            }
        if name in ("sendMessage", "editMessageText"):
            return self._message(method, text=getattr(method, "text", "") or "")
        if name == "sendPhoto":
            photo = {"file_id": "p1", "file_unique_id": "p1", "width": 1200, "height": 600}
            return self._message(method, photo=[photo])
        if name == "editMessageReplyMarkup":
            return self._message(method, text="…")
        if name == "getFile":
            file_id = getattr(method, "file_id", "")
            return {"file_id": file_id, "file_unique_id": file_id, "file_path": file_id}
        return True


def source(
    day: dt.date, outlet: str = "ТАСС", snippet: str = "Лавров и Рубио поговорили."
) -> SourceView:
    """A cited article."""
    return SourceView(
        article_id=f"a{day.isoformat()}",
        url=f"https://tass.ru/politika/{day:%Y%m%d}",
        title="Новость",
        published=day,
        outlet=outlet,
        snippet=snippet,
    )


def contact(
    contact_id: int,
    day: dt.date | None,
    kind: str,
    people: Sequence[str],
    *,
    status: str = "happened",
    place: str | None = None,
    snippet: str | None = None,
    sources: int = 1,
) -> ContactView:
    """A contact with `sources` citations."""
    text = snippet or f"{' и '.join(people)}: {kind} {day}."
    cited = tuple(source(day or dt.date(2025, 1, 1), snippet=text) for _ in range(sources))
    return ContactView(
        id=contact_id,
        date=day,
        date_precision="day" if day else None,
        kind=kind,
        status=status,
        participants=tuple(sorted(people)),
        place=place,
        initiator=None,
        sources=cited,
    )


LAVROV = "Сергей Лавров"
RUBIO = "Марко Рубио"
BLINKEN = "Энтони Блинкен"
WORDY = "Тест Многословный"
GUEST = "Гость Разговорчивый"

ALIASES = {
    "лавров": LAVROV,
    "лаврова": LAVROV,
    "lavrov": LAVROV,
    "рубио": RUBIO,
    "rubio": RUBIO,
    "блинкен": BLINKEN,
    "блинкена": BLINKEN,
    "многословный": WORDY,
    "разговорчивый": GUEST,
}
PEOPLE = (LAVROV, RUBIO, BLINKEN, WORDY, GUEST)


def sample_contacts() -> list[ContactView]:
    """Lavrov–Rubio (a call and a meeting), a planned Lavrov–Blinken meeting, 40 wordy ones."""
    items = [
        contact(1, dt.date(2025, 2, 15), "phone", [LAVROV, RUBIO], snippet="Лавров и Рубио <b>провели</b> телефонный разговор & обсудили Украину."),
        contact(2, dt.date(2025, 2, 18), "meeting", [LAVROV, RUBIO], place="Эр-Рияд", sources=2),
        contact(3, dt.date(2025, 3, 1), "meeting", [LAVROV, BLINKEN], status="planned"),
        contact(4, dt.date(2024, 1, 5), "talks", [LAVROV, BLINKEN], status="cancelled"),
    ]  # fmt: skip
    long_snippet = "Очень длинная цитата о переговорах. " * 20
    for n in range(40):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=7 * n)
        items.append(
            contact(100 + n, day, "talks", [WORDY, GUEST], snippet=long_snippet, sources=2)
        )
    return items


@dataclass
class FakeAnswers:
    """An answer service over a fixed list of contacts (same signatures as AnswerService)."""

    items: list[ContactView] = field(default_factory=sample_contacts)
    asked: list[str] = field(default_factory=list)
    refreshed: int = 0

    def _people(self, text: str) -> list[str]:
        names: list[str] = []
        for word in text.replace("?", " ").replace(",", " ").split():
            name = ALIASES.get(word.lower().strip("«»\"'.!"))
            if name and name not in names:
                names.append(name)
        return names

    async def ask(self, question: str) -> Answer:
        """People questions get contacts; «переговоры» without names gets passages."""
        self.asked.append(question)
        people = tuple(self._people(question))
        query = Query(text=question, people=people, intent="when" if people else "search")
        if people:
            found = await self.contacts(people)
            return Answer(question, query, "…", tuple(found), found=bool(found))
        if "переговоры" in question.lower():
            src = source(dt.date(2025, 2, 18), snippet="Переговоры прошли в Эр-Рияде.")
            passage = PassageView(text=src.snippet, score=1.0, source=src)
            return Answer(question, query, "…", passages=(passage,), found=True)
        return Answer(question, query, "Ничего не нашёл.")

    async def contacts(
        self, people: Sequence[str], *, kinds: Collection[str] | None = None
    ) -> list[ContactView]:
        """Contacts involving all the people, newest first."""
        found = [
            c
            for c in self.items
            if set(people) <= set(c.participants) and (not kinds or c.kind in kinds)
        ]
        return sorted(found, key=lambda c: c.date or dt.date.min, reverse=True)

    async def contact(self, contact_id: int) -> ContactView | None:
        """One contact."""
        return next((c for c in self.items if c.id == contact_id), None)

    async def resolve_people(self, text: str) -> list[str]:
        """Surnames to canonical names."""
        return self._people(text)

    async def stats(self) -> dict[str, int | str | None]:
        """Fixed figures."""
        return {"articles": 12, "contacts": len(self.items), "last_ingested": "2025-02-18"}

    async def refresh(self) -> None:
        """Count rebuilds."""
        self.refreshed += 1


@dataclass
class FakeIngestor:
    """Remembers uploads and reports one new article with one contact."""

    uploads: list[tuple[bytes, str]] = field(default_factory=list)

    async def ingest_bytes(self, data: bytes, filename: str) -> IngestReport:
        """Record the upload."""
        self.uploads.append((data, filename))
        return IngestReport(new=1, contacts_new=1)


@dataclass
class FakeSources:
    """Sources in memory."""

    rows: dict[int, Source] = field(default_factory=dict)
    polled: int = 0

    async def probe(self, url: str) -> SourceProbe:
        """Any https URL is a feed with 5 articles and 2 contacts."""
        if not url.startswith("https://"):
            raise SourceError("bad_url")
        return SourceProbe(url=url, kind="rss", title="Лента <новостей>", articles=5, contacts=2)

    async def add(self, url: str, interval_minutes: int, added_by: int) -> Source:
        """Store in memory."""
        if any(s.url == url for s in self.rows.values()):
            raise SourceError("exists")
        row = Source(id=len(self.rows) + 1, url=url, kind="rss", interval_minutes=interval_minutes)
        row.added_by = added_by
        self.rows[row.id or 0] = row
        return row

    async def list_health(self) -> list[SourceHealth]:
        """Health of the stored rows."""
        return [
            SourceHealth(
                id=r.id or 0,
                url=r.url,
                kind=r.kind,
                title=r.title,
                interval_minutes=r.interval_minutes,
                paused=r.paused,
                last_success_at=None,
                consecutive_failures=0,
                last_error=None,
                articles_per_day=2.5,
                contacts_found=3,
            )
            for r in self.rows.values()
        ]

    def _get(self, source_id: int) -> Source:
        if source_id not in self.rows:
            raise SourceError("not_found")
        return self.rows[source_id]

    async def delete(self, source_id: int) -> None:
        """Forget a row."""
        self._get(source_id)
        del self.rows[source_id]

    async def pause(self, source_id: int) -> None:
        """Pause a row."""
        self._get(source_id).paused = True

    async def resume(self, source_id: int) -> None:
        """Resume a row."""
        self._get(source_id).paused = False

    async def poll_now(self) -> IngestReport:
        """Three new articles, one new contact."""
        self.polled += 1
        return IngestReport(new=3, duplicate=1, contacts_new=1)
