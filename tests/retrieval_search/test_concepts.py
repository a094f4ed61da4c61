"""Contact words as a concept: query expansion finds other ways to say "they talked"."""

from __future__ import annotations

import pytest

from retrieval.concepts import ALL_CONTACT_LEMMAS, CONTACT_LEMMAS, expand_query_lemmas
from retrieval.lemmas import Lemmatizer

EXPANSIONS = [
    # query word, lemmas the expansion must contain, lemmas it must not contain
    ["говорили", ["поговорить", "телефонный", "беседа", "переговоры", "встреча", "визит"], []],
    ["контакты", ["созвониться", "разговор", "встретиться"], []],
    ["созванивались", ["телефонный", "звонок", "созвониться", "телефон"], ["встреча", "визит"]],
    ["встречались", ["встреча", "встретиться"], ["телефон", "визит"]],
    ["визит", ["посетить", "визит"], ["телефон", "встреча"]],
    ["переговоры", ["переговоры", "консультация"], ["телефон"]],
    ["санкции", ["санкция"], ["говорить", "телефон"]],
]  # fmt: skip


@pytest.mark.parametrize(("word", "present", "absent"), EXPANSIONS)
def test_expand_query_lemmas(
    lemmatizer: Lemmatizer, word: str, present: list[str], absent: list[str]
) -> None:
    expanded = expand_query_lemmas(lemmatizer.lemmas(word))
    assert set(present) <= set(expanded)
    assert not set(absent) & set(expanded)


def test_expansion_keeps_query_first_and_has_no_duplicates() -> None:
    expanded = expand_query_lemmas(["лавров", "говорить", "говорить"])
    assert expanded[:2] == ["лавров", "говорить"]
    assert len(expanded) == len(set(expanded))


@pytest.mark.parametrize("lemma", sorted(CONTACT_LEMMAS))
def test_contact_lemmas_are_what_the_lemmatiser_produces(
    lemmatizer: Lemmatizer, lemma: str
) -> None:
    assert lemmatizer.lemma(lemma) == lemma


CONTACT_PHRASES = [
    "Лавров поговорил по телефону с Рубио",
    "телефонная беседа министров",
    "переговоры в Стамбуле",
    "министры созвонились",
    "встреча на полях саммита",
    "визит в Пекин",
]


@pytest.mark.parametrize("phrase", CONTACT_PHRASES)
def test_contact_phrases_hit_the_concept(lemmatizer: Lemmatizer, phrase: str) -> None:
    assert set(lemmatizer.lemmas(phrase)) & CONTACT_LEMMAS


def test_each_contact_lemma_has_one_meaning() -> None:
    assert len(ALL_CONTACT_LEMMAS) == len(CONTACT_LEMMAS)
