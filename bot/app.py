"""Factories for the Bot and the Dispatcher, and the two ways to run them (polling, webhook)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from functools import partial
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from aiohttp import web

from bot import texts
from bot.handlers import get_routers
from bot.memory import ExpiringCache
from bot.middlewares import ChatRegistrationMiddleware, RetryAfterMiddleware, ThrottlingMiddleware

if TYPE_CHECKING:
    from aiogram.client.session.base import BaseSession

    from bot.config import Settings
    from bot.handlers.admin import PendingSource
    from bot.handlers.common import PagedAnswer
    from bot.services import AnswerServiceProtocol, IngestorProtocol, SourceServiceProtocol
    from storage.subscriptions import ChatRepository

logger = logging.getLogger(__name__)

DEFAULT_WEBHOOK_PATH = "/webhook"


class Services(TypedDict):
    """Every name a handler can ask for (besides aiogram's own: bot, event_from_user, ...)."""

    settings: Settings
    admin_ids: frozenset[int]
    answers: AnswerServiceProtocol
    ingestor: IngestorProtocol
    sources: SourceServiceProtocol
    chats: ChatRepository
    answer_cache: ExpiringCache[PagedAnswer]
    pending_sources: ExpiringCache[PendingSource]


def make_bot(settings: Settings, *, session: BaseSession | None = None) -> Bot:
    """A Bot on Telegram or on TELEGRAM_API_BASE, retrying after 429."""
    if session is None:
        base = settings.telegram_api_base
        session = (
            AiohttpSession(api=TelegramAPIServer.from_base(base)) if base else AiohttpSession()
        )
    session.middleware(RetryAfterMiddleware())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(link_preview_is_disabled=True),
    )


def make_dispatcher(
    *,
    settings: Settings,
    answers: AnswerServiceProtocol,
    ingestor: IngestorProtocol,
    sources: SourceServiceProtocol,
    chats: ChatRepository,
) -> Dispatcher:
    """A Dispatcher with fresh routers, middlewares and the services injected by name."""
    services = Services(
        settings=settings,
        admin_ids=settings.admin_ids,
        answers=answers,
        ingestor=ingestor,
        sources=sources,
        chats=chats,
        answer_cache=ExpiringCache(ttl=6 * 3600),
        pending_sources=ExpiringCache(ttl=15 * 60),
    )
    dispatcher = Dispatcher(**services)
    throttling = ThrottlingMiddleware(settings.throttle_seconds)
    registration = ChatRegistrationMiddleware(chats)
    for observer in (dispatcher.message, dispatcher.callback_query):
        observer.outer_middleware(throttling)
        observer.outer_middleware(registration)
    dispatcher.include_routers(*get_routers())
    dispatcher.startup.register(set_commands)
    return dispatcher


async def set_commands(bot: Bot, admin_ids: frozenset[int]) -> None:
    """Register the command menu (Russian), with admin commands for admins."""
    users = [BotCommand(command=c, description=d) for c, d in texts.USER_COMMANDS]
    admins = users + [BotCommand(command=c, description=d) for c, d in texts.ADMIN_COMMANDS]
    await bot.set_my_commands(users, scope=BotCommandScopeDefault())
    for admin_id in sorted(admin_ids):
        try:
            await bot.set_my_commands(admins, scope=BotCommandScopeChat(chat_id=admin_id))
        except TelegramAPIError as error:  # e.g. the admin never opened a chat with the bot
            logger.warning("Could not set admin commands for %s: %s", admin_id, error)


async def run_polling(bot: Bot, dispatcher: Dispatcher) -> None:
    """Long polling until SIGINT/SIGTERM."""
    await bot.delete_webhook(drop_pending_updates=False)
    await dispatcher.start_polling(bot, allowed_updates=dispatcher.resolve_used_update_types())


def make_webhook_app(
    bot: Bot, dispatcher: Dispatcher, *, secret: str, path: str
) -> web.Application:
    """An aiohttp app that accepts updates only with the secret token header."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    app = web.Application()
    SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=secret).register(
        app, path=path
    )
    setup_application(app, dispatcher, bot=bot)
    return app


async def run_webhook(bot: Bot, dispatcher: Dispatcher, settings: Settings) -> None:
    """Serve webhooks on WEBHOOK_HOST:WEBHOOK_PORT and register WEBHOOK_URL with Telegram."""
    assert settings.webhook_url
    secret = settings.webhook_secret.get_secret_value()
    path = urlsplit(settings.webhook_url).path or DEFAULT_WEBHOOK_PATH
    app = make_webhook_app(bot, dispatcher, secret=secret, path=path)

    async def register_webhook(bot: Bot) -> None:
        await bot.set_webhook(
            settings.webhook_url or "",
            secret_token=secret,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )

    dispatcher.startup.register(register_webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    logger.info("Webhook server on %s:%s%s", settings.webhook_host, settings.webhook_port, path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def configuration_problem(settings: Settings) -> str | None:
    """Why the bot cannot start with these settings (in Russian), or None."""
    problem = settings.token_problem()
    if problem:
        return problem
    if settings.webhook_url and not settings.webhook_secret.get_secret_value():
        return "Для режима webhook задайте WEBHOOK_SECRET (секретный токен заголовка)."
    return None


async def run(settings: Settings) -> None:
    """Build the services and run the bot; exits with the reason on a bad configuration."""
    problem = configuration_problem(settings)
    if problem:
        raise SystemExit(problem)
    from bot.alerts import install_alert_sink
    from bot.scheduler import build_source_service, start_background
    from service.app import ContactsApp
    from storage.subscriptions import ChatRepository

    contacts_app = await asyncio.to_thread(
        partial(ContactsApp.open, settings.database_url, index_dir=settings.index_dir)
    )
    install_alert_sink(contacts_app)  # every ingest, uploads included, fills the alert outbox
    background = None
    sources = None
    stop_refresh = asyncio.Event()
    refresher = asyncio.create_task(
        contacts_app.answers.keep_fresh(every=settings.index_refresh_seconds, stop=stop_refresh)
    )
    try:
        await contacts_app.answers.refresh()
        bot = make_bot(settings)
        if settings.run_scheduler:
            background = await start_background(app=contacts_app, bot=bot, settings=settings)
            sources = background.sources
        else:
            sources = build_source_service(app=contacts_app, settings=settings)
        dispatcher = make_dispatcher(
            settings=settings,
            answers=contacts_app.answers,
            ingestor=contacts_app.ingestor,
            sources=sources,
            chats=ChatRepository(contacts_app.engine),
        )
        if settings.webhook_url:
            await run_webhook(bot, dispatcher, settings)
        else:
            await run_polling(bot, dispatcher)
    finally:
        stop_refresh.set()
        await refresher
        if background is not None:
            await background.shutdown()
        elif sources is not None:
            await sources.fetcher.close()
        contacts_app.close()
