"""Helpers shared by handlers: resolving people from commands, sending and flipping pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, LinkPreviewOptions, Message
from aiogram.utils.formatting import Text

from bot import keyboards, texts

if TYPE_CHECKING:
    from bot.services import AnswerServiceProtocol
    from storage.subscriptions import ChatRepository

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class PagedAnswer:
    """Rendered pages of an answer and who it is about (for «Следить»/«Хронология»)."""

    pages: Sequence[Text]
    person_ids: Sequence[int] | None = None
    kind: str | None = None


@dataclass(frozen=True)
class PeopleRequest:
    """The people named in a command's argument, or the reply explaining why there are none."""

    names: list[str]
    problem: Text | None = None


async def people_from_args(
    args: str | None, *, command: str, answers: AnswerServiceProtocol, limit: int = 2
) -> PeopleRequest:
    """Resolve `/command ИМЯ [ИМЯ]` to canonical names."""
    if not args or not args.strip():
        return PeopleRequest([], texts.render_usage(command))
    names = await answers.resolve_people(args)
    if not names:
        return PeopleRequest([], texts.render_unknown_people(args))
    if len(names) > limit:
        return PeopleRequest(names, texts.render_too_many_people(names))
    return PeopleRequest(names)


async def ids_for(chats: ChatRepository, names: Sequence[str]) -> list[int] | None:
    """Person ids for buttons, when there are one or two known people."""
    if not 1 <= len(names) <= 2:
        return None
    return await chats.person_ids(names=names)


async def names_from_button(
    callback: CallbackQuery, key: str, chats: ChatRepository
) -> list[str] | None:
    """The people a button carries (as person ids); None after telling the user it is stale."""
    ids = keyboards.parse_people_key(key)
    names = await chats.person_names(ids=ids) if ids else None
    if not names:
        await callback.answer(texts.STALE_BUTTON, show_alert=True)
        return None
    return names


def page_markup(
    paged: PagedAnswer, *, src: str, key: str, page: int
) -> InlineKeyboardMarkup | None:
    """The keyboard under one page."""
    return keyboards.answer_keyboard(
        src=src,
        key=key,
        page=page,
        total=len(paged.pages),
        person_ids=paged.person_ids,
        kind=paged.kind,
    )


async def send_paged(message: Message, paged: PagedAnswer, *, src: str, key: str) -> None:
    """Send the first page with its keyboard."""
    await message.answer(
        **paged.pages[0].as_kwargs(),
        reply_markup=page_markup(paged, src=src, key=key, page=0),
        link_preview_options=NO_PREVIEW,
    )


async def show_page(
    callback: CallbackQuery, paged: PagedAnswer, *, src: str, key: str, page: int
) -> None:
    """Edit the message in place to another page; a repeated tap changes nothing."""
    page = max(0, min(page, len(paged.pages) - 1))
    message = callback.message
    if not isinstance(message, Message):
        await callback.answer(texts.STALE_BUTTON)
        return
    try:
        await message.edit_text(
            **paged.pages[page].as_kwargs(),
            reply_markup=page_markup(paged, src=src, key=key, page=page),
            link_preview_options=NO_PREVIEW,
        )
    except TelegramBadRequest as error:
        if "message is not modified" not in error.message:
            raise
    await callback.answer()


def callback_chat_id(callback: CallbackQuery) -> int:
    """The chat a button was pressed in (the user's own chat for inline messages)."""
    if callback.message is not None:
        return callback.message.chat.id
    return callback.from_user.id
