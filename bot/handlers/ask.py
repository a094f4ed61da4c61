"""Questions: any text in private chats, mentions in groups, example buttons, answer pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender

from bot import keyboards, texts
from bot.filters import IsQuestion
from bot.handlers.common import PagedAnswer, ids_for, send_paged, show_page

if TYPE_CHECKING:
    from bot.memory import ExpiringCache
    from bot.services import AnswerServiceProtocol
    from storage.subscriptions import ChatRepository

CHAT_ACTION_DELAY = 0.7  # seconds of work before «typing…» shows


async def answer_question(
    message: Message,
    question: str,
    *,
    bot: Bot,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
    answer_cache: ExpiringCache[PagedAnswer],
) -> None:
    """Ask the answer service and send the first page of its answer."""
    async with ChatActionSender.typing(
        bot=bot, chat_id=message.chat.id, initial_sleep=CHAT_ACTION_DELAY
    ):
        answer = await answers.ask(question)
    people = list(answer.query.people)
    person_ids = await ids_for(chats, people) if answer.contacts or answer.found else None
    kinds = answer.query.kinds
    paged = PagedAnswer(
        pages=texts.render_answer_pages(answer),
        person_ids=person_ids,
        kind=next(iter(kinds)) if kinds and len(kinds) == 1 else None,
    )
    key = answer_cache.put(paged) if len(paged.pages) > 1 else "-"
    await send_paged(message, paged, src="q", key=key)


async def on_question(
    message: Message,
    question: str,
    bot: Bot,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
    answer_cache: ExpiringCache[PagedAnswer],
) -> None:
    """Any text is a question."""
    await answer_question(
        message, question, bot=bot, answers=answers, chats=chats, answer_cache=answer_cache
    )


async def on_example(
    callback: CallbackQuery,
    callback_data: keyboards.ExampleCallback,
    bot: Bot,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
    answer_cache: ExpiringCache[PagedAnswer],
) -> None:
    """An example question from /start, asked as if typed."""
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    index = callback_data.index
    if not 0 <= index < len(texts.EXAMPLE_QUESTIONS):
        return
    await answer_question(
        callback.message,
        texts.EXAMPLE_QUESTIONS[index],
        bot=bot,
        answers=answers,
        chats=chats,
        answer_cache=answer_cache,
    )


async def on_answer_page(
    callback: CallbackQuery,
    callback_data: keyboards.PageCallback,
    answer_cache: ExpiringCache[PagedAnswer],
) -> None:
    """Flip a page of a question's answer."""
    paged = answer_cache.get(callback_data.key)
    if paged is None:
        await callback.answer(texts.STALE_BUTTON, show_alert=True)
        return
    await show_page(callback, paged, src="q", key=callback_data.key, page=callback_data.page)


async def on_other_message(message: Message) -> None:
    """Stickers, photos and the like in a private chat: say what the bot understands."""
    await message.answer(texts.NOT_A_QUESTION)


def make_router() -> Router:
    """A fresh router for questions."""
    router = Router(name=__name__)
    router.message.register(on_question, F.text, IsQuestion())
    router.callback_query.register(on_example, keyboards.ExampleCallback.filter())
    router.callback_query.register(on_answer_page, keyboards.PageCallback.filter(F.src == "q"))
    router.message.register(on_other_message, F.chat.type == "private")
    return router
