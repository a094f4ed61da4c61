"""News sources and their poll history: add, list, pause, record outcomes with backoff, health."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from storage.models import Article, Source, SourcePoll, utcnow

HEALTH_DAYS = 7


@dataclass(frozen=True)
class PollOutcome:
    """What recording a poll changed: whether this failure paused the source."""

    paused_now: bool
    consecutive_failures: int


@dataclass(frozen=True)
class SourceFigures:
    """A source with its recent figures (for /sources)."""

    source: Source
    articles_recent: int
    contacts_found: int
    days: float


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as timezone-aware UTC (SQLite returns naive ones)."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def add(session: Session, *, source: Source) -> Source:
    """Store a new source; its id is set."""
    session.add(source)
    session.flush()
    return source


def by_id(session: Session, *, source_id: int) -> Source | None:
    """One source."""
    return session.get(Source, source_id)


def by_url(session: Session, *, url: str) -> Source | None:
    """The source with this URL."""
    return session.exec(select(Source).where(Source.url == url)).first()


def every(session: Session, *, active_only: bool = False) -> list[Source]:
    """All sources (or only those not paused), by id."""
    query = select(Source).order_by(col(Source.id))
    if active_only:
        query = query.where(col(Source.paused).is_(False))
    return list(session.exec(query).all())


def remove(session: Session, *, source_id: int) -> bool:
    """Delete a source and its poll history; its articles stay (unlinked). False when unknown."""
    source = session.get(Source, source_id)
    if source is None:
        return False
    session.exec(delete(SourcePoll).where(col(SourcePoll.source_id) == source_id))  # type: ignore[call-overload]
    for article in session.exec(select(Article).where(Article.source_id == source_id)):
        article.source_id = None
        session.add(article)
    session.delete(source)
    return True


def set_paused(session: Session, *, source_id: int, paused: bool, reason: str | None) -> bool:
    """Pause or resume polling; resuming clears the failure count. False when unknown."""
    source = session.get(Source, source_id)
    if source is None:
        return False
    source.paused = paused
    source.paused_reason = reason if paused else None
    if not paused:
        source.consecutive_failures = 0
        source.next_poll_at = None
    session.add(source)
    return True


def record_success(
    session: Session,
    *,
    source_id: int,
    started_at: dt.datetime,
    articles_new: int,
    contacts_new: int,
    etag: str | None,
    last_modified: str | None,
    title: str | None = None,
) -> None:
    """A poll worked: store its outcome, the validators, and the next regular poll time."""
    source = session.get(Source, source_id)
    if source is None:
        return
    now = utcnow()
    session.add(
        SourcePoll(
            source_id=source_id,
            started_at=started_at,
            ok=True,
            articles_new=articles_new,
            contacts_new=contacts_new,
        )
    )
    source.last_polled_at = now
    source.last_success_at = now
    source.consecutive_failures = 0
    source.last_error = None
    source.next_poll_at = now + dt.timedelta(minutes=source.interval_minutes)
    source.etag, source.last_modified = etag or source.etag, last_modified or source.last_modified
    source.title = source.title or title
    session.add(source)


def record_failure(
    session: Session,
    *,
    source_id: int,
    started_at: dt.datetime,
    error: str,
    pause_after: int,
    max_backoff: dt.timedelta = dt.timedelta(hours=6),
) -> PollOutcome:
    """A poll failed: store it, back off exponentially, pause after `pause_after` in a row."""
    source = session.get(Source, source_id)
    if source is None:
        return PollOutcome(False, 0)
    now = utcnow()
    session.add(SourcePoll(source_id=source_id, started_at=started_at, ok=False, error=error[:500]))
    source.last_polled_at = now
    source.consecutive_failures += 1
    source.last_error = error[:500]
    backoff = dt.timedelta(minutes=source.interval_minutes) * 2 ** min(
        source.consecutive_failures, 10
    )
    source.next_poll_at = now + min(backoff, max_backoff)
    paused_now = not source.paused and source.consecutive_failures >= pause_after
    if paused_now:
        source.paused = True
        source.paused_reason = error[:500]
    session.add(source)
    return PollOutcome(paused_now, source.consecutive_failures)


def known_urls(session: Session, *, urls: Collection[str]) -> set[str]:
    """Which of these URLs are already stored as articles."""
    found: set[str] = set()
    wanted = sorted(set(urls))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.exec(select(Article.url).where(col(Article.url).in_(chunk))).all()
        found.update(url for url in rows if url)
    return found


def figures(session: Session, *, now: dt.datetime | None = None) -> list[SourceFigures]:
    """Every source with articles over the last week and contacts found overall."""
    now = now or utcnow()
    since = now - dt.timedelta(days=HEALTH_DAYS)
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
    out = []
    for source in every(session):
        created = aware(source.created_at) or now
        days = min(float(HEALTH_DAYS), max(1.0, (now - created).total_seconds() / 86400))
        out.append(
            SourceFigures(
                source=source,
                articles_recent=int(recent.get(int(source.id or 0)) or 0),
                contacts_found=int(contacts.get(int(source.id or 0)) or 0),
                days=days,
            )
        )
    return out


def recent_polls(session: Session, *, source_id: int, limit: int = 10) -> list[SourcePoll]:
    """The latest polls of a source, newest first."""
    return list(
        session.exec(
            select(SourcePoll)
            .where(SourcePoll.source_id == source_id)
            .order_by(col(SourcePoll.id).desc())
            .limit(limit)
        ).all()
    )
