"""Alert fan-out: one new contact to N subscribers through the real deliverer and Bot.

The Bot API stand-in (tests/alerts/botapi.py) on 127.0.0.1 accepts at most 30 messages a second
and answers 429 beyond that. Prints one JSON line: sent, msgs_per_s, http_429, lost, duplicates.

    python -m benchmarks.fanout [--subscribers 10000] [--rate 25]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert

from bot.alerts import AlertDeliverer, DeliveryLimits, install_alert_sink
from bot.app import make_bot
from bot.config import Settings
from ingest.types import RawDocument
from service.app import ContactsApp
from storage.models import Chat, Subscription, utcnow
from tests.alerts.botapi import BotApiStandIn
from tests.alerts.conftest import LUKASHENKO, PHONE


async def run(subscribers: int, rate: float, database_url: str) -> dict[str, float | int]:
    """Subscribe, ingest one article, deliver until the outbox is empty; figures."""
    app = ContactsApp.open(database_url)
    install_alert_sink(app)
    with app.engine.begin() as connection:
        ids, now = range(1, subscribers + 1), utcnow()
        chats = [{"id": i, "kind": "private", "active": True, "created_at": now} for i in ids]
        connection.execute(insert(Chat), chats)
        subscriptions = [{"chat_id": i, "person_a": LUKASHENKO, "created_at": now} for i in ids]
        connection.execute(insert(Subscription), subscriptions)
    text, published = PHONE
    doc = RawDocument(text=text, origin="bench", url="https://news.example/1", published=published)
    started = time.perf_counter()
    report = app.ingestor.ingest_items([doc])
    enqueue_seconds = time.perf_counter() - started
    assert report.contacts_new == 1, report

    api = await BotApiStandIn(per_second=30).start()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token="42:BENCH-token",
        database_url=database_url,
        telegram_api_base=api.base,
    )
    bot = make_bot(settings)
    deliverer = AlertDeliverer(
        engine=app.engine,
        bot=bot,
        load_contact=app.answers.contact_sync,
        limits=DeliveryLimits(overall_per_second=rate),
    )
    await deliverer.recover()
    while True:
        round_report = await deliverer.deliver_once()
        if round_report.claimed == 0:
            break
    await deliverer.drain()
    await bot.session.close()
    await api.stop()
    app.close()

    per_chat = Counter(d.chat_id for d in api.delivered)
    span = api.delivered[-1].at - api.delivered[0].at if len(api.delivered) > 1 else 1.0
    return {
        "subscribers": subscribers,
        "sent": len(api.delivered),
        "msgs_per_s": round((len(api.delivered) - 1) / span, 2) if span else 0.0,
        "http_429": api.http_429,
        "lost": subscribers - len(per_chat),
        "duplicates": sum(n - 1 for n in per_chat.values()),
        "enqueue_s": round(enqueue_seconds, 3),
        "total_s": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    """Parse arguments, run on a temporary SQLite database, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=25.0, help="deliverer's overall msg/s")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'fanout.db'}"
        figures = asyncio.run(run(args.subscribers, args.rate, url))
    print(json.dumps(figures))
    sys.exit(0 if figures["lost"] == 0 and figures["duplicates"] == 0 else 1)


if __name__ == "__main__":
    main()
