"""Inline mode: `@bot Лавров Рубио` offers contact cards to share in any chat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InlineQueryResultUnion,
    InputTextMessageContent,
)

from bot import texts
from bot.handlers.common import NO_PREVIEW

if TYPE_CHECKING:
    from bot.services import AnswerServiceProtocol

MAX_RESULTS: Final = 20
HELP_BUTTON: Final = InlineQueryResultsButton(
    text=texts.BUTTON_INLINE_HELP, start_parameter="inline"
)


async def on_inline_query(inline_query: InlineQuery, answers: AnswerServiceProtocol) -> None:
    """Contact cards of the people named in the query."""
    query = inline_query.query.strip()
    names = await answers.resolve_people(query) if query else []
    contacts = (await answers.contacts(names))[:MAX_RESULTS] if names else []
    results: list[InlineQueryResultUnion] = [
        InlineQueryResultArticle(
            id=f"c{contact.id}",
            title=texts.contact_card_title(contact),
            description=texts.contact_card_description(contact),
            input_message_content=InputTextMessageContent(
                **texts.render_contact_card(contact).as_kwargs(text_key="message_text"),
                link_preview_options=NO_PREVIEW,
            ),
        )
        for contact in contacts
    ]
    await inline_query.answer(
        results, cache_time=60, is_personal=False, button=None if results else HELP_BUTTON
    )


def make_router() -> Router:
    """A fresh router for inline queries."""
    router = Router(name=__name__)
    router.inline_query.register(on_inline_query)
    return router
