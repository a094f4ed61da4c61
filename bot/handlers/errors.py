"""The error router: every failure gets a short apology and a log line with the update id."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update
from aiogram.utils.formatting import Text

from bot import texts
from bot.services import SourceError

if TYPE_CHECKING:
    from storage.subscriptions import ChatRepository

logger = logging.getLogger(__name__)


def update_chat_id(update: Update) -> int | None:
    """The chat an update came from, if any."""
    if update.message is not None:
        return update.message.chat.id
    if update.callback_query is not None:
        message = update.callback_query.message
        return message.chat.id if message is not None else update.callback_query.from_user.id
    return None


async def reply_quietly(bot: Bot, update: Update, content: Text) -> None:
    """Tell the user in words; a failure to do so is only logged."""
    try:
        if update.callback_query is not None:
            await bot.answer_callback_query(
                update.callback_query.id, text=texts.shorten(content.render()[0], 190)
            )
            return
        chat_id = update_chat_id(update)
        if chat_id is not None:
            await bot.send_message(chat_id, **content.as_kwargs())
    except TelegramAPIError as error:
        logger.warning("Could not tell update %s about an error: %s", update.update_id, error)


async def on_forbidden(event: ErrorEvent, chats: ChatRepository) -> None:
    """The user blocked the bot (403): mark the chat inactive, pausing its subscriptions."""
    chat_id = (
        getattr(event.exception.method, "chat_id", None)
        if isinstance(event.exception, TelegramForbiddenError)
        else None
    )
    if not isinstance(chat_id, int):
        chat_id = update_chat_id(event.update)
    if chat_id is None:
        logger.warning("Update %s: forbidden without a chat", event.update.update_id)
        return
    await chats.mark_inactive(chat_id=chat_id)
    logger.info(
        "Update %s: chat %s blocked the bot; marked inactive", event.update.update_id, chat_id
    )


async def on_source_error(event: ErrorEvent, bot: Bot) -> None:
    """A source that cannot be probed or changed: say why."""
    error = event.exception
    assert isinstance(error, SourceError)
    logger.info("Update %s: source error %s %s", event.update.update_id, error.reason, error.detail)
    await reply_quietly(bot, event.update, texts.render_source_error(error.reason, error.detail))


async def on_any_error(event: ErrorEvent, bot: Bot) -> None:
    """Anything else: log it with the update id and apologise."""
    logger.error(
        "Update %s failed: %r", event.update.update_id, event.exception, exc_info=event.exception
    )
    await reply_quietly(bot, event.update, texts.render_apology())


def make_router() -> Router:
    """A fresh error router."""
    router = Router(name=__name__)
    router.errors.register(on_forbidden, ExceptionTypeFilter(TelegramForbiddenError))
    router.errors.register(on_source_error, ExceptionTypeFilter(SourceError))
    router.errors.register(on_any_error)
    return router
