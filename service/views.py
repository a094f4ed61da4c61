"""What the answer service returns: plain records the CLI and the bot render."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from retrieval.types import Query


@dataclass(frozen=True)
class SourceView:
    """One article citing a contact or a passage."""

    article_id: str | None  # the article's external id
    url: str | None
    title: str | None
    published: date | None
    outlet: str | None
    snippet: str


@dataclass(frozen=True)
class ContactView:
    """A contact with its sources, newest evidence first."""

    id: int
    date: date | None
    date_precision: str | None
    kind: str
    status: str
    participants: tuple[str, ...]
    place: str | None
    initiator: str | None
    sources: tuple[SourceView, ...]  # the best few; source_count says how many in all
    source_count: int = 0
    hint_month: int | None = None  # day and month known, year unknown
    hint_day: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape of a contact."""
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "kind": self.kind,
            "status": self.status,
            "participants": list(self.participants),
            "place": self.place,
            "initiator": self.initiator,
            "sources": [_source_json(s) for s in self.sources],
            "source_count": max(self.source_count, len(self.sources)),
        }


@dataclass(frozen=True)
class PassageView:
    """A passage found by BM25 search."""

    text: str
    score: float
    source: SourceView


@dataclass(frozen=True)
class Answer:
    """The answer to one question: the text a user sees plus the records behind it."""

    question: str
    query: Query
    text: str
    contacts: tuple[ContactView, ...] = ()
    passages: tuple[PassageView, ...] = ()
    counterparts: tuple[tuple[str, int], ...] = ()  # for "who": (name, number of contacts)
    found: bool = False
    notes: tuple[str, ...] = field(default=())  # e.g. names not recognised

    @property
    def people(self) -> tuple[str, ...]:
        """The people the found contacts are between, as the heading names them."""
        return answered_people(self.query.people, self.contacts)

    def to_json(self) -> dict[str, Any]:
        """The CLI's `ask --json` object."""
        return {
            "question": self.question,
            "answer": self.text,
            "intent": self.query.intent,
            "found": self.found,
            "people": list(self.query.people),
            "contacts": [c.to_json() for c in self.contacts],
            "counterparts": [{"name": n, "contacts": k} for n, k in self.counterparts],
            "passages": [
                {"text": p.text, "score": round(p.score, 4), **_source_json(p.source)}
                for p in self.passages
            ],
        }


def answered_people(asked: Sequence[str], contacts: Sequence[ContactView]) -> tuple[str, ...]:
    """The asked people, except where a question named an office and the contacts are of an
    earlier holder: «директор ЦРУ» found a meeting of Бёрнс, so Бёрнс is named, not today's
    director; holders of different times leave only the people every contact shares.
    """
    if not contacts:
        return tuple(asked)
    shared = set.intersection(*(set(c.participants) for c in contacts))
    if all(p in shared for p in asked):
        return tuple(asked)
    named = [p for p in asked if p in shared]
    return tuple(named + [p for p in contacts[0].participants if p in shared - set(named)])


def _source_json(source: SourceView) -> dict[str, Any]:
    data = asdict(source)
    data["published"] = source.published.isoformat() if source.published else None
    return data
