"""/alerts: instant or daily digest, quiet hours, time zone."""

from __future__ import annotations

import pytest

from bot.preferences import PreferenceError, parse_preferences
from tests.bot.conftest import BotHarness
from tests.bot.test_user_flows import message


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ["сразу", {"digest_hour": None}],
        ["дайджест 9", {"digest_hour": 9}],
        ["Дайджест 21:00", {"digest_hour": 21}],
        ["дайджест выкл", {"digest_hour": None}],
        ["тишина 23-8", {"quiet_from": 23, "quiet_to": 8}],
        ["тишина 0–7", {"quiet_from": 0, "quiet_to": 7}],
        ["тишина выкл", {"quiet_from": None, "quiet_to": None}],
        ["пояс Europe/Berlin", {"timezone": "Europe/Berlin"}],
        ["пояс мск", {"timezone": "Europe/Moscow"}],
    ],
)
def test_preferences_are_understood(args: str, expected: dict[str, object]) -> None:
    change = parse_preferences(args)
    assert {name: getattr(change, name) for name in change.fields} == expected


@pytest.mark.parametrize(
    "args",
    ["", "дайджест", "дайджест 25", "тишина 5-5", "тишина вечером", "пояс Марс/Олимп", "громко"],
)
def test_nonsense_is_refused_politely(args: str) -> None:
    with pytest.raises(PreferenceError):
        parse_preferences(args)


async def test_alerts_command_changes_and_shows_preferences(harness: BotHarness) -> None:
    await harness.feed(message("/alerts", 41))
    assert "присылать: сразу" in harness.last_text()
    await harness.feed(message("/alerts дайджест 9", 41))
    assert "дайджест раз в день в 9:00" in harness.last_text()
    await harness.feed(message("/alerts тишина 23-8", 41))
    await harness.feed(message("/alerts пояс Europe/Berlin", 41))
    prefs = await harness.chats.alert_preferences(chat_id=41)
    assert (prefs.digest_hour, prefs.quiet_from, prefs.quiet_to, prefs.timezone) == (
        9,
        23,
        8,
        "Europe/Berlin",
    )
    await harness.feed(message("/alerts сразу", 41))
    assert (await harness.chats.alert_preferences(chat_id=41)).digest_hour is None
    await harness.feed(message("/alerts <b>громко</b>", 41))
    assert "Не понял" in harness.last_text()
    assert (await harness.chats.alert_preferences(chat_id=41)).timezone == "Europe/Berlin"


async def test_concurrent_first_messages_of_a_new_chat_register_it_once(
    harness: BotHarness,
) -> None:
    import asyncio

    created = await asyncio.gather(
        *(harness.chats.register_chat(chat_id=-777, kind="supergroup", title="g") for _ in range(6))
    )
    assert sorted(created) == [False] * 5 + [True]
    changed = await asyncio.gather(
        *(
            harness.chats.update_alert_preferences(
                chat_id=-778, kind="group", changes={"digest_hour": 9}
            )
            for _ in range(4)
        )
    )
    assert {p.digest_hour for p in changed} == {9}
