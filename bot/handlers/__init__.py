"""Every router of the bot, built fresh for each Dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import admin, ask, contacts, errors, inline, start, subscriptions


def get_routers() -> list[Router]:
    """New routers in the order they are tried (questions last: they take any text)."""
    return [
        errors.make_router(),
        start.make_router(),
        admin.make_router(),
        subscriptions.make_router(),
        contacts.make_router(),
        inline.make_router(),
        ask.make_router(),
    ]
