"""The answer service: a question in, contacts and cited passages out (CLI and bot share it)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from retrieval.concepts import expand_query_lemmas
from retrieval.index import IndexedPassage, SearchIndex
from retrieval.learned import LearnedNames, LearnedPerson
from retrieval.lemmas import Lemmatizer
from retrieval.people import PersonRegistry
from retrieval.question_people import resolve_people
from retrieval.questions import parse_question, reference_day
from retrieval.types import PartialDate, Query
from service import index_snapshot, render
from service.views import Answer, ContactView, PassageView, SourceView, answered_people
from storage import articles as article_repo
from storage import contacts as contact_repo
from storage import people as people_repo
from storage.models import Article, Contact, Evidence, Passage

logger = logging.getLogger(__name__)

# Lemmas that mark what was agreed or discussed, for "о чем договорились" questions.
ABOUT_LEMMAS = (
    "договориться",
    "условиться",
    "согласиться",
    "обсудить",
    "обсуждать",
    "обменяться",
    "подтвердить",
    "договоренность",
    "согласовать",
    "условленный",
    "условить",
    "затронуть",
    "рассмотреть",
    "обозначить",
    "приверженность",
    "канал",
    "контакт",
    "встреча",
)
MAX_QUESTION_CHARS = 1000
ABOUT_CONTACTS = 3  # «о чём» quotes come from the newest contacts' articles
ABOUT_ARTICLES = 4  # ... at most this many articles per contact
ABOUT_REACH = 4  # ... preferring the sentences right after the contact's own (passages)
ABOUT_MIN_WORDS = 6  # shorter passages are captions and bylines
MAX_OFFICE_GROUPS = 200  # holder combinations tried for a question naming offices
MAX_SOURCES = 10  # sources quoted per contact; the rest are counted


def _sort_key(contact: ContactView) -> tuple[int, date, int, int]:
    """Newest first; undated contacts last."""
    if contact.date is None:
        return (1, date.min, -(contact.hint_month or 0), -(contact.hint_day or 0))
    return (0, date.max - (contact.date - date.min), 0, 0)  # type: ignore[operator]


def _period(contact: Contact) -> tuple[date, date] | None:
    """The first and last day a contact may have been on, by its date's precision."""
    if contact.date is None:
        return None
    own = PartialDate.from_date(contact.date, contact.date_precision).period()  # type: ignore[arg-type]
    return own if own is not None else (contact.date, contact.date)


def _within(contact: Contact, start: date | None, end: date | None) -> bool:
    """True when a dated contact falls in [start, end); a contact known only to the month
    or year counts when its time overlaps it ("в сентябре 2022 года" with a prime minister
    in office from 6 September)."""
    own = _period(contact)
    if own is None:
        return False
    return (start is None or own[1] >= start) and (end is None or own[0] < end)


def _overlaps(contact: Contact, period: tuple[date, date]) -> bool:
    own = _period(contact)
    return own is not None and own[0] <= period[1] and period[0] <= own[1]


@dataclass(frozen=True)
class LearnedPeople:
    """The learned-names map with what was read to build it: stored people and the last id."""

    names: LearnedNames
    stored: int  # people read, registry ones included
    last_id: int


def _about_candidates(
    passages: list[Passage], spans: list[tuple[int, int, int, int, str]], asked: set[int]
) -> tuple[list[Passage], dict[int, tuple[int, int]]]:
    """Passages that may say what the asked contacts were about, and for those at or right
    after an asked contact's own sentence: (where the article tells it, how far after).
    Never the sentence of another contact that took place (an earlier meeting recalled in
    passing, a call with someone else; a planned one may be what was agreed), nor a
    caption-sized fragment."""
    own: dict[int, list[tuple[int, int]]] = defaultdict(list)
    other: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for contact_id, article_id, start, end, status in spans:
        if contact_id in asked:
            own[article_id].append((start, end))
        elif status != "planned":
            other[article_id].append((start, end))

    def touches(p: Passage, where: list[tuple[int, int]]) -> bool:
        return any(p.start < e and s < p.end for s, e in where)

    kept = [
        p
        for p in passages
        if len(p.text.split()) >= ABOUT_MIN_WORDS
        and (touches(p, own[p.article_id]) or not touches(p, other[p.article_id]))
    ]
    told_at: dict[int, list[int]] = defaultdict(list)
    for p in kept:
        if touches(p, own[p.article_id]):
            told_at[p.article_id].append(p.position)
    near: dict[int, tuple[int, int]] = {}
    for p in kept:
        after = [
            (at, p.position - at)
            for at in told_at[p.article_id]
            if 0 <= p.position - at <= ABOUT_REACH
        ]
        if after:
            near[int(p.id or 0)] = min(after, key=lambda a: a[1])
    return kept, near


class AnswerService:
    """Answers questions from the contacts table, ranking evidence and passages with BM25."""

    def __init__(
        self,
        *,
        engine: Engine,
        registry: PersonRegistry,
        lemmatizer: Lemmatizer,
        snapshot: Path | None = None,
    ) -> None:
        self.engine = engine
        self.snapshot = snapshot
        self.registry = registry
        self.lemmatizer = lemmatizer
        self._index: SearchIndex | None = None
        self._build_lock = threading.Lock()
        self._learned: LearnedPeople | None = None
        self._learned_lock = threading.Lock()

    # --- index ---------------------------------------------------------------------------
    def build_index(self) -> SearchIndex:
        """The index of every stored passage: the saved snapshot extended with the passages
        stored since, or a fresh build from stored lemmas (never re-lemmatises)."""
        started = time.perf_counter()
        saved = index_snapshot.load(self.snapshot) if self.snapshot else None
        with Session(self.engine) as session:
            last = saved.last_id if saved is not None else None
            if saved is not None and (
                last is None
                or article_repo.count_indexed_passages(session, up_to=last) != len(saved)
            ):
                saved = None  # another database's, or rows gone: rebuild
            base = saved if saved is not None else SearchIndex.from_stored(())
            index = base.extended(
                article_repo.iter_indexed_passages(session, after=base.last_id or 0)
            )
        if self.snapshot is not None and (saved is None or len(index) != len(saved)):
            index_snapshot.save(index, self.snapshot)
        logger.info(
            "search index: %d passages in %.2f s (%s)",
            len(index),
            time.perf_counter() - started,
            "snapshot" if saved is not None else "rebuilt",
        )
        return index

    def refresh_sync(self) -> bool:
        """Pick up passages and people stored since the last refresh, swapping each in atomically.

        True when the index or the learned names changed.
        """
        learned_changed = self.refresh_learned_sync()
        return self._refresh_index() or learned_changed

    def _refresh_index(self) -> bool:
        """Add passages stored since the index was built and swap it in atomically.

        Passages are only ever appended, so extending the index with the rows after its
        last id equals a full rebuild. True when the index changed.
        """
        with self._build_lock:
            index = self._index
            if index is None:
                self._index = self.build_index()
                return True
            with Session(self.engine) as session:
                newest = article_repo.last_indexed_passage(session)
                last = index.last_id or 0
                if newest <= last:
                    return False
                self._index = index.extended(
                    article_repo.iter_indexed_passages(session, after=last)
                )
            return True

    def refresh_learned_sync(self) -> bool:
        """Add people stored from articles since the last look to the learned-names map.

        One count query when nothing changed; otherwise only the new people are read and
        declined. People are never deleted, so a count that disagrees with the rows read
        means a lower id was committed late (concurrent PostgreSQL writers): read them all.
        True when the map changed.
        """
        with self._learned_lock:
            current = self._learned
            with Session(self.engine) as session:
                stored = people_repo.count(session)
                if current is not None and stored == current.stored:
                    return False
                rows = people_repo.with_aliases(
                    session, after_id=current.last_id if current is not None else 0
                )
                if current is not None and current.stored + len(rows) != stored:
                    current, rows = None, people_repo.with_aliases(session)
            base = current.names if current is not None else LearnedNames(self.lemmatizer)
            learned = [
                LearnedPerson(pid, name, aliases)
                for pid, name, aliases in rows
                if name not in self.registry.people
            ]
            self._learned = LearnedPeople(
                names=base.extended(learned) if learned else base,
                stored=(current.stored if current is not None else 0) + len(rows),
                last_id=max([pid for pid, _, _ in rows], default=current.last_id if current else 0),
            )
            logger.debug("learned names: %d people", len(self._learned.names))
            return bool(learned) or current is None

    def _current_learned(self) -> LearnedNames:
        learned = self._learned
        if learned is None:
            self.refresh_learned_sync()
            learned = self._learned
            assert learned is not None
        return learned.names

    async def keep_fresh(self, *, every: float, stop: asyncio.Event) -> None:
        """Pick up passages stored by any process (e.g. another one's polls) every `every` s."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            if stop.is_set():
                return
            try:
                await self.refresh()
            except Exception:
                logger.exception("index refresh failed; the previous index keeps answering")

    async def refresh(self) -> None:
        """Refresh the index in a worker thread; questions keep using the old one meanwhile."""
        await asyncio.to_thread(self.refresh_sync)

    def _current_index(self) -> SearchIndex:
        index = self._index
        if index is None:
            with self._build_lock:
                if self._index is None:
                    self._index = self.build_index()
                index = self._index
        return index

    # --- public API ----------------------------------------------------------------------
    async def ask(self, question: str) -> Answer:
        """Answer a question in a worker thread."""
        return await asyncio.to_thread(self.ask_sync, question)

    def ask_sync(self, question: str, *, today: date | None = None) -> Answer:
        """Answer a question: contacts for people questions, cited passages otherwise."""
        question = (question or "").strip()[:MAX_QUESTION_CHARS]
        today = today or date.today()
        query = parse_question(
            question,
            registry=self.registry,
            lemmatizer=self.lemmatizer,
            today=today,
            learned=self._current_learned(),
        )
        with Session(self.engine) as session:
            if query.people:
                return self._answer_people(session, query, today)
            return self._answer_search(session, query)

    async def contacts(
        self, people: Sequence[str], *, kinds: Collection[str] | None = None
    ) -> list[ContactView]:
        """Contacts in which all the named people take part, newest first."""
        return await asyncio.to_thread(self.contacts_sync, people, kinds=kinds)

    def contacts_sync(
        self, people: Sequence[str], *, kinds: Collection[str] | None = None
    ) -> list[ContactView]:
        """Synchronous `contacts`; with no people, every contact."""
        with Session(self.engine) as session:
            if not people:
                rows = contact_repo.every(session)
            else:
                ids = people_repo.ids_by_names(session, names=list(people))
                if len(ids) < len(set(people)):
                    return []
                rows = contact_repo.involving(session, person_ids=list(ids.values()), kinds=kinds)
            if kinds:
                rows = [c for c in rows if c.kind in kinds]
            return sorted(self._views(session, rows), key=_sort_key)

    async def contact(self, contact_id: int) -> ContactView | None:
        """One contact by id."""
        return await asyncio.to_thread(self.contact_sync, contact_id)

    def contact_sync(self, contact_id: int) -> ContactView | None:
        """Synchronous `contact`."""
        with Session(self.engine) as session:
            views = self._views(session, contact_repo.by_ids(session, contact_ids=[contact_id]))
        return views[0] if views else None

    async def resolve_people(self, text: str) -> list[str]:
        """Canonical names of the people named in a text."""
        return await asyncio.to_thread(self.resolve_people_sync, text)

    def resolve_people_sync(self, text: str, *, today: date | None = None) -> list[str]:
        """Synchronous `resolve_people`: registry people first, then people learned in articles."""
        return list(
            resolve_people(
                text,
                registry=self.registry,
                learned=self._current_learned(),
                on=today or date.today(),
            )
        )

    async def stats(self) -> dict[str, int | str | None]:
        """Corpus figures for /stats."""
        return await asyncio.to_thread(self.stats_sync)

    def stats_sync(self) -> dict[str, int | str | None]:
        """Synchronous `stats`."""
        from sqlalchemy import func
        from sqlmodel import select

        from storage.models import Source

        with Session(self.engine) as session:
            figures: dict[str, int | str | None] = dict(article_repo.counts(session))
            figures["contacts"] = contact_repo.count(session)
            figures["people"] = people_repo.count(session)
            figures["sources"] = int(session.exec(select(func.count()).select_from(Source)).one())
            figures["last_ingested"] = article_repo.last_ingested(session)
        return figures

    # --- answers -------------------------------------------------------------------------
    def _matching_contacts(self, session: Session, query: Query, today: date) -> list[ContactView]:
        groups: list[tuple[tuple[str, ...], date | None, date | None]]
        groups = [(tuple(query.people), None, None)]
        if query.offices:
            # "президент США в 2025 году": each holder within his term, so a call of the
            # president-elect on 17 January is not the president's
            groups = self._office_groups(query, reference_day(query.period, today))
        rows: dict[int, Contact] = {}
        for people, start, end in groups:
            ids = people_repo.ids_by_names(session, names=list(people))
            if len(ids) < len(set(people)):
                continue  # someone was never seen in any contact
            since, until = query.period if query.period else (None, None)
            found = contact_repo.involving(
                session, person_ids=list(ids.values()), kinds=query.kinds, since=since, until=until
            )
            if query.period:
                found = [c for c in found if _overlaps(c, query.period)]
            if start is not None or end is not None:
                found = [c for c in found if _within(c, start, end)]
            rows.update((int(c.id or 0), c) for c in found)
        return sorted(self._views(session, list(rows.values())), key=_sort_key)

    def _office_groups(
        self, query: Query, day: date
    ) -> list[tuple[tuple[str, ...], date | None, date | None]]:
        """Every combination of office holders, with the time they all held their offices
        (`day` is the one the question's office titles were resolved on)."""
        current = {self.registry.office_holder(office, day) for office in query.offices}
        named = tuple(p for p in query.people if p not in current)
        groups: list[tuple[tuple[str, ...], date | None, date | None]] = []
        terms = [self.registry.terms(office) for office in query.offices]
        if not all(terms):
            # "президент Вьетнама" with nobody known to have held it: no contact can be his,
            # never every contact of the other person asked about
            return []
        for combo in itertools.islice(itertools.product(*terms), MAX_OFFICE_GROUPS):
            people = tuple(dict.fromkeys([*named, *(name for name, _, _ in combo)]))
            starts = [s for _, s, _ in combo if s is not None]
            ends = [e for _, _, e in combo if e is not None]
            start, end = max(starts, default=None), min(ends, default=None)
            if len(people) < 2 or (start and end and start >= end):
                continue
            groups.append((people, start, end))
        return groups or [(tuple(query.people), None, None)]

    def _answer_people(self, session: Session, query: Query, today: date) -> Answer:
        if query.unknown_names and query.intent != "who":
            return self._answer_unknown_person(query)
        contacts = self._matching_contacts(session, query, today)
        if not contacts and not query.offices:
            # "Путин и Джонсон": the namesake who has contacts with the others asked about
            for other in self._namesake_queries(query):
                found = self._matching_contacts(session, other, today)
                if found:
                    query, contacts = other, found
                    break
        if query.intent == "who":
            return self._answer_who(query, contacts)
        if query.intent == "last":
            # the last contact is one that took place: never a plan or a denied report
            contacts = [c for c in contacts if c.status == "happened"][:1]
        passages: tuple[PassageView, ...] = ()
        if query.intent == "about" and contacts:
            passages = self._about_passages(session, query, contacts)
        text = self._render_contacts(query, contacts, passages)
        return Answer(
            question=query.text,
            query=query,
            text=text,
            contacts=tuple(contacts),
            passages=passages,
            found=bool(contacts),
        )

    def _namesake_queries(self, query: Query) -> list[Query]:
        """The question with one person swapped for a namesake the text may mean as well."""
        return [
            replace(query, people=tuple(other if p == name else p for p in query.people))
            for name in query.people
            for other in self.registry.namesakes(name, query.text)
        ]

    def _answer_unknown_person(self, query: Query) -> Answer:
        """A question about known people together with someone unknown: nothing to list.

        The known people's other contacts do not answer a question about them with someone
        else, so none are shown.
        """
        unknown = query.unknown_names
        who = "кто такой" if len(unknown) == 1 else "кто такие"
        note = f"Не знаю, {who}: {', '.join(unknown)}."
        everyone = " — ".join([*query.people, *unknown])
        text = (
            f"{note} Поэтому не нашёл контактов: {everyone}. "
            "Проверьте написание имени или спросите о каждом отдельно, например "
            f"«с кем говорил {query.people[0]}»."
        )
        return Answer(query.text, query, text, found=False, notes=(note,))

    def _answer_who(self, query: Query, contacts: list[ContactView]) -> Answer:
        person = query.people[0]
        counts: Counter[str] = Counter()
        for contact in contacts:
            for name in contact.participants:
                if name not in query.people:
                    counts[name] += 1
        counterparts = tuple(counts.most_common())
        if not counterparts:
            text = f"Не нашёл контактов: {person}{self._period_text(query)}."
        else:
            lines = [
                f"{person}{self._period_text(query)}: {len(counterparts)} "
                f"{render.plural(len(counterparts), 'собеседник', 'собеседника', 'собеседников')}"
            ]
            for name, n in counterparts:
                dates = [render.contact_date(c) for c in contacts if name in c.participants]
                lines.append(
                    f"• {name} — {n} {render.plural(n, 'контакт', 'контакта', 'контактов')}: "
                    + "; ".join(dates[:5])
                )
            lines.append("")
            for contact in contacts:
                lines.append(" — ".join(contact.participants))
                lines.extend(render.render_contact(contact))
            text = "\n".join(lines)
        return Answer(query.text, query, text, tuple(contacts), (), counterparts, bool(contacts))

    def _answer_search(self, session: Session, query: Query) -> Answer:
        notes: tuple[str, ...] = ()
        if query.unknown_names:
            notes = (f"Не знаю, кто такой: {', '.join(query.unknown_names)}.",)
        lemmas = expand_query_lemmas(list(query.lemmas)) if query.lemmas else []
        hits = self._current_index().search(lemmas, top_k=5) if lemmas else []
        passages = self._passage_views(session, hits)
        if not passages:
            text = "\n".join(
                [*notes, "Ничего не нашёл. Спросите, например: «когда говорили Лавров и Рубио»."]
            )
        else:
            lines = [
                *notes,
                f"Нашёл {len(passages)} "
                f"{render.plural(len(passages), 'фрагмент', 'фрагмента', 'фрагментов')}:",
            ]
            for p in passages:
                lines.append(f"• «{render.shorten(p.text)}» — {render.source_name(p.source)}")
                if p.source.url:
                    lines.append(f"    {p.source.url}")
            text = "\n".join(lines)
        return Answer(query.text, query, text, (), tuple(passages), (), bool(passages), notes)

    def _about_passages(
        self, session: Session, query: Query, contacts: list[ContactView]
    ) -> tuple[PassageView, ...]:
        newest = [c.id for c in contacts[:ABOUT_CONTACTS]]
        by_contact = contact_repo.evidence_article_ids(session, contact_ids=newest)
        article_ids = sorted({a for ids in by_contact.values() for a in ids[:ABOUT_ARTICLES]})
        passages, near = _about_candidates(
            article_repo.passages_of_articles(session, article_ids=article_ids),
            contact_repo.evidence_spans(session, article_ids=article_ids),
            set(newest),
        )
        index = SearchIndex.build(
            [IndexedPassage(int(p.id or 0), tuple(p.lemmas.split())) for p in passages]
        )
        wanted = [*ABOUT_LEMMAS, *query.lemmas]
        hits = dict(index.search(wanted, top_k=20))
        surnames = {name.split()[-1].lower() for name in query.people}
        by_id = {int(p.id or 0): p for p in passages}

        def order(pid: int) -> tuple[float, ...]:
            named = sum(s[:5] in by_id[pid].text.lower() for s in surnames)
            told, after = near.get(pid, (0, 0))
            if pid in hits and (named or pid in near):
                # what was agreed, said of the people or right after their contact's sentence
                return (0, -named, -hits[pid], 0, 0)
            if pid in near:
                # what follows the contact's own sentence, the story's lead first; that
                # sentence itself is quoted with the contact already
                return (1, told, after == 0, after, 0)
            return (2, -named, -hits[pid], 0, 0)

        ranked = [(pid, hits.get(pid, 0.0)) for pid in sorted({*hits, *near}, key=order)]
        # drop near-duplicate reprints
        chosen: list[tuple[int, float]] = []
        seen: list[frozenset[str]] = []
        for pid, score in ranked:
            lemmas = frozenset(by_id[pid].lemmas.split())
            if any(len(lemmas & s) / max(1, len(lemmas | s)) > 0.6 for s in seen):
                continue
            seen.append(lemmas)
            chosen.append((pid, score))
            if len(chosen) == 4:
                break
        return tuple(self._passage_views(session, chosen))

    def _passage_views(
        self, session: Session, hits: Sequence[tuple[int, float]]
    ) -> list[PassageView]:
        rows = article_repo.passages_with_articles(session, passage_ids=[pid for pid, _ in hits])
        out = []
        for pid, score in hits:
            if pid not in rows:
                continue
            passage, article = rows[pid]
            out.append(PassageView(passage.text, score, self._source(article, passage.text)))
        return out

    @staticmethod
    def _source(article: Article, snippet: str) -> SourceView:
        return SourceView(
            article_id=article.external_id,
            url=article.url,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            snippet=snippet,
        )

    def _views(self, session: Session, rows: Sequence[Contact]) -> list[ContactView]:
        ids = [int(c.id) for c in rows if c.id is not None]
        names = contact_repo.participant_names(session, contact_ids=ids)
        evidence = contact_repo.evidence_with_articles(
            session, contact_ids=ids, per_contact=MAX_SOURCES * 2
        )
        counts = contact_repo.source_counts(session, contact_ids=ids)
        views = []
        for c in rows:
            cid = int(c.id or 0)
            sources = self._sources(evidence.get(cid, []))[:MAX_SOURCES]
            views.append(
                ContactView(
                    id=cid,
                    date=c.date,
                    date_precision=c.date_precision,
                    kind=c.kind,
                    status=c.status,
                    participants=tuple(names.get(cid, [])),
                    place=c.place,
                    initiator=c.initiator,
                    sources=tuple(sources),
                    source_count=max(counts.get(cid, 0), len(sources)),
                    hint_month=c.hint_month,
                    hint_day=c.hint_day,
                )
            )
        return views

    def _sources(self, rows: list[tuple[Evidence, Article]]) -> list[SourceView]:
        """One source per article, in the repository's order (best citation first)."""
        seen: set[int] = set()
        out = []
        for ev, art in rows:
            if art.id in seen:
                continue
            seen.add(int(art.id or 0))
            out.append(self._source(art, ev.snippet))
        return out

    @staticmethod
    def _period_text(query: Query) -> str:
        if not query.period:
            return ""
        a, b = query.period
        return f" ({render.format_date(a, 'day')} — {render.format_date(b, 'day')})"

    def _render_contacts(
        self, query: Query, contacts: list[ContactView], passages: tuple[PassageView, ...]
    ) -> str:
        people = answered_people(query.people, contacts)
        who = " — ".join(people)
        if not contacts:
            kinds = ""
            if query.kinds:
                kinds = " (" + ", ".join(render.KIND_NAMES[k] for k in sorted(query.kinds)) + ")"
            if query.intent == "last":
                return (
                    f"Не нашёл состоявшихся контактов: {who}{kinds}{self._period_text(query)}. "
                    "Спросите «когда говорили …», чтобы увидеть и планы, и опровержения."
                )
            return (
                f"Не нашёл контактов: {who}{kinds}{self._period_text(query)}. "
                "Проверьте имена или спросите шире, например без периода."
            )
        n = len(contacts)
        count = f"{n} {render.plural(n, 'контакт', 'контакта', 'контактов')}"
        head = f"{who}{self._period_text(query)}: {count}"
        if query.intent == "last":
            head = f"{who}: последний контакт"
        lines = [head]
        for contact in contacts:
            if len(people) < 2:
                lines.append(" — ".join(contact.participants))
            lines.extend(render.render_contact(contact))
        if passages:
            lines.append("")
            lines.append("О чём договорились и что обсуждали:")
            for p in passages:
                lines.append(f"• «{render.shorten(p.text, 300)}» — {render.source_name(p.source)}")
        return "\n".join(lines)
