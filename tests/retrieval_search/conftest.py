"""Fixtures for text cleaning, search and question parsing: a lemmatiser, a fake registry, seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retrieval.lemmas import Lemmatizer, default_lemmatizer

SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


class FakeRegistry:
    """Stands in for retrieval.people.PersonRegistry: finds a few people by word stems."""

    STEMS: tuple[tuple[str, str], ...] = (
        ("лавров", "Сергей Лавров"),
        ("лаврв", "Сергей Лавров"),
        ("lavrov", "Сергей Лавров"),
        ("рубио", "Марко Рубио"),
        ("rubio", "Марко Рубио"),
        ("госсекретар", "Марко Рубио"),
        ("путин", "Владимир Путин"),
        ("трамп", "Дональд Трамп"),
        ("блинкен", "Энтони Блинкен"),
    )

    def resolve_query(self, text: str, *, on: date | None = None) -> list[str]:
        """Canonical names whose stems occur in the text, in order of appearance."""
        lower = text.lower()
        found = sorted((lower.find(stem), name) for stem, name in self.STEMS if stem in lower)
        return list(dict.fromkeys(name for _, name in found))


@pytest.fixture(scope="session")
def lemmatizer() -> Lemmatizer:
    """The shared pymorphy3 lemmatiser (dictionaries load once)."""
    return default_lemmatizer()


@pytest.fixture(scope="session")
def registry() -> FakeRegistry:
    """A tiny registry that knows Лавров, Рубио, Путин, Трамп and Блинкен."""
    return FakeRegistry()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The five real seed articles by number ("000".."004"); skip when ../shared is absent."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds not found")
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS_DIR.glob("*.txt")}
