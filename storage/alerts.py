"""The alert outbox: enqueue per matching subscription, claim due alerts, mark them sent or dropped.

States: pending -> sending (claimed by the one deliverer) -> sent | dropped; a crash leaves
`sending` rows that the next deliverer puts back to pending (`recover_in_flight`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import and_, func, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select, update

from storage.models import Alert, Chat, Contact, ContactParticipant, Person, Subscription, utcnow

logger = logging.getLogger(__name__)

PENDING: Final = "pending"
SENDING: Final = "sending"
SENT: Final = "sent"
DROPPED: Final = "dropped"

# When a new alert for a chat may go out: None = now, else a UTC moment (quiet hours, digest).
HoldPolicy = Callable[["ChatPreferences"], dt.datetime | None]


@dataclass(frozen=True)
class ChatPreferences:
    """How and when a chat wants its alerts."""

    chat_id: int
    kind: str = "private"
    active: bool = True
    timezone: str = "Europe/Moscow"
    digest_hour: int | None = None
    quiet_from: int | None = None
    quiet_to: int | None = None


@dataclass(frozen=True)
class ClaimedAlert:
    """An alert this deliverer now owns until it is marked sent, dropped or released."""

    id: int
    chat_id: int
    contact_id: int
    event: str
    attempts: int
    held: bool  # it waited for quiet hours or a digest (deliver it with the others)


def alert_key(*, chat_id: int, contact_id: int, event: str) -> str:
    """The idempotency key: one alert per chat × contact × event."""
    return f"{chat_id}:{contact_id}:{event}"


def preferences(chat: Chat | None, chat_id: int) -> ChatPreferences:
    """The preferences of a chat row (defaults for a chat never seen)."""
    if chat is None:
        return ChatPreferences(chat_id=chat_id, kind="private" if chat_id > 0 else "group")
    return ChatPreferences(
        chat_id=chat.id,
        kind=chat.kind,
        active=chat.active,
        timezone=chat.timezone,
        digest_hour=chat.digest_hour,
        quiet_from=chat.quiet_from,
        quiet_to=chat.quiet_to,
    )


def _specificity(row: Subscription) -> tuple[int, int]:
    return (2 if row.person_b is not None else 0) + (1 if row.kind else 0), -(row.id or 0)


def matching_subscriptions(session: Session, *, contact_id: int) -> dict[int, int]:
    """Chat id -> its most specific subscription matching the contact (person, pair, + kind)."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        return {}
    names = set(
        session.exec(
            select(Person.name)
            .join(ContactParticipant, col(ContactParticipant.person_id) == col(Person.id))
            .where(ContactParticipant.contact_id == contact_id)
        ).all()
    )
    if not names:
        return {}
    best: dict[int, Subscription] = {}
    rows = session.exec(select(Subscription).where(col(Subscription.person_a).in_(sorted(names))))
    for row in rows:
        if row.person_b is not None and row.person_b not in names:
            continue
        if row.kind and row.kind != contact.kind:
            continue
        current = best.get(row.chat_id)
        if current is None or _specificity(row) > _specificity(current):
            best[row.chat_id] = row
    return {chat_id: int(row.id or 0) for chat_id, row in best.items()}


def chat_preferences(session: Session, *, chat_ids: Collection[int]) -> dict[int, ChatPreferences]:
    """Preferences of the given chats (defaults for chats without a row)."""
    ids = sorted(set(chat_ids))
    found: dict[int, Chat] = {}
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        found.update((c.id, c) for c in session.exec(select(Chat).where(col(Chat.id).in_(chunk))))
    return {chat_id: preferences(found.get(chat_id), chat_id) for chat_id in ids}


def _insert_ignoring_duplicates(session: Session, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    statement = (
        module.insert(Alert)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(col(Alert.id))
    )
    return len(session.exec(statement).all())  # type: ignore[call-overload]


def enqueue(session: Session, *, contact_id: int, event: str, hold: HoldPolicy) -> int:
    """Queue one alert per matching active chat (in the caller's transaction); how many are new."""
    chats = matching_subscriptions(session, contact_id=contact_id)
    if not chats:
        return 0
    prefs = chat_preferences(session, chat_ids=chats.keys())
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for chat_id in sorted(chats):
        chat = prefs[chat_id]
        if not chat.active:
            logger.info("no alert for inactive chat %s (contact %s)", chat_id, contact_id)
            continue
        rows.append(
            {
                "key": alert_key(chat_id=chat_id, contact_id=contact_id, event=event),
                "chat_id": chat_id,
                "contact_id": contact_id,
                "event": event,
                "state": PENDING,
                "attempts": 0,
                "not_before": hold(chat),
                "created_at": now,
            }
        )
    inserted = 0
    for start in range(0, len(rows), 500):
        inserted += _insert_ignoring_duplicates(session, rows[start : start + 500])
    return inserted


def _due(now: dt.datetime) -> Any:
    return or_(col(Alert.not_before).is_(None), col(Alert.not_before) <= now)


def claim_due(session: Session, *, now: dt.datetime, limit: int) -> list[ClaimedAlert]:
    """Take up to `limit` due pending alerts (oldest first) into the `sending` state."""
    candidates = session.exec(
        select(Alert.id, Alert.not_before)
        .where(Alert.state == PENDING, _due(now))
        .order_by(col(Alert.id))
        .limit(limit)
    ).all()
    if not candidates:
        return []
    held = {int(aid) for aid, not_before in candidates if not_before is not None}  # type: ignore[arg-type]
    claimed = session.exec(  # type: ignore[call-overload]
        update(Alert)
        .where(col(Alert.id).in_([aid for aid, _ in candidates]), col(Alert.state) == PENDING)
        .values(state=SENDING, attempts=col(Alert.attempts) + 1)
        .returning(
            col(Alert.id),
            col(Alert.chat_id),
            col(Alert.contact_id),
            col(Alert.event),
            col(Alert.attempts),
        )
    ).all()
    return sorted(
        (
            ClaimedAlert(
                id=int(aid),
                chat_id=int(chat_id),
                contact_id=int(contact_id),
                event=event,
                attempts=int(attempts),
                held=int(aid) in held and int(attempts) == 1,
            )
            for aid, chat_id, contact_id, event, attempts in claimed
        ),
        key=lambda alert: alert.id,
    )


def _set(
    session: Session,
    alert_ids: Sequence[int],
    claims: Mapping[int, int] | None = None,
    **values: Any,
) -> int:
    """Move claimed alerts on. With `claims` (alert id -> attempts when claimed), only the
    claim that is still current: a late write of a deliverer that was stopped (its database
    thread outlives it) never touches the claim of the deliverer that took over."""
    if not alert_ids:
        return 0
    query = update(Alert).where(col(Alert.id).in_(list(alert_ids)), col(Alert.state) == SENDING)
    if claims is not None:
        query = query.where(
            or_(
                *(
                    and_(col(Alert.id) == aid, col(Alert.attempts) == claims.get(aid, -1))
                    for aid in alert_ids
                )
            )
        )
    result = session.exec(query.values(**values))  # type: ignore[call-overload]
    return int(result.rowcount or 0)


def mark_sent(
    session: Session,
    *,
    alert_ids: Sequence[int],
    now: dt.datetime | None = None,
    claims: Mapping[int, int] | None = None,
) -> int:
    """Telegram accepted the message carrying these alerts."""
    return _set(session, alert_ids, claims, state=SENT, sent_at=now or utcnow(), last_error=None)


def mark_dropped(
    session: Session,
    *,
    alert_ids: Sequence[int],
    reason: str,
    claims: Mapping[int, int] | None = None,
) -> int:
    """These alerts will never be sent (chat gone, unsubscribed, rejected message)."""
    return _set(session, alert_ids, claims, state=DROPPED, last_error=reason[:500])


def release(
    session: Session,
    *,
    alert_ids: Sequence[int],
    error: str,
    not_before: dt.datetime | None,
    claims: Mapping[int, int] | None = None,
) -> int:
    """Give claimed alerts back to the queue, to be tried again at `not_before`."""
    return _set(
        session, alert_ids, claims, state=PENDING, last_error=error[:500], not_before=not_before
    )


def deactivate_chat(session: Session, *, chat_id: int, reason: str) -> int:
    """The chat blocked the bot: mark it inactive, drop its queued alerts (subscriptions stay)."""
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, kind="private" if chat_id > 0 else "group")
    chat.active = False
    chat.blocked_at = utcnow()
    session.add(chat)
    result = session.exec(  # type: ignore[call-overload]
        update(Alert)
        .where(col(Alert.chat_id) == chat_id, col(Alert.state).in_([PENDING, SENDING]))
        .values(state=DROPPED, last_error=reason[:500])
    )
    return int(result.rowcount or 0)


def recover_in_flight(session: Session) -> int:
    """Put alerts a dead deliverer had claimed back to pending (they may go out again)."""
    result = session.exec(  # type: ignore[call-overload]
        update(Alert).where(col(Alert.state) == SENDING).values(state=PENDING)
    )
    return int(result.rowcount or 0)


def next_due(session: Session) -> dt.datetime | None:
    """When the earliest held pending alert becomes due, or None."""
    value = session.exec(
        select(func.min(Alert.not_before)).where(
            Alert.state == PENDING, col(Alert.not_before).is_not(None)
        )
    ).one()
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def counts(session: Session) -> dict[str, int]:
    """Number of alerts in each state."""
    rows = session.exec(select(Alert.state, func.count()).group_by(col(Alert.state))).all()
    return {state: int(number) for state, number in rows}
