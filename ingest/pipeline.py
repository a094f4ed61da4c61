"""Ingestion: analysed articles into storage, with contacts merged across reports."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import get_args

from sqlalchemy import Engine
from sqlmodel import Session

from ingest.analysis import AnalysedArticle, ArticleAnalyser
from ingest.readers import read_bytes, read_paths
from ingest.types import IngestReport, RawDocument, ReadFailure
from ingest.workers import Analysed, analyse_one, analyse_parallel, chunked
from retrieval.merge import (
    Report,
    best_match,
    kind_group,
    match_score,
    merged_date,
    merged_kind,
    merged_status,
)
from retrieval.types import ExtractedContact, Kind, PartialDate
from storage import articles as article_repo
from storage import contacts as contact_repo
from storage import people as people_repo
from storage.db import session_scope
from storage.models import Article, Contact

logger = logging.getLogger(__name__)

SIMILARITY_ARTICLES = 3  # articles per contact compared for content similarity
KINDS: tuple[str, ...] = get_args(Kind)
LEMMA_CACHE_ARTICLES = 20_000  # lemma sets kept in memory by one ingesting process (~100 MB)

# Called inside the storing transaction: (session, contact id, event) where event is
# "new", "happened", "cancelled", "postponed" or "denied". Alerts use it to fill the outbox.
ContactEventSink = Callable[[Session, int, str], None]


@dataclass(frozen=True)
class StoredContact:
    """What storing one extracted contact did."""

    contact_id: int
    created: bool
    status_changed: bool


def stored_date(contact: Contact) -> PartialDate | None:
    """The partial date of a stored contact (including day+month hints without a year)."""
    if contact.date is not None:
        return PartialDate.from_date(contact.date, contact.date_precision)  # type: ignore[arg-type]
    if contact.hint_month is not None:
        return PartialDate(None, contact.hint_month, contact.hint_day)
    return None


def _apply_date(contact: Contact, value: PartialDate | None) -> None:
    if value is None:
        return
    if value.year is not None:
        contact.date = value.to_date()
        contact.date_precision = value.precision
        contact.hint_month = contact.hint_day = None
    elif contact.date is None:
        contact.hint_month, contact.hint_day = value.month, value.day


def _both_days(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Both dates known to the day: equal means the same event, different means not."""
    return a is not None and b is not None and a.precision == "day" and b.precision == "day"


def _article_row(
    analysed: AnalysedArticle, *, content_hash: str, duplicate_of: int | None = None
) -> Article:
    doc = analysed.doc
    return Article(
        external_id=doc.external_id,
        url=doc.url,
        title=analysed.title,
        published=analysed.published,
        outlet=analysed.outlet,
        source_id=doc.source_id,
        text=analysed.text,
        content_hash=content_hash,
        duplicate_of=duplicate_of,
    )


class Ingestor:
    """Stores documents: dedupes articles, keeps passages, merges contacts, reports."""

    def __init__(
        self,
        *,
        engine: Engine,
        analyser: ArticleAnalyser,
        on_contact_event: ContactEventSink | None = None,
    ) -> None:
        self.engine = engine
        self.analyser = analyser
        self.on_contact_event = on_contact_event
        # lemma sets of stored articles (immutable): merge candidates of a busy pair are
        # compared with the same few articles again and again
        self._lemma_cache: OrderedDict[int, frozenset[str]] = OrderedDict()
        self._lemma_lock = threading.Lock()  # ingests may run in several worker threads

    def ingest_paths(
        self,
        paths: Iterable[str],
        *,
        progress: Callable[[Iterable[object]], Iterator[object]] | None = None,
        workers: int = 1,
    ) -> IngestReport:
        """Ingest files and folders; bad files and lines are reported and skipped."""
        items: Iterable[object] = read_paths(paths)
        if progress is not None:
            items = progress(items)
        return self.ingest_items(items, workers=workers)  # type: ignore[arg-type]

    def ingest_items(
        self, items: Iterable[RawDocument | ReadFailure], *, workers: int = 1, batch: int = 16
    ) -> IngestReport:
        """Ingest documents; failures are counted, never raised.

        With workers > 1 the analysis runs in that many processes while this thread stores;
        each batch of articles is stored in one transaction.
        """
        report = IngestReport()

        def documents() -> Iterator[RawDocument]:
            for item in items:
                if isinstance(item, ReadFailure):
                    logger.warning("skipped %s: %s", item.origin, item.reason)
                    report.failed += 1
                    report.failures.append(item)
                else:
                    yield item

        if workers > 1:
            chunks: Iterable[list[Analysed]] = analyse_parallel(
                self.analyser, documents(), workers=workers, chunk=batch
            )
        else:
            chunks = (
                [analyse_one(self.analyser, doc) for doc in part]
                for part in chunked(documents(), batch)
            )
        for chunk in chunks:
            self._store_chunk(chunk, report)
        return report

    async def ingest_bytes(self, data: bytes, filename: str) -> IngestReport:
        """Ingest one uploaded file in a worker thread."""
        return await asyncio.to_thread(self.ingest_items, read_bytes(data, filename))

    async def ingest_documents(self, docs: list[RawDocument]) -> IngestReport:
        """Ingest documents in a worker thread."""
        return await asyncio.to_thread(self.ingest_items, docs)

    def ingest_document(self, doc: RawDocument) -> IngestReport:
        """Analyse and store one document."""
        report = IngestReport()
        self._store_chunk([analyse_one(self.analyser, doc)], report)
        return report

    def analyse(self, doc: RawDocument) -> AnalysedArticle:
        """Analysis without storing (dry runs)."""
        return self.analyser.analyse(doc)

    def _store_chunk(self, chunk: list[Analysed], report: IngestReport) -> None:
        """Store analysed articles in one transaction; on any error, one by one."""
        good: list[AnalysedArticle] = []
        for doc, analysed in chunk:
            if isinstance(analysed, str):
                logger.error("analysis failed for %s: %s", doc.origin, analysed)
                report.failed += 1
                report.failures.append(ReadFailure(doc.origin, f"ошибка анализа: {analysed}"))
            elif not analysed.text.strip():
                report.failed += 1
                report.failures.append(ReadFailure(doc.origin, "в статье нет текста"))
            else:
                good.append(analysed)
        if not good:
            return
        part = IngestReport()
        try:
            with session_scope(self.engine) as session:
                for analysed in good:
                    self._store(session, analysed, part)
        except Exception as exc:  # noqa: BLE001  (retried one by one to isolate the bad article)
            with self._lemma_lock:
                self._lemma_cache.clear()  # ids of rolled-back articles may be used again
            if len(good) == 1:
                self._store_single_failed(good[0], report, exc)
                return
            for analysed in good:
                self._store_chunk([(analysed.doc, analysed)], report)
            return
        report.merge(part)

    def _store_single_failed(
        self, analysed: AnalysedArticle, report: IngestReport, error: Exception
    ) -> None:
        doc = analysed.doc
        with Session(self.engine) as session:
            duplicate = article_repo.find_duplicate(
                session, url=doc.url, content_hash=analysed.content_hash
            )
        if duplicate is not None:
            # a concurrent writer stored the same article first
            report.duplicate += 1
            return
        logger.error("storing failed for %s: %r", doc.origin, error)
        report.failed += 1
        report.failures.append(ReadFailure(doc.origin, "не удалось сохранить статью"))

    def _store(self, session: Session, analysed: AnalysedArticle, report: IngestReport) -> None:
        doc = analysed.doc
        original = article_repo.find_duplicate(
            session, url=doc.url, content_hash=analysed.content_hash
        )
        if original is not None:
            report.duplicate += 1
            if (
                doc.url
                and original.url != doc.url
                and original.content_hash == analysed.content_hash
            ):
                self._store_reprint(session, analysed, original)
            return
        article = article_repo.add_article(
            session,
            article=_article_row(analysed, content_hash=analysed.content_hash),
            passages=[
                article_repo.NewPassage(
                    i, p.span.start, p.span.end, p.span.text, p.lemmas, p.indexed
                )
                for i, p in enumerate(analysed.passages)
            ],
        )
        report.new += 1
        assert article.id is not None
        told_here: set[int] = set()  # the article's own contacts are distinct events
        for extracted in analysed.contacts:
            stored = self._store_contact(session, article.id, analysed, extracted, told_here)
            told_here.add(stored.contact_id)
            if stored.created:
                report.contacts_new += 1
                report.new_contact_ids.append(stored.contact_id)
            else:
                report.contacts_updated += 1
            if stored.status_changed:
                report.changed_contact_ids.append(stored.contact_id)

    def _store_reprint(
        self, session: Session, analysed: AnalysedArticle, original: Article
    ) -> None:
        """Same text on another URL: one more source of the original's contacts, no new ones."""
        doc = analysed.doc
        assert original.id is not None and doc.url is not None
        source = original.duplicate_of or original.id
        reprint = article_repo.add_article(
            session,
            article=_article_row(
                analysed,
                content_hash=f"{analysed.content_hash}:{article_repo.url_digest(doc.url)}",
                duplicate_of=source,
            ),
            passages=[],
        )
        assert reprint.id is not None
        for contact_id in contact_repo.copy_evidence(
            session, from_article=source, to_article=reprint.id
        ):
            contact_repo.touch(session, contact=session.get(Contact, contact_id))  # type: ignore[arg-type]

    def _store_contact(
        self,
        session: Session,
        article_id: int,
        analysed: AnalysedArticle,
        found: ExtractedContact,
        told_here: set[int],
    ) -> StoredContact:
        aliases = {name: self.analyser.registry.aliases(name) for name in found.participants}
        ids = people_repo.ensure_people(session, names=found.participants, aliases=aliases)
        key = contact_repo.participants_key(ids.values())
        near = found.date.to_date() if found.date is not None else None
        candidates = contact_repo.with_participants(
            session,
            key=key,
            near=near,
            published=analysed.doc.published,
            kinds=[k for k in KINDS if kind_group(k) == kind_group(found.kind)],
        )
        # "встретились 11 октября, а затем в том же месяце виделись в Казани": the extractor
        # told two events apart by their dates; another contact of this article with another
        # date is never this one (an undated one may still be a dated one told again)
        candidates = [
            c
            for c in candidates
            if c.id not in told_here or found.date is None or stored_date(c) in (None, found.date)
        ]
        # content similarity decides only where dates cannot: skip loading it for the rest
        lemma_sets = self._lemma_sets(
            session,
            [c for c in candidates if kind_group(c.kind) == kind_group(found.kind)
             and not _both_days(stored_date(c), found.date)],
        )  # fmt: skip
        new_report = Report(
            found.kind,
            found.date,
            found.status,
            analysed.lemma_set,
            found.place,
            analysed.published,
        )
        # when a postponement was told decides whether a held contact fulfils it
        told = contact_repo.first_published(
            session,
            contact_ids=[
                int(c.id) for c in candidates if c.id is not None and c.status == "postponed"
            ],
        )
        reports = [
            Report(
                c.kind,
                stored_date(c),
                c.status,
                lemma_sets.get(int(c.id or 0), frozenset()),
                c.place,
                told.get(int(c.id or 0)),
            )
            for c in candidates
        ]
        index = best_match(reports, new_report)
        members = frozenset(ids.values())
        target = candidates[index] if index is not None else self._wider(session, members, found)
        created = status_changed = False
        if target is None:
            contact = contact_repo.create(
                session,
                contact=Contact(
                    participants_key=key,
                    kind=found.kind,
                    status=found.status,
                    place=found.place,
                    initiator=found.initiator,
                ),
                person_ids=ids.values(),
            )
            _apply_date(contact, found.date)
            created = True
        else:
            contact = target
            contact.kind = merged_kind(
                contact.kind,
                contact.status,
                found.kind,
                found.status,
                stored_date(contact),
                found.date,
            )
            new_status = merged_status(contact.status, found.status)
            status_changed = new_status != contact.status
            _apply_date(
                contact, merged_date(stored_date(contact), contact.status, found.date, found.status)
            )
            contact.status = new_status
            contact.place = contact.place or found.place
            contact.initiator = contact.initiator or found.initiator
            contact_repo.touch(session, contact=contact)
        session.add(contact)
        session.flush()
        assert contact.id is not None
        contact_repo.add_evidence(
            session,
            contact_id=contact.id,
            article_id=article_id,
            snippet=found.snippet,
            start=found.start,
            end=found.end,
            status=found.status,
        )
        session.flush()
        self._absorb_undated(session, contact, candidates, lemma_sets, analysed.lemma_set)
        if created:
            self._absorb_narrower(session, contact, members, found)
        if self.on_contact_event is not None:
            if created:
                self.on_contact_event(session, contact.id, "new")
            elif status_changed:
                self.on_contact_event(session, contact.id, contact.status)
        return StoredContact(contact.id, created, status_changed)

    def _wider(
        self, session: Session, members: frozenset[int], found: ExtractedContact
    ) -> Contact | None:
        """ "В феврале Лавров и Рубио провели переговоры в Эр-Рияде": a month report of some
        of the people of a contact held that month with more people is that contact, when
        it is the only one of theirs that month (and they had none on their own). So are
        talks planned for a day ("во вторник пройдут переговоры делегаций во главе с Лавровым
        и Рубио") that were held that day with more people (talks of two held that day are
        not: "Макрон провел переговоры с Си, затем прошла трехсторонняя встреча")."""
        if found.date is None:
            return None
        if found.date.precision == "month" and found.status == "happened":
            held = self._held_within(session, found, ("day",), found.date)
        elif found.date.precision == "day" and found.kind == "talks" and found.status == "planned":
            held = self._held_within(session, found, ("day",), found.date, kinds=("talks",))
        else:
            return None
        wider = [c for c, people in held if members < people]
        alone = [c for c, people in held if members == people]
        return wider[0] if len(wider) == 1 and not alone else None

    def _absorb_narrower(
        self, session: Session, contact: Contact, members: frozenset[int], found: ExtractedContact
    ) -> None:
        """The same, told the other way round: month reports (and talks planned for its day)
        of some of this new contact's people fold into it when it is their only contact that
        month (that day)."""
        if found.date is None or found.date.precision != "day" or found.status != "happened":
            return
        if len(members) < 3:
            return
        month = PartialDate(found.date.year, found.date.month)
        held = self._held_within(session, found, ("day", "month"), month)
        if found.kind == "talks":
            held += self._held_within(
                session, found, ("day",), found.date, kinds=("talks",), statuses=("planned",)
            )
        days = [(c, people) for c, people in held if c.date_precision == "day"]
        for narrower, people in held:
            if not people < members:
                continue
            if narrower.date_precision == "day" and narrower.status != "planned":
                continue
            if not any(
                people <= others and c.id not in (contact.id, narrower.id) for c, others in days
            ):
                contact_repo.absorb(session, keep=contact, drop=narrower)

    def _held_within(
        self,
        session: Session,
        found: ExtractedContact,
        precisions: tuple[str, ...],
        period: PartialDate,
        *,
        kinds: tuple[str, ...] | None = None,
        statuses: tuple[str, ...] = ("happened",),
    ) -> list[tuple[Contact, frozenset[int]]]:
        """Contacts of the kind group of `found` (or of `kinds`) held within `period` (a
        month or a day), with their people."""
        span = period.period()
        assert span is not None
        kinds = kinds or tuple(k for k in KINDS if kind_group(k) == kind_group(found.kind))
        return list(
            contact_repo.held_within(
                session,
                first=span[0],
                last=span[1],
                kinds=kinds,
                precisions=precisions,
                statuses=statuses,
            ).values()
        )

    def _absorb_undated(
        self,
        session: Session,
        contact: Contact,
        candidates: list[Contact],
        lemma_sets: dict[int, frozenset[str]],
        new_lemmas: frozenset[str],
    ) -> None:
        """Fold undated reports of the same event into a contact that now has a date."""
        current = stored_date(contact)
        if current is None or current.year is None:
            return
        mine = lemma_sets.get(int(contact.id or 0), frozenset()) | new_lemmas
        here = Report(contact.kind, current, contact.status, mine)
        for other in candidates:
            if other.id == contact.id or (other.date is not None):
                continue
            theirs = Report(
                other.kind,
                stored_date(other),
                other.status,
                lemma_sets.get(int(other.id or 0), frozenset()),
            )
            if match_score(here, theirs) is not None:
                contact.status = merged_status(contact.status, other.status)
                contact_repo.absorb(session, keep=contact, drop=other)

    def _lemma_sets(self, session: Session, candidates: list[Contact]) -> dict[int, frozenset[str]]:
        """Lemmas of the first few articles citing each candidate (for content similarity)."""
        if not candidates:
            return {}
        ids = [int(c.id) for c in candidates if c.id is not None]
        by_contact = {
            cid: arts[:SIMILARITY_ARTICLES]
            for cid, arts in contact_repo.evidence_article_ids(session, contact_ids=ids).items()
        }
        sets = self._article_lemmas(session, {a for arts in by_contact.values() for a in arts})
        return {
            cid: frozenset().union(*(sets.get(a, frozenset()) for a in arts))
            for cid, arts in by_contact.items()
        }

    def _article_lemmas(self, session: Session, ids: set[int]) -> dict[int, frozenset[str]]:
        """Lemma sets of articles, from the bounded cache or the database."""
        cache = self._lemma_cache
        with self._lemma_lock:
            out = {a: cache[a] for a in ids if a in cache}
            for a in out:
                cache.move_to_end(a)
        missing = sorted(ids - out.keys())
        if missing:
            loaded = article_repo.article_lemma_sets(session, article_ids=missing)
            with self._lemma_lock:
                for a, lemmas in loaded.items():
                    out[a] = cache[a] = frozenset(lemmas)
                while len(cache) > LEMMA_CACHE_ARTICLES:
                    cache.popitem(last=False)
        return out
