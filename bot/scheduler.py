"""Background jobs: one poll job per source, alert delivery every few seconds, one leader at a time.

The jobs are rebuilt from the sources table on start, when a source changes here, and every
minute (a source added by another process). With PostgreSQL only the process holding an
advisory lock runs them; SQLite is single-process, so that process always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from aiogram.exceptions import TelegramAPIError
from aiogram.utils.formatting import Bold, Text
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import text

from bot.alerts import AlertDeliverer, DeliveryLimits, install_alert_sink
from ingest.fetch import Fetcher, FetchLimits
from ingest.sources import PollPolicy, SourceService
from storage import sources as source_repo
from storage.db import is_sqlite, session_scope
from storage.models import Source, utcnow

if TYPE_CHECKING:
    from aiogram import Bot
    from sqlalchemy import Connection, Engine

    from bot.config import Settings
    from service.app import ContactsApp

logger = logging.getLogger(__name__)

LEADER_LOCK_KEY: Final = 0x636F6E74616374  # "contact": one scheduler per database
POLL_JOB_PREFIX: Final = "poll:"
DELIVERY_JOB: Final = "deliver"
SYNC_JOB: Final = "sync-sources"


class LeaderLock:
    """Leadership via pg_try_advisory_lock on a dedicated connection; SQLite always leads."""

    def __init__(self, engine: Engine, *, key: int = LEADER_LOCK_KEY) -> None:
        self._engine = engine
        self._key = key
        self._connection: Connection | None = None
        self.held = False

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it (blocking: run in a thread)."""
        if is_sqlite(self._engine):
            self.held = True
            return True
        if self._connection is None:
            self._connection = self._engine.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            )
        got = self._connection.execute(
            text("select pg_try_advisory_lock(:key)"), {"key": self._key}
        )
        self.held = bool(got.scalar())
        return self.held

    def still_held(self) -> bool:
        """False when the lock's connection died (someone else may lead now)."""
        if is_sqlite(self._engine) or not self.held:
            return self.held
        try:
            assert self._connection is not None
            self._connection.execute(text("select 1"))
        except Exception:  # noqa: BLE001  (any failure of the connection ends the session lock)
            logger.warning("lost the scheduler lock's connection")
            self._close()
            self.held = False
        return self.held

    def release(self) -> None:
        """Give the lock up and close its connection."""
        if self._connection is not None and self.held:
            with contextlib.suppress(Exception):
                self._connection.execute(
                    text("select pg_advisory_unlock(:key)"), {"key": self._key}
                )
        self._close()
        self.held = False

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.close()
            self._connection = None


def build_source_service(
    *, app: ContactsApp, settings: Settings, fetcher: Fetcher | None = None
) -> SourceService:
    """The admin's SourceService (a process without the scheduler still probes and adds sources)."""
    fetcher = fetcher or Fetcher(
        allow_private=settings.allow_private_sources,
        limits=FetchLimits(
            max_bytes=settings.fetch_max_bytes,
            total_seconds=settings.fetch_timeout_seconds,
        ),
    )
    policy = PollPolicy(
        default_minutes=settings.default_poll_minutes,
        min_minutes=settings.min_poll_minutes,
        pause_after=settings.source_failures_before_pause,
    )
    return SourceService(
        engine=app.engine,
        ingestor=app.ingestor,
        analyser=app.ingestor.analyser,
        fetcher=fetcher,
        policy=policy,
        on_new_articles=app.answers.refresh,
    )


def render_source_paused(source: Source, reason: str, failures: int) -> Text:
    """The one message admins get when a source is paused."""
    return Text(
        "⚠️ ",
        Bold(f"Источник №{source.id} приостановлен"),
        f" после {failures} ошибок подряд.\n{source.url}\nПричина: {reason[:300]}\n"
        f"Возобновить: /resume {source.id}",
    )


@dataclass
class Background:
    """The scheduler, the source service and the deliverer of one process."""

    app: ContactsApp
    bot: Bot
    settings: Settings
    sources: SourceService
    deliverer: AlertDeliverer
    scheduler: AsyncIOScheduler
    lock: LeaderLock
    delivery_seconds: float = 3.0
    leader_check_seconds: float = 15.0
    start_jitter_seconds: float = 30.0  # spreads the first polls after a start
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    _leading: bool = False

    @property
    def leading(self) -> bool:
        """True while this process runs the jobs."""
        return self._leading

    async def start(self) -> None:
        """Start the (paused) scheduler and the leadership loop."""
        self.scheduler.start(paused=True)
        self.sources.on_change = self.sources_changed
        self.sources.on_paused = self.notify_paused
        self._spawn(self._lead())

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _lead(self) -> None:
        while not self._stop.is_set():
            try:
                if not self._leading:
                    if await asyncio.to_thread(self.lock.try_acquire):
                        await self._take_over()
                elif not await asyncio.to_thread(self.lock.still_held):
                    self._step_down()
            except Exception:
                logger.exception("leader election failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.leader_check_seconds)

    async def _take_over(self) -> None:
        logger.info("this process now runs the scheduler")
        await self.deliverer.recover()
        self.scheduler.add_job(
            self._deliver,
            IntervalTrigger(seconds=self.delivery_seconds),
            id=DELIVERY_JOB,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            next_run_time=dt.datetime.now(dt.UTC),
        )
        self.scheduler.add_job(
            self.sync_jobs, IntervalTrigger(seconds=60), id=SYNC_JOB,
            replace_existing=True, max_instances=1, coalesce=True,
        )  # fmt: skip
        await self.sync_jobs()
        self._leading = True
        self.scheduler.resume()

    def _step_down(self) -> None:
        logger.warning("this process no longer runs the scheduler")
        self._leading = False
        self.scheduler.pause()
        self.scheduler.remove_all_jobs()

    def wake_delivery(self) -> None:
        """Run the delivery job now (called on the loop after alerts were queued)."""
        job = self.scheduler.get_job(DELIVERY_JOB) if self._leading else None
        if job is not None:
            job.modify(next_run_time=dt.datetime.now(dt.UTC))

    async def _deliver(self) -> None:
        while True:
            report = await self.deliverer.deliver_once()
            if report.claimed < self.deliverer.limits.batch:
                return

    async def _poll(self, source_id: int) -> None:
        report = await self.sources.poll(source_id)
        if report.new or report.failed:
            logger.info(
                "source %s: %s new articles, %s new contacts, %s failures",
                source_id, report.new, report.contacts_new, report.failed,
            )  # fmt: skip

    async def sync_jobs(self) -> None:
        """Make the poll jobs match the sources table (added, removed, paused, new interval)."""
        rows = await asyncio.to_thread(self._active_sources)
        wanted = {f"{POLL_JOB_PREFIX}{source.id}": source for source in rows}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(POLL_JOB_PREFIX) and job.id not in wanted:
                job.remove()
        now = utcnow()
        for job_id, source in wanted.items():
            minutes = max(1, source.interval_minutes)
            existing = self.scheduler.get_job(job_id)
            if existing is not None and existing.trigger.interval == dt.timedelta(minutes=minutes):
                continue
            due = source_repo.aware(source.next_poll_at) or now
            first = max(due, now) + dt.timedelta(
                seconds=random.uniform(0, min(self.start_jitter_seconds, minutes * 3.0))
            )
            self.scheduler.add_job(
                self._poll, IntervalTrigger(minutes=minutes, jitter=min(60, minutes * 6)),
                args=[source.id], id=job_id, replace_existing=True, max_instances=1, coalesce=True,
                misfire_grace_time=max(60, minutes * 30), next_run_time=first,
            )  # fmt: skip

    def _active_sources(self) -> list[Source]:
        with session_scope(self.app.engine) as session:
            return source_repo.every(session, active_only=True)

    def sources_changed(self) -> None:
        """A source was added, removed, paused or resumed here: rebuild the jobs soon."""
        if self._leading:
            self._spawn(self.sync_jobs())

    async def notify_paused(self, source: Source, reason: str) -> None:
        """Tell every admin, once, that a source was paused and why."""
        content = render_source_paused(source, reason, self.settings.source_failures_before_pause)
        for admin_id in sorted(self.settings.admin_ids):
            try:
                await self.bot.send_message(chat_id=admin_id, **content.as_kwargs())
            except TelegramAPIError as error:
                logger.warning(
                    "could not tell admin %s about source %s: %s", admin_id, source.id, error
                )

    async def shutdown(self) -> None:
        """Stop the jobs, finish sends under way, release the lock and the HTTP client."""
        self._stop.set()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await self.deliverer.drain()
        await self.sources.fetcher.close()
        await asyncio.to_thread(self.lock.release)
        self._leading = False


async def start_background(
    *,
    app: ContactsApp,
    bot: Bot,
    settings: Settings,
    sources: SourceService | None = None,
    limits: DeliveryLimits | None = None,
) -> Background:
    """Start polling and alert delivery in this process (they run only while it leads)."""
    loop = asyncio.get_running_loop()
    sink = install_alert_sink(app)
    deliverer = AlertDeliverer(
        engine=app.engine,
        bot=bot,
        load_contact=app.answers.contact_sync,
        limits=limits or DeliveryLimits(overall_per_second=settings.alerts_per_second),
    )
    background = Background(
        app=app,
        bot=bot,
        settings=settings,
        sources=sources or build_source_service(app=app, settings=settings),
        deliverer=deliverer,
        scheduler=AsyncIOScheduler(event_loop=loop, timezone=dt.UTC),
        lock=LeaderLock(app.engine),
        delivery_seconds=settings.delivery_interval_seconds,
        leader_check_seconds=settings.leader_check_seconds,
        start_jitter_seconds=settings.poll_start_jitter_seconds,
    )

    def wake() -> None:
        loop.call_soon_threadsafe(background.wake_delivery)

    sink.set_waker(wake)
    await background.start()
    return background
