"""People learned from articles (missing from the registry): their names in every case form.

Ingest stores a person the registry does not know with the nominative name only
("Себастьен Лекорню"); a question says "с Лекорню", "Кристерссоном", "лекорню". This module
declines those names by the registry's rules into an immutable in-memory map, so a question
is resolved by dictionary look-ups, never by scanning the stored people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.declension import CASES, decline_name
from retrieval.lemmas import Lemmatizer
from retrieval.types import alias_key

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:['’-][A-Za-zА-Яа-яЁё]+)*")
MAX_NAME_WORDS = 4  # NER names have at most four words
MIN_SURNAME_CHARS = 3
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
NOT_NAME_TAGS = frozenset({"Geox", "Orgn", "Abbr"})


def read_as_thing(parses: Sequence[Parse]) -> bool:
    """A word pymorphy knows and reads first as a place, an organisation or an abbreviation;
    a reading guessed from the ending is no reason ("Хаас" as a town)."""
    return bool(parses) and parses[0].is_known and any(t in parses[0].tag for t in NOT_NAME_TAGS)


PLACE_PREPOSITIONS = frozenset(
    "в во на по из под над при через о об про".split()  # noqa: SIM905  (reads as a word list)
)
"""Words after which a capitalised word is a place or a topic ("в Копенгагене"), never a party."""


@dataclass(frozen=True)
class LearnedPerson:
    """A stored person the registry does not know: id, canonical name, stored aliases."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameHit:
    """A learned person named in a text: character span, the words, canonical name."""

    start: int
    end: int
    text: str
    name: str
    words: int


def _gender(lemmatizer: Lemmatizer, first_names: Sequence[str], surname: str) -> str | None:
    """ "m" or "f" when pymorphy can tell from the first name (else the surname), else None."""
    for word, tag in [*((w, "Name") for w in first_names), (surname, "Surn")]:
        # a nominative reading only ("Гейр" is no plural genitive of "Гейра"), and one gender
        genders = {
            parse.tag.gender
            for parse in lemmatizer.parses(word)
            if tag in parse.tag
            and parse.tag.case == "nomn"
            and parse.tag.number != "plur"
            and parse.tag.gender in ("masc", "femn")
        }
        if len(genders) == 1:
            return "m" if genders.pop() == "masc" else "f"
    return None


def name_forms(name: str, lemmatizer: Lemmatizer) -> tuple[set[str], set[str]]:
    """Folded case forms of a nominative name: (full names, the surname alone).

    With an unknown gender both declensions are kept ("Метте Фредериксен" gives
    "фредериксен" and the male "фредериксена"): a spare form costs nothing, a missing one
    makes the person unaskable.
    """
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return set(), set()
    *first, last = words
    gender = _gender(lemmatizer, first, last)
    full: set[str] = set()
    surname: set[str] = set()
    for sex in (gender,) if gender else ("m", "f"):
        lasts = decline_name(last, sex, surname=True)
        firsts = decline_name(" ".join(first), sex, surname=False) if first else {}
        for case in CASES:
            surname |= {alias_key(f) for f in lasts.get(case, ())}
            full |= {
                alias_key(f"{a} {b}") for a in firsts.get(case, ()) for b in lasts.get(case, ())
            }
    if first:
        full.add(alias_key(name))
    if (
        len(words) == 3
        and words[1][:1].isupper()
        and not any("Name" in p.tag and p.is_known for p in lemmatizer.parses(words[1]))
    ):
        # "Денис Монкада Колиндрес": a Spanish name's first family name is its usual short
        # form ("с Монкадой"), as the second word of any name no first name reads
        for sex in (gender,) if gender else ("m", "f"):
            for forms in decline_name(words[1], sex, surname=True).values():
                surname |= {alias_key(f) for f in forms}
    return full, {s for s in surname if len(s) >= MIN_SURNAME_CHARS}


class LearnedNames:
    """An immutable map from folded name forms to learned people; extend, then swap."""

    def __init__(
        self,
        lemmatizer: Lemmatizer,
        forms: dict[str, tuple[tuple[int, int], str]] | None = None,
        *,
        count: int = 0,
    ) -> None:
        self.lemmatizer = lemmatizer
        # form -> ((-words in the name, person id), name): the fullest, then the oldest wins
        self._forms: dict[str, tuple[tuple[int, int], str]] = forms or {}
        self._count = count

    def __len__(self) -> int:
        """Number of people in the map."""
        return self._count

    def extended(self, people: Iterable[LearnedPerson]) -> LearnedNames:
        """A new map with `people` added; this one stays as it is for questions in flight."""
        forms = dict(self._forms)
        count = self._count
        for person in people:
            count += 1
            rank = (-len(person.name.split()), person.id)
            full, surname = name_forms(person.name, self.lemmatizer)
            aliases = {
                alias_key(a) for a in person.aliases if len(alias_key(a)) >= MIN_SURNAME_CHARS
            }
            for form in full | surname | aliases:
                if form.count(" ") >= MAX_NAME_WORDS:
                    continue
                held = forms.get(form)
                if held is None or rank < held[0]:
                    forms[form] = (rank, person.name)
        return LearnedNames(self.lemmatizer, forms, count=count)

    def find(self, text: str) -> list[NameHit]:
        """Learned people named in `text`, longest forms first, in order of appearance."""
        if not self._forms:
            return []
        tokens = [(m.start(), m.end(), alias_key(m.group())) for m in WORD_RE.finditer(text)]
        hits: list[NameHit] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                key = " ".join(t[2] for t in tokens[i : i + size])
                held = self._forms.get(key)
                if held is None:
                    continue
                start, end = tokens[i][0], tokens[i + size - 1][1]
                if size == 1 and not self._may_be_person(text, start, end, tokens, i):
                    continue
                hits.append(NameHit(start, end, text[start:end], held[1], size))
                i += size - 1
                break
            i += 1
        return hits

    def _may_be_person(
        self, text: str, start: int, end: int, tokens: list[tuple[int, int, str]], i: int
    ) -> bool:
        """A surname alone names a person unless it is a place, a topic or a common word."""
        if i > 0 and tokens[i - 1][2] in PLACE_PREPOSITIONS:
            return False  # "в Вашингтоне" is a city even if someone is called Вашингтон
        parses = self.lemmatizer.parses(text[start:end])
        if read_as_thing(parses):
            return False
        known = any(p.is_known for p in parses)
        return not known or any(any(tag in p.tag for tag in NAME_TAGS) for p in parses)
