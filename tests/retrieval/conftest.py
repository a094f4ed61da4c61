"""Session-wide registry and extractor: dictionaries and NER models load once."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.people import PersonRegistry


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
