"""Every user command and button, through the real Dispatcher with a recording session."""

from __future__ import annotations

from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    EditMessageText,
    SendMessage,
    SendPhoto,
    SetMyCommands,
)

from bot import keyboards
from tests.bot.conftest import BotHarness, callback, inline, message
from tests.bot.fakes import LAVROV, RUBIO


def buttons(method: SendMessage | EditMessageText) -> list[tuple[str, str]]:
    """(text, callback data) of every inline button."""
    markup = method.reply_markup
    rows = getattr(markup, "inline_keyboard", None) or []
    return [(b.text, b.callback_data or "") for row in rows for b in row]


def entity_types(method: SendMessage | EditMessageText) -> set[str]:
    """Entity types of a sent text."""
    return {e.type for e in method.entities or []}


async def test_start_greets_with_three_example_buttons(harness: BotHarness) -> None:
    await harness.feed(message("/start", 10))
    sent = harness.last("sendMessage")
    assert "Здравствуйте" in sent.text
    labels = [text for text, _ in buttons(sent)]
    assert len(labels) == 3
    assert "Когда говорили Лавров и Рубио?" in labels


async def test_example_button_asks_the_question(harness: BotHarness) -> None:
    await harness.feed(callback(keyboards.ExampleCallback(index=0).pack(), 11))
    assert harness.answers.asked == ["Когда говорили Лавров и Рубио?"]
    assert "15 февраля 2025" in harness.last_text()
    assert isinstance(harness.session.sent("answerCallbackQuery")[0], AnswerCallbackQuery)


async def test_help_explains_questions_subscriptions_and_sources(harness: BotHarness) -> None:
    await harness.feed(message("/help", 12))
    text = harness.last_text()
    for part in ("Как спрашивать", "/subscribe Лавров Рубио звонки", "Источники"):
        assert part in text


async def test_command_menu_is_registered_in_russian(harness: BotHarness) -> None:
    await harness.dispatcher.emit_startup(bot=harness.bot, **harness.dispatcher.workflow_data)
    calls = [c for c in harness.session.requests if isinstance(c, SetMyCommands)]
    assert len(calls) == 2  # everyone, and the admin's own menu
    menu = {c.command: c.description for c in calls[0].commands}
    assert menu["subscribe"].startswith("Следить")
    assert "addsource" not in menu
    assert "addsource" in {c.command for c in calls[1].commands}


async def test_question_leads_with_dates_then_cited_quotes(harness: BotHarness) -> None:
    await harness.feed(message("когда говорили Лавров и Рубио", 13))
    sent = harness.last("sendMessage")
    assert sent.text.startswith(f"{LAVROV} и {RUBIO}: 2 контакта")
    assert sent.text.index("18 февраля 2025") < sent.text.index("15 февраля 2025")
    assert "встреча, Эр-Рияд" in sent.text
    assert "телефонный разговор" in sent.text
    assert "<b>провели</b> телефонный разговор &" in sent.text  # news text shown as is, escaped
    assert {"expandable_blockquote", "text_link", "bold"} <= entity_types(sent)
    links = [e.url for e in sent.entities or [] if e.type == "text_link"]
    assert all(url and url.startswith("https://tass.ru/") for url in links)
    labels = [text for text, _ in buttons(sent)]
    assert labels == ["🔔 Следить", "📈 Хронология"]


async def test_planned_and_cancelled_contacts_are_labelled(harness: BotHarness) -> None:
    await harness.feed(message("Лавров и Блинкен", 14))
    text = harness.last_text()
    assert "запланирован" in text
    assert "отменён" in text


async def test_nothing_found_is_polite_and_invents_nothing(harness: BotHarness) -> None:
    await harness.feed(message("Рубио и Блинкен", 15))
    text = harness.last_text()
    assert "Не нашёл контактов" in text
    assert "Попробуйте" in text
    assert "2025" not in text


async def test_a_search_question_gets_cited_passages(harness: BotHarness) -> None:
    await harness.feed(message("что известно про переговоры", 16))
    sent = harness.last("sendMessage")
    assert "Переговоры прошли в Эр-Рияде" in sent.text
    assert "expandable_blockquote" in entity_types(sent)


async def test_long_answer_is_paged_and_buttons_edit_in_place(harness: BotHarness) -> None:
    await harness.feed(message("Многословный и Разговорчивый", 17))
    first = harness.last("sendMessage")
    assert "Страница 1 из" in first.text
    datas = [data for _, data in buttons(first)]
    next_page = next(d for d in datas if d.startswith("pg:q:") and d.endswith(":1"))
    await harness.feed(callback(next_page, 17, message_id=555))
    edit = harness.last("editMessageText")
    assert edit.message_id == 555
    assert "Страница 2 из" in edit.text
    assert harness.session.sent("answerCallbackQuery")


async def test_tapping_the_current_page_again_is_harmless(harness: BotHarness) -> None:
    await harness.feed(message("Многословный Разговорчивый", 18))
    datas = [data for _, data in buttons(harness.last("sendMessage"))]
    current = next(d for d in datas if d.endswith(":0"))
    harness.session.fail("editMessageText", 400, "Bad Request: message is not modified")
    await harness.feed(callback(current, 18))
    assert harness.session.sent("answerCallbackQuery")
    assert not any("Простите" in t for t in harness.session.texts())


async def test_a_stale_page_button_says_so(harness: BotHarness) -> None:
    await harness.feed(callback(keyboards.PageCallback(src="q", key="gone", page=1).pack(), 19))
    answer = harness.last("answerCallbackQuery")
    assert "устарела" in (answer.text or "")


async def test_follow_button_subscribes_to_the_pair(harness: BotHarness) -> None:
    await harness.feed(message("Лавров Рубио", 20))
    follow = next(d for t, d in buttons(harness.last("sendMessage")) if t == "🔔 Следить")
    await harness.feed(callback(follow, 20))
    assert harness.last("answerCallbackQuery").text == "Готово, слежу 🔔"
    records = await harness.chats.list_subscriptions(chat_id=20)
    assert [(r.person_a, r.person_b) for r in records] == [(RUBIO, LAVROV)]
    await harness.feed(callback(follow, 20))
    assert harness.last("answerCallbackQuery").text == "Вы уже следите за этим"


async def test_timeline_button_sends_a_png(harness: BotHarness) -> None:
    await harness.feed(message("Лавров Рубио", 21))
    timeline = next(d for t, d in buttons(harness.last("sendMessage")) if t == "📈 Хронология")
    await harness.feed(callback(timeline, 21))
    photo = harness.last("sendPhoto")
    assert isinstance(photo, SendPhoto)
    assert photo.photo.data.startswith(b"\x89PNG")  # type: ignore[union-attr]
    assert "2 контакта" in (photo.caption or "")


async def test_contacts_command_lists_and_pages(harness: BotHarness) -> None:
    await harness.feed(message("/contacts Многословный Разговорчивый", 22))
    first = harness.last("sendMessage")
    assert "40 контактов" in first.text
    next_page = next(d for _, d in buttons(first) if d.startswith("pg:c:") and d.endswith(":1"))
    await harness.feed(callback(next_page, 22))
    assert "Страница 2 из" in harness.last("editMessageText").text


async def test_contacts_without_names_explains_usage(harness: BotHarness) -> None:
    await harness.feed(message("/contacts", 23))
    assert "/contacts Лавров Рубио" in harness.last_text()
    await harness.feed(message("/contacts Иванов", 23))
    assert "Не узнал никого" in harness.last_text()


async def test_timeline_command_draws_or_explains(harness: BotHarness) -> None:
    await harness.feed(message("/timeline Лавров", 24))
    assert harness.last("sendPhoto").photo.data.startswith(b"\x89PNG")  # type: ignore[union-attr]
    await harness.feed(message("/timeline Лавров Рубио Блинкен", 24))
    assert "одним человеком или парой" in harness.last_text()


async def test_subscribe_person_pair_and_kind(harness: BotHarness) -> None:
    await harness.feed(message("/subscribe Лавров", 25))
    assert "Слежу: Сергей Лавров" in harness.last_text()
    await harness.feed(message("/subscribe Лавров Рубио", 25))
    await harness.feed(message("/subscribe Лавров Рубио звонки", 25))
    assert "Марко Рубио и Сергей Лавров — звонки" in harness.last_text()
    await harness.feed(message("/subscribe Лавров Рубио звонки", 25))
    assert "уже следите" in harness.last_text()
    records = await harness.chats.list_subscriptions(chat_id=25)
    assert [(r.person_b, r.kind) for r in records] == [
        (None, None),
        (LAVROV, None),
        (LAVROV, "phone"),
    ]


async def test_subscriptions_list_with_one_tap_unsubscribe(harness: BotHarness) -> None:
    await harness.feed(message("/subscriptions", 26))
    assert "Подписок пока нет" in harness.last_text()
    await harness.feed(message("/subscribe Лавров", 26))
    await harness.feed(message("/subscribe Блинкен", 26))
    await harness.feed(message("/subscriptions", 26))
    listing = harness.last("sendMessage")
    assert "1. Сергей Лавров" in listing.text
    unsubscribe = buttons(listing)
    assert len(unsubscribe) == 2
    await harness.feed(callback(unsubscribe[0][1], 26))
    assert harness.last("answerCallbackQuery").text == "Подписка удалена"
    refreshed = harness.last("editMessageText")
    assert "Сергей Лавров" not in refreshed.text
    assert len(buttons(refreshed)) == 1


async def test_alert_unsubscribe_button_drops_itself(harness: BotHarness) -> None:
    record, _ = await harness.chats.add_subscription(chat_id=27, people=[LAVROV])
    data = keyboards.alert_keyboard(record.id).inline_keyboard[0][0].callback_data or ""
    await harness.feed(callback(data, 27))
    assert harness.session.sent("editMessageReplyMarkup")
    assert await harness.chats.list_subscriptions(chat_id=27) == []


async def test_inline_mode_offers_contact_cards(harness: BotHarness) -> None:
    await harness.feed(inline("Лавров Рубио", 28))
    answer = harness.last("answerInlineQuery")
    assert isinstance(answer, AnswerInlineQuery)
    assert [r.title for r in answer.results] == [
        "18 февраля 2025 — встреча",
        "15 февраля 2025 — телефонный разговор",
    ]
    card = answer.results[0].input_message_content
    assert "Эр-Рияд" in card.message_text  # type: ignore[union-attr]
    await harness.feed(inline("", 28))
    assert harness.last("answerInlineQuery").button is not None


async def test_groups_answer_commands_and_mentions_only(harness: BotHarness) -> None:
    await harness.feed(message("Лавров Рубио", 29, chat_id=-100, kind="supergroup"))
    assert harness.session.sent("sendMessage") == []
    mention = "@contacts_test_bot когда говорили Лавров и Рубио"
    entities = [{"type": "mention", "offset": 0, "length": 18}]
    await harness.feed(message(mention, 29, chat_id=-100, kind="supergroup", entities=entities))
    assert "15 февраля 2025" in harness.last_text()
    assert harness.answers.asked[-1] == "когда говорили Лавров и Рубио"
    await harness.feed(message("/contacts Лавров", 29, chat_id=-100, kind="supergroup"))
    assert "Сергей Лавров" in harness.last_text()


async def test_stickers_get_a_hint(harness: BotHarness) -> None:
    sticker = {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    await harness.feed(message(None, 30, sticker=sticker))
    assert "понимаю вопросы текстом" in harness.last_text()
