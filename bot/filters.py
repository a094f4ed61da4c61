"""Filters: admins only; questions are any text in private chats, mentions in groups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, User

if TYPE_CHECKING:
    from aiogram import Bot


class IsAdmin(Filter):
    """The update comes from a user listed in ADMIN_IDS."""

    async def __call__(
        self,
        event: TelegramObject,
        admin_ids: frozenset[int],
        event_from_user: User | None = None,
    ) -> bool:
        """True for admins."""
        return event_from_user is not None and event_from_user.id in admin_ids


class IsQuestion(Filter):
    """A text that is not a command: any in private chats, in groups only when addressed to us."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        """Pass the question text (without the mention) as `question`."""
        text = message.text
        if text is None or text.startswith("/"):
            return False
        if message.chat.type == ChatType.PRIVATE:
            return {"question": text}
        me = await bot.me()
        mention = f"@{me.username}".lower() if me.username else None
        addressed = False
        cleaned = text
        for entity in message.entities or ():
            if entity.type == MessageEntityType.MENTION and mention:
                value = entity.extract_from(text)
                if value.lower() == mention:
                    addressed = True
                    cleaned = cleaned.replace(value, " ")
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == me.id:
            addressed = True
        if not addressed:
            return False
        return {"question": " ".join(cleaned.split())}
