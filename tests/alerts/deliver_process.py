"""A delivery process for the hard-kill test: `python -m tests.alerts.deliver_process DB_URL API_BASE`."""

from __future__ import annotations

import asyncio
import sys

from bot.alerts import AlertDeliverer, DeliveryLimits
from bot.app import make_bot
from bot.config import Settings
from service.app import ContactsApp


async def main(database_url: str, api_base: str) -> None:
    """Recover, say "ready", deliver until killed."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token="42:TEST-token",
        database_url=database_url,
        telegram_api_base=api_base,
    )
    app = ContactsApp.open(database_url)
    bot = make_bot(settings)
    limits = DeliveryLimits(
        overall_per_second=300, private_interval=0, group_interval=0, concurrency=4
    )
    deliverer = AlertDeliverer(
        engine=app.engine, bot=bot, load_contact=app.answers.contact_sync, limits=limits
    )
    await deliverer.recover()
    print("ready", flush=True)
    await deliverer.run(asyncio.Event(), idle_seconds=0.05)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
