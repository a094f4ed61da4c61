"""Every template with hostile input stays valid HTML, within Telegram's limits; dates in Russian."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from aiogram.utils.formatting import Text

from bot import keyboards, texts
from bot.services import SourceHealth, SourceProbe
from ingest.types import IngestReport, ReadFailure
from retrieval.types import Query
from service.views import Answer, PassageView
from storage.models import Source
from storage.subscriptions import SubscriptionRecord
from tests.bot.conftest import BotHarness, message
from tests.bot.fakes import contact, source, utf16_len

HOSTILE = [
    "",
    " ",
    "Лавров" * 700,  # 4,200 characters
    "🇷🇺🤝🇺🇸" * 500,
    "<b>Лавров</b> & <script>alert(1)</script> Рубио",
    "'; DROP TABLE contact; -- Лавров",
    "Lavrov and Rubio phone call",
    "Лавров и Rubio 電話 😀",
    "</blockquote><a href='javascript:x'>",
    "а" * 5000,
]
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler"}


class TagChecker(HTMLParser):
    """Fails on unknown tags and unbalanced nesting (Telegram's HTML parse mode rules)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        if tag == "a":
            assert dict(attrs).get("href", "").startswith("http")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, tag


def assert_sendable(content: Text, limit: int = texts.MESSAGE_LIMIT) -> None:
    """Valid HTML, non-empty and within the limit."""
    plain = content.render()[0]
    assert plain.strip()
    assert utf16_len(plain) <= limit
    checker = TagChecker()
    checker.feed(content.as_html())
    checker.close()
    assert not checker.stack


def hostile_contacts(evil: str) -> list:
    """Contacts whose every field carries the hostile string."""
    return [
        contact(n, dt.date(2025, 2, 15), "phone", [evil or "X", "Марко Рубио"], place=evil or None, snippet=evil or "…", sources=3)
        for n in range(30)
    ]  # fmt: skip


@pytest.mark.parametrize("evil", HOSTILE)
def test_every_template_survives_hostile_input(evil: str) -> None:
    contacts = hostile_contacts(evil)
    query = Query(text=evil, people=(evil or "X",), unknown_names=(evil,))
    evil_source = source(dt.date(2025, 2, 15), outlet=evil or None, snippet=evil)  # type: ignore[arg-type]
    passages = tuple(PassageView(evil or "x", 1.0, evil_source) for _ in range(10))
    answers = [
        Answer(evil, query, evil, contacts=tuple(contacts), found=True),
        Answer(evil, query, evil, passages=passages, found=True),
        Answer(evil, query, evil, counterparts=tuple((evil + str(n), n) for n in range(200))),
        Answer(evil, query, evil),
    ]
    pages = [p for a in answers for p in texts.render_answer_pages(a)]
    pages += texts.render_contacts_pages([evil], contacts)
    pages += texts.render_contacts_pages([evil], [])
    record = SubscriptionRecord(1, 1, evil or "X", evil or None, "phone", dt.datetime.now(dt.UTC))
    health = SourceHealth(1, evil or "u", "rss", evil, 10, False, None, 3, evil, 1.5, 2)
    report = IngestReport(failed=1, failures=[ReadFailure(evil, evil)] * 10)
    pages += [
        texts.render_contact_card(contacts[0]),
        texts.render_unknown_people(evil),
        texts.render_too_many_people([evil] * 5),
        texts.render_subscribed(record, created=True),
        texts.render_subscriptions([record] * 30),
        texts.render_probe(SourceProbe(evil or "u", "page", evil, 1, None), 10),
        texts.render_source_added(Source(id=1, url=evil or "u", kind="page")),
        texts.render_source_error("fetch", evil),
        texts.render_ingest_report(report, what=evil),
        texts.render_stats({"articles": 1, evil: evil}),
        texts.render_start(reactivated=True),
        texts.render_help(),
    ]
    pages += texts.render_sources([health] * 40)
    for page in pages:
        assert_sendable(page)
    assert_sendable(texts.render_timeline_caption([evil or "X"], 3), texts.CAPTION_LIMIT)
    assert len(texts.unsubscribe_label(30, record)) <= 64
    assert len(texts.contact_card_title(contacts[0])) <= 100


@pytest.mark.parametrize("evil", HOSTILE)
async def test_hostile_questions_get_sensible_answers(harness: BotHarness, evil: str) -> None:
    await harness.feed(message(evil, 40))
    sent = harness.session.sent("sendMessage")
    assert len(sent) == 1
    assert "Простите" not in sent[0].text  # answered, not crashed


@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        (dt.date(2025, 2, 15), "day", "15 февраля 2025"),
        (dt.date(2025, 5, 1), "day", "1 мая 2025"),
        (dt.date(2025, 2, 1), "month", "февраль 2025"),
        (dt.date(2025, 1, 1), "year", "2025 год"),
        (None, None, "дата не указана"),
    ],
)
def test_contact_dates_in_russian(
    day: dt.date | None, precision: str | None, expected: str
) -> None:
    view = contact(1, day, "phone", ["А", "Б"])
    view = type(view)(**{**view.__dict__, "date_precision": precision})
    assert texts.format_contact_date(view) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1 контакт"), (2, "2 контакта"), (5, "5 контактов"), (11, "11 контактов"), (21, "21 контакт"), (104, "104 контакта")],
)  # fmt: skip
def test_plural(number: int, expected: str) -> None:
    assert texts.contacts_count(number) == expected


@pytest.mark.parametrize(
    ("word", "kind"), [("звонки", "phone"), ("Встречи", "meeting"), ("визиты", "visit"), ("переговоры", "talks"), ("Рубио", None)]
)  # fmt: skip
def test_kind_words(word: str, kind: str | None) -> None:
    assert texts.parse_kind(word) == kind


def test_every_callback_fits_64_bytes() -> None:
    packed = [
        keyboards.PageCallback(src="q", key="A1b2C3d4", page=999).pack(),
        keyboards.PageCallback(src="c", key="2147483647-2147483646", page=999).pack(),
        keyboards.FollowCallback(people="2147483647-2147483646", kind="meeting").pack(),
        keyboards.TimelineCallback(people="2147483647-2147483646").pack(),
        keyboards.UnsubscribeCallback(subscription_id=2**62, origin="alert").pack(),
        keyboards.SourceConfirmCallback(token="A1b2C3d4", confirm=True).pack(),
        keyboards.ExampleCallback(index=2).pack(),
    ]
    assert all(len(p.encode()) <= 64 for p in packed), packed


def test_about_and_who_answers_lead_with_what_was_asked() -> None:
    from datetime import date

    from retrieval.types import Query
    from service.views import Answer, ContactView, PassageView, SourceView

    source = SourceView("a1", None, "Лавров и Рубио договорились", date(2025, 2, 15), None, "s")
    contact = ContactView(1, date(2025, 2, 15), "day", "phone", "happened",
                          ("Марко Рубио", "Сергей Лавров"), None, None, (source,))  # fmt: skip
    agreed = PassageView("Стороны договорились о поддержании канала связи.", 1.0, source)
    people = ("Сергей Лавров", "Марко Рубио")
    about = Answer(
        "о чем договорились", Query("q", people, intent="about"), "", (contact,), (agreed,)
    )
    html = texts.render_answer_pages(about)[0].as_html()
    assert html.index("канала связи") < html.index("15 февраля 2025")
    assert "«Лавров и Рубио договорились»" in html  # a title stands in for a missing outlet
    who = Answer("с кем", Query("q", people[:1], intent="who"), "", (contact,),
                 counterparts=(("Марко Рубио", 1),))  # fmt: skip
    html = texts.render_answer_pages(who)[0].as_html()
    assert html.index("Собеседники") < html.index("15 февраля 2025")


def test_a_contact_shows_its_best_quotes_and_counts_the_other_sources() -> None:
    from dataclasses import replace
    from datetime import date

    from service.render import render_contact

    from .fakes import contact as contact_view

    people = ("Сергей Лавров", "Марко Рубио")
    contact = replace(
        contact_view(1, date(2025, 2, 15), "phone", people, sources=3), source_count=40
    )
    html = texts.render_contact_block(contact).as_html()
    assert html.count("<blockquote expandable>") == texts.QUOTES_PER_CONTACT
    assert f"+{40 - texts.QUOTES_PER_CONTACT} источников" in html
    # the CLI names the outlets (one here) and counts every other article, loaded or not
    assert render_contact(contact)[2] == "  — ТАСС · +37 источников"
    single = contact_view(2, date(2025, 2, 15), "phone", people, sources=1)
    assert "источник" not in texts.render_contact_block(single).as_html()
