"""A minimal SourceService: a URL is one page (or a feed's entries); fetched with aiohttp.

To be replaced by the scheduler's source service (ingest/sources.py).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import ipaddress
import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urljoin, urlsplit

import aiohttp
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.services import SourceError, SourceHealth, SourceProbe
from ingest.types import IngestReport, RawDocument, ReadFailure
from storage.db import session_scope
from storage.models import Source, SourcePoll, utcnow

if TYPE_CHECKING:
    from sqlalchemy import Engine

logger = logging.getLogger(__name__)

MAX_BYTES = 3 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "contacts-bot/0.1 (+https://t.me)"
HEALTH_DAYS = 7
TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class DocumentIngestor(Protocol):
    """What this service needs from the ingest pipeline."""

    async def ingest_documents(self, docs: list[RawDocument]) -> IngestReport:
        """Store documents and report."""
        ...


class ContactCounter(Protocol):
    """Dry-run analysis: how many contacts a document states (ArticleAnalyser)."""

    def analyse(self, doc: RawDocument) -> Any:
        """Analyse without storing; the result has `.contacts`."""
        ...


@dataclasses.dataclass(frozen=True)
class Fetched:
    """A downloaded URL."""

    url: str
    data: bytes
    content_type: str


def is_feed(data: bytes, content_type: str) -> bool:
    """RSS/Atom by content type or by the first tag."""
    if "rss" in content_type or "atom" in content_type:
        return True
    head = data[:600].lstrip().lower()
    if head.startswith((b"<rss", b"<feed")):
        return True
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)


def page_title(data: bytes) -> str | None:
    """The <title> of an HTML page."""
    match = TITLE_RE.search(data[:200_000])
    if not match:
        return None
    from html import unescape

    return " ".join(unescape(match.group(1).decode("utf-8", "replace")).split())[:300] or None


def documents_from(fetched: Fetched) -> tuple[str, str | None, list[RawDocument]]:
    """(kind, title, documents) of a fetched URL: feed entries or one page."""
    from ingest.readers import decode, html_to_document

    if is_feed(fetched.data, fetched.content_type):
        import feedparser

        feed = feedparser.parse(fetched.data)
        docs = []
        for number, entry in enumerate(feed.entries, 1):
            summary = re.sub(r"<[^>]+>", " ", entry.get("summary", "") or "")
            text = " ".join(f"{entry.get('title', '')}. {summary}".split())
            if text.strip(". "):
                link = entry.get("link") or None
                docs.append(
                    RawDocument(
                        text=text,
                        origin=link or f"{fetched.url}#{number}",
                        url=link,
                        title=entry.get("title"),
                    )
                )
        return "rss", feed.feed.get("title"), docs
    doc = html_to_document(decode(fetched.data), origin=fetched.url, url=fetched.url)
    title = page_title(fetched.data)
    return "page", title, [doc] if isinstance(doc, RawDocument) else []


class BasicSourceService:
    """Sources stored as rows; polling fetches each URL once and ingests what it yields."""

    def __init__(
        self,
        *,
        engine: Engine,
        ingestor: DocumentIngestor,
        analyser: ContactCounter | None = None,
        allow_private: bool = False,
        timeout: float = 20.0,
    ) -> None:
        self._engine = engine
        self._ingestor = ingestor
        self._analyser = analyser
        self._allow_private = allow_private
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError("bad_url")
        if self._allow_private:
            return
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, parts.port or 80)
        except OSError as error:
            raise SourceError("fetch", str(error)) from error
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise SourceError("private")

    async def fetch(self, url: str) -> Fetched:
        """GET a URL (redirects checked hop by hop), at most MAX_BYTES."""
        headers = {"User-Agent": USER_AGENT}
        async with aiohttp.ClientSession(timeout=self._timeout, headers=headers) as session:
            for _ in range(MAX_REDIRECTS + 1):
                await self._check_address(url)
                try:
                    async with session.get(url, allow_redirects=False) as response:
                        if response.status in (301, 302, 303, 307, 308):
                            url = urljoin(url, response.headers.get("Location", ""))
                            continue
                        if response.status >= 400:
                            raise SourceError("fetch", f"HTTP {response.status}")
                        data = bytearray()
                        async for chunk in response.content.iter_chunked(65536):
                            data.extend(chunk)
                            if len(data) > MAX_BYTES:
                                raise SourceError("too_big")
                        return Fetched(str(response.url), bytes(data), response.content_type)
                except (aiohttp.ClientError, TimeoutError) as error:
                    raise SourceError("fetch", str(error) or type(error).__name__) from error
        raise SourceError("fetch", "слишком много перенаправлений")

    def _count_contacts(self, docs: Sequence[RawDocument]) -> int | None:
        if self._analyser is None:
            return None
        total = 0
        for doc in docs:
            try:
                total += len(self._analyser.analyse(doc).contacts)
            except Exception:
                logger.warning("dry-run analysis failed for %s", doc.origin, exc_info=True)
        return total

    async def probe(self, url: str) -> SourceProbe:
        """Fetch the URL without storing anything and say what it would bring."""
        url = url.strip()
        fetched = await self.fetch(url)
        kind, title, docs = await asyncio.to_thread(documents_from, fetched)
        contacts = await asyncio.to_thread(self._count_contacts, docs)
        return SourceProbe(url=url, kind=kind, title=title, articles=len(docs), contacts=contacts)

    async def _db(self, work: Any) -> Any:
        def job() -> Any:
            with session_scope(self._engine) as session:
                return work(session)

        return await asyncio.to_thread(job)

    async def add(self, url: str, interval_minutes: int, added_by: int) -> Source:
        """Store a new source (kind and title from a fresh probe)."""
        probe = await self.probe(url)

        def work(session: Session) -> Source:
            source = Source(
                url=probe.url,
                kind=probe.kind,
                title=probe.title,
                interval_minutes=interval_minutes,
                added_by=added_by,
            )
            session.add(source)
            session.flush()
            return source

        try:
            source: Source = await self._db(work)
        except IntegrityError as error:
            raise SourceError("exists") from error
        return source

    async def list_health(self) -> list[SourceHealth]:
        """Every source with its health figures over the last week."""

        def work(session: Session) -> list[SourceHealth]:
            since = utcnow() - dt.timedelta(days=HEALTH_DAYS)
            recent = dict(
                session.exec(
                    select(SourcePoll.source_id, func.sum(SourcePoll.articles_new))
                    .where(col(SourcePoll.started_at) >= since)
                    .group_by(col(SourcePoll.source_id))
                ).all()
            )
            contacts = dict(
                session.exec(
                    select(SourcePoll.source_id, func.sum(SourcePoll.contacts_new)).group_by(
                        col(SourcePoll.source_id)
                    )
                ).all()
            )
            rows = session.exec(select(Source).order_by(col(Source.id))).all()
            health = []
            for row in rows:
                assert row.id is not None
                created = row.created_at
                if created.tzinfo is None:
                    created = created.replace(tzinfo=dt.UTC)
                days = min(HEALTH_DAYS, max(1.0, (utcnow() - created).total_seconds() / 86400))
                health.append(
                    SourceHealth(
                        id=row.id,
                        url=row.url,
                        kind=row.kind,
                        title=row.title,
                        interval_minutes=row.interval_minutes,
                        paused=row.paused,
                        last_success_at=row.last_success_at,
                        consecutive_failures=row.consecutive_failures,
                        last_error=row.last_error,
                        articles_per_day=float(recent.get(row.id) or 0) / days,
                        contacts_found=int(contacts.get(row.id) or 0),
                    )
                )
            return health

        result: list[SourceHealth] = await self._db(work)
        return result

    async def _change(self, source_id: int, action: str) -> None:
        def work(session: Session) -> bool:
            source = session.get(Source, source_id)
            if source is None:
                return False
            if action == "delete":
                for poll in session.exec(
                    select(SourcePoll).where(SourcePoll.source_id == source_id)
                ):
                    session.delete(poll)
                session.delete(source)
            else:
                source.paused = action == "pause"
                source.paused_reason = "админ" if source.paused else None
            return True

        if not await self._db(work):
            raise SourceError("not_found")

    async def delete(self, source_id: int) -> None:
        """Remove a source and its poll history (its articles stay)."""
        await self._change(source_id, "delete")

    async def pause(self, source_id: int) -> None:
        """Stop polling a source."""
        await self._change(source_id, "pause")

    async def resume(self, source_id: int) -> None:
        """Poll a paused source again."""
        await self._change(source_id, "resume")

    async def poll_now(self) -> IngestReport:
        """Poll every active source once; a failing source is recorded and skipped."""

        def active(session: Session) -> list[tuple[int, str]]:
            rows = session.exec(select(Source).where(col(Source.paused).is_(False))).all()
            return [(row.id, row.url) for row in rows if row.id is not None]

        total = IngestReport()
        for source_id, url in await self._db(active):
            started = utcnow()
            try:
                fetched = await self.fetch(url)
                _, _, docs = await asyncio.to_thread(documents_from, fetched)
                docs = [dataclasses.replace(doc, source_id=source_id) for doc in docs]
                report = await self._ingestor.ingest_documents(docs) if docs else IngestReport()
                error = None
            except SourceError as failure:
                report = IngestReport(failed=1)
                error = " ".join(filter(None, (failure.reason, failure.detail)))
                report.failures.append(ReadFailure(url, error))
                logger.warning("poll of source %s %s failed: %s", source_id, url, error)
            total.merge(report)
            await self._db(
                lambda s, i=source_id, t=started, r=report, e=error: _record_poll(s, i, t, r, e)
            )
        return total


def _record_poll(
    session: Session, source_id: int, started: dt.datetime, report: IngestReport, error: str | None
) -> None:
    session.add(
        SourcePoll(
            source_id=source_id,
            started_at=started,
            ok=error is None,
            error=error,
            articles_new=report.new,
            contacts_new=report.contacts_new,
        )
    )
    source = session.get(Source, source_id)
    if source is None:
        return
    now = utcnow()
    source.last_polled_at = now
    source.next_poll_at = now + dt.timedelta(minutes=source.interval_minutes)
    if error is None:
        source.last_success_at = now
        source.consecutive_failures = 0
        source.last_error = None
    else:
        source.consecutive_failures += 1
        source.last_error = error
