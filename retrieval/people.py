"""People named in Russian news: a registry of officials, their offices, and name resolution."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process

from retrieval.declension import decline_name, merge_forms
from retrieval.learned import PLACE_PREPOSITIONS
from retrieval.lemmas import Lemmatizer, default_lemmatizer
from retrieval.names import ARTICLE_WORD, NameFinder, fold, head_cases, learned_surnames
from retrieval.offices import (
    ANY_RANK,
    CASES,
    COLLEAGUE_RE,
    DESCRIPTOR_HEADS,
    DESCRIPTOR_RE,
    ELECT_WITHIN,
    SIDE_ADJECTIVES,
    Office,
    Role,
    build_offices,
    country_names_re,
    elect_start,
    find_coordinated,
    find_titles,
    is_dependent_title,
    parse_date,
)
from retrieval.types import Mention

MAX_NAME_WORDS = 4  # the longest registry name form matched, in words
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:['’-][A-Za-zА-Яа-яЁё]+)*")
INITIALS_RE = re.compile(r"([А-ЯЁA-Z])\.\s?(?:[А-ЯЁA-Z]\.\s?)?$")
PATRONYMIC_RE = re.compile(
    r"[А-ЯЁ][а-яё]+(?:вич|вна|вны|вне|вну|вной|вича|вичу|вичем|виче|ична|ичны)$"
)
NAMESAKE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:орден\w*|медал\w*|имени|им\.)\s+(?:[Сс]вят\w+\s+)?(?:апостола\s+)?$"
)
"""Words before a name that make it an award or an institution ("орден Андрея Первозванного")."""
# leading parts of Arabic and other compound names that never stand for the person alone
NAME_PARTICLES = frozenset(
    # Arabic name parts, and the European particles of "Ле Дриан", "Ди Майо", "фон дер Ляйен"
    [
        *("абдель", "абдул", "абд", "абу", "бен", "бин", "ибн", "аль", "эль"),
        *("ле", "ла", "де", "ди", "да", "дю", "дер", "фон"),
    ]
)
ROMAN_NUMERAL_RE = re.compile(r"[IVXLC]+")
CLOSE_SURNAME_LENGTH = 9  # letters; one letter off in 9+ scores >= 88
CLOSE_SURNAME_SCORE = 88
CLOSE_CACHE_SIZE = 50_000
_UNSEEN = object()
CLOSE_NAME_SCORE = 85  # a whole name typed in a question: "Чвэ Сон Хи" for "Чхве Сон Хи"
# (", тогда председателем АС": the office held at the time of the story)
JOIN_GAP_RE = re.compile(r"[ \u00a0]{1,2}|,[ \u00a0]{1,2}(?:(?:тогда|ныне|теперь)[ \u00a0]+)?")
ALL_CASES = frozenset(CASES)
# "исполняющая обязанности канцлера Германии Ангела Меркель", "и.о. главы МИД": the case of
# the whole title is the participle's (an abbreviation has none of its own)
ACTING_RE = re.compile(r"(?i:(?:временно\s+)?(исполняющ\w+)\s+обязанности|и\.\s?о\.|врио)\s+\Z")


@dataclass(frozen=True)
class Person:
    """A registry entry: canonical name, surface forms by case, and offices held."""

    name: str
    latin: str
    gender: str
    first_forms: dict[str, frozenset[str]]
    last_forms: dict[str, frozenset[str]]
    surname_alone: bool
    surname_first: bool
    roles: tuple[Role, ...]

    def holds(self, office: str, on: date | None) -> bool:
        """True when the person held `office` on `on` (at any time when `on` is None)."""
        return any(r.office == office and (on is None or r.covers(on)) for r in self.roles)


@dataclass(frozen=True)
class Found:
    """A mention with what the extractor needs: grammatical cases and the titles used."""

    person: str
    start: int
    end: int
    text: str
    via_office: bool = False
    cases: frozenset[str] = ALL_CASES
    offices: tuple[str, ...] = ()
    known: bool = True

    def mention(self) -> Mention:
        """The shared plain record."""
        return Mention(self.person, self.start, self.end, self.text, self.via_office)


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    kind: str  # "person" | "office" | "colleague" | "descriptor"
    found: Found | None = None
    office: str | None = None
    side: str | None = None
    ranks: tuple[str, ...] = ()  # a descriptor's offices: "иранский министр"
    alone: bool = False  # one of several coordinated titles: never joins a neighbour
    cases: frozenset[str] | None = None
    elect: bool = False  # "избранный президент США": the office's next holder


# a title with its country in a question: "президент Уругвая", "глава МИД Чехии"
UNKNOWN_TITLE_RE = re.compile(
    r"(?<![\w-])(?:президент|премьер-министр|премьер|канцлер|король|эмир|глав[аеуы] МИД"
    r"|министр(?:ом|а|у)? (?:иностранных дел|обороны))\w{0,3}\s+(?-i:[А-ЯЁ][а-яё]+(?:ии|ы|а|и|я))"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _loose(word: str) -> str:
    return word.replace("э", "е").replace("й", "и")


# the Arabic article of a name ("ас-Сиси", "аль-Сиси", "эс-Сиси"): before a "sun" consonant
# it is written assimilated or not, and with "а" or "э"
ARTICLE_RE = re.compile(rf"(?<![\w-])(?i:{ARTICLE_WORD})(?=[А-ЯЁ])")
SUN_RE = re.compile(r"[ТСШЗРНЛ]|Д(?!ж)")


def _article_variants(form: str) -> set[str]:
    """Every spelling of the Arabic articles of a form: "ас-Сиси" -> "аль-Сиси", "эс-Сиси"…"""
    parts = ARTICLE_RE.split(form)
    if len(parts) == 1:
        return {form}
    variants = {parts[0]}
    for head in parts[1:]:
        tails = ["ль", head[0].lower()] if SUN_RE.match(head) else ["ль"]
        articles = {f"{v}{t}-" for v in "аэАЭ" for t in tails}
        variants = {done + article + head for done in variants for article in articles}
    return variants


def _forms(raw: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    raw = {
        case: sorted({v for f in forms for v in _article_variants(f)})
        for case, forms in raw.items()
    }
    out: dict[str, set[str]] = {}
    nominative = [f.split() for f in raw.get("nomn", [])]
    nominative_firsts = {fold(words[0]) for words in nominative if len(words) > 1}
    for case, forms in raw.items():
        # "Лулы да Силвы" beside a generated "Лула да Силвы": the first word declines, so
        # its nominative is no form of this case
        declined_first = {fold(f.split()[0]) for f in forms if " " in f} - nominative_firsts
        for form in forms:
            out.setdefault(fold(form), set()).add(case)
            words = form.split()
            if len(words) > 1 and "-" not in form and form[:1].isupper():
                # "Лула да Силва" is "Лула" too; "Абдель Аты" is never "Абдель" alone
                first = fold(words[0])
                stays = case == "nomn" or not (declined_first and first in nominative_firsts)
                if first.lower() not in NAME_PARTICLES and stays:
                    out.setdefault(first, set()).add(case)
                # "Абдель Фаттахом": the leading parts of a compound name often stay put
                for nomn in nominative:
                    if len(nomn) == len(words):
                        out.setdefault(fold(" ".join([*nomn[:-1], words[-1]])), set()).add(case)
    return {form: frozenset(cases) for form, cases in out.items()}


def _split_name(raw: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Nominative first-name and surname variants of an entry ("first"/"last" or the name)."""
    if "first" in raw or "last" in raw:
        return list(raw.get("first", [])), list(raw.get("last", []))
    words = raw["name"].split()
    if raw.get("surname_first", False):
        return [words[0]], [" ".join(words[1:])]
    return [" ".join(words[:-1])], [words[-1]]


def _person(raw: dict[str, Any]) -> Person:
    """A registry entry; hand-listed case forms are kept and completed by rule."""
    first, last = _split_name(raw)
    first_listed = raw.get("first_forms") or {"nomn": first}
    last_listed = raw.get("last_forms") or {"nomn": last}
    gender = raw.get("gender", "m")
    generated_first: list[dict[str, set[str]]] = []
    generated_last: list[dict[str, set[str]]] = []
    if raw.get("indeclinable", False):
        # "переговоры Рябкова и Шерман": an indeclinable name stands in every case
        first_listed = {case: first_listed.get("nomn", []) for case in CASES} | first_listed
        last_listed = {case: last_listed.get("nomn", []) for case in CASES} | last_listed
    else:
        generated_first = [
            decline_name(f, gender, surname=False) for f in first_listed.get("nomn", []) if f
        ]
        generated_last = [
            decline_name(f, gender, surname=True) for f in last_listed.get("nomn", []) if f
        ]
    return Person(
        name=raw["name"],
        latin=raw.get("latin", ""),
        gender=gender,
        first_forms=_forms(merge_forms(first_listed, generated_first)),
        last_forms=_forms(merge_forms(last_listed, generated_last)),
        surname_alone=raw.get("surname_alone", True),
        surname_first=raw.get("surname_first", False),
        roles=tuple(
            Role(r["office"], parse_date(r.get("from")), parse_date(r.get("to")))
            for r in raw.get("roles", [])
        ),
    )


def _middle_name(text: str, token: tuple[int, int, str], start: int) -> bool:
    """A capitalised word right before the family name, with one space between."""
    word = text[token[0] : token[1]]
    return token[1] + 1 == start and word[:1].isupper() and word[1:].islower()


class PersonRegistry:
    """Known officials and their offices; finds and resolves people in texts and questions."""

    def __init__(
        self,
        people: list[Person],
        offices: dict[str, Office],
        lemmatizer: Lemmatizer | None = None,
        countries: dict[str, Any] | None = None,
    ) -> None:
        self.people = {p.name: p for p in people}
        self.offices = offices
        self.countries = country_names_re(countries)
        # side -> the rank of its leader ("Германия" -> "chancellor")
        self.leader_ranks: dict[str, str] = {
            side: country["leader"]
            for side, country in (countries or {}).items()
            if "leader" in country
        }
        # side -> its genitive names ("Южная Корея" -> "Южной Кореи|Республики Корея")
        self.country_genitives = {
            side: re.compile("|".join(f"(?:{n})" for n in country["genitive"]))
            for side, country in (countries or {}).items()
        }
        self.lemmatizer = lemmatizer or default_lemmatizer()
        self._index: dict[tuple[str, ...], list[tuple[Person, frozenset[str]]]] = {}
        # first word of an index key -> its key lengths up to MAX_NAME_WORDS, longest first
        self._heads: dict[str, tuple[int, ...]] = {}
        self._lower: dict[str, list[str]] = {}
        self._family: dict[str, list[tuple[Person, frozenset[str]]]] = {}
        # surname forms of people named by the surname alone only once the article has given
        # the full name, or in a question ("Сингх")
        self._guarded: dict[str, list[tuple[Person, frozenset[str]]]] = {}
        # whole first-and-last names of people named by the surname alone, for questions
        # (an exact lookup only: the fuzzy pool of _lower stays small)
        self._whole: dict[str, list[str]] = {}
        # fuzzy family-name lookups by word (a bounded memo of _close_surname)
        self._close_cache: dict[str, object] = {}
        for person in people:
            self._add(person)

    @classmethod
    def load_default(cls) -> PersonRegistry:
        """The registry shipped in retrieval/data/people.json."""
        raw = json.loads(
            resources.files("retrieval").joinpath("data/people.json").read_text(encoding="utf-8")
        )
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict[str, Any], lemmatizer: Lemmatizer | None = None) -> PersonRegistry:
        """A registry from the people.json structure (case forms not listed are generated)."""
        people = [_person(p) for p in raw["people"]]
        countries = raw.get("countries")
        return cls(people, build_offices(raw["offices"], countries), lemmatizer, countries)

    def _add(self, person: Person) -> None:
        def put(key: tuple[str, ...], cases: frozenset[str]) -> None:
            self._index.setdefault(key, []).append((person, cases))
            if len(key) <= MAX_NAME_WORDS:
                sizes = {*self._heads.get(key[0], ()), len(key)}
                self._heads[key[0]] = tuple(sorted(sizes, reverse=True))
            self._lower.setdefault(" ".join(key).lower(), []).append(person.name)

        for last, cases in person.last_forms.items():
            if person.surname_alone:
                put(tuple(last.split()), cases)
                # "Махмуд Аббас" in a question: the whole name is his, not a close
                # spelling of a namesake's longer one ("Али Махмуд Аббас")
                for first, first_cases in person.first_forms.items():
                    if cases & first_cases:
                        key = f"{first} {last}".lower()
                        self._whole.setdefault(key, []).append(person.name)
            else:
                if not person.surname_first:
                    self._guarded.setdefault(last, []).append((person, cases))
                for first, first_cases in person.first_forms.items():
                    both = cases & first_cases or cases
                    put(tuple(f"{first} {last}".split()), both)
        if person.surname_first and not person.surname_alone:
            # "Путин и Си": a family name written first stands alone once the article
            # has given the full name (see _registry_mentions)
            for first, cases in person.first_forms.items():
                if " " not in first:
                    self._family.setdefault(first, []).append((person, cases))
        latin = person.latin.split()
        if latin and not ROMAN_NUMERAL_RE.fullmatch(latin[-1]):  # "Abdullah II" is not "II"
            put((latin[-1],), ALL_CASES)
            put(tuple(latin), ALL_CASES)
            # "Luiz Inacio Lula da Silva": the family name after as many words as the Russian
            # first name has ("Луис Инасиу") is "Lula da Silva", and "Lula" alone
            given = max((len(f.split()) for f in person.first_forms), default=1)
            family = latin[given:]
            if len(family) > 1 and person.surname_alone:
                put(tuple(family), ALL_CASES)
                # never a particle or an initial ("Le Drian", "R. McMaster")
                if family[0][:1].isupper() and family[0].isalpha() and len(family[0]) > 3:
                    put((family[0],), ALL_CASES)

    @cached_property
    def names(self) -> NameFinder:
        """Finder of names missing from the registry (natasha NER, built on first use)."""
        return NameFinder(self.lemmatizer)

    def find_mentions(
        self,
        text: str,
        *,
        on: date | None = None,
        unknown: bool = True,
        known: Collection[str] = (),
    ) -> list[Mention]:
        """Every person named in `text`, resolved to canonical names (offices on `on`)."""
        return [f.mention() for f in self.scan(text, on=on, unknown=unknown, known=known)]

    def scan(
        self,
        text: str,
        *,
        on: date | None = None,
        unknown: bool = True,
        known: Collection[str] = (),
    ) -> list[Found]:
        """Like find_mentions, with cases and titles kept for the contact extractor."""
        known = set(known) or self._full_names(text)
        persons = self._registry_mentions(text, on=on, known=known)
        spans = [(f.start, f.end) for f in persons]
        if unknown and self.names.worth_running(text, spans, len({f.person for f in persons})):
            taken = [(f.start, f.end) for f in persons]
            persons += [
                self._spelling_variant(f)
                for f in self.names.find(text, taken)
                if not any(f.start < e and s < f.end for s, e in taken)
                and not NAMESAKE_BEFORE_RE.search(text[max(0, f.start - 40) : f.start])
                # "с обоими Бердымухамедовыми": a bare family name of registry people the
                # registry could not tell apart is nobody new
                and not (" " not in f.person and fold(f.person).lower() in self._surname_forms)
            ]
        learned = [name for name in known if name not in self.people]
        if learned:
            taken = [(f.start, f.end) for f in persons]
            persons += learned_surnames(text, learned, taken, self.lemmatizer)
        items = [_Item(f.start, f.end, "person", found=f) for f in persons]
        every_title = find_titles(text, self.offices)
        titles = [t for t in every_title if not is_dependent_title(text, t[0])]
        in_groups: set[int] = set()
        for group in find_coordinated(text, titles, self.offices, self.countries):
            in_groups.add(group[0][0])
            named_after = any(JOIN_GAP_RE.fullmatch(text[group[-1][1] : i.start]) for i in items)
            if named_after or any(s < i.end and i.start < e for s, e, _ in group for i in items):
                continue  # "президентов России и США Владимира Путина и Джо Байдена"
            cases = head_cases(self.lemmatizer, text[group[0][0] : group[0][1]])
            items += [_Item(s, e, "office", office=k, alone=True, cases=cases) for s, e, k in group]
        for start, end, key in titles:
            if start in in_groups:
                continue
            if not any(start < i.end and i.start < end for i in items):
                items.append(_Item(start, end, "office", office=key))
        for start, end, key in every_title:
            # "разговор избранного президента США с Путиным": the holder-elect
            elect = elect_start(text, start)
            if elect is not None and not any(start < i.end and i.start < end for i in items):
                cases = head_cases(self.lemmatizer, text[start:end])
                items.append(_Item(elect, end, "office", office=key, elect=True, cases=cases))
        for m in COLLEAGUE_RE.finditer(text):
            if not any(m.start() < i.end and i.start < m.end() for i in items):
                side = SIDE_ADJECTIVES[m.group(1).lower()]
                items.append(_Item(m.start(), m.end(), "colleague", side=side))
        for m in DESCRIPTOR_RE.finditer(text):
            if not any(m.start() < i.end and i.start < m.end() for i in items):
                side = SIDE_ADJECTIVES[m.group(1).lower()]
                ranks = DESCRIPTOR_HEADS[m.group(2).lower()]
                items.append(_Item(m.start(), m.end(), "descriptor", side=side, ranks=ranks))
        items.sort(key=lambda i: i.start)
        return self._resolve_chains(text, items, on, known)

    @cached_property
    def _surname_forms(self) -> dict[str, list[Person]]:
        """Every case form of every registry family name, folded and lower-cased."""
        forms: dict[str, list[Person]] = {}
        for person in self.people.values():
            for form in person.last_forms:
                forms.setdefault(fold(form).lower(), []).append(person)
        return forms

    @cached_property
    def _surname_keys(self) -> tuple[str, ...]:
        return tuple(self._surname_forms)

    def _spelling_variant(self, found: Found) -> Found:
        """A name the registry missed only by its spelling ("Амир-Абдоллахианом" for
        "Амир-Абдоллахиян", "Микдад" for "Мекдад") is the registry person; a namesake with
        another first name ("Джон Салливан") is not."""
        words = found.text.split()
        if len(words) < 2:
            return found
        # ("Айманом ас-Сафади" for "Айман Сафади": the Arabic article is written or not)
        first, last = fold(words[0]).lower(), fold(ARTICLE_RE.sub("", words[-1])).lower()
        best = process.extractOne(last, self._surname_keys, scorer=fuzz.ratio, score_cutoff=88)
        if best is None:
            return self._close_full_name(found)
        people = {
            p.name: p
            for p in self._surname_forms[best[0]]
            if any(fuzz.ratio(first, fold(f).lower()) >= 80 for f in p.first_forms)
        }
        if len(people) != 1:
            return found
        return replace(found, person=next(iter(people)), known=True)

    @cached_property
    def _full_name_keys(self) -> tuple[str, ...]:
        return tuple(key for key in self._lower if " " in key)

    def _close_full_name(self, found: Found) -> Found:
        """ "Ким Чон Ын" for "Ким Чен Ын": a whole name one letter off a registry name form."""
        name = self._closest_full_name(fold(found.text).lower(), CLOSE_SURNAME_SCORE)
        return found if name is None else replace(found, person=name, known=True)

    def _closest_full_name(self, key: str, cutoff: float) -> str | None:
        """The one registry person with a full-name form within `cutoff` of `key`."""
        if len(key) < CLOSE_SURNAME_LENGTH:
            return None
        best = process.extractOne(key, self._full_name_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        names = set(self._lower[best[0]]) if best else set()
        return names.pop() if len(names) == 1 else None

    def _full_names(self, text: str) -> set[str]:
        return self.full_names_at(text)[0]

    def full_names_at(self, text: str) -> tuple[set[str], list[tuple[int, int]]]:
        """Registry people named in full in `text`, and the spans of every registry name."""
        mentions = self._registry_mentions(text, on=None, known=set())
        full = {
            f.person
            for f in mentions
            # "Сергей Лавров", "С.В.Лаврова": a name with its first name or initials (not a
            # family name of two words alone: "Аль Тани")
            if ("." in f.text or " " in f.text.strip()) and not self._surname_only(f)
        }
        return full, [(f.start, f.end) for f in mentions]

    def _surname_only(self, found: Found) -> bool:
        """The mention is one of the person's family-name forms alone ("Аль Тани"), for a
        person who has a first name of its own ("Тамим")."""
        person = self.people.get(found.person)
        if person is None or not any(person.first_forms.values()):
            return False
        words = fold(found.text.strip()).lower()
        return any(words == fold(form).lower() for form in person.last_forms)

    def _registry_mentions(self, text: str, *, on: date | None, known: set[str]) -> list[Found]:
        tokens = [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]
        out: list[Found] = []
        i = 0
        while i < len(tokens):
            # most words start no registry name: straight to the family-name checks
            for size in self._heads.get(tokens[i][2], ()):
                key = tuple(t[2] for t in tokens[i : i + size])
                if len(key) == size and key in self._index:
                    found = self._pick(text, tokens, i, size, self._index[key], on, known)
                    if found is not None:
                        # "Аббасом Аракчи": a first name read as another person's surname
                        # gives way to the full name that starts with it
                        while out and out[-1].end > found.start:
                            out.pop()
                        out.append(found)
                        i += size - 1
                        break
            else:
                family = (
                    self._family_alone(text, tokens[i], known)
                    or self._family_alone(text, tokens[i], known, self._guarded)
                    or self._close_surname(text, tokens, i)
                )
                if family is not None:
                    out.append(family)
                    while i + 1 < len(tokens) and tokens[i + 1][0] < family.end:
                        i += 1  # "Амир Абдоллахиан": both words are the name
            i += 1
        return out

    @cached_property
    def _alone_forms(self) -> dict[str, list[tuple[Person, frozenset[str]]]]:
        """Case forms of the family names that stand alone, folded and lower-cased."""
        forms: dict[str, list[tuple[Person, frozenset[str]]]] = {}
        for person in self.people.values():
            if person.surname_alone:
                for form, cases in person.last_forms.items():
                    forms.setdefault(fold(form).lower(), []).append((person, cases))
        return forms

    @cached_property
    def _alone_keys(self) -> tuple[str, ...]:
        return tuple(self._alone_forms)

    @cached_property
    def _hyphen_heads(self) -> frozenset[str]:
        """First parts of hyphenated family names ("амир" of "Амир-Абдоллахиян")."""
        return frozenset(
            key.split("-")[0] for key in self._alone_keys if "-" in key and " " not in key
        )

    def _close_surname(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> Found | None:
        """A long family name one letter off the registry's spelling ("Амир-Абдоллахиан" for
        "Амир-Абдоллахиян"), or a hyphenated one written with a space ("Амир Абдоллахиан"):
        outlets transliterate differently; short names never match."""
        start, end, folded = tokens[i]
        if not folded[:1].isupper() or folded.isupper():
            return None
        key = folded.lower()
        if (
            key in self._hyphen_heads
            and i + 1 < len(tokens)
            and text[end : tokens[i + 1][0]] == " "
            and tokens[i + 1][2][:1].isupper()
        ):
            key, end = f"{key}-{tokens[i + 1][2].lower()}", tokens[i + 1][1]
        if len(key) < CLOSE_SURNAME_LENGTH:
            return None
        # a plain dict memo: reads and writes are atomic, a concurrent clear() only costs a miss
        hit = self._close_cache.get(key, _UNSEEN)
        if hit is _UNSEEN:
            best = process.extractOne(
                key, self._alone_keys, scorer=fuzz.ratio, score_cutoff=CLOSE_SURNAME_SCORE
            )
            people = self._alone_forms[best[0]] if best else []
            hit = people[0] if len({p.name for p, _ in people}) == 1 else None
            if len(self._close_cache) > CLOSE_CACHE_SIZE:
                self._close_cache.clear()
            self._close_cache[key] = hit
        if not isinstance(hit, tuple):
            return None
        person, cases = hit
        first = self._first_before(text, tokens, i - 1, person, start)
        if first is not None:
            start, cases = first[0], cases & first[1] or cases
        return Found(person.name, start, end, text[start:end], cases=cases)

    def _family_alone(
        self,
        text: str,
        token: tuple[int, int, str],
        known: set[str],
        table: dict[str, list[tuple[Person, frozenset[str]]]] | None = None,
    ) -> Found | None:
        """A capitalised family name alone ("Си") of a person the article names in full."""
        start, end, folded = token
        word = text[start:end]
        if not word[:1].isupper() or not word[1:].islower():
            return None
        for person, cases in (self._family if table is None else table).get(folded, []):
            if person.name in known:
                return Found(person.name, start, end, word, cases=cases)
        return None

    def _pick(
        self,
        text: str,
        tokens: list[tuple[int, int, str]],
        i: int,
        size: int,
        candidates: list[tuple[Person, frozenset[str]]],
        on: date | None,
        known: set[str],
    ) -> Found | None:
        start, end = tokens[i][0], tokens[i + size - 1][1]
        if size > 1 and not any(p.name in known for p, _ in candidates):
            # "В марте Аль Тани был в Вашингтоне" after "Мухаммедом бен Абдель Рахманом Аль
            # Тани": the end of the full name the article gives, not the namesake's surname
            words = [t[2] for t in tokens[i : i + size]]
            for name in sorted(known):
                if name in self.people and [fold(w) for w in name.split()[-size:]] == words:
                    return Found(name, start, end, text[start:end], cases=candidates[0][1])
        if size == 1 and not any(p.name in known for p, _ in candidates):
            # "Шойгу, Акар и Аббас" after "Али Махмуда Аббаса": the surname of the namesake
            # the article names in full, not of the one it never names
            named = self._family_alone(text, tokens[i], known, self._guarded)
            if named is not None:
                return named
        j = i - 1
        if j >= 0 and PATRONYMIC_RE.match(tokens[j][2]):
            j -= 1
        scored: list[tuple[int, int, Found]] = []
        for rank, (person, cases) in enumerate(candidates):
            first = self._first_before(text, tokens, j, person, start)
            if first is not None:
                f_start, f_cases = first
                both = cases & f_cases or cases
                scored.append(
                    (0, rank, Found(person.name, f_start, end, text[f_start:end], cases=both))
                )
                continue
            if size > 1 and j >= 0 and self._other_first_name(tokens, j, start):
                continue  # "принц Халид бин Сальман": not Мухаммед бин Сальман
            if not person.surname_alone or size > 1:
                scored.append(
                    (0, rank, Found(person.name, start, end, text[start:end], cases=cases))
                )
                continue
            if j >= 0 and self._other_first_name(tokens, j, start):
                continue
            score = (
                1
                if person.name in known
                else 2
                if on and person.roles and any(r.covers(on) for r in person.roles)
                else 3
            )
            scored.append(
                (score, rank, Found(person.name, start, end, text[start:end], cases=cases))
            )
        if not scored:
            return None
        return min(scored, key=lambda s: (s[0], s[1]))[2]

    def _first_before(
        self,
        text: str,
        tokens: list[tuple[int, int, str]],
        j: int,
        person: Person,
        start: int,
    ) -> tuple[int, frozenset[str]] | None:
        # "Асаадом Хасаном аш-Шибани": a middle name between the first name and the family one
        middle = j > 0 and _middle_name(text, tokens[j], start)
        for form, cases in person.first_forms.items():
            parts = form.split()
            for last in (j, j - 1) if middle else (j,):
                k = last - len(parts) + 1
                if k >= 0 and [t[2] for t in tokens[k : last + 1]] == parts:
                    return tokens[k][0], cases
        m = INITIALS_RE.search(text[max(0, start - 8) : start])
        if m:
            first = next(iter(person.first_forms), "")
            if m.group(1) in (first[:1], person.latin[:1]):
                return start - len(m.group(0)), ALL_CASES
        return None

    def _other_first_name(self, tokens: list[tuple[int, int, str]], j: int, start: int) -> bool:
        word = tokens[j][2]
        if not word[:1].isupper() or start - tokens[j][1] > 1:
            return False
        if self.names.is_place(word) or (j > 0 and tokens[j - 1][2].lower() in PLACE_PREPOSITIONS):
            return False  # "в Астане Путин", "в Тяньцзине Моди": a place, no first name
        if word.lower() in self._alone_forms:
            return False  # "с Джо Байденом Исиба поговорил": another person's family name
        return any("Name" in p.tag and p.score > 0.2 for p in self.lemmatizer.parses(word))

    def _resolve_chains(
        self, text: str, items: list[_Item], on: date | None, known: Collection[str] = ()
    ) -> list[Found]:
        chains: list[list[_Item]] = []
        for item in items:
            if chains and self._joins(text, chains[-1], item, on):
                chains[-1].append(item)
            else:
                chains.append([item])
        out: list[Found] = []
        for chain in chains:
            found = self._resolve_chain(text, chain, on, out, known)
            if found is not None:
                out.append(found)
        return out

    def _joins(self, text: str, chain: list[_Item], item: _Item, on: date | None) -> bool:
        prev = chain[-1]
        if prev.alone or item.alone:
            return False
        if not JOIN_GAP_RE.fullmatch(text[prev.end : item.start]):
            return False
        sides = {self._item_side(i) for i in (prev, item)} - {None}
        if len(sides) > 1:
            return False  # "с японским премьером российский лидер": two people
        if prev.kind != "person":
            if item.kind == "person" and any(i.kind == "person" for i in chain):
                return False
            # "После разговора с российским президентом Пашинян связался …": a title in
            # another case than the name after it, of an office he never held, is not his
            return not (
                prev.office
                and item.found is not None
                and not self._may_hold(item.found.person, prev.office)
                and not (
                    (prev.cases or head_cases(self.lemmatizer, text[prev.start : prev.end]))
                    & item.found.cases
                )
            )
        if item.kind != "office" or prev.found is None:
            return False
        person = self.people.get(prev.found.person)
        return person is not None and person.holds(item.office or "", None)

    def _may_hold(self, name: str, office: str) -> bool:
        """False only for a registry person known never to have held `office`."""
        person = self.people.get(name)
        return person is None or not person.roles or person.holds(office, None)

    def _item_side(self, item: _Item) -> str | None:
        if item.side:
            return item.side
        office = self.offices.get(item.office or "")
        return office.side if office else None

    def _resolve_chain(
        self,
        text: str,
        chain: list[_Item],
        on: date | None,
        before: list[Found],
        known: Collection[str] = (),
    ) -> Found | None:
        start, end = chain[0].start, chain[-1].end
        titles = tuple(i.office for i in chain if i.office)
        head = chain[0]
        cases = (
            ALL_CASES
            if head.kind == "person"
            else head.cases or head_cases(self.lemmatizer, text[head.start : head.end])
        )
        acting = (
            None if head.kind == "person" else ACTING_RE.search(text[max(0, start - 50) : start])
        )
        if acting:
            start -= len(acting.group(0))
            cases = (
                head_cases(self.lemmatizer, acting.group(1), "PRTF")
                if acting.group(1)
                else ALL_CASES
            )
        named = next((i.found for i in chain if i.found is not None), None)
        if named is not None:
            both = named.cases & cases or (cases if head.kind != "person" else named.cases)
            return replace(
                named, start=start, end=end, text=text[start:end], cases=both, offices=titles
            )
        holder: str | None = None
        for item in reversed(chain):
            if item.office and item.elect:
                holder = self.next_holder(item.office, on) if on else None
            elif item.office:
                holder = self._holder_or_unique(item.office, on)
            elif item.side and item.ranks:
                holder = self._described(item.side, item.ranks, on, known)
            elif item.side:
                holder = self._colleague(item.side, on, before)
            if holder:
                break
        if holder is None:
            return None
        return Found(holder, start, end, text[start:end], True, cases, titles)

    def _holder_or_unique(self, office: str, on: date | None) -> str | None:
        if on is not None:
            return self.office_holder(office, on)
        holders = {p.name for p in self.people.values() if p.holds(office, None)}
        return holders.pop() if len(holders) == 1 else None

    def _described(
        self, side: str, ranks: tuple[str, ...], on: date | None, known: Collection[str]
    ) -> str | None:
        """ "иранский министр", "американского дипломата": the one person of that side with
        such an office whom the article names in full; a president or premier of that side
        is the holder on the day even when unnamed."""
        named = {
            name
            for name in known
            if any(
                o.side == side and (ranks == ANY_RANK or o.rank in ranks)
                for o in self.offices_held(name, on)
            )
        }
        if len(named) == 1:
            return named.pop()
        if named or on is None or ranks == ANY_RANK:
            return None
        # unnamed: the office of that side whose rank the article's people hold ("иранский
        # министр" in a story on Лавров is Iran's foreign minister), or the only one asked
        held = {o.rank for name in known for o in self.offices_held(name, on) if o.side != side}
        fitting = [r for r in ranks if r in held] if len(ranks) > 1 else list(ranks)
        if len(fitting) != 1:
            return None
        office = self.office_of(side, fitting[0])
        return self.office_holder(office, on) if office else None

    def tenure_year(self, names: Collection[str], month: int, day: int, until: int) -> int | None:
        """The one year up to `until` in which every one of `names` was in some office on
        that day ("Токио, 29 июля" of a page with no year: the new Korean minister took
        office that July); None when no such year or several."""
        people = [p for n in names if (p := self.people.get(n)) is not None and p.roles]
        if not people or len(people) < len(names):
            return None
        # the years every one of them held some office in, then the day itself in office
        spans = [set().union(*(r.years(until) for r in p.roles)) for p in people]
        years = set()
        for year in set.intersection(*spans):
            try:
                on = date(year, month, day)
            except ValueError:
                continue
            if all(any(r.covers(on) for r in p.roles) for p in people):
                years.add(year)
        return years.pop() if len(years) == 1 else None

    def offices_held(self, name: str, on: date | None) -> list[Office]:
        """The registry offices a person held on `on` (at any time when `on` is None)."""
        person = self.people.get(name)
        if person is None:
            return []
        return [
            self.offices[r.office]
            for r in person.roles
            if r.office in self.offices and (on is None or r.covers(on))
        ]

    def office_of(self, side: str, rank: str) -> str | None:
        """The key of a side's office of that rank ("Иран", "foreign_minister"), if listed."""
        return next(
            (o.key for o in self.offices.values() if o.side == side and o.rank == rank), None
        )

    def _colleague(self, side: str, on: date | None, before: list[Found]) -> str | None:
        for found in reversed(before[-3:]):
            for office in self.offices_held(found.person, on):
                twin = self.office_of(side, office.rank) if office.side != side else None
                if twin:
                    return self._holder_or_unique(twin, on)
        return None

    def sides(self, person: str) -> frozenset[str]:
        """Countries (or organisations) whose offices the person held; empty when unknown."""
        entry = self.people.get(person)
        if entry is None:
            return frozenset()
        return frozenset(
            self.offices[r.office].side for r in entry.roles if r.office in self.offices
        )

    def namesakes(self, name: str, text: str) -> list[str]:
        """Other registry people `text` may mean by `name`'s family name: those with the
        same one, when the text gives no first name of `name` ("Джонсон": Борис or Майк)."""
        person = self.people.get(name)
        if person is None or not person.surname_alone:
            return []
        words = {fold(w).lower() for w in WORD_RE.findall(text)}
        if any(fold(f).lower() in words for f in person.first_forms):
            return []
        nominative = [fold(f).lower() for f, cases in person.last_forms.items() if "nomn" in cases]
        others = (other for form in nominative for other in self._surname_forms.get(form, []))
        return list(dict.fromkeys(o.name for o in others if o.name != name and o.surname_alone))

    def same_side(self, a: str, b: str) -> bool:
        """True when both are known officials of one country (a contact is between sides)."""
        return bool(self.sides(a) & self.sides(b))

    def office_holder(self, office: str, on: date) -> str | None:
        """Who held `office` on `on` (the registry's knowledge), or None."""
        for person in self.people.values():
            if person.holds(office, on):
                return person.name
        return None

    def predecessor(self, name: str) -> str | None:
        """Who held the person's first dated office before him ("предшественник Рубио")."""
        person = self.people.get(name)
        dated = [r for r in person.roles if r.start is not None] if person is not None else []
        if not dated:
            return None
        first = min(dated, key=lambda r: r.start or date.min)
        # the term that ended last before his began (a day or two may pass between them)
        before = [
            (end, holder)
            for holder, _, end in self.terms(first.office)
            if holder != name and end is not None and first.start and end <= first.start
        ]
        return max(before)[1] if before else None

    def next_holder(self, office: str, on: date) -> str | None:
        """Who takes `office` within months after `on` (a president-elect), or None."""
        starts = [
            (role.start, person.name)
            for person in self.people.values()
            for role in person.roles
            if role.office == office and role.start and on < role.start <= on + ELECT_WITHIN
        ]
        return min(starts)[1] if starts else None

    def terms(self, office: str) -> list[tuple[str, date | None, date | None]]:
        """Every holder of `office` with the term: (name, start, end exclusive or None)."""
        return [
            (person.name, role.start, role.end)
            for person in self.people.values()
            for role in person.roles
            if role.office == office
        ]

    def question_offices(self, text: str) -> tuple[list[str], list[str]]:
        """The office keys a question names by title only ("глава Пентагона"), in order, and
        the titles it names of offices the registry does not hold ("президент Уругвая")."""
        titles = self._question_titles(text)
        named = {start for start, _ in self._name_hits(text, date.today())}
        keys = [key for start, end, key in titles if not any(start <= s < end for s in named)]
        unknown = [
            m.group(0)
            for m in UNKNOWN_TITLE_RE.finditer(text)
            if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in titles)
            and not any(m.start() <= s < m.end() for s in named)
        ]
        return list(dict.fromkeys(keys)), unknown

    def tenure_years(self, person: str, office: str, until: int) -> set[int]:
        """Years in which `person` held `office`."""
        p = self.people.get(person)
        if p is None:
            return set()
        return {y for r in p.roles if r.office == office for y in r.years(until)}

    def aliases(self, person: str) -> list[str]:
        """Known surface forms of a canonical name (surnames, full names, Latin)."""
        p = self.people.get(person)
        if p is None:
            return [person]
        forms = {person, p.latin, *p.last_forms}
        for last, cases in p.last_forms.items():
            for first, first_cases in p.first_forms.items():
                if cases & first_cases:
                    forms.add(f"{first} {last}")
        if not p.surname_alone:
            forms -= set(p.last_forms)
        return sorted(forms)

    @cached_property
    def _loose_choices(self) -> dict[str, str]:
        """Single-word forms with э read as е and й as и, each with its registry key."""
        return {_loose(form): key for form, key in self._fuzzy_choices.items()}

    def _name_word(self, word: str) -> bool:
        """True when pymorphy reads the word as a surname or first name ("Джапаров")."""
        return any(
            ("Surn" in p.tag or "Name" in p.tag) and p.score >= 0.1
            for p in self.lemmatizer.parses(word)
        )

    @cached_property
    def _fuzzy_choices(self) -> dict[str, str]:
        """Single-word forms to compare a misspelt word with, each with its registry key;
        the last part of a hyphenated family name counts on its own ("Абдоллахиян")."""
        choices: dict[str, str] = {}
        for key in sorted(self._lower):
            if " " in key or len(key) < 4:
                continue
            choices.setdefault(key, key)
            part = key.rsplit("-", 1)[-1]
            if part != key and len(part) >= 6:
                choices.setdefault(part, key)
        return choices

    def resolve_query(
        self,
        text: str,
        *,
        on: date | None = None,
    ) -> list[str]:
        """Canonical names a user question refers to, in order of appearance.

        Office titles ("глава МИД России", "президенты России и США") resolve to the holders
        on `on` (default today).
        """
        on = on or date.today()
        hits = self._name_hits(text, on)
        titles = [
            (start, end, key)
            for start, end, key in self._question_titles(text)
            if not any(start <= s < end for s, _ in hits)
        ]
        for start, _, key in titles:
            holder = self.office_holder(key, on)
            if holder:
                hits.append((start, holder))
        out: list[str] = []
        for _, name in sorted(hits):
            if name not in out:
                out.append(name)
        return out

    def _name_hits(self, text: str, on: date) -> list[tuple[int, str]]:
        """(offset, canonical name) of every name in a question, typos forgiven."""
        hits: list[tuple[int, str]] = []
        tokens = [(m.start(), m.group()) for m in WORD_RE.finditer(text)]
        i = 0
        while i < len(tokens):
            for size in range(MAX_NAME_WORDS, 0, -1):
                key = " ".join(fold(t[1]) for t in tokens[i : i + size]).lower()
                if len(tokens[i : i + size]) == size and (key in self._lower or key in self._whole):
                    names = self._lower.get(key) or self._whole[key]
                    if i and len(set(names)) > 1:
                        # "с Борисом Джонсоном": the namesake whose first name stands before
                        first = fold(tokens[i - 1][1]).lower()
                        named = [
                            n
                            for n in names
                            if any(fold(f).lower() == first for f in self.people[n].first_forms)
                        ]
                        names = named or names
                    hits += [(tokens[i][0], n) for n in self._best(names, on)]
                    i += size - 1
                    break
                window = tokens[i : i + size]
                close = self._close_name(window) if size > 1 and len(window) == size else None
                if close is not None:
                    # "Чвэ Сон Хи" for "Чхве Сон Хи": a whole name a letter or two off
                    hits.append((tokens[i][0], close))
                    i += size - 1
                    break
            else:
                family = [p.name for p, _ in self._family.get(fold(tokens[i][1]), [])]
                if family and tokens[i][1][:1].isupper():
                    # "Трамп и Ким": a family name written first names its bearer (of
                    # several, the one in office, else the best known)
                    hits += [(tokens[i][0], n) for n in self._best(family, on)]
                else:
                    hits += [(tokens[i][0], n) for n in self._fuzzy(tokens[i][1], on)]
                    hits += [(tokens[i][0], n) for n in self._guarded_surname(tokens[i][1], on)]
            i += 1
        return hits

    def _guarded_surname(self, word: str, on: date) -> list[str]:
        """The one person a capitalised surname names in a question ("Белоусов и Сингх").

        Articles never name such people by the surname alone (other Singhs are in the news),
        but a question names the person it asks about. A surname two people share is the
        one in office on `on` ("Деби": the son, president now; not his late father), and
        stays unresolved when none or both are; so does someone's first name ("Павел").
        """
        names = list(dict.fromkeys(p.name for p, _ in self._guarded.get(fold(word), [])))
        if not word[:1].isupper() or not names or self._is_first_name(word):
            return []
        if len(names) > 1:
            names = [n for n in names if any(r.covers(on) for r in self.people[n].roles)]
        return names if len(names) == 1 else []

    @cached_property
    def _first_names(self) -> frozenset[str]:
        return frozenset(fold(f) for p in self.people.values() for f in p.first_forms)

    def _is_first_name(self, word: str) -> bool:
        return fold(word) in self._first_names

    def _close_name(self, tokens: list[tuple[int, str]]) -> str | None:
        """The one registry person whose full name form is close to capitalised words."""
        if not all(t[1][:1].isupper() for t in tokens):
            return None
        return self._closest_full_name(
            " ".join(fold(t[1]) for t in tokens).lower(), CLOSE_NAME_SCORE
        )

    def _question_titles(self, text: str) -> list[tuple[int, int, str]]:
        titles = [t for t in find_titles(text, self.offices) if not is_dependent_title(text, t[0])]
        extra = [
            t
            for group in find_coordinated(text, titles, self.offices, self.countries)
            for t in group[1:]
        ]
        return sorted(titles + extra)

    def _best(self, names: Iterable[str], on: date) -> list[str]:
        unique = list(dict.fromkeys(names))
        if len(unique) == 1:
            return unique
        current = [n for n in unique if any(r.covers(on) for r in self.people[n].roles)]
        return current[:1] or unique[:1]

    def _fuzzy(self, word: str, on: date) -> list[str]:
        low = fold(word).lower()
        loose = _loose(low)
        if len(low) >= 4 and loose in self._loose_choices:
            # "Венс" for "Вэнс": э and е, й and и are one letter to many writers
            names = set(self._lower[self._loose_choices[loose]])
            return self._best(sorted(names), on) if len(names) == 1 else []
        if len(low) < 5 or (self.lemmatizer.morph.word_is_known(low) and not self._name_word(low)):
            return []
        if self.lemmatizer.morph.word_is_known(low) and any(
            "Name" in p.tag and "sing" in p.tag and p.score >= 0.5
            for p in self.lemmatizer.parses(low)
        ):
            return []  # "Борисом" is a first name spelt right, not a surname spelt wrong
        choices = self._fuzzy_choices
        best = process.extract(low, list(choices), scorer=fuzz.ratio, limit=5, score_cutoff=80)
        if not best:
            return []
        top = best[0][1]
        names = {n for form, score, _ in best if score == top for n in self._lower[choices[form]]}
        return self._best(sorted(names), on) if len(names) == 1 else []
