"""New contacts × subscriptions -> Telegram messages: the outbox sink and the deliverer.

Exactly once: an alert is enqueued in the transaction that stores its contact (unique key
chat × contact × event), claimed before sending and marked sent only after Telegram accepted
the message. The send and the mark run shielded from cancellation, so a stop never splits
them; only a hard kill inside that one round trip can send an alert a second time.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.formatting import Bold, Text, as_list
from sqlalchemy import event as sa_event

from bot import keyboards, texts
from storage import alerts as outbox
from storage.db import session_scope
from storage.models import utcnow

if TYPE_CHECKING:
    from aiogram import Bot
    from sqlalchemy import Engine
    from sqlmodel import Session

    from service.views import ContactView

logger = logging.getLogger(__name__)

ALERT_EVENTS: Final = frozenset({"new", "happened", "cancelled", "denied"})
DEFAULT_TIMEZONE: Final = "Europe/Moscow"
EVENT_HEADERS: Final = {
    "new": "🔔 Новый контакт",
    "happened": "✅ Запланированный контакт состоялся",
    "cancelled": "❌ Контакт отменён",
    "denied": "🚫 Контакт опровергнут",
}
DIGEST_HEADER: Final = "🗞 Сводка по вашим подпискам"
BUTTON_DETAILS: Final = "Подробнее"
MAX_BACKOFF_SECONDS: Final = 600.0

ContactLoader = Callable[[int], "ContactView | None"]


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _next_local_hour(now: dt.datetime, hour: int, zone: ZoneInfo) -> dt.datetime:
    local = now.astimezone(zone)
    moment = local.replace(hour=hour % 24, minute=0, second=0, microsecond=0)
    if moment <= local:
        moment = (local + dt.timedelta(days=1)).replace(
            hour=hour % 24, minute=0, second=0, microsecond=0
        )
    return moment.astimezone(dt.UTC)


def in_quiet_hours(hour: int, quiet_from: int | None, quiet_to: int | None) -> bool:
    """True when a local hour falls in [quiet_from, quiet_to), which may wrap past midnight."""
    if quiet_from is None or quiet_to is None or quiet_from == quiet_to:
        return False
    if quiet_from < quiet_to:
        return quiet_from <= hour < quiet_to
    return hour >= quiet_from or hour < quiet_to


def release_time(chat: outbox.ChatPreferences, now: dt.datetime) -> dt.datetime | None:
    """When an alert raised now may go out: None (at once), the digest hour, or quiet hours' end."""
    zone = _zone(chat.timezone)
    if chat.digest_hour is not None:
        return _next_local_hour(now, chat.digest_hour, zone)
    if chat.quiet_to is not None and in_quiet_hours(
        now.astimezone(zone).hour, chat.quiet_from, chat.quiet_to
    ):
        return _next_local_hour(now, chat.quiet_to, zone)
    return None


class AlertSink:
    """The ingestor's `on_contact_event`: fills the outbox in the storing transaction."""

    def __init__(self, *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._clock = clock
        self._waker: Callable[[], None] | None = None

    def set_waker(self, waker: Callable[[], None] | None) -> None:
        """Call `waker` (from any thread) after a transaction that queued alerts commits."""
        self._waker = waker

    def __call__(self, session: Session, contact_id: int, event: str) -> None:
        """Queue alerts for a contact event (new, happened, cancelled, denied; others ignored)."""
        if event not in ALERT_EVENTS:
            return
        now = self._clock()
        queued = outbox.enqueue(
            session, contact_id=contact_id, event=event, hold=lambda chat: release_time(chat, now)
        )
        logger.debug("contact %s %s: %s alerts queued", contact_id, event, queued)
        waker = self._waker
        if queued and waker is not None and not session.info.get("alerts_wake"):
            session.info["alerts_wake"] = True

            def after_commit(committed: Session) -> None:
                committed.info.pop("alerts_wake", None)
                waker()

            sa_event.listen(session, "after_commit", after_commit, once=True)


class TokenBucket:
    """An async token bucket: `rate` tokens a second, at most `capacity` saved up; can be paused."""

    def __init__(
        self,
        rate: float,
        capacity: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self._rate = rate
        self._capacity = capacity
        self._tokens = capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        """Hand out no token for `seconds` (Telegram's retry_after)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        self._tokens = 0.0

    async def acquire(self) -> None:
        """Wait for a token (callers are served in arrival order)."""
        async with self._lock:
            while True:
                now = self._clock()
                if now < self._paused_until:
                    await self._sleep(self._paused_until - now)
                    self._updated = self._clock()
                    continue
                self._tokens = min(
                    self._capacity, self._tokens + (now - self._updated) * self._rate
                )
                self._updated = now
                if self._tokens >= 1.0 - 1e-9:  # float dust must not starve a caller
                    self._tokens = max(0.0, self._tokens - 1.0)
                    return
                await self._sleep(max(0.001, (1.0 - self._tokens) / self._rate))


@dataclass(frozen=True)
class DeliveryLimits:
    """Telegram's broadcast limits, with a margin."""

    overall_per_second: float = 25.0
    private_interval: float = 1.0  # seconds between two messages to one private chat
    group_interval: float = 3.0  # 20 a minute in a group
    concurrency: int = 8  # messages in flight at once
    batch: int = 500  # alerts claimed per round


@dataclass
class DeliveryReport:
    """What one delivery round did."""

    claimed: int = 0
    sent_messages: int = 0
    sent_alerts: int = 0
    dropped: int = 0
    retried: int = 0
    rate_limited: int = 0


@dataclass
class _Message:
    alert_ids: list[int]
    content: Text
    markup: InlineKeyboardMarkup | None = None


@dataclass
class _ChatBatch:
    chat: outbox.ChatPreferences
    alerts: list[outbox.ClaimedAlert] = field(default_factory=list)


class AlertDeliverer:
    """Sends due outbox alerts within Telegram's limits; 429 waits, 403 retires the chat."""

    def __init__(
        self,
        *,
        engine: Engine,
        bot: Bot,
        load_contact: ContactLoader,
        limits: DeliveryLimits | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._bot = bot
        self._load_contact = load_contact
        self.limits = limits or DeliveryLimits()
        self._clock = clock
        self._monotonic = monotonic
        self._overall = TokenBucket(self.limits.overall_per_second, 1.0, clock=monotonic)
        self._chat_next: dict[int, float] = {}
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._in_flight: set[asyncio.Task[None]] = set()
        # alert id -> attempts when this deliverer claimed it: writes touch only own claims
        self._claims: dict[int, int] = {}
        self._semaphore = asyncio.Semaphore(self.limits.concurrency)
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def _db(self, work: Callable[[Session], Any]) -> Any:
        def job() -> Any:
            with session_scope(self._engine) as session:
                return work(session)

        return await asyncio.to_thread(job)

    async def recover(self) -> int:
        """Take back what a dead deliverer had claimed; call once before the first round."""
        self._loop = asyncio.get_running_loop()
        count: int = await self._db(outbox.recover_in_flight)
        if count:
            logger.warning(
                "%s alerts were in flight when the last deliverer stopped; resending", count
            )
        return count

    def wake_threadsafe(self) -> None:
        """Start a round soon (callable from any thread, e.g. after an ingest commits)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    async def wait_for_work(self, seconds: float) -> None:
        """Sleep until woken or `seconds` pass."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()

    async def drain(self) -> None:
        """Wait for sends already under way (they are shielded from cancellation)."""
        if self._in_flight:
            await asyncio.gather(*list(self._in_flight), return_exceptions=True)

    async def run(self, stop: asyncio.Event, *, idle_seconds: float = 2.0) -> None:
        """Deliver until `stop` is set: a round, then wait for a wake-up or `idle_seconds`."""
        if self._loop is None:
            await self.recover()
        while not stop.is_set():
            try:
                report = await self.deliver_once()
            except Exception:
                logger.exception("alert delivery round failed")
                report = DeliveryReport()
            if report.claimed < self.limits.batch:
                await self.wait_for_work(idle_seconds)

    async def deliver_once(self) -> DeliveryReport:
        """Claim due alerts and send them (one message each; held alerts of a chat together)."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        now = self._clock()
        limit = self.limits.batch
        claimed: list[outbox.ClaimedAlert] = await self._db(
            lambda session: outbox.claim_due(session, now=now, limit=limit)
        )
        report = DeliveryReport(claimed=len(claimed))
        if not claimed:
            return report
        self._claims.update((a.id, a.attempts) for a in claimed)
        try:
            batches, messages = await asyncio.to_thread(self._prepare, claimed, report)
        except Exception:
            # nothing of this round will be settled here: recover() takes the rows back
            self._settle([a.id for a in claimed])
            raise
        await asyncio.gather(
            *(
                self._deliver_chat(batches[chat_id], items, report)
                for chat_id, items in messages.items()
            )
        )
        return report

    def _prepare(
        self, claimed: list[outbox.ClaimedAlert], report: DeliveryReport
    ) -> tuple[dict[int, _ChatBatch], dict[int, list[_Message]]]:
        """Load chats, subscriptions and contacts; render; drop what can no longer be sent."""
        contact_ids = sorted({a.contact_id for a in claimed})
        with session_scope(self._engine) as session:
            prefs = outbox.chat_preferences(session, chat_ids={a.chat_id for a in claimed})
            subscriptions = {
                cid: outbox.matching_subscriptions(session, contact_id=cid) for cid in contact_ids
            }
        views = {cid: self._load_contact(cid) for cid in contact_ids}
        batches: dict[int, _ChatBatch] = {}
        dropped: dict[str, list[int]] = {}
        for alert in claimed:
            chat = prefs[alert.chat_id]
            reason = None
            if not chat.active:
                reason = "chat inactive"
            elif views.get(alert.contact_id) is None:
                reason = "contact gone"
            elif alert.chat_id not in subscriptions.get(alert.contact_id, {}):
                reason = "unsubscribed"
            if reason:
                dropped.setdefault(reason, []).append(alert.id)
                continue
            batches.setdefault(alert.chat_id, _ChatBatch(chat)).alerts.append(alert)
        with session_scope(self._engine) as session:
            for reason, ids in dropped.items():
                logger.info("dropped %s alerts: %s", len(ids), reason)
                report.dropped += outbox.mark_dropped(
                    session, alert_ids=ids, reason=reason, claims=self._settle(ids)
                )
        messages = {
            chat_id: self._render_chat(batch, views, subscriptions)
            for chat_id, batch in batches.items()
        }
        return batches, messages

    def _render_chat(
        self,
        batch: _ChatBatch,
        views: dict[int, ContactView | None],
        subscriptions: dict[int, dict[int, int]],
    ) -> list[_Message]:
        held = [a for a in batch.alerts if a.held]
        single = [a for a in batch.alerts if not a.held]
        if len(held) == 1:
            single, held = single + held, []
        messages = []
        for alert in single:
            view = views[alert.contact_id]
            assert view is not None
            subscription_id = subscriptions[alert.contact_id][batch.chat.chat_id]
            messages.append(
                _Message(
                    [alert.id], render_alert(view, alert.event), alert_markup(view, subscription_id)
                )
            )
        if held:
            messages.extend(
                _Message(ids, content)
                for ids, content in render_digest(
                    [(a.id, views[a.contact_id], a.event) for a in held]
                )
            )
        return messages

    async def _wait_for_chat(self, chat: outbox.ChatPreferences) -> None:
        interval = (
            self.limits.private_interval if chat.kind == "private" else self.limits.group_interval
        )
        now = self._monotonic()
        ready = self._chat_next.get(chat.chat_id, 0.0)
        if ready > now:
            await asyncio.sleep(ready - now)
        self._chat_next[chat.chat_id] = max(now, ready) + interval
        if len(self._chat_next) > 50_000:
            horizon = self._monotonic()
            for chat_id in [c for c, t in self._chat_next.items() if t < horizon]:
                del self._chat_next[chat_id]

    async def _deliver_chat(
        self, batch: _ChatBatch, messages: list[_Message], report: DeliveryReport
    ) -> None:
        """Send one chat's messages in order; stop at the first failure and give the rest back."""
        chat_id = batch.chat.chat_id
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            for index, message in enumerate(messages):
                await self._wait_for_chat(batch.chat)
                async with self._semaphore:
                    await self._overall.acquire()
                    outcome = await self._send_shielded(chat_id, message)
                if outcome is None:
                    report.sent_messages += 1
                    report.sent_alerts += len(message.alert_ids)
                    continue
                rest = [aid for m in messages[index:] for aid in m.alert_ids]
                await self._handle_failure(chat_id, rest, outcome, report)
                break
        if not lock.locked() and len(self._chat_locks) > 10_000:
            self._chat_locks.pop(chat_id, None)

    async def _send_shielded(self, chat_id: int, message: _Message) -> Exception | None:
        """Send and mark sent as one step that cancellation cannot split; the error, or None."""
        task = asyncio.ensure_future(self._send_and_mark(chat_id, message))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001  (every failure is classified by the caller)
            return error
        return None

    async def _send_and_mark(self, chat_id: int, message: _Message) -> None:
        await self._bot.send_message(
            chat_id=chat_id, **message.content.as_kwargs(), reply_markup=message.markup
        )
        ids = message.alert_ids
        now = self._clock()
        claims = self._settle(ids)
        await self._db(
            lambda session: outbox.mark_sent(session, alert_ids=ids, now=now, claims=claims)
        )

    def _settle(self, alert_ids: list[int]) -> dict[int, int]:
        """This deliverer's claims on the alerts, forgotten here as they are settled."""
        return {aid: self._claims.pop(aid, -1) for aid in alert_ids}

    async def _handle_failure(
        self, chat_id: int, alert_ids: list[int], error: Exception, report: DeliveryReport
    ) -> None:
        now = self._clock()
        claims = self._settle(alert_ids)
        if isinstance(error, TelegramRetryAfter):
            report.rate_limited += 1
            self._overall.pause(error.retry_after)
            logger.warning("Telegram flood control: waiting %s s", error.retry_after)
            until = now + dt.timedelta(seconds=error.retry_after)
            report.retried += await self._db(
                lambda s: outbox.release(
                    s, alert_ids=alert_ids, error="429", not_before=until, claims=claims
                )
            )
            return
        if isinstance(error, TelegramForbiddenError) or _chat_missing(error):
            reason = f"chat inactive: {error}"
            dropped: int = await self._db(
                lambda s: outbox.deactivate_chat(s, chat_id=chat_id, reason=reason)
            )
            report.dropped += dropped
            logger.info("chat %s blocked the bot or is gone; dropped %s alerts", chat_id, dropped)
            return
        if isinstance(error, TelegramBadRequest | TelegramMigrateToChat):
            first, rest = alert_ids[:1], alert_ids[1:]
            logger.error("Telegram rejected an alert for chat %s: %s", chat_id, error)
            report.dropped += await self._db(
                lambda s: outbox.mark_dropped(s, alert_ids=first, reason=str(error), claims=claims)
            )
            if rest:
                report.retried += await self._db(
                    lambda s: outbox.release(
                        s, alert_ids=rest, error="later", not_before=None, claims=claims
                    )
                )
            return
        attempts = 1 + len(alert_ids)
        delay = min(MAX_BACKOFF_SECONDS, 2.0 ** min(attempts, 10))
        logger.warning("alert delivery to %s failed (%s); retry in %s s", chat_id, error, delay)
        until = now + dt.timedelta(seconds=delay)
        report.retried += await self._db(
            lambda s: outbox.release(
                s, alert_ids=alert_ids, error=repr(error), not_before=until, claims=claims
            )
        )


def _chat_missing(error: Exception) -> bool:
    return isinstance(error, TelegramBadRequest) and "chat not found" in str(error).lower()


def render_alert(contact: ContactView, event: str) -> Text:
    """One alert: what happened, then the contact card (people, date, kind, place, status...)."""
    return as_list(
        Bold(EVENT_HEADERS.get(event, EVENT_HEADERS["new"])), texts.render_contact_card(contact)
    )


def details_url(contact: ContactView) -> str | None:
    """The newest article link of a contact, if it has one."""
    for source in contact.sources:
        if source.url and source.url.startswith(("http://", "https://")) and len(source.url) < 2000:
            return source.url
    return None


def alert_markup(contact: ContactView, subscription_id: int) -> InlineKeyboardMarkup:
    """«Подробнее» (the article) and «Отписаться» (this subscription)."""
    row = []
    url = details_url(contact)
    if url:
        row.append(InlineKeyboardButton(text=BUTTON_DETAILS, url=url))
    row.append(
        InlineKeyboardButton(
            text=texts.BUTTON_UNSUBSCRIBE,
            callback_data=keyboards.UnsubscribeCallback(subscription_id=subscription_id).pack(),
        )
    )
    return InlineKeyboardMarkup(inline_keyboard=[row])


def render_digest(
    items: Sequence[tuple[int, ContactView | None, str]],
) -> list[tuple[list[int], Text]]:
    """Held alerts as few messages as fit Telegram's limit: (alert ids, text) per message."""
    header = Bold(DIGEST_HEADER)
    pages: list[tuple[list[int], list[Text]]] = [([], [])]
    size = texts.text_size(header)
    for alert_id, contact, event in items:
        if contact is None:
            continue
        block = as_list(Bold(EVENT_HEADERS.get(event, "")), texts.render_contact_card(contact))
        block_size = texts.text_size(block) + 2
        if pages[-1][0] and size + block_size > texts.PAGE_BUDGET:
            pages.append(([], []))
            size = texts.text_size(header)
        pages[-1][0].append(alert_id)
        pages[-1][1].append(block)
        size += block_size
    return [(ids, as_list(header, *blocks, sep="\n\n")) for ids, blocks in pages if ids]


def install_alert_sink(app: Any) -> AlertSink:
    """Make the app's ingestor fill the outbox (idempotent); returns the sink in place."""
    current = getattr(app.ingestor, "on_contact_event", None)
    if isinstance(current, AlertSink):
        return current
    if current is not None:
        raise RuntimeError("the ingestor already has another on_contact_event sink")
    sink = AlertSink()
    app.ingestor.on_contact_event = sink
    return sink
