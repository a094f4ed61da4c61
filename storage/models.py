"""SQLModel tables: articles, passages, people, contacts with evidence, sources, chats, alerts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


def _ts(*, nullable: bool = True, index: bool = False) -> Column[dt.datetime]:
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


class Source(SQLModel, table=True):
    """A news source polled by the scheduler: feed, page, listing, sitemap or folder."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    kind: str  # rss | page | listing | sitemap | folder
    title: str | None = None
    interval_minutes: int = 10
    paused: bool = False
    paused_reason: str | None = None
    added_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    last_polled_at: dt.datetime | None = Field(default=None, sa_column=_ts())
    last_success_at: dt.datetime | None = Field(default=None, sa_column=_ts())
    next_poll_at: dt.datetime | None = Field(default=None, sa_column=_ts())
    consecutive_failures: int = 0
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class SourcePoll(SQLModel, table=True):
    """The outcome of one poll of a source (for health reports)."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    started_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    ok: bool = True
    error: str | None = None
    articles_new: int = 0
    contacts_new: int = 0


class Article(SQLModel, table=True):
    """One news article, stored once (unique by canonical URL and by content hash)."""

    id: int | None = Field(default=None, primary_key=True)
    external_id: str | None = Field(default=None, index=True)
    url: str | None = Field(default=None, unique=True)
    title: str | None = None
    published: dt.date | None = Field(default=None, index=True)
    outlet: str | None = None
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(unique=True)
    # an exact reprint of another article (same text, other URL): cited, not re-analysed
    duplicate_of: int | None = Field(default=None, foreign_key="article.id")
    ingested_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Passage(SQLModel, table=True):
    """A sentence-sized slice of an article with its lemmas (the unit of BM25 search)."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    position: int
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    lemmas: str = Field(sa_column=Column(Text, nullable=False))  # space-separated
    indexed: bool = Field(default=False, index=True)  # in the global BM25 index (contact cues)


class Person(SQLModel, table=True):
    """A canonical person ("Сергей Лавров")."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class PersonAlias(SQLModel, table=True):
    """A surface form of a person's name, lower-cased with ё folded."""

    __table_args__ = (UniqueConstraint("alias", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    alias: str = Field(index=True)


class Contact(SQLModel, table=True):
    """One real-world contact between two or more people, merged across reports."""

    __table_args__ = (Index("ix_contact_key_kind", "participants_key", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    participants_key: str  # sorted person ids joined by "|"
    kind: str  # phone | meeting | visit | talks
    status: str  # happened | planned | cancelled | postponed | denied
    date: dt.date | None = Field(default=None, index=True)
    date_precision: str | None = None  # day | month | year
    hint_month: int | None = None  # day+month known without a year
    hint_day: int | None = None
    place: str | None = None
    initiator: str | None = None
    planned_id: int | None = Field(
        default=None, foreign_key="contact.id"
    )  # planned contact it fulfils
    first_seen: dt.datetime = Field(
        default_factory=utcnow, sa_column=_ts(nullable=False, index=True)
    )
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class ContactParticipant(SQLModel, table=True):
    """Membership of a person in a contact."""

    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)


class Evidence(SQLModel, table=True):
    """The sentence of an article that states a contact."""

    __table_args__ = (UniqueConstraint("contact_id", "article_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    snippet: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    status: str | None = None  # what this sentence says: happened, planned, denied...
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Chat(SQLModel, table=True):
    """A Telegram chat that talked to the bot, with its alert preferences."""

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    kind: str = "private"  # private | group | supergroup | channel
    title: str | None = None
    active: bool = True
    timezone: str = "Europe/Moscow"
    digest_hour: int | None = None  # None: instant alerts
    quiet_from: int | None = None  # hour, local time
    quiet_to: int | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    blocked_at: dt.datetime | None = Field(default=None, sa_column=_ts())


class Subscription(SQLModel, table=True):
    """A chat following a person, a pair, or a pair and a kind of contact."""

    __table_args__ = (UniqueConstraint("chat_id", "person_a", "person_b", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    person_a: str = Field(index=True)  # canonical names; person_a < person_b
    person_b: str | None = Field(default=None, index=True)
    kind: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Alert(SQLModel, table=True):
    """Outbox row: one alert for one chat about one contact event, sent exactly once."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)  # chat × contact × event
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    contact_id: int = Field(foreign_key="contact.id", index=True)
    event: str  # new | happened | cancelled | denied
    state: str = Field(default="pending", index=True)  # pending | sent | dropped
    attempts: int = 0
    last_error: str | None = None
    not_before: dt.datetime | None = Field(default=None, sa_column=_ts())
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    sent_at: dt.datetime | None = Field(default=None, sa_column=_ts())
