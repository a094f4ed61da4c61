"""News sources: detect a URL's kind; read new articles (feed, page, listing, sitemap, folder).

`SourceReader` turns one source into raw documents; `SourceService` is what the bot's admin
commands and the scheduler call: probe (dry run), add, list with health, pause, poll with backoff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from sqlalchemy.exc import IntegrityError

from ingest.fetch import FEED_TYPES, HTML_TYPES, Fetched, Fetcher, FetchError
from ingest.readers import html_to_document, iter_files, read_paths
from ingest.source_types import SourceError, SourceHealth, SourceProbe
from ingest.types import IngestReport, RawDocument, ReadFailure
from ingest.urls import canonical_url, same_site
from storage import sources as source_repo
from storage.db import session_scope
from storage.models import Source, utcnow

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

logger = logging.getLogger(__name__)
T = TypeVar("T")

KINDS: Final = ("rss", "page", "listing", "sitemap", "folder")
TAGS: Final = re.compile(r"<[^>]+>")
TITLE: Final = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
OG_ARTICLE: Final = re.compile(
    rb"<meta[^>]+property=[\"']og:type[\"'][^>]+content=[\"']article", re.IGNORECASE
)
NOT_ARTICLE: Final = re.compile(
    r"/(tags?|category|categories|rubric|author|authors|search|page|login|signup|about|contacts?"
    r"|rss|feed|subscribe|video|photo|gallery)(/|$)|\.(jpe?g|png|gif|svg|webp|pdf|zip|mp[34]|css|js)$",
    re.IGNORECASE,
)
ARTICLE_HINT: Final = re.compile(r"\d|\.s?html?$|-[^/]+-")

# Which stored URLs already exist (deduplication before fetching article pages).
KnownUrls = Callable[[list[str]], Awaitable[set[str]]]


@dataclass(frozen=True)
class FeedEntry:
    """One item of an RSS/Atom feed."""

    url: str | None
    title: str | None
    published: dt.date | None
    text: str


@dataclass
class Discovered:
    """What reading a source found: new documents, per-article failures, feed validators."""

    kind: str
    title: str | None = None
    candidates: int = 0  # articles the source lists (new or not)
    documents: list[RawDocument] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def is_local(url: str) -> bool:
    """True for a local folder source (a path or a file:// URL)."""
    return url.startswith(("/", "file://", "~"))


def local_path(url: str) -> Path:
    """The folder of a local source."""
    if url.startswith("file://"):
        return Path(unquote(urlsplit(url).path))
    return Path(url).expanduser()


def is_feed(data: bytes, content_type: str) -> bool:
    """RSS/Atom by content type or by the first tag."""
    if "rss" in content_type or "atom" in content_type:
        return True
    head = data[:1000].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def is_sitemap(data: bytes) -> bool:
    """A sitemap or sitemap index by its root element."""
    head = data[:1500].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def page_title(html: str) -> str | None:
    """The <title> of an HTML page."""
    from html import unescape

    match = TITLE.search(html[:200_000])
    if not match:
        return None
    return " ".join(unescape(match.group(1)).split())[:300] or None


def strip_tags(html: str) -> str:
    """Plain text of an HTML fragment (feed summaries)."""
    from html import unescape

    return " ".join(unescape(TAGS.sub(" ", html)).split())


def listing_links(html: str, base_url: str) -> list[str]:
    """Article-like links of a news listing page: same site, not navigation, canonical, in order."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    page = canonical_url(base_url)
    seen: dict[str, None] = {}
    for element in tree.iter("a"):
        href = (element.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        url = canonical_url(urljoin(base_url, href))
        path = urlsplit(url).path
        if (
            url == page
            or not url.startswith(("http://", "https://"))
            or not same_site(url, base_url)
            or path in ("", "/")
            or NOT_ARTICLE.search(path)
            or not (ARTICLE_HINT.search(path) or path.strip("/").count("/") >= 1)
        ):
            continue
        seen.setdefault(url, None)
    return list(seen)


def feed_entries(data: bytes) -> tuple[str | None, list[FeedEntry]]:
    """(feed title, entries) of an RSS/Atom feed; an unparsable empty feed raises."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FetchError("fetch", f"лента не разбирается: {parsed.get('bozo_exception', '')}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        content = entry.get("content") or []
        body = content[0].get("value", "") if content else entry.get("summary", "")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        title = strip_tags(entry.get("title", "")) or None
        text = strip_tags(body or "")
        entries.append(
            FeedEntry(
                url=canonical_url(link) if link else None,
                title=title,
                published=published,
                text=f"{title}. {text}" if title and text and not text.startswith(title) else text,
            )
        )
    return parsed.feed.get("title") or None, entries


def sitemap_entries(data: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """((url, lastmod) pages, child sitemaps) of a sitemap (index); no entities, no network."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise FetchError("fetch", f"карта сайта не разбирается: {error}") from error
    if root is None:
        raise FetchError("fetch", "пустая карта сайта")
    pages: list[tuple[str, str]] = []
    children: list[str] = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        local = etree.QName(node).localname
        values = {
            etree.QName(c).localname: (c.text or "").strip()
            for c in node.iter()
            if isinstance(c.tag, str)
        }
        loc = values.get("loc")
        if not loc:
            continue
        stamp = values.get("publication_date") or values.get("lastmod") or ""
        if local == "sitemap":
            children.append(loc)
        elif local == "url":
            pages.append((canonical_url(loc), stamp))
    pages.sort(key=lambda item: item[1], reverse=True)
    return pages, children


def detect_kind(url: str, fetched: Fetched | None) -> str:
    """rss, sitemap, listing or page from the content (folder for a local path)."""
    if is_local(url) or fetched is None:
        return "folder"
    if fetched.content_type in FEED_TYPES or fetched.content_type in ("", "text/plain"):
        if is_sitemap(fetched.data):
            return "sitemap"
        if is_feed(fetched.data, fetched.content_type):
            return "rss"
    if is_feed(fetched.data, fetched.content_type) and fetched.content_type not in HTML_TYPES:
        return "rss"
    if OG_ARTICLE.search(fetched.data[:300_000]):
        return "page"
    html = fetched.text()
    links = listing_links(html, fetched.url)
    if len(links) >= 15:
        return "listing"
    if len(links) >= 2:
        doc = html_to_document(html, origin=fetched.url, url=fetched.url)
        length = len(doc.text) if isinstance(doc, RawDocument) else 0
        if length < 500 or (len(links) >= 5 and length < 1500):
            return "listing"
    return "page"


class SourceReader:
    """Reads one source into new raw documents (known URLs are skipped before fetching)."""

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        known_urls: KnownUrls,
        max_articles: int = 20,
        allow_folders: bool = False,
    ) -> None:
        self.fetcher = fetcher
        self._known = known_urls
        self.max_articles = max_articles
        self.allow_folders = allow_folders

    async def read(
        self,
        url: str,
        *,
        kind: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        source_id: int | None = None,
        limit: int | None = None,
    ) -> Discovered:
        """New documents of a source; a kind of None is detected from the content."""
        limit = self.max_articles if limit is None else limit
        if is_local(url) or kind == "folder":
            return await self._folder(url, source_id, limit)
        conditional = kind in ("rss", "sitemap", "page")
        fetched = await self.fetcher.fetch(
            url,
            etag=etag if conditional else None,
            last_modified=last_modified if conditional else None,
        )
        detected = kind if kind else await asyncio.to_thread(detect_kind, url, fetched)
        if fetched.not_modified:
            return Discovered(
                detected,
                not_modified=True,
                etag=fetched.etag or etag,
                last_modified=fetched.last_modified or last_modified,
            )
        found = Discovered(detected, etag=fetched.etag, last_modified=fetched.last_modified)
        if detected == "rss":
            await self._feed(fetched, found, source_id, limit)
        elif detected == "sitemap":
            await self._sitemap(fetched, found, source_id, limit)
        elif detected == "listing":
            await self._listing(fetched, found, source_id, limit)
        else:
            await self._page(fetched, found, source_id)
        return found

    async def _new_only(self, urls: Iterable[str]) -> list[str]:
        ordered = list(dict.fromkeys(urls))
        known = await self._known(ordered) if ordered else set()
        return [u for u in ordered if u not in known]

    async def _article(self, url: str, source_id: int | None) -> RawDocument | ReadFailure:
        """Fetch one article page and extract its text, title and date."""
        try:
            fetched = await self.fetcher.fetch(url, accept=HTML_TYPES | {"text/plain", ""})
        except FetchError as error:
            return ReadFailure(url, f"{error.reason}: {error.detail}")
        html = fetched.text()
        doc = await asyncio.to_thread(html_to_document, html, origin=url, url=url)
        if isinstance(doc, RawDocument):
            return RawDocument(**{**doc.__dict__, "url": url, "source_id": source_id})
        return doc

    async def _feed(
        self, fetched: Fetched, found: Discovered, source_id: int | None, limit: int
    ) -> None:
        title, entries = await asyncio.to_thread(feed_entries, fetched.data)
        found.title = title
        found.candidates = len(entries)
        urls = await self._new_only(e.url for e in entries if e.url)
        wanted = set(urls[:limit])
        for entry in entries:
            if entry.url is not None and entry.url not in wanted:
                continue
            if entry.url is None and not entry.text:
                continue
            doc = await self._article(entry.url, source_id) if entry.url else None
            if isinstance(doc, RawDocument) and len(doc.text) >= len(entry.text):
                # the page is the better text; the entry fills in what the page lacks
                found.documents.append(
                    RawDocument(
                        **{
                            **doc.__dict__,
                            "title": doc.title or entry.title,
                            "published": doc.published or entry.published,
                        }
                    )
                )
            elif entry.text:
                if isinstance(doc, ReadFailure):
                    logger.info(
                        "feed entry %s: page unavailable (%s), using the entry",
                        entry.url,
                        doc.reason,
                    )
                found.documents.append(
                    RawDocument(
                        text=entry.text,
                        origin=entry.url or fetched.url,
                        url=entry.url,
                        title=entry.title,
                        published=entry.published,
                        source_id=source_id,
                    )
                )
            elif isinstance(doc, ReadFailure):
                found.failures.append(doc)

    async def _fetch_new(
        self, urls: list[str], found: Discovered, source_id: int | None, limit: int
    ) -> None:
        for url in (await self._new_only(urls))[:limit]:
            doc = await self._article(url, source_id)
            if isinstance(doc, RawDocument):
                found.documents.append(doc)
            else:
                found.failures.append(doc)

    async def _listing(
        self, fetched: Fetched, found: Discovered, source_id: int | None, limit: int
    ) -> None:
        html = fetched.text()
        found.title = page_title(html)
        links = await asyncio.to_thread(listing_links, html, fetched.url)
        found.candidates = len(links)
        await self._fetch_new(links, found, source_id, limit)

    async def _sitemap(
        self, fetched: Fetched, found: Discovered, source_id: int | None, limit: int
    ) -> None:
        pages, children = await asyncio.to_thread(sitemap_entries, fetched.data)
        for child in children[-3:]:  # indexes list older sitemaps first, usually
            try:
                child_fetched = await self.fetcher.fetch(
                    child, accept=FEED_TYPES | {"text/plain", ""}
                )
                more, _ = await asyncio.to_thread(sitemap_entries, child_fetched.data)
            except FetchError as error:
                found.failures.append(ReadFailure(child, f"{error.reason}: {error.detail}"))
                continue
            pages.extend(more)
        pages.sort(key=lambda item: item[1], reverse=True)
        found.candidates = len(pages)
        await self._fetch_new([url for url, _ in pages], found, source_id, limit)

    async def _page(self, fetched: Fetched, found: Discovered, source_id: int | None) -> None:
        html = fetched.text()
        found.title = page_title(html)
        found.candidates = 1
        url = canonical_url(fetched.url)
        if not await self._new_only([url]):
            return
        doc = await asyncio.to_thread(html_to_document, html, origin=url, url=url)
        if isinstance(doc, RawDocument):
            found.documents.append(
                RawDocument(**{**doc.__dict__, "url": url, "source_id": source_id})
            )
        else:
            found.failures.append(doc)

    async def _folder(self, url: str, source_id: int | None, limit: int) -> Discovered:
        if not self.allow_folders:
            raise FetchError("private", "локальные папки разрешены только с ALLOW_PRIVATE_SOURCES")
        folder = local_path(url)
        if not folder.is_dir():
            raise FetchError("fetch", f"нет папки {folder}")
        found = Discovered("folder", title=folder.name)
        files = [
            f
            for f in await asyncio.to_thread(lambda: list(iter_files([folder])))
            if isinstance(f, Path)
        ]
        found.candidates = len(files)
        uris = {f.resolve().as_uri(): f for f in files}
        new = await self._new_only(uris)
        for uri in new[:limit]:
            items = await asyncio.to_thread(_read_file, uris[uri])
            for number, item in enumerate(items, 1):
                if isinstance(item, ReadFailure):
                    found.failures.append(item)
                    continue
                doc_url = uri if len(items) == 1 else (item.url or f"{uri}#{number}")
                found.documents.append(
                    RawDocument(**{**item.__dict__, "url": doc_url, "source_id": source_id})
                )
        return found


def _read_file(path: Path) -> list[RawDocument | ReadFailure]:
    return list(read_paths([path]))


class Analyser(Protocol):
    """Dry-run analysis (ArticleAnalyser): the result has `.contacts`."""

    def analyse(self, doc: RawDocument) -> Any:
        """Analyse one document without storing it."""
        ...


class DocumentIngestor(Protocol):
    """The ingest pipeline's async entry (Ingestor)."""

    async def ingest_documents(self, docs: list[RawDocument]) -> IngestReport:
        """Store documents and report."""
        ...


SourcePaused = Callable[[Source, str], Awaitable[None]]


@dataclass(frozen=True)
class PollPolicy:
    """Intervals, backoff and limits of polling."""

    default_minutes: int = 10
    min_minutes: int = 2
    max_minutes: int = 24 * 60
    pause_after: int = 5  # consecutive failures
    max_articles: int = 20  # new articles fetched per poll
    probe_articles: int = 5  # articles analysed by a dry run
    parallel_sources: int = 4  # sources polled at once by poll_now


def _source_error(error: FetchError) -> SourceError:
    return SourceError(error.reason, error.detail)


class SourceService:
    """The bot's source service: dry run, add, health, pause/resume/delete, polling with backoff."""

    def __init__(
        self,
        *,
        engine: Engine,
        ingestor: DocumentIngestor,
        analyser: Analyser,
        fetcher: Fetcher,
        policy: PollPolicy | None = None,
        on_change: Callable[[], None] | None = None,
        on_paused: SourcePaused | None = None,
        on_new_articles: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._engine = engine
        self._ingestor = ingestor
        self._analyser = analyser
        self.fetcher = fetcher
        self.policy = policy or PollPolicy()
        self.on_change = on_change
        self.on_paused = on_paused
        self.on_new_articles = on_new_articles
        self.reader = SourceReader(
            fetcher,
            known_urls=self._known_urls,
            max_articles=self.policy.max_articles,
            allow_folders=fetcher.allow_private,
        )

    async def _db(self, work: Callable[[Session], T]) -> T:
        def job() -> T:
            with session_scope(self._engine) as session:
                return work(session)

        return await asyncio.to_thread(job)

    async def _known_urls(self, urls: list[str]) -> set[str]:
        return await self._db(lambda s: source_repo.known_urls(s, urls=urls))

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def _count_contacts(self, docs: list[RawDocument]) -> int:
        total = 0
        for doc in docs:
            try:
                total += len(self._analyser.analyse(doc).contacts)
            except Exception:
                logger.warning("dry-run analysis failed for %s", doc.origin, exc_info=True)
        return total

    def normalise(self, url: str) -> str:
        """The stored form of a source URL (canonical for the web, absolute for folders)."""
        url = url.strip()
        if is_local(url):
            return str(local_path(url).resolve())
        return canonical_url(url)

    async def probe(self, url: str) -> SourceProbe:
        """Fetch and analyse the URL without storing anything; say what it is and would bring."""
        url = self.normalise(url)
        try:
            found = await self.reader.read(url, limit=self.policy.probe_articles)
        except FetchError as error:
            raise _source_error(error) from error
        contacts = await asyncio.to_thread(self._count_contacts, found.documents)
        return SourceProbe(
            url=url,
            kind=found.kind,
            title=found.title,
            articles=max(found.candidates, len(found.documents)),
            contacts=contacts,
        )

    async def add(self, url: str, interval_minutes: int, added_by: int) -> Source:
        """Store a new source (kind and title from a fresh dry run); the scheduler picks it up."""
        url = self.normalise(url)
        if await self._db(lambda s: source_repo.by_url(s, url=url)) is not None:
            raise SourceError("exists")
        probe = await self.probe(url)
        interval = max(self.policy.min_minutes, min(interval_minutes, self.policy.max_minutes))
        row = Source(
            url=url,
            kind=probe.kind,
            title=probe.title,
            interval_minutes=interval,
            added_by=added_by,
        )
        try:
            source = await self._db(lambda s: source_repo.add(s, source=row))
        except IntegrityError as error:
            raise SourceError("exists") from error
        self._changed()
        return source

    async def list_health(self) -> list[SourceHealth]:
        """Every source with its health figures over the last week."""
        rows = await self._db(lambda s: source_repo.figures(s))
        return [
            SourceHealth(
                id=int(f.source.id or 0),
                url=f.source.url,
                kind=f.source.kind,
                title=f.source.title,
                interval_minutes=f.source.interval_minutes,
                paused=f.source.paused,
                last_success_at=source_repo.aware(f.source.last_success_at),
                consecutive_failures=f.source.consecutive_failures,
                last_error=f.source.paused_reason if f.source.paused else f.source.last_error,
                articles_per_day=f.articles_recent / f.days,
                contacts_found=f.contacts_found,
            )
            for f in rows
        ]

    async def delete(self, source_id: int) -> None:
        """Remove a source and its poll history (its articles stay)."""
        if not await self._db(lambda s: source_repo.remove(s, source_id=source_id)):
            raise SourceError("not_found")
        self._changed()

    async def pause(self, source_id: int) -> None:
        """Stop polling a source."""
        done = await self._db(
            lambda s: source_repo.set_paused(s, source_id=source_id, paused=True, reason="админ")
        )
        if not done:
            raise SourceError("not_found")
        self._changed()

    async def resume(self, source_id: int) -> None:
        """Poll a paused source again (its failure count starts over)."""
        done = await self._db(
            lambda s: source_repo.set_paused(s, source_id=source_id, paused=False, reason=None)
        )
        if not done:
            raise SourceError("not_found")
        self._changed()

    async def poll_now(self) -> IngestReport:
        """Poll every active source once, a few at a time; a failing one never stops the others."""
        sources = await self._db(lambda s: source_repo.every(s, active_only=True))
        gate = asyncio.Semaphore(self.policy.parallel_sources)

        async def one(source_id: int) -> IngestReport:
            async with gate:
                return await self.poll(source_id, force=True)

        total = IngestReport()
        for report in await asyncio.gather(*(one(int(s.id or 0)) for s in sources)):
            total.merge(report)
        return total

    async def poll(self, source_id: int, *, force: bool = False) -> IngestReport:
        """Poll one source: read, ingest, record the outcome; honours backoff unless forced."""
        source = await self._db(lambda s: source_repo.by_id(s, source_id=source_id))
        report = IngestReport()
        if source is None or source.paused:
            return report
        now = utcnow()
        backoff_until = source_repo.aware(source.next_poll_at)
        if not force and source.consecutive_failures and backoff_until and backoff_until > now:
            logger.debug("source %s backs off until %s", source.url, backoff_until)
            return report
        try:
            found = await self.reader.read(
                source.url,
                kind=source.kind,
                etag=source.etag,
                last_modified=source.last_modified,
                source_id=source_id,
            )
            if found.documents:
                report = await self._ingestor.ingest_documents(found.documents)
        except Exception as error:
            reason = (
                f"{error.reason}: {error.detail}" if isinstance(error, FetchError) else repr(error)
            )
            if not isinstance(error, FetchError):
                logger.exception("poll of %s failed", source.url)
            else:
                logger.warning("poll of %s failed: %s", source.url, reason)
            outcome = await self._db(
                lambda s: source_repo.record_failure(
                    s,
                    source_id=source_id,
                    started_at=now,
                    error=reason,
                    pause_after=self.policy.pause_after,
                )
            )
            report.failed += 1
            report.failures.append(ReadFailure(source.url, reason))
            if outcome.paused_now:
                logger.error(
                    "source %s paused after %s failures", source.url, outcome.consecutive_failures
                )
                self._changed()
                if self.on_paused is not None:
                    await self.on_paused(source, reason)
            return report
        report.failed += len(found.failures)
        report.failures.extend(found.failures)
        await self._db(
            lambda s: source_repo.record_success(
                s,
                source_id=source_id,
                started_at=now,
                articles_new=report.new,
                contacts_new=report.contacts_new,
                etag=found.etag,
                last_modified=found.last_modified,
                title=found.title,
            )
        )
        if report.new and self.on_new_articles is not None:
            await self.on_new_articles()
        return report
