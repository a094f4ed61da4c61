"""/subscribe, /subscriptions, «🔔 Следить» and «Отписаться»."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot import keyboards, texts
from bot.handlers.common import callback_chat_id, names_from_button, people_from_args
from bot.preferences import PreferenceError, parse_preferences

if TYPE_CHECKING:
    from bot.services import AnswerServiceProtocol
    from storage.subscriptions import ChatRepository


def split_kind(args: str | None) -> tuple[str | None, str | None]:
    """«Лавров Рубио звонки» -> («Лавров Рубио», "phone")."""
    if not args:
        return args, None
    words = args.split()
    kind = texts.parse_kind(words[-1]) if len(words) > 1 else None
    if kind is None:
        return args, None
    return " ".join(words[:-1]), kind


async def on_subscribe(
    message: Message,
    command: CommandObject,
    answers: AnswerServiceProtocol,
    chats: ChatRepository,
) -> None:
    """/subscribe ИМЯ [ИМЯ] [вид]."""
    names_text, kind = split_kind(command.args)
    request = await people_from_args(names_text, command="subscribe", answers=answers)
    if request.problem is not None:
        await message.answer(**request.problem.as_kwargs())
        return
    record, created = await chats.add_subscription(
        chat_id=message.chat.id, people=request.names, kind=kind
    )
    await message.answer(**texts.render_subscribed(record, created=created).as_kwargs())


async def on_subscriptions(message: Message, chats: ChatRepository) -> None:
    """List subscriptions with one-tap unsubscribe buttons."""
    records = await chats.list_subscriptions(chat_id=message.chat.id)
    await message.answer(
        **texts.render_subscriptions(records).as_kwargs(),
        reply_markup=keyboards.subscriptions_keyboard(records),
    )


async def on_follow(
    callback: CallbackQuery, callback_data: keyboards.FollowCallback, chats: ChatRepository
) -> None:
    """«🔔 Следить» under an answer."""
    names = await names_from_button(callback, callback_data.people, chats)
    if names is None:
        return
    _, created = await chats.add_subscription(
        chat_id=callback_chat_id(callback), people=names, kind=callback_data.kind or None
    )
    await callback.answer(texts.SUBSCRIBED_TOAST if created else texts.ALREADY_SUBSCRIBED_TOAST)


async def on_unsubscribe(
    callback: CallbackQuery, callback_data: keyboards.UnsubscribeCallback, chats: ChatRepository
) -> None:
    """«Отписаться»: delete, then refresh the list (or drop the button under an alert)."""
    chat_id = callback_chat_id(callback)
    deleted = await chats.delete_subscription(
        chat_id=chat_id, subscription_id=callback_data.subscription_id
    )
    await callback.answer(texts.UNSUBSCRIBED_TOAST if deleted else texts.UNKNOWN_SUBSCRIPTION_TOAST)
    message = callback.message
    if not isinstance(message, Message):
        return
    try:
        if callback_data.origin == "list":
            records = await chats.list_subscriptions(chat_id=chat_id)
            await message.edit_text(
                **texts.render_subscriptions(records).as_kwargs(),
                reply_markup=keyboards.subscriptions_keyboard(records),
            )
        else:
            await message.edit_reply_markup(reply_markup=None)
    except TelegramBadRequest as error:
        if "message is not modified" not in error.message:
            raise


async def on_alerts(message: Message, command: CommandObject, chats: ChatRepository) -> None:
    """/alerts [сразу | дайджест ЧАС | тишина С-ДО | пояс ЗОНА]."""
    if not command.args:
        prefs = await chats.alert_preferences(chat_id=message.chat.id)
        await message.answer(**texts.render_alert_preferences(prefs).as_kwargs())
        return
    try:
        change = parse_preferences(command.args)
    except PreferenceError as error:
        await message.answer(**texts.render_preference_error(str(error)).as_kwargs())
        return
    values = {name: getattr(change, name) for name in change.fields}
    prefs = await chats.update_alert_preferences(
        chat_id=message.chat.id, kind=message.chat.type, changes=values
    )
    await message.answer(**texts.render_alert_preferences(prefs, changed=True).as_kwargs())


def make_router() -> Router:
    """A fresh router for subscriptions."""
    router = Router(name=__name__)
    router.message.register(on_subscribe, Command("subscribe"))
    router.message.register(on_subscriptions, Command("subscriptions"))
    router.message.register(on_alerts, Command("alerts"))
    router.callback_query.register(on_follow, keyboards.FollowCallback.filter())
    router.callback_query.register(on_unsubscribe, keyboards.UnsubscribeCallback.filter())
    return router
