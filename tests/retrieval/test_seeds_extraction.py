"""Extraction on the five real seed articles (../shared/seeds, skipped when absent)."""

from datetime import date
from pathlib import Path

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.types import ExtractedContact, PartialDate

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
LAVROV_RUBIO = ("Марко Рубио", "Сергей Лавров")
LAVROV_BLINKEN = ("Сергей Лавров", "Энтони Блинкен")
PUTIN_TRUMP = ("Владимир Путин", "Дональд Трамп")
NEVER_PARTICIPANTS = {"Тэмми Брюс", "Дмитрий Песков", "Барак Обама", "Джо Байден"}
PUBLISHED = {
    "000": None,
    "001": None,
    "002": date(2025, 2, 15),
    "003": date(2025, 12, 30),
    "004": None,
}


def extract(extractor: ContactExtractor, prefix: str) -> list[ExtractedContact]:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("seed articles are not available")
    return extractor.extract(files[0].read_text(encoding="utf-8"), published=PUBLISHED[prefix])


def find(
    contacts: list[ExtractedContact], people: tuple[str, ...], kind: str
) -> list[ExtractedContact]:
    return [c for c in contacts if c.participants == people and c.kind == kind]


def test_seed_002_tass(extractor: ContactExtractor) -> None:
    contacts = extract(extractor, "002")
    [call] = find(contacts, LAVROV_RUBIO, "phone")
    assert call.status == "happened"
    assert call.date == PartialDate(2025, 2, 15)
    assert any(c.date == PartialDate(2025, 2, 12) for c in find(contacts, PUTIN_TRUMP, "phone"))


def test_seed_001_weekday_without_publication_date(extractor: ContactExtractor) -> None:
    [call] = find(extract(extractor, "001"), LAVROV_RUBIO, "phone")
    assert call.status == "happened"
    assert call.date in (PartialDate(2025, 2, 15), PartialDate(None, 2, 15))


def test_seed_000_no_dates(extractor: ContactExtractor) -> None:
    contacts = extract(extractor, "000")
    [call] = find(contacts, LAVROV_RUBIO, "phone")
    assert call.status == "happened"
    assert call.date is None or call.date.year != 2016
    [putin_trump] = find(contacts, PUTIN_TRUMP, "phone")
    assert (putin_trump.date.month, putin_trump.date.day) == (2, 12)


def test_seed_004_blinken(extractor: ContactExtractor) -> None:
    contacts = extract(extractor, "004")
    calls = find(contacts, LAVROV_BLINKEN, "phone")
    assert calls
    assert all(c.date is None or c.date.year == 2021 for c in calls)
    assert all(
        c.status in ("happened", "planned") for c in find(contacts, LAVROV_BLINKEN, "meeting")
    )


def test_seed_003_putin_trump(extractor: ContactExtractor) -> None:
    contacts = extract(extractor, "003")
    assert any(c.date == PartialDate(2025, 2, 12) for c in find(contacts, PUTIN_TRUMP, "phone"))


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
def test_seed_bystanders_never_participate(extractor: ContactExtractor, prefix: str) -> None:
    for contact in extract(extractor, prefix):
        assert not NEVER_PARTICIPANTS & set(contact.participants)
        assert len(set(contact.participants)) >= 2
