"""Quiet hours, digests, the token bucket and alert rendering under hostile input."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.alerts import (
    TokenBucket,
    alert_markup,
    in_quiet_hours,
    release_time,
    render_alert,
    render_digest,
)
from service.views import ContactView, SourceView
from storage.alerts import ChatPreferences

UTC = dt.UTC


def at(hour: int, minute: int = 0, day: int = 20) -> dt.datetime:
    return dt.datetime(2024, 3, day, hour, minute, tzinfo=UTC)


RELEASES = [
    # (preferences, now UTC, expected release UTC or None); Moscow is UTC+3
    [ChatPreferences(1), at(12), None],
    [ChatPreferences(1, quiet_from=23, quiet_to=8), at(12), None],
    [ChatPreferences(1, quiet_from=23, quiet_to=8), at(20, 30), at(5, day=21)],  # 23:30 MSK
    [ChatPreferences(1, quiet_from=23, quiet_to=8), at(2), at(5)],  # 05:00 MSK
    [ChatPreferences(1, quiet_from=23, quiet_to=8), at(5), None],  # 08:00 MSK: over
    [ChatPreferences(1, quiet_from=13, quiet_to=15), at(10, 59), at(12)],
    [ChatPreferences(1, quiet_from=8, quiet_to=8), at(10), None],
    [ChatPreferences(1, digest_hour=9), at(5, 59), at(6)],  # 08:59 MSK -> 09:00 MSK
    [ChatPreferences(1, digest_hour=9), at(6), at(6, day=21)],  # at 09:00 sharp: tomorrow's
    [ChatPreferences(1, digest_hour=9, timezone="Asia/Vladivostok"), at(0), at(23)],
    [
        ChatPreferences(1, digest_hour=9, timezone="Nowhere/Atlantis"),
        at(5),
        at(6),
    ],  # falls back to Moscow
]


@pytest.mark.parametrize(("chat", "now", "expected"), RELEASES)
def test_release_time(
    chat: ChatPreferences, now: dt.datetime, expected: dt.datetime | None
) -> None:
    assert release_time(chat, now) == expected


def test_release_time_across_a_dst_change() -> None:
    chat = ChatPreferences(1, digest_hour=9, timezone="Europe/Berlin")
    before = dt.datetime(2024, 3, 30, 12, tzinfo=UTC)  # CET; the clocks go forward on the 31st
    assert release_time(chat, before) == dt.datetime(2024, 3, 31, 7, tzinfo=UTC)  # 09:00 CEST


@pytest.mark.parametrize(
    ("hour", "quiet_from", "quiet_to", "quiet"),
    [
        (23, 23, 8, True),
        (3, 23, 8, True),
        (8, 23, 8, False),
        (22, 23, 8, False),
        (14, 13, 15, True),
        (5, None, 8, False),
    ],
)
def test_in_quiet_hours(
    hour: int, quiet_from: int | None, quiet_to: int | None, quiet: bool
) -> None:
    assert in_quiet_hours(hour, quiet_from, quiet_to) is quiet


async def test_token_bucket_rate_and_pause() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(25.0, 1.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(51):
        await bucket.acquire()
    assert now[0] == pytest.approx(2.0)  # 50 more tokens at 25 a second
    bucket.pause(3.0)
    await bucket.acquire()
    assert now[0] == pytest.approx(5.0 + 1 / 25, abs=0.05)


def hostile_contact(snippet: str, place: str) -> ContactView:
    source = SourceView("a1", "https://news.example/<script>?a=1&b=2", "<b>Заголовок</b>", dt.date(2024, 3, 20),
                        "ТАСС & <i>", snippet)  # fmt: skip
    return ContactView(
        id=1, date=dt.date(2024, 3, 20), date_precision="day", kind="phone", status="happened",
        participants=("Владимир Путин <b>", "Александр Лукашенко & Co"), place=place, initiator=None,
        sources=(source,) * 5,
    )  # fmt: skip


@pytest.mark.parametrize(
    "snippet", ["<a href='x'>&amp;</a> " * 700, "😀" * 5000, "Путин & Лукашенко < > " * 400, "x"]
)
def test_alerts_stay_within_telegram_limits(snippet: str) -> None:
    contact = hostile_contact(snippet, "<Минск & Co>" * 50)
    for event in ("new", "happened", "cancelled", "denied"):
        text, entities = render_alert(contact, event).render()
        assert 0 < len(text.encode("utf-16-le")) // 2 <= 4096
        assert "<" in text or snippet == "x" or "😀" in snippet  # escaped by entities, not HTML
        assert all(e.offset + e.length <= len(text.encode("utf-16-le")) // 2 for e in entities)
    markup = alert_markup(contact, 2**62)
    assert all(len((b.callback_data or "").encode()) <= 64 for b in markup.inline_keyboard[0])
    pages = render_digest([(n, contact, "new") for n in range(30)])
    assert sorted(i for ids, _ in pages for i in ids) == list(range(30))
    for _, content in pages:
        assert len(content.render()[0].encode("utf-16-le")) // 2 <= 4096
