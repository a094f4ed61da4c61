"""Inline keyboards and their callback data (each ≤ 64 bytes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot import texts

if TYPE_CHECKING:
    from storage.subscriptions import SubscriptionRecord

CALLBACK_LIMIT: Final = 64


class ExampleCallback(CallbackData, prefix="ex"):
    """Ask one of the example questions from /start."""

    index: int


class PageCallback(CallbackData, prefix="pg"):
    """Show another page: of a question's answer (src q, key = cache token) or /contacts (c)."""

    src: str
    key: str
    page: int


class FollowCallback(CallbackData, prefix="fw"):
    """Subscribe to a person or pair (person ids joined by '-')."""

    people: str
    kind: str = ""


class TimelineCallback(CallbackData, prefix="tl"):
    """Send the timeline picture of a person or pair."""

    people: str


class UnsubscribeCallback(CallbackData, prefix="us"):
    """Delete one subscription; origin "list" refreshes /subscriptions, "alert" drops the button."""

    subscription_id: int
    origin: str = "alert"


class SourceConfirmCallback(CallbackData, prefix="sa"):
    """Confirm or cancel adding a probed source."""

    token: str
    confirm: bool


def people_key(ids: Sequence[int]) -> str:
    """Person ids as callback data: '12-34'."""
    return "-".join(str(i) for i in ids)


def parse_people_key(key: str) -> list[int]:
    """Inverse of people_key; empty on garbage."""
    try:
        return [int(part) for part in key.split("-") if part]
    except ValueError:
        return []


def start_keyboard() -> InlineKeyboardMarkup:
    """The example questions of /start."""
    builder = InlineKeyboardBuilder()
    for index, question in enumerate(texts.EXAMPLE_QUESTIONS):
        builder.button(text=question, callback_data=ExampleCallback(index=index))
    builder.adjust(1)
    return builder.as_markup()


def answer_keyboard(
    *,
    src: str,
    key: str,
    page: int,
    total: int,
    person_ids: Sequence[int] | None = None,
    kind: str | None = None,
) -> InlineKeyboardMarkup | None:
    """Paging arrows plus «Следить» and «Хронология» for a person or a pair."""
    builder = InlineKeyboardBuilder()
    row: list[InlineKeyboardButton] = []
    if total > 1:
        if page > 0:
            row.append(
                InlineKeyboardButton(
                    text=texts.BUTTON_PREVIOUS,
                    callback_data=PageCallback(src=src, key=key, page=page - 1).pack(),
                )
            )
        row.append(
            InlineKeyboardButton(
                text=f"{page + 1}/{total}",
                callback_data=PageCallback(src=src, key=key, page=page).pack(),
            )
        )
        if page < total - 1:
            row.append(
                InlineKeyboardButton(
                    text=texts.BUTTON_NEXT,
                    callback_data=PageCallback(src=src, key=key, page=page + 1).pack(),
                )
            )
        builder.row(*row)
    if person_ids and 1 <= len(person_ids) <= 2:
        ids = people_key(person_ids)
        builder.row(
            InlineKeyboardButton(
                text=texts.BUTTON_FOLLOW,
                callback_data=FollowCallback(people=ids, kind=kind or "").pack(),
            ),
            InlineKeyboardButton(
                text=texts.BUTTON_TIMELINE,
                callback_data=TimelineCallback(people=ids).pack(),
            ),
        )
    markup = builder.as_markup()
    return markup if markup.inline_keyboard else None


def subscriptions_keyboard(records: Sequence[SubscriptionRecord]) -> InlineKeyboardMarkup | None:
    """One «Отписаться» button per subscription."""
    if not records:
        return None
    builder = InlineKeyboardBuilder()
    for number, record in enumerate(records[: texts.LISTED_SUBSCRIPTIONS], start=1):
        builder.button(
            text=texts.unsubscribe_label(number, record),
            callback_data=UnsubscribeCallback(subscription_id=record.id, origin="list"),
        )
    builder.adjust(1)
    return builder.as_markup()


def alert_keyboard(subscription_id: int) -> InlineKeyboardMarkup:
    """The unsubscribe button every alert carries."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.BUTTON_UNSUBSCRIBE,
        callback_data=UnsubscribeCallback(subscription_id=subscription_id),
    )
    return builder.as_markup()


def source_confirm_keyboard(token: str) -> InlineKeyboardMarkup:
    """«✅ Добавить» / «Отмена» under a source dry run."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.BUTTON_CONFIRM_SOURCE,
        callback_data=SourceConfirmCallback(token=token, confirm=True),
    )
    builder.button(
        text=texts.BUTTON_CANCEL, callback_data=SourceConfirmCallback(token=token, confirm=False)
    )
    return builder.as_markup()
