"""Contact words as a concept: lemma groups per contact kind and query expansion over them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from retrieval.types import Kind

KIND_LEMMA_GROUPS: Mapping[Kind, tuple[str, ...]] = {
    "phone": (
        "телефон",
        "телефонный",
        "звонок",
        "звонить",
        "позвонить",
        "созвониться",
        "созваниваться",
        "созвон",
        "дозвониться",
        "перезвонить",
        "видеосвязь",
        "видеоконференция",
    ),
    "meeting": (
        "встреча",
        "встретиться",
        "встречаться",
        "видеться",
        "увидеться",
        "саммит",
        "рукопожатие",
        "лично",
        "очный",
    ),
    "visit": (
        "визит",
        "посетить",
        "посещать",
        "посещение",
        "приехать",
        "приезжать",
        "приезд",
        "прибыть",
        "поездка",
    ),
    "talks": ("переговоры", "переговорный", "консультация"),
}
"""Lemmas that name one kind of contact; a query word of a kind expands within that kind."""

GENERAL_CONTACT_LEMMAS: tuple[str, ...] = (
    "говорить",
    "поговорить",
    "переговорить",
    "разговор",
    "разговаривать",
    "беседа",
    "беседовать",
    "побеседовать",
    "контакт",
    "общаться",
    "пообщаться",
    "общение",
    "обсудить",
    "обсуждать",
    "диалог",
    "связаться",
)
"""Lemmas that signal a contact of any kind; a query word here expands to the whole concept."""

ALL_CONTACT_LEMMAS: tuple[str, ...] = GENERAL_CONTACT_LEMMAS + tuple(
    lemma for group in KIND_LEMMA_GROUPS.values() for lemma in group
)
CONTACT_LEMMAS: frozenset[str] = frozenset(ALL_CONTACT_LEMMAS)


def kinds_of_lemma(lemma: str) -> frozenset[Kind]:
    """The contact kinds a lemma names specifically (empty for general or unrelated words)."""
    return frozenset(kind for kind, group in KIND_LEMMA_GROUPS.items() if lemma in group)


def _unique(lemmas: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(lemmas))


def expand_query_lemmas(lemmas: list[str]) -> list[str]:
    """Query lemmas plus their contact concept: general words get all, kind words their kind."""
    expanded: list[str] = list(lemmas)
    for lemma in lemmas:
        if lemma in GENERAL_CONTACT_LEMMAS:
            expanded.extend(ALL_CONTACT_LEMMAS)
            continue
        for kind in KIND_LEMMA_GROUPS:
            if lemma in KIND_LEMMA_GROUPS[kind]:
                expanded.extend(KIND_LEMMA_GROUPS[kind])
    return _unique(expanded)
