"""Alerts end to end in process: ingest -> outbox -> deliverer -> recorded Bot API calls."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.keyboards import UnsubscribeCallback
from storage import alerts as outbox
from storage.db import session_scope
from storage.models import Chat
from tests.alerts.conftest import (
    BLINKEN,
    HAPPENED,
    LUKASHENKO,
    PHONE,
    PHONE_RETOLD,
    PLANNED,
    PUTIN,
    AlertHarness,
)


async def subscribe(h: AlertHarness, chat_id: int, *people: str, kind: str | None = None) -> int:
    record, _ = await h.chats.add_subscription(chat_id=chat_id, people=people, kind=kind)
    return record.id


async def test_new_contact_reaches_every_matching_subscription_once(harness: AlertHarness) -> None:
    h = harness
    person = await subscribe(h, 1, PUTIN)
    pair = await subscribe(h, 2, PUTIN, LUKASHENKO)
    await subscribe(h, 3, PUTIN, LUKASHENKO, kind="phone")
    await subscribe(h, 4, PUTIN, LUKASHENKO, kind="meeting")
    await subscribe(h, 5, BLINKEN)
    await subscribe(h, 6, PUTIN)
    await subscribe(h, 6, PUTIN, LUKASHENKO)  # two matching subscriptions, still one alert

    report = h.ingest(PHONE)
    assert report.contacts_new == 1
    first = await h.deliverer.deliver_once()
    second = await h.deliverer.deliver_once()

    assert first.sent_alerts == 4 and second.claimed == 0
    assert sorted(m.chat_id for m in h.sent()) == [1, 2, 3, 6]
    message = h.sent_to(1)[0]
    assert "Новый контакт" in message.text and "телефонный разговор" in message.text
    assert "Лукашенко" in message.text and "20 марта 2024" in message.text
    buttons = message.reply_markup.inline_keyboard[0]
    assert [b.text for b in buttons] == ["Подробнее", "Отписаться"]
    assert buttons[0].url.startswith("https://news.example/")
    assert UnsubscribeCallback.unpack(buttons[1].callback_data).subscription_id == person
    chat6 = UnsubscribeCallback.unpack(
        h.sent_to(6)[0].reply_markup.inline_keyboard[0][1].callback_data
    )
    assert chat6.subscription_id != person and chat6.subscription_id != pair  # the pair of chat 6
    assert {a.state for a in h.alerts()} == {"sent"}
    assert not h.session.violations


async def test_another_report_of_the_same_contact_adds_a_source_silently(
    harness: AlertHarness,
) -> None:
    h = harness
    await subscribe(h, 1, PUTIN, LUKASHENKO)
    h.ingest(PHONE)
    await h.deliverer.deliver_once()
    report = h.ingest(PHONE_RETOLD, url="https://other.example/retold")
    assert report.new == 1 and report.contacts_new == 0
    again = h.ingest(PHONE)  # the very same article again
    assert again.duplicate == 1
    await h.deliverer.deliver_once()
    assert len(h.sent_to(1)) == 1
    assert len(h.alerts()) == 1


async def test_planned_contact_that_happens_alerts_again(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, LUKASHENKO)
    h.ingest(PLANNED)
    await h.deliverer.deliver_once()
    h.ingest(HAPPENED)
    await h.deliverer.deliver_once()
    texts = [m.text for m in h.sent_to(1)]
    assert len(texts) == 2
    assert "Новый контакт" in texts[0] and "запланирован" in texts[0]
    assert "состоялся" in texts[1]
    assert sorted(a.event for a in h.alerts()) == ["happened", "new"]


async def test_enqueue_is_idempotent_per_chat_contact_event(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, PUTIN)
    h.ingest(PHONE)
    contact_id = h.alerts()[0].contact_id
    with session_scope(h.engine) as session:
        again = outbox.enqueue(session, contact_id=contact_id, event="new", hold=lambda _: None)
    assert again == 0
    assert len(h.alerts()) == 1


async def test_blocked_chat_loses_its_alerts_but_keeps_subscriptions(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, PUTIN)
    await subscribe(h, 2, PUTIN)
    h.session.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    h.ingest(PHONE)
    report = await h.deliverer.deliver_once()
    assert report.sent_alerts == 1 and report.dropped == 1
    states = {a.chat_id: a.state for a in h.alerts()}
    blocked = next(chat for chat, state in states.items() if state == "dropped")
    assert not await h.chats.is_active(chat_id=blocked)
    assert len(await h.chats.list_subscriptions(chat_id=blocked)) == 1

    h.ingest(PLANNED)  # while blocked: nothing is queued for that chat
    await h.deliverer.deliver_once()
    assert [a.chat_id for a in h.alerts() if a.state == "pending"] == []
    assert len([a for a in h.alerts() if a.chat_id == blocked]) == 1

    await h.chats.mark_active(chat_id=blocked)  # the user came back with /start
    h.ingest(HAPPENED)
    await h.deliverer.deliver_once()
    assert any("состоялся" in m.text for m in h.sent_to(blocked))


async def test_flood_control_pauses_everything_and_loses_nothing(harness: AlertHarness) -> None:
    h = harness
    for chat_id in (1, 2, 3):
        await subscribe(h, chat_id, PUTIN)
    h.session.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    h.ingest(PHONE)
    loop = asyncio.get_running_loop()
    started = loop.time()
    first = await h.deliverer.deliver_once()
    assert first.rate_limited == 1 and first.retried == 1
    failed = next(a for a in h.alerts() if a.state == "pending")
    assert failed.last_error == "429"
    h.clock.advance(seconds=1)
    await h.deliverer.deliver_once()
    # nothing went out during the second after the 429: the others waited in the bucket
    assert loop.time() - started >= 0.9
    assert sorted(m.chat_id for m in h.sent()) == [1, 2, 3]
    assert {a.state for a in h.alerts()} == {"sent"}


async def test_rejected_message_is_dropped_and_the_rest_still_go(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, PUTIN)
    await subscribe(h, 2, PUTIN)
    h.session.fail("sendMessage", 400, "Bad Request: can't parse entities")
    h.ingest(PHONE)
    report = await h.deliverer.deliver_once()
    assert report.dropped == 1 and report.sent_alerts == 1
    assert sorted(a.state for a in h.alerts()) == ["dropped", "sent"]


async def test_unsubscribed_before_delivery_gets_nothing(harness: AlertHarness) -> None:
    h = harness
    sub = await subscribe(h, 1, PUTIN)
    h.ingest(PHONE)
    await h.chats.delete_subscription(chat_id=1, subscription_id=sub)
    report = await h.deliverer.deliver_once()
    assert report.dropped == 1 and h.sent() == []


async def test_quiet_hours_hold_alerts_then_deliver_them_together(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, PUTIN)
    await subscribe(h, 2, PUTIN)
    with session_scope(h.engine) as session:
        chat = session.get(Chat, 1)
        assert chat is not None
        chat.quiet_from, chat.quiet_to = 23, 8  # Moscow time
    h.clock.now = dt.datetime(2024, 3, 20, 23, 30, tzinfo=dt.UTC)  # 02:30 in Moscow
    h.ingest(PLANNED)
    h.ingest(PHONE)
    await h.deliverer.deliver_once()
    assert {m.chat_id for m in h.sent()} == {2}
    held = [a for a in h.alerts() if a.chat_id == 1]
    assert {a.state for a in held} == {"pending"}
    assert {a.not_before for a in held} == {dt.datetime(2024, 3, 21, 5, 0)} or {
        a.not_before for a in held
    } == {dt.datetime(2024, 3, 21, 5, 0, tzinfo=dt.UTC)}
    h.clock.now = dt.datetime(2024, 3, 21, 4, 59, tzinfo=dt.UTC)
    assert (await h.deliverer.deliver_once()).claimed == 0
    h.clock.now = dt.datetime(2024, 3, 21, 5, 0, tzinfo=dt.UTC)
    report = await h.deliverer.deliver_once()
    assert report.sent_messages == 1 and report.sent_alerts == 2
    digest = h.sent_to(1)
    assert (
        len(digest) == 1
        and "Сводка" in digest[0].text
        and digest[0].text.count("Новый контакт") == 2
    )
    assert {a.state for a in h.alerts()} == {"sent"}


async def test_daily_digest_in_the_users_timezone(harness: AlertHarness) -> None:
    h = harness
    await subscribe(h, 1, LUKASHENKO)
    with session_scope(h.engine) as session:
        chat = session.get(Chat, 1)
        assert chat is not None
        chat.digest_hour, chat.timezone = 9, "Asia/Vladivostok"  # UTC+10
    h.clock.now = dt.datetime(2024, 3, 20, 0, 30, tzinfo=dt.UTC)  # 10:30 in Vladivostok
    h.ingest(PLANNED)
    h.clock.advance(hours=1)
    h.ingest(HAPPENED)
    h.clock.now = dt.datetime(2024, 3, 20, 22, 59, tzinfo=dt.UTC)
    assert (await h.deliverer.deliver_once()).claimed == 0
    h.clock.now = dt.datetime(2024, 3, 20, 23, 0, tzinfo=dt.UTC)  # 09:00 next day there
    report = await h.deliverer.deliver_once()
    assert report.sent_messages == 1 and report.sent_alerts == 2
    assert "состоялся" in h.sent_to(1)[0].text


async def test_a_stopped_deliverers_late_write_never_undoes_the_next_claim(
    harness: AlertHarness,
) -> None:
    """A stopped deliverer's database thread may finish after another deliverer took over:
    its late "try again later" must not put back an alert the new deliverer is sending,
    or the alert would go out twice."""
    h = harness
    await subscribe(h, 1, PUTIN)
    h.ingest(PHONE)
    now = dt.datetime(2030, 1, 1)
    with session_scope(h.engine) as session:
        [first] = outbox.claim_due(session, now=now, limit=10)  # the deliverer that stops
    with session_scope(h.engine) as session:
        assert outbox.recover_in_flight(session) == 1  # the next one takes over ...
        [second] = outbox.claim_due(session, now=now, limit=10)  # ... and claims it again
    with session_scope(h.engine) as session:
        late = outbox.release(
            session,
            alert_ids=[first.id],
            error="connection reset",
            not_before=now,
            claims={first.id: first.attempts},
        )
        assert late == 0  # the stale claim is ignored
        sent = outbox.mark_sent(session, alert_ids=[second.id], claims={second.id: second.attempts})
        assert sent == 1
    assert [a.state for a in h.alerts()] == ["sent"]
