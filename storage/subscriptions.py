"""Chats and their subscriptions: register, block/unblock, follow and unfollow people."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Chat, Person, Subscription, utcnow

T = TypeVar("T")


class SubscriptionError(Exception):
    """A subscription request that cannot be stored."""


@dataclass(frozen=True)
class SubscriptionRecord:
    """A subscription as the bot shows it."""

    id: int
    chat_id: int
    person_a: str
    person_b: str | None
    kind: str | None
    created_at: dt.datetime


def _record(row: Subscription) -> SubscriptionRecord:
    assert row.id is not None
    return SubscriptionRecord(
        id=row.id,
        chat_id=row.chat_id,
        person_a=row.person_a,
        person_b=row.person_b,
        kind=row.kind,
        created_at=row.created_at,
    )


def ordered_pair(people: Sequence[str]) -> tuple[str, str | None]:
    """Canonical (person_a, person_b) with person_a < person_b; one or two distinct names."""
    names = sorted({name.strip() for name in people if name.strip()})
    if not 1 <= len(names) <= 2:
        raise SubscriptionError(f"expected one or two people, got {len(names)}")
    return names[0], names[1] if len(names) == 2 else None


@dataclass(frozen=True)
class AlertPreferences:
    """How and when a chat gets alerts."""

    timezone: str
    digest_hour: int | None
    quiet_from: int | None
    quiet_to: int | None


def _preferences(chat: Chat) -> AlertPreferences:
    return AlertPreferences(chat.timezone, chat.digest_hour, chat.quiet_from, chat.quiet_to)


class ChatRepository:
    """Chats, subscriptions and person ids; every method runs its query in a worker thread."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def _run(self, work: Callable[[Session], T]) -> T:
        def job() -> T:
            with session_scope(self._engine) as session:
                return work(session)

        def job_once_more_on_conflict() -> T:
            try:
                return job()
            except IntegrityError:
                # two updates of a new chat arrived together and the other one inserted the
                # row first; running the work again now finds it
                return job()

        return await asyncio.to_thread(job_once_more_on_conflict)

    async def alert_preferences(self, *, chat_id: int) -> AlertPreferences:
        """The chat's alert preferences (defaults for a chat never seen)."""

        def work(session: Session) -> AlertPreferences:
            chat = session.get(Chat, chat_id)
            return _preferences(chat if chat is not None else Chat(id=chat_id))

        return await self._run(work)

    async def update_alert_preferences(
        self, *, chat_id: int, kind: str, changes: dict[str, object]
    ) -> AlertPreferences:
        """Change some alert preferences (keys: timezone, digest_hour, quiet_from, quiet_to)."""
        allowed = {"timezone", "digest_hour", "quiet_from", "quiet_to"}
        if not set(changes) <= allowed:
            raise SubscriptionError(f"unknown preferences: {sorted(set(changes) - allowed)}")

        def work(session: Session) -> AlertPreferences:
            chat = session.get(Chat, chat_id) or Chat(id=chat_id, kind=kind)
            for name, value in changes.items():
                setattr(chat, name, value)
            session.add(chat)
            session.flush()
            return _preferences(chat)

        return await self._run(work)

    async def register_chat(self, *, chat_id: int, kind: str, title: str | None = None) -> bool:
        """Create the chat if it is new; True when it was created."""

        def work(session: Session) -> bool:
            chat = session.get(Chat, chat_id)
            if chat is not None:
                if title and chat.title != title:
                    chat.title = title
                return False
            session.add(Chat(id=chat_id, kind=kind, title=title))
            return True

        return await self._run(work)

    async def mark_inactive(self, *, chat_id: int) -> None:
        """The chat blocked the bot: stop sending to it (its subscriptions pause)."""

        def work(session: Session) -> None:
            chat = session.get(Chat, chat_id)
            if chat is None:
                chat = Chat(id=chat_id)
                session.add(chat)
            chat.active = False
            chat.blocked_at = utcnow()

        await self._run(work)

    async def mark_active(self, *, chat_id: int, kind: str = "private") -> bool:
        """The chat talks to the bot again; True when it had been inactive."""

        def work(session: Session) -> bool:
            chat = session.get(Chat, chat_id)
            if chat is None:
                session.add(Chat(id=chat_id, kind=kind))
                return False
            was_inactive = not chat.active
            chat.active = True
            chat.blocked_at = None
            return was_inactive

        return await self._run(work)

    async def is_active(self, *, chat_id: int) -> bool:
        """False for a chat that blocked the bot; unknown chats count as active."""

        def work(session: Session) -> bool:
            chat = session.get(Chat, chat_id)
            return chat is None or chat.active

        return await self._run(work)

    async def add_subscription(
        self, *, chat_id: int, people: Sequence[str], kind: str | None = None
    ) -> tuple[SubscriptionRecord, bool]:
        """Follow one person or a pair (optionally one kind); (record, created)."""
        person_a, person_b = ordered_pair(people)

        def work(session: Session) -> tuple[SubscriptionRecord, bool]:
            if session.get(Chat, chat_id) is None:
                session.add(Chat(id=chat_id))
                session.flush()
            statement = select(Subscription).where(
                Subscription.chat_id == chat_id,
                Subscription.person_a == person_a,
                col(Subscription.person_b).is_(None)
                if person_b is None
                else Subscription.person_b == person_b,
                col(Subscription.kind).is_(None) if kind is None else Subscription.kind == kind,
            )
            existing = session.exec(statement).first()
            if existing is not None:
                return _record(existing), False
            row = Subscription(chat_id=chat_id, person_a=person_a, person_b=person_b, kind=kind)
            session.add(row)
            session.flush()
            return _record(row), True

        return await self._run(work)

    async def list_subscriptions(self, *, chat_id: int) -> list[SubscriptionRecord]:
        """The chat's subscriptions, oldest first."""

        def work(session: Session) -> list[SubscriptionRecord]:
            statement = (
                select(Subscription)
                .where(Subscription.chat_id == chat_id)
                .order_by(col(Subscription.created_at), col(Subscription.id))
            )
            return [_record(row) for row in session.exec(statement)]

        return await self._run(work)

    async def delete_subscription(self, *, chat_id: int, subscription_id: int) -> bool:
        """Unfollow; True when the chat had this subscription."""

        def work(session: Session) -> bool:
            row = session.get(Subscription, subscription_id)
            if row is None or row.chat_id != chat_id:
                return False
            session.delete(row)
            return True

        return await self._run(work)

    async def person_ids(self, *, names: Sequence[str]) -> list[int] | None:
        """Ids of canonical names in the given order, or None when one is unknown."""

        def work(session: Session) -> list[int] | None:
            rows = session.exec(select(Person).where(col(Person.name).in_(list(names)))).all()
            by_name = {row.name: row.id for row in rows}
            ids = [by_name.get(name) for name in names]
            return None if any(i is None for i in ids) else [i for i in ids if i is not None]

        return await self._run(work)

    async def person_names(self, *, ids: Sequence[int]) -> list[str] | None:
        """Canonical names of person ids in the given order, or None when one is unknown."""

        def work(session: Session) -> list[str] | None:
            rows = session.exec(select(Person).where(col(Person.id).in_(list(ids)))).all()
            by_id = {row.id: row.name for row in rows}
            names = [by_id.get(i) for i in ids]
            return None if any(n is None for n in names) else [n for n in names if n is not None]

        return await self._run(work)
