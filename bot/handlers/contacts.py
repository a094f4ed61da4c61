"""/contacts and /timeline for a person or a pair, their pages and the «Хронология» button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender

from bot import keyboards, texts
from bot.handlers.common import (
    PagedAnswer,
    callback_chat_id,
    ids_for,
    names_from_button,
    people_from_args,
    send_paged,
    show_page,
)
from bot.timeline import NothingToDraw, make_timeline

if TYPE_CHECKING:
    from bot.services import AnswerServiceProtocol
    from storage.subscriptions import ChatRepository


async def on_contacts(
    message: Message,
    command: CommandObject,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
) -> None:
    """List the contacts of a person or a pair, paged."""
    request = await people_from_args(command.args, command="contacts", answers=answers)
    if request.problem is not None:
        await message.answer(**request.problem.as_kwargs())
        return
    contacts = await answers.contacts(request.names)
    person_ids = await ids_for(chats, request.names)
    paged = PagedAnswer(texts.render_contacts_pages(request.names, contacts), person_ids)
    await send_paged(message, paged, src="c", key=keyboards.people_key(person_ids or []))


async def on_contacts_page(
    callback: CallbackQuery,
    callback_data: keyboards.PageCallback,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
) -> None:
    """Flip a page of /contacts (rebuilt from the person ids in the button)."""
    names = await names_from_button(callback, callback_data.key, chats)
    if names is None:
        return
    contacts = await answers.contacts(names)
    ids = keyboards.parse_people_key(callback_data.key)
    paged = PagedAnswer(texts.render_contacts_pages(names, contacts), ids)
    await show_page(callback, paged, src="c", key=callback_data.key, page=callback_data.page)


async def send_timeline(
    bot: Bot, chat_id: int, names: Sequence[str], answers: AnswerServiceProtocol
) -> None:
    """Draw and send the timeline picture of a person or a pair."""
    async with ChatActionSender.upload_photo(bot=bot, chat_id=chat_id, initial_sleep=0.5):
        contacts = await answers.contacts(names)
        try:
            png = await make_timeline(contacts, texts.format_people(names))
        except NothingToDraw:
            await bot.send_message(chat_id, texts.TIMELINE_EMPTY)
            return
    caption = texts.render_timeline_caption(names, len(contacts))
    await bot.send_photo(
        chat_id,
        BufferedInputFile(png, filename="timeline.png"),
        **caption.as_kwargs(text_key="caption", entities_key="caption_entities"),
    )


async def on_timeline(
    message: Message, command: CommandObject, bot: Bot, answers: AnswerServiceProtocol
) -> None:
    """/timeline ИМЯ [ИМЯ]: the picture."""
    request = await people_from_args(command.args, command="timeline", answers=answers)
    if request.problem is not None:
        await message.answer(**request.problem.as_kwargs())
        return
    await send_timeline(bot, message.chat.id, request.names, answers)


async def on_timeline_button(
    callback: CallbackQuery,
    callback_data: keyboards.TimelineCallback,
    bot: Bot,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
) -> None:
    """«📈 Хронология» under an answer."""
    names = await names_from_button(callback, callback_data.people, chats)
    if names is None:
        return
    await callback.answer()
    await send_timeline(bot, callback_chat_id(callback), names, answers)


def make_router() -> Router:
    """A fresh router for contact lists and timelines."""
    router = Router(name=__name__)
    router.message.register(on_contacts, Command("contacts"))
    router.message.register(on_timeline, Command("timeline"))
    router.callback_query.register(on_contacts_page, keyboards.PageCallback.filter(F.src == "c"))
    router.callback_query.register(on_timeline_button, keyboards.TimelineCallback.filter())
    return router
