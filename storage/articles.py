"""Articles and passages: dedupe, store, and read back for the index and answers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert
from sqlmodel import Session, col, or_, select

from storage.models import Article, Passage


@dataclass(frozen=True)
class NewPassage:
    """A passage to store with its article."""

    position: int
    start: int
    end: int
    text: str
    lemmas: Sequence[str]
    indexed: bool


def url_digest(url: str) -> str:
    """A short stable digest of a URL (keeps reprint content hashes unique)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def find_duplicate(session: Session, *, url: str | None, content_hash: str) -> Article | None:
    """An already stored article with the same URL or the same content."""
    conditions = [Article.content_hash == content_hash]
    if url:
        conditions.append(Article.url == url)
    return session.exec(select(Article).where(or_(*conditions)).limit(1)).first()


def add_article(session: Session, *, article: Article, passages: Sequence[NewPassage]) -> Article:
    """Store an article with its passages; returns it with its id set."""
    session.add(article)
    session.flush()
    assert article.id is not None
    if passages:
        # Core executemany: ~10x faster than building one ORM object per passage
        session.execute(
            insert(Passage),
            [
                {
                    "article_id": article.id,
                    "position": p.position,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "lemmas": " ".join(p.lemmas),
                    "indexed": p.indexed,
                }
                for p in passages
            ],
        )
    return article


def iter_indexed_passages(
    session: Session, *, batch: int = 5000, after: int = 0
) -> Iterator[tuple[int, str]]:
    """(passage id, space-separated lemmas) of every indexed passage after `after`, in id order."""
    last = after
    while True:
        rows = session.exec(
            select(Passage.id, Passage.lemmas)
            .where(Passage.indexed, col(Passage.id) > last)
            .order_by(col(Passage.id))
            .limit(batch)
        ).all()
        if not rows:
            return
        for pid, lemmas in rows:
            yield int(pid), lemmas  # type: ignore[arg-type]
        last = int(rows[-1][0])  # type: ignore[arg-type]


def count_indexed_passages(session: Session, *, up_to: int) -> int:
    """How many indexed passages have an id up to `up_to`."""
    value = session.exec(
        select(func.count()).select_from(Passage).where(Passage.indexed, col(Passage.id) <= up_to)
    ).one()
    return int(value or 0)


def last_indexed_passage(session: Session) -> int:
    """The id of the newest indexed passage (0 when there is none)."""
    value = session.exec(select(func.max(Passage.id)).where(Passage.indexed)).one()
    return int(value or 0)


def passages_with_articles(
    session: Session, *, passage_ids: Sequence[int]
) -> dict[int, tuple[Passage, Article]]:
    """Passages by id with their articles."""
    if not passage_ids:
        return {}
    rows = session.exec(
        select(Passage, Article)
        .join(Article, col(Article.id) == col(Passage.article_id))
        .where(col(Passage.id).in_(list(passage_ids)))
    ).all()
    return {int(p.id): (p, a) for p, a in rows if p.id is not None}


def passages_of_articles(session: Session, *, article_ids: Sequence[int]) -> list[Passage]:
    """Every passage of the given articles, in reading order."""
    if not article_ids:
        return []
    return list(
        session.exec(
            select(Passage)
            .where(col(Passage.article_id).in_(list(article_ids)))
            .order_by(col(Passage.article_id), col(Passage.position))
        ).all()
    )


def article_lemma_sets(session: Session, *, article_ids: Sequence[int]) -> dict[int, set[str]]:
    """The set of lemmas of each article (for content similarity)."""
    out: dict[int, set[str]] = {aid: set() for aid in article_ids}
    if not article_ids:
        return out
    rows = session.exec(
        select(Passage.article_id, Passage.lemmas).where(
            col(Passage.article_id).in_(list(article_ids))
        )
    ).all()
    for article_id, lemmas in rows:
        out[int(article_id)].update(lemmas.split())
    return out


def counts(session: Session) -> dict[str, int]:
    """Numbers of articles and passages."""
    return {
        "articles": int(session.exec(select(func.count()).select_from(Article)).one()),
        "passages": int(session.exec(select(func.count()).select_from(Passage)).one()),
    }


def last_ingested(session: Session) -> str | None:
    """When the newest article was stored (ISO), or None."""
    value = session.exec(select(func.max(Article.ingested_at))).one()
    return value.isoformat() if value else None
