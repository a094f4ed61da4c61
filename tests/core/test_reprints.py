"""Exact reprints on other sites: one more source of the same contacts, never new contacts or alerts."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ingest.types import RawDocument
from service.app import ContactsApp

TEXT = (
    "МОСКВА, 15 февраля. /ТАСС/. Министр иностранных дел России Сергей Лавров провел "
    "телефонный разговор с государственным секретарем США Марко Рубио. Звонок состоялся "
    "по инициативе американской стороны."
)


def doc(url: str, outlet: str) -> RawDocument:
    return RawDocument(
        text=TEXT,
        origin=url,
        url=url,
        title="Лавров и Рубио",
        published=date(2025, 2, 15),
        outlet=outlet,
    )


def test_reprint_becomes_another_source_without_new_contacts(contacts_app: ContactsApp) -> None:
    events: list[tuple[int, str]] = []
    contacts_app.ingestor.on_contact_event = lambda _s, cid, event: events.append((cid, event))
    first = contacts_app.ingestor.ingest_items([doc("https://tass.test/1", "ТАСС")])
    assert (first.new, first.contacts_new) == (1, 1)
    second = contacts_app.ingestor.ingest_items([doc("https://mirror.test/a", "Зеркало")])
    assert (second.new, second.duplicate, second.contacts_new) == (0, 1, 0)
    again = contacts_app.ingestor.ingest_items([doc("https://mirror.test/a", "Зеркало")])
    assert again.duplicate == 1
    [contact] = contacts_app.answers.contacts_sync(["Сергей Лавров", "Марко Рубио"])
    assert [s.outlet for s in contact.sources] == ["ТАСС", "Зеркало"]
    assert [s.url for s in contact.sources] == ["https://tass.test/1", "https://mirror.test/a"]
    assert len(events) == 1  # one alert event for the contact, none for the reprint
    with Session(contacts_app.engine) as session:
        from storage.articles import counts

        assert counts(session)["articles"] == 2
    answer = contacts_app.answers.ask_sync("когда говорили Лавров и Рубио", today=date(2026, 1, 1))
    assert "Зеркало" in answer.text and "ТАСС" in answer.text


def test_a_planned_contact_that_happened_is_quoted_from_the_report_it_happened(
    contacts_app: ContactsApp,
) -> None:
    planned = RawDocument(
        text="МОСКВА, 10 мая 2021. Сергей Лавров и Энтони Блинкен встретятся 19 мая в Рейкьявике.",
        origin="a", url="https://a.test/plan", published=date(2021, 5, 10), outlet="Анонс",
    )  # fmt: skip
    held = RawDocument(
        text="РЕЙКЬЯВИК, 19 мая 2021. Сергей Лавров и Энтони Блинкен провели встречу в Рейкьявике.",
        origin="b", url="https://b.test/held", published=date(2021, 5, 19), outlet="Итог",
    )  # fmt: skip
    events: list[str] = []
    contacts_app.ingestor.on_contact_event = lambda _s, _cid, event: events.append(event)
    contacts_app.ingestor.ingest_items([planned])
    contacts_app.ingestor.ingest_items([held])
    [contact] = contacts_app.answers.contacts_sync(["Сергей Лавров", "Энтони Блинкен"])
    assert (contact.status, contact.date) == ("happened", date(2021, 5, 19))
    assert [s.outlet for s in contact.sources] == ["Итог", "Анонс"]
    assert events == ["new", "happened"]
