"""/start and /help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message

from bot import keyboards, texts

if TYPE_CHECKING:
    from storage.subscriptions import ChatRepository


async def on_start(message: Message, chats: ChatRepository) -> None:
    """Greet, reactivate a chat that had blocked the bot, offer example questions."""
    reactivated = await chats.mark_active(chat_id=message.chat.id, kind=message.chat.type)
    await message.answer(
        **texts.render_start(reactivated=reactivated).as_kwargs(),
        reply_markup=keyboards.start_keyboard(),
    )


async def on_help(message: Message) -> None:
    """Explain question forms, subscriptions and sources."""
    await message.answer(**texts.render_help().as_kwargs())


def make_router() -> Router:
    """A fresh router for /start and /help."""
    router = Router(name=__name__)
    router.message.register(on_start, CommandStart())
    router.message.register(on_help, Command("help"))
    return router
