"""Core acceptance: the five real seeds in, correct cited answers out (SQLite, PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.app import ContactsApp

TODAY = date(2026, 1, 15)


@pytest.fixture
def seeded(contacts_app: ContactsApp, seeds_dir: Path) -> ContactsApp:
    """An app with the five seeds ingested."""
    report = contacts_app.ingestor.ingest_paths([str(seeds_dir)])
    assert report.new == 5 and report.failed == 0
    return contacts_app


def test_lavrov_rubio_is_one_phone_call_cited_by_both_dated_reports(seeded: ContactsApp) -> None:
    answer = seeded.answers.ask_sync("когда говорили Лавров и Рубио", today=TODAY)
    assert len(answer.contacts) == 1
    contact = answer.contacts[0]
    assert contact.date == date(2025, 2, 15) and contact.date_precision == "day"
    assert (contact.kind, contact.status) == ("phone", "happened")
    assert set(contact.participants) == {"Сергей Лавров", "Марко Рубио"}
    cited = {s.article_id for s in contact.sources}
    assert {"001_80243a7568773db2", "002_759b5d559bb1e71e"} <= cited
    assert "004_dc0cdaf4e092bfb3" not in cited
    assert "15 февраля 2025" in answer.text
    for source in contact.sources:
        assert "Рубио" in source.snippet or "госсекрет" in source.snippet.lower()


def test_putin_trump_includes_february_12_call(seeded: ContactsApp) -> None:
    answer = seeded.answers.ask_sync("когда говорили Путин и Трамп", today=TODAY)
    calls = [c for c in answer.contacts if c.kind == "phone" and c.date == date(2025, 2, 12)]
    assert len(calls) == 1
    assert calls[0].status == "happened"
    assert set(calls[0].participants) == {"Владимир Путин", "Дональд Трамп"}


def test_lavrov_blinken_call_is_never_dated_2025(seeded: ContactsApp) -> None:
    answer = seeded.answers.ask_sync("когда говорили Лавров и Блинкен", today=TODAY)
    phones = [c for c in answer.contacts if c.kind == "phone"]
    assert phones, answer.text
    for contact in answer.contacts:
        assert contact.date is None or contact.date.year == 2021
        assert {s.article_id for s in contact.sources} == {"004_dc0cdaf4e092bfb3"}


def test_lavrov_pompeo_has_no_contacts_and_says_so(seeded: ContactsApp) -> None:
    answer = seeded.answers.ask_sync("когда говорили Лавров и Помпео", today=TODAY)
    assert answer.contacts == ()
    assert "не нашёл" in answer.text.lower()


def test_what_lavrov_and_rubio_agreed_is_quoted(seeded: ContactsApp) -> None:
    answer = seeded.answers.ask_sync("о чем договорились Лавров и Рубио", today=TODAY)
    assert answer.query.intent == "about"
    quoted = " ".join(p.text for p in answer.passages).lower()
    assert "канал" in quoted  # the channel of communication
    assert "регулярных контактах" in quoted or "встречу экспертов" in quoted
    assert "канал" in answer.text.lower()


def test_reingesting_the_seeds_changes_nothing(seeded: ContactsApp, seeds_dir: Path) -> None:
    before = seeded.answers.stats_sync()
    contacts_before = [c.to_json() for c in seeded.answers.contacts_sync([])]
    report = seeded.ingestor.ingest_paths([str(seeds_dir)])
    assert (report.new, report.duplicate, report.contacts_new) == (0, 5, 0)
    after = seeded.answers.stats_sync()
    assert {k: after[k] for k in ("articles", "passages", "contacts", "people")} == {
        k: before[k] for k in ("articles", "passages", "contacts", "people")
    }
    assert [c.to_json() for c in seeded.answers.contacts_sync([])] == contacts_before


def test_no_seed_contact_involves_bystanders(seeded: ContactsApp) -> None:
    bystanders = {"Тэмми Брюс", "Дмитрий Песков", "Барак Обама", "Джо Байден"}
    for contact in seeded.answers.contacts_sync([]):
        assert not bystanders & set(contact.participants), contact


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_merging_does_not_depend_on_arrival_order(
    contacts_app: ContactsApp, seeds_dir: Path, order: str
) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    if order == "reverse":
        files.reverse()
    for path in files:
        contacts_app.ingestor.ingest_paths([str(path)])
    answer = contacts_app.answers.ask_sync("когда говорили Лавров и Рубио", today=TODAY)
    assert len(answer.contacts) == 1
    assert answer.contacts[0].date == date(2025, 2, 15)
