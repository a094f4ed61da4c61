"""People in a question: registry and learned names resolved, unknown name-like words found.

A pair question that names someone nobody knows must not be answered as a question about
the known person alone, so unknown names are found with care: places after "в"/"на",
months, abbreviations, first names and patronymics of a known person are not people.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from retrieval.learned import (
    NAME_TAGS,
    PLACE_PREPOSITIONS,
    LearnedNames,
    NameHit,
    read_as_thing,
)
from retrieval.lemmas import STOPWORDS, Lemmatizer, tokenize
from retrieval.names import ARTICLE
from retrieval.people import NAME_PARTICLES
from retrieval.types import alias_key

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse


class PersonResolver(Protocol):
    """The part of retrieval.people.PersonRegistry a question needs."""

    def resolve_query(self, text: str, *, on: date | None = None) -> list[str]: ...


MAX_NAME_CANDIDATES = 20
MIN_STEM_CHARS = 4  # shorter name words must match exactly
WORD_TOKEN_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*")
CYRILLIC_RE = re.compile(r"[А-ЯЁа-яё]")
NAME_TOKEN_RE = re.compile(ARTICLE + r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z]?[а-яёa-z]+)*")


# lower-case words inside names: "Мухаммед бен Салман", "Урсула фон дер Ляйен"
# (and the Latin ones: "Van der Bellen", "von der Leyen", "bin Salman")
NAME_PARTICLE_WORDS = (
    NAME_PARTICLES
    | {"ас", "аш", "ван"}
    | {
        *("van", "der", "von", "de", "da", "di", "du", "le", "la", "bin", "al", "el"),
    }
)


def _has_tag(parse: Parse, tags: frozenset[str]) -> bool:
    return any(tag in parse.tag for tag in tags)


def _looks_like_name(parses: tuple[Parse, ...], *, sentence_start: bool) -> bool:
    if not parses:
        return not sentence_start  # Latin: a name unless it merely starts the sentence
    if read_as_thing(parses):
        return False
    if sentence_start:
        return _has_tag(parses[0], NAME_TAGS)
    return any(_has_tag(p, NAME_TAGS) for p in parses) or not any(p.is_known for p in parses)


def _display_name(word: str, parses: tuple[Parse, ...]) -> str:
    names = [p for p in parses if _has_tag(p, NAME_TAGS)]
    if not names or any("nomn" in p.tag and p.word == word.lower() for p in names):
        return word
    return str(names[0].normal_form).capitalize()


def _at_sentence_start(text: str, position: int) -> bool:
    before = re.sub(r"[^\w.!?…]", "", text[:position])
    return not before or before[-1] in ".!?…"


@dataclass
class _NameWord:
    """A word of a question that names someone, or may: known, unknown or neither."""

    start: int
    end: int
    display: str
    lemma: str
    parses: tuple[Parse, ...]
    state: str  # "known" | "unknown" | "listed" (a name only if listed beside a known one)

    def tagged(self, tag: str) -> bool:
        return any(tag in p.tag for p in self.parses)


def _inflects(word: str, name_word: str) -> bool:
    """True when `word` is a case form of a word of a known name ("заидом" of "Заид").

    pymorphy lemmatises foreign names poorly ("Заидом" is no form of "заид" to it), and
    the registry resolves "Мухаммедом бен Заидом" only as a whole.
    """
    if len(name_word) < MIN_STEM_CHARS or word == name_word:
        # "Ыном" of "Ын", "Сием" of "Си": a short name word takes a short ending
        return word.startswith(name_word) and len(word) - len(name_word) <= 2
    common = next(
        (i for i, (a, b) in enumerate(zip(word, name_word, strict=False)) if a != b),
        min(len(word), len(name_word)),
    )
    return common >= max(MIN_STEM_CHARS, len(name_word) - 2) and len(word) - common <= 3


def _adjacent(text: str, left: _NameWord, right: _NameWord) -> bool:
    return not text[left.end : right.start].strip()


def _absorb_name_parts(text: str, words: list[_NameWord]) -> None:
    """First names and patronymics written next to a known person are part of that name.

    "Сергей Викторович Лавров", "Дональд Джон Трамп", "Лавров Сергей Викторович": the extra
    words are the known person's, not a second, unknown one. A surname next to a known
    one ("Путин Фредериксен") stays unknown.
    """
    for i in range(len(words) - 2, -1, -1):  # a first name or patronymic before a known name
        word, after = words[i], words[i + 1]
        if (
            word.state == "unknown"
            and after.state == "known"
            and _adjacent(text, word, after)
            and (word.tagged("Name") or word.tagged("Patr"))
        ):
            word.state = "known"
    for before, word in itertools.pairwise(words):  # a patronymic after one
        if (
            word.state == "unknown"
            and before.state == "known"
            and _adjacent(text, before, word)
            and word.tagged("Patr")
        ):
            word.state = "known"


def _promote_listed(text: str, words: list[_NameWord]) -> None:
    """A word no dictionary knows that opens the question is a name when a known person follows.

    "Фредериксен и Трамп", "Фредериксен, Трамп", "Фредериксен Трамп" list two people; a
    typo such as "Кагда говорили Лавров и Рубио" is followed by a verb and stays a typo.
    """
    for word, after in itertools.pairwise(words):
        if word.state == "listed" and after.state == "known":
            between = text[word.end : after.start].strip(" ,")
            word.state = "unknown" if between in ("", "и") else word.state


def _unknown_names(text: str, words: list[_NameWord]) -> list[str]:
    """Unknown words, neighbours joined into one name ("Метте Фредериксен")."""
    names: list[list[str]] = []
    previous: _NameWord | None = None
    for word in words:
        if word.state == "unknown":
            if (
                previous is not None
                and previous.state == "unknown"
                and _adjacent(text, previous, word)
            ):
                names[-1].append(word.display)
            else:
                names.append([word.display])
        previous = word
    return list(dict.fromkeys(" ".join(parts) for parts in names))


def find_names(
    text: str,
    people: tuple[str, ...],
    *,
    registry: PersonResolver,
    learned: LearnedNames | None,
    lemmatizer: Lemmatizer,
    today: date,
    skip: frozenset[str],
) -> tuple[set[str], list[str]]:
    """Lemmas of words naming known people, and capitalised name-like words naming nobody.

    `people` were resolved from `text` already; words whose lemma is in `skip` (question
    words, months) are never names.

    A capitalised word after "в", "на", "о"... is a place or a topic ("в Копенгагене",
    "в Эр-Рияде", "по Zoom"), as is the rest of a capitalised run after it ("в Нью Йорке").
    """
    name_words = {token for name in people for token in tokenize(name)}
    known = {lemmatizer.lemma(token) for token in name_words} | name_words
    words: list[_NameWord] = []
    checked = 0
    previous: re.Match[str] | None = None
    in_place = False  # inside a capitalised run that follows a place preposition
    for match in WORD_TOKEN_RE.finditer(text):
        word = match.group(0)
        capitalised = NAME_TOKEN_RE.fullmatch(word) is not None
        after_place = previous is not None and (
            alias_key(previous.group(0)) in PLACE_PREPOSITIONS
            or (in_place and not text[previous.end() : match.start()].strip())
        )
        in_place = capitalised and after_place
        previous = match
        lemma = lemmatizer.lemma(word)
        if len(word) < 2 or lemma in skip:
            continue
        parses = lemmatizer.parses(word) if CYRILLIC_RE.match(word) else ()
        if lemma in known or any(_inflects(alias_key(word), token) for token in name_words):
            words.append(_NameWord(match.start(), match.end(), word, lemma, parses, "known"))
            continue
        if in_place:
            continue
        if not (capitalised or not parses or not any(p.is_known for p in parses)):
            continue  # an ordinary lower-case Russian word: not worth asking the registry
        checked += 1
        if checked > MAX_NAME_CANDIDATES:
            break
        if (
            registry.resolve_query(word, on=today)
            or (learned and learned.find(word))
            or _in_known_name(text, match, people, registry, today)
        ):
            known.add(lemma)
            words.append(_NameWord(match.start(), match.end(), word, lemma, parses, "known"))
        elif capitalised:
            start = _at_sentence_start(text, match.start())
            if _looks_like_name(parses, sentence_start=start):
                state = "unknown"
            elif start and not any(p.is_known for p in parses):
                state = "listed"
            else:
                continue
            display = _display_name(word, parses)
            words.append(_NameWord(match.start(), match.end(), display, lemma, parses, state))
    _promote_listed(text, words)
    _absorb_name_parts(text, words)
    known |= {w.lemma for w in words if w.state == "known"}
    return known, _unknown_names(text, words)


def _in_known_name(
    text: str, match: re.Match[str], people: tuple[str, ...], registry: PersonResolver, on: date
) -> bool:
    """True when the word begins or ends a run of words the registry reads as one of `people`
    ("Чвэ Сон Хи", a close spelling of "Чхве Сон Хи"; "Мухаммед бен Салман" of "Мохаммед бин
    Сальман"), and the run names that person only with this word ("Фредериксен Трамп" does
    not name Трамп by "Фредериксен")."""
    following = [m.group(0) for m in WORD_TOKEN_RE.finditer(text, match.start())][:3]
    before = [m.group(0) for m in WORD_TOKEN_RE.finditer(text, 0, match.end())][-3:]
    for size in (3, 2):
        for words, rest_words, first in (
            (following[:size], following[1:size], True),
            (before[-size:], before[-size:-1], False),
        ):
            if len(words) < size or not all(_name_part(w) for w in words):
                continue
            # a first name before a particle is the name's own ("Мухаммед бен Салман")
            particle = first and words[1].lower() in NAME_PARTICLE_WORDS
            rest = set() if particle else set(registry.resolve_query(" ".join(rest_words), on=on))
            run = " ".join(words)
            named = registry.resolve_query(run, on=on)
            if any(n in people and (n not in rest or _is_alias(registry, n, run)) for n in named):
                return True
    return False


def _is_alias(registry: PersonResolver, name: str, run: str) -> bool:
    """True when `run` is one of the person's own forms ("Wang Yi" of Ван И); a registry
    without the alias list never says so."""
    aliases = getattr(registry, "aliases", None)
    return aliases is not None and alias_key(run) in {alias_key(a) for a in aliases(name)}


def _name_part(word: str) -> bool:
    """A capitalised name word or a particle inside a name ("бен", "фон", "ас")."""
    return NAME_TOKEN_RE.fullmatch(word) is not None or word.lower() in NAME_PARTICLE_WORDS


def _registry_claims(registry: PersonResolver, hit: NameHit, on: date) -> bool:
    """True when the registry knows the words of a learned name as one of its own people's.

    The registry keeps priority: a surname it knows is its person's. A learned full name
    ("Ирина Захарова") that is no registry form stays the learned person's even when the
    registry would read its surname alone as someone else.
    """
    names = registry.resolve_query(hit.text, on=on)
    if not names or getattr(registry, "aliases", None) is None:
        return bool(names)
    return any(_is_alias(registry, name, hit.text) for name in names)


def _registry_offsets(
    registry: PersonResolver, text: str, names: list[str], on: date
) -> dict[str, int]:
    """Where each registry person is first named, word by word (for the order of people)."""
    offsets: dict[str, int] = {}
    for checked, match in enumerate(WORD_TOKEN_RE.finditer(text)):
        if len(offsets) == len(names) or checked > 2 * MAX_NAME_CANDIDATES:
            break
        if alias_key(match.group(0)) in STOPWORDS:
            continue
        for name in registry.resolve_query(match.group(0), on=on):
            if name in names:
                offsets.setdefault(name, match.start())
    return offsets


def resolve_people(
    text: str, *, registry: PersonResolver, learned: LearnedNames | None = None, on: date
) -> tuple[str, ...]:
    """Canonical names of the people a question names, in order of appearance.

    Registry people (officials, offices by date) first in priority; then people learned
    from articles, looked up in the in-memory `learned` map.
    """
    hits = [
        h for h in (learned.find(text) if learned else []) if not _registry_claims(registry, h, on)
    ]
    if not hits:
        return tuple(dict.fromkeys(registry.resolve_query(text, on=on)))
    masked = text
    for hit in hits:  # the registry must not read a learned name's words as its own person
        masked = masked[: hit.start] + " " * (hit.end - hit.start) + masked[hit.end :]
    found = list(dict.fromkeys(registry.resolve_query(masked, on=on)))
    offsets = _registry_offsets(registry, masked, found, on)
    ordered: list[tuple[int, int, str]] = []
    last = -1
    for rank, name in enumerate(found):  # a person named by office keeps its place
        last = offsets.get(name, last)
        ordered.append((last, rank, name))
    ordered += [(hit.start, len(found) + i, hit.name) for i, hit in enumerate(hits)]
    return tuple(dict.fromkeys(name for _, _, name in sorted(ordered)))
