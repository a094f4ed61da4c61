"""Contacts, their participants and evidence: lookup, creation, merging."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import and_, case, func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, delete, or_, select, update

from storage.models import Alert, Article, Contact, ContactParticipant, Evidence, Person, utcnow


def participants_key(person_ids: Iterable[int]) -> str:
    """The lookup key of a set of participants."""
    return "|".join(str(i) for i in sorted(set(person_ids)))


def with_participants(
    session: Session,
    *,
    key: str,
    near: dt.date | None = None,
    published: dt.date | None = None,
    window_days: int = 400,
    kinds: Collection[str] | None = None,
) -> list[Contact]:
    """Contacts whose participants are exactly the keyed set, that a new report may be.

    A report can only be the same event as a contact dated close to its own date (`near`),
    or, when it has none, close to its article's publication date (`published`). An undated
    contact is known only by when it was reported: it is a candidate when one of its
    articles was published within the window (or has no publication date). Without either
    date, every contact of the set.
    """
    query = select(Contact).where(Contact.participants_key == key)
    if kinds is not None:  # a call is never the same event as a meeting
        query = query.where(col(Contact.kind).in_(list(kinds)))
    anchor = near or published
    if anchor is not None:
        span = dt.timedelta(days=window_days)
        start, end = anchor - span, anchor + span
        reported_near = (
            select(Evidence.id)
            .join(Article, col(Article.id) == col(Evidence.article_id))
            .where(
                col(Evidence.contact_id) == col(Contact.id),
                or_(
                    col(Article.published).is_(None),  # unknown: cannot be ruled out
                    col(Article.published).between(start, end),
                ),
            )
            .exists()
        )
        query = query.where(
            or_(
                and_(col(Contact.date).is_(None), reported_near),
                col(Contact.date).between(start, end),
            )
        )
    return list(session.exec(query).all())


def create(session: Session, *, contact: Contact, person_ids: Iterable[int]) -> Contact:
    """Store a new contact and its participants."""
    session.add(contact)
    session.flush()
    assert contact.id is not None
    session.add_all(ContactParticipant(contact_id=contact.id, person_id=p) for p in set(person_ids))
    return contact


def add_evidence(
    session: Session,
    *,
    contact_id: int,
    article_id: int,
    snippet: str,
    start: int,
    end: int,
    status: str | None = None,
) -> bool:
    """Attach an evidence sentence; False when that sentence is already attached."""
    exists = session.exec(
        select(Evidence.id).where(
            Evidence.contact_id == contact_id,
            Evidence.article_id == article_id,
            Evidence.start == start,
        )
    ).first()
    if exists is not None:
        return False
    session.add(
        Evidence(
            contact_id=contact_id,
            article_id=article_id,
            snippet=snippet,
            start=start,
            end=end,
            status=status,
        )
    )
    return True


def copy_evidence(session: Session, *, from_article: int, to_article: int) -> list[int]:
    """Cite a reprint wherever the original is cited; ids of the contacts it now cites."""
    rows = session.exec(select(Evidence).where(Evidence.article_id == from_article)).all()
    for ev in rows:
        add_evidence(
            session,
            contact_id=ev.contact_id,
            article_id=to_article,
            snippet=ev.snippet,
            start=ev.start,
            end=ev.end,
            status=ev.status,
        )
    return sorted({ev.contact_id for ev in rows})


def touch(session: Session, *, contact: Contact) -> None:
    """Mark a contact as updated now."""
    contact.updated_at = utcnow()
    session.add(contact)


def absorb(session: Session, *, keep: Contact, drop: Contact) -> None:
    """Merge `drop` into `keep`: evidence and alerts move over, `drop` is deleted."""
    assert keep.id is not None and drop.id is not None
    kept = {
        (e.article_id, e.start)
        for e in session.exec(select(Evidence).where(Evidence.contact_id == keep.id)).all()
    }
    for ev in session.exec(select(Evidence).where(Evidence.contact_id == drop.id)).all():
        if (ev.article_id, ev.start) in kept:
            session.delete(ev)
        else:
            ev.contact_id = keep.id
            session.add(ev)
    session.exec(update(Alert).where(col(Alert.contact_id) == drop.id).values(contact_id=keep.id))  # type: ignore[call-overload]
    session.exec(
        update(Contact).where(col(Contact.planned_id) == drop.id).values(planned_id=keep.id)
    )  # type: ignore[call-overload]
    session.flush()
    session.exec(delete(ContactParticipant).where(col(ContactParticipant.contact_id) == drop.id))  # type: ignore[call-overload]
    session.delete(drop)
    touch(session, contact=keep)
    session.flush()


def involving(
    session: Session,
    *,
    person_ids: Sequence[int],
    kinds: Collection[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Contact]:
    """Contacts in which every given person takes part, optionally filtered by kind and dates."""
    if not person_ids:
        return []
    ids = sorted(set(person_ids))
    matching = (
        select(ContactParticipant.contact_id)
        .where(col(ContactParticipant.person_id).in_(ids))
        .group_by(col(ContactParticipant.contact_id))
        .having(func.count() == len(ids))
    )
    query = select(Contact).where(col(Contact.id).in_(matching))
    if kinds:
        query = query.where(col(Contact.kind).in_(list(kinds)))
    if since is not None:
        # a month- or year-precision date is stored as its first day
        query = query.where(col(Contact.date) >= dt.date(since.year, 1, 1))
    if until is not None:
        query = query.where(col(Contact.date) <= until)
    return list(session.exec(query).all())


def held_within(
    session: Session,
    *,
    first: dt.date,
    last: dt.date,
    kinds: Collection[str],
    precisions: Collection[str],
    statuses: Collection[str] = ("happened",),
) -> dict[int, tuple[Contact, frozenset[int]]]:
    """Contacts that happened (or have one of `statuses`) between `first` and `last` (dated
    to one of `precisions`), with their participants' ids."""
    contacts = session.exec(
        select(Contact).where(
            col(Contact.date).between(first, last),
            col(Contact.date_precision).in_(list(precisions)),
            col(Contact.status).in_(list(statuses)),
            col(Contact.kind).in_(list(kinds)),
        )
    ).all()
    people: dict[int, set[int]] = defaultdict(set)
    ids = [int(c.id) for c in contacts if c.id is not None]
    if ids:
        rows = session.exec(
            select(ContactParticipant).where(col(ContactParticipant.contact_id).in_(ids))
        ).all()
        for row in rows:
            people[row.contact_id].add(row.person_id)
    return {int(c.id): (c, frozenset(people[int(c.id)])) for c in contacts if c.id is not None}


def every(session: Session, *, person_id: int | None = None) -> list[Contact]:
    """All contacts, or all of one person."""
    if person_id is None:
        return list(session.exec(select(Contact).order_by(col(Contact.id))).all())
    return involving(session, person_ids=[person_id])


def by_ids(session: Session, *, contact_ids: Sequence[int]) -> list[Contact]:
    """Contacts by id (missing ids are left out)."""
    if not contact_ids:
        return []
    return list(session.exec(select(Contact).where(col(Contact.id).in_(list(contact_ids)))).all())


def participant_names(session: Session, *, contact_ids: Sequence[int]) -> dict[int, list[str]]:
    """Sorted canonical participant names of each contact."""
    out: dict[int, list[str]] = defaultdict(list)
    if not contact_ids:
        return out
    rows = session.exec(
        select(ContactParticipant.contact_id, Person.name)
        .join(Person, col(Person.id) == col(ContactParticipant.person_id))
        .where(col(ContactParticipant.contact_id).in_(list(contact_ids)))
    ).all()
    for cid, name in rows:
        out[int(cid)].append(name)
    for names in out.values():
        names.sort()
    return out


def evidence_with_articles(
    session: Session, *, contact_ids: Sequence[int], per_contact: int | None = None
) -> dict[int, list[tuple[Evidence, Article]]]:
    """Evidence of each contact with its article, the best citations first.

    Best: sentences whose own status is the contact's (the report that a planned call took
    place before its announcement), then dated articles, oldest first. With `per_contact`,
    only that many evidence rows of each contact are loaded (ranked in SQL), so a contact
    reported by thousands of articles costs no more than one reported by ten.
    """
    out: dict[int, list[tuple[Evidence, Article]]] = defaultdict(list)
    if not contact_ids:
        return out
    says_other = and_(
        col(Evidence.status).is_not(None), col(Evidence.status) != col(Contact.status)
    )
    order = (
        case((says_other, 1), else_=0),
        case((col(Article.published).is_(None), 1), else_=0),
        col(Article.published),
        col(Evidence.id),
    )
    ids = list(contact_ids)
    if per_contact is None:
        wanted = select(Evidence.id).where(col(Evidence.contact_id).in_(ids))
    else:
        ranked = (
            select(
                col(Evidence.id).label("evidence_id"),
                func.row_number()
                .over(partition_by=col(Evidence.contact_id), order_by=order)
                .label("rank"),
            )
            .join(Contact, col(Contact.id) == col(Evidence.contact_id))
            .join(Article, col(Article.id) == col(Evidence.article_id))
            .where(col(Evidence.contact_id).in_(ids))
            .subquery()
        )
        wanted = select(ranked.c.evidence_id).where(ranked.c.rank <= per_contact)
    rows = session.exec(
        select(Evidence, Article)
        .join(Article, col(Article.id) == col(Evidence.article_id))
        .join(Contact, col(Contact.id) == col(Evidence.contact_id))
        .where(col(Evidence.id).in_(wanted))
        .order_by(*order)
        .options(defer(Article.text))  # type: ignore[arg-type]  # citations never need the body
    ).all()
    for ev, art in rows:
        out[ev.contact_id].append((ev, art))
    return out


def source_counts(session: Session, *, contact_ids: Sequence[int]) -> dict[int, int]:
    """How many distinct articles cite each contact."""
    if not contact_ids:
        return {}
    rows = session.exec(
        select(Evidence.contact_id, func.count(func.distinct(Evidence.article_id)))
        .where(col(Evidence.contact_id).in_(list(contact_ids)))
        .group_by(col(Evidence.contact_id))
    ).all()
    return {int(cid): int(n) for cid, n in rows}


def evidence_article_ids(session: Session, *, contact_ids: Sequence[int]) -> dict[int, list[int]]:
    """Ids of the articles citing each contact, ascending (column-only query)."""
    out: dict[int, list[int]] = defaultdict(list)
    if not contact_ids:
        return out
    rows = session.exec(
        select(Evidence.contact_id, Evidence.article_id)
        .where(col(Evidence.contact_id).in_(list(contact_ids)))
        .distinct()
        .order_by(col(Evidence.contact_id), col(Evidence.article_id))
    ).all()
    for contact_id, article_id in rows:
        out[int(contact_id)].append(int(article_id))
    return out


def first_published(session: Session, *, contact_ids: Sequence[int]) -> dict[int, dt.date]:
    """The earliest publication date among the articles citing each contact."""
    if not contact_ids:
        return {}
    rows = session.exec(
        select(Evidence.contact_id, func.min(Article.published))
        .join(Article, col(Article.id) == col(Evidence.article_id))
        .where(col(Evidence.contact_id).in_(list(contact_ids)))
        .group_by(col(Evidence.contact_id))
    ).all()
    return {int(cid): day for cid, day in rows if day is not None}


def evidence_spans(
    session: Session, *, article_ids: Sequence[int]
) -> list[tuple[int, int, int, int, str]]:
    """(contact id, article id, start, end, contact status) of every evidence sentence in
    the articles."""
    if not article_ids:
        return []
    rows = session.exec(
        select(Evidence, Contact.status)
        .join(Contact, col(Contact.id) == col(Evidence.contact_id))
        .where(col(Evidence.article_id).in_(list(article_ids)))
    ).all()
    return [(e.contact_id, e.article_id, e.start, e.end, str(st)) for e, st in rows]


def count(session: Session) -> int:
    """Number of contacts."""
    return int(session.exec(select(func.count()).select_from(Contact)).one())
