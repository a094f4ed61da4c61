"""Session-wide registry and extractor: dictionaries and NER models load once."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.people import PersonRegistry
from retrieval.types import PartialDate


@pytest.fixture(scope="session")
def registry() -> PersonRegistry:
    return PersonRegistry.load_default()


@pytest.fixture(scope="session")
def extractor(registry: PersonRegistry) -> ContactExtractor:
    return ContactExtractor(registry)


Event = tuple[tuple[str, ...], str, str, object]


def events_of(extractor: ContactExtractor, text: str, published: date | None) -> set[Event]:
    """(participants, kind, status, date) of every contact extracted from one text."""
    return {
        (c.participants, c.kind, c.status, c.date)
        for c in extractor.extract(text, published=published)
    }


def day(y: int, m: int, d: int | None = None) -> PartialDate:
    """A partial date for the extraction tables."""
    return PartialDate(y, m, d)


# participant pairs of the extraction tables, in the sorted order the extractor returns
PUTIN_XI = ("Владимир Путин", "Си Цзиньпин")
PUTIN_ERDOGAN = ("Владимир Путин", "Реджеп Тайип Эрдоган")
PUTIN_MODI = ("Владимир Путин", "Нарендра Моди")
PUTIN_LUKASHENKO = ("Александр Лукашенко", "Владимир Путин")
PUTIN_SCHOLZ = ("Владимир Путин", "Олаф Шольц")
PUTIN_TRUMP = ("Владимир Путин", "Дональд Трамп")
