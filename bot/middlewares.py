"""Middlewares: chat registration, per-user throttling, and retrying after Telegram's 429."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, Chat, Message, TelegramObject, User

from bot import texts

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

    from storage.subscriptions import ChatRepository

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class ChatRegistrationMiddleware(BaseMiddleware):
    """Store every chat the bot hears from once (so subscriptions and blocks have a row)."""

    def __init__(self, chats: ChatRepository) -> None:
        self._chats = chats
        self._known: set[int] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Register the event's chat on first sight, then go on."""
        chat: Chat | None = data.get("event_chat")
        if chat is not None and chat.id not in self._known:
            await self._chats.register_chat(chat_id=chat.id, kind=chat.type, title=chat.title)
            self._known.add(chat.id)
        return await handler(event, data)


class ThrottlingMiddleware(BaseMiddleware):
    """At most one message or button press per user per `rate` seconds; one polite notice."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = rate
        self._clock = clock
        self._last: dict[int, float] = {}
        self._warned: set[int] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Drop the event when its user is too fast, telling them once."""
        user: User | None = data.get("event_from_user")
        if self._rate <= 0 or user is None:
            return await handler(event, data)
        now = self._clock()
        last = self._last.get(user.id)
        if last is not None and now - last < self._rate:
            if user.id not in self._warned:
                self._warned.add(user.id)
                logger.info("Throttled user %s", user.id)
                await self._notify(event)
            elif isinstance(event, CallbackQuery):
                await event.answer()
            return None
        self._last[user.id] = now
        self._warned.discard(user.id)
        if len(self._last) > 10_000:
            self._forget_before(now - max(self._rate, 60.0))
        return await handler(event, data)

    async def _notify(self, event: TelegramObject) -> None:
        if isinstance(event, (Message, CallbackQuery)):
            await event.answer(texts.THROTTLED)

    def _forget_before(self, moment: float) -> None:
        for user_id in [u for u, t in self._last.items() if t < moment]:
            del self._last[user_id]
            self._warned.discard(user_id)


class RetryAfterMiddleware(BaseRequestMiddleware):
    """On 429 wait `retry_after` seconds and send the request again (a few times at most)."""

    def __init__(self, *, attempts: int = 3, max_wait: float = 60.0) -> None:
        self._attempts = attempts
        self._max_wait = max_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Send the request, sleeping and retrying after flood-control errors."""
        for attempt in range(1, self._attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if attempt == self._attempts or error.retry_after > self._max_wait:
                    raise
                logger.warning(
                    "Telegram asked to wait %s s before %s (attempt %s)",
                    error.retry_after,
                    method.__api_method__,
                    attempt,
                )
                await asyncio.sleep(error.retry_after)
        raise AssertionError("unreachable")  # pragma: no cover
