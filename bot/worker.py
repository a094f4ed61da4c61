"""`contacts-bot worker`: polling and alert delivery without answering users."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

logger = logging.getLogger(__name__)


async def run_worker(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Run the background jobs until SIGINT/SIGTERM (or `stop`); alerts still go through a Bot."""
    from bot.app import make_bot
    from bot.scheduler import start_background
    from service.app import ContactsApp

    problem = settings.token_problem()
    if problem:
        raise SystemExit(problem)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    app = await asyncio.to_thread(ContactsApp.open, settings.database_url)
    bot = make_bot(settings)
    try:
        await app.answers.refresh()
        background = await start_background(app=app, bot=bot, settings=settings)
        logger.info("worker started; waiting for the scheduler lock if another process holds it")
        try:
            await stop.wait()
        finally:
            await background.shutdown()
    finally:
        await bot.session.close()
        app.close()
