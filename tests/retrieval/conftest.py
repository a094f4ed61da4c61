"""Session-wide registry and extractor: dictionaries and NER models load once."""

from __future__ import annotations

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.people import PersonRegistry


@pytest.fixture(scope="session")
def registry() -> PersonRegistry:
    return PersonRegistry.load_default()


@pytest.fixture(scope="session")
def extractor(registry: PersonRegistry) -> ContactExtractor:
    return ContactExtractor(registry)
