"""Names missing from the registry: natasha NER spans normalised to nominative "Имя Фамилия"."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from retrieval.declension import family_forms, undecline
from retrieval.learned import PLACE_PREPOSITIONS
from retrieval.lemmas import Lemmatizer

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

    from retrieval.people import Found

# the Arabic article of a name ("аль-", "ас-", "эш-"), written in lower case inside a name
# ("Джасем аль-Будейви"); ARTICLE is the optional one before a family name
ARTICLE_WORD = r"[аэ](?:ль|л|[тсшдзрн])-"
ARTICLE = rf"(?:{ARTICLE_WORD})?"
NAME_TOKEN_RE = re.compile(ARTICLE + r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
# "Халид бин Сальман": a lower-case particle right before the family name
PARTICLE_BEFORE_LAST_RE = re.compile(r"\s(бин|бен|ибн)\s+\S+$")
# overlapping: "Венесуэлы Иван Хиль" holds the pair "Иван Хиль"
# "Ахмедом Абуль Гейтом": a third capitalised word is the family name
# (a name never runs across a line break: "Автор: Наталья Ожегова" and the next paragraph)
NAME_PAIR_RE = re.compile(
    r"(?<![\w-])(?=([А-ЯЁ][а-яё]{2,})[^\S\n]+("
    + ARTICLE
    + r"[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])"
    r"(?:[^\S\n]+([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-]))?)"
)
# "с президентом Анголы Жоау Лоуренсу": a title, its country, then a name nobody knows
TITLED_NAME_RE = re.compile(
    r"(?<![\w-])(?:[Пп]резидент\w{0,3}|[Пп]ремьер(?:-министр)?\w{0,3}|[Вв]ице-президент\w{0,3}"
    r"|[Мм]инистр\w{0,3} (?:иностранных дел|обороны)|[Гг]лав\w{1,3} МИД|[Кк]анцлер\w{0,3}"
    r"|[Кк]орол\w{1,3}|[Ээ]мир\w{0,3}|[Сс]ултан\w{0,3}|[Пп]осл(?:а|у|ом|е|ы|ов)?)"
    r"\s+(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,5})\s+"  # "Гвинеи-Бисау", "ЦАР"
    # "посла Турции в России Танжу Бильгича": the host country of an envoy
    r"(?:в\s+[А-ЯЁ][а-яё]+\s+)?"
    # "президента Гвинеи-Бисау Умару Сисоку Эмбало": two or three words of a name
    r"(?P<name>[А-ЯЁ][а-яё]{1,}(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]{1,}(?:-[А-ЯЁ][а-яё]+)?){1,2})"
    r"(?![\w-])"
    r"(?!\s+[А-ЯЁ])"
)
# the word a name hangs on, over the capitalised words of its title ("председателем Сената
# Камбоджи")
HEAD_BEFORE_RE = re.compile(r"(?<![\w-])([А-ЯЁа-яё]+)\s+(?:[А-ЯЁ][\w-]*\s+){0,3}$")
PREVIOUS_WORD_RE = re.compile(r"(?<![\w-])([а-яё]+)\s+$")
CAPITALISED_RE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{2,}")
# overlapping: "Румынии Клаусом Йоханнисом" holds the pair "Клаусом Йоханнисом"
FULL_NAME_RE = re.compile(r"(?=([А-ЯЁ][а-яё]{2,})\s+" + ARTICLE + r"[А-ЯЁ][а-яё]{2,})")
NOUN_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
NOT_NAMES = frozenset(
    {"Бог", "Господь", "Аллах", "Кремль", "Белый", "Госдеп", "Фото", "Читайте", "Источник"}
)


def fold(word: str) -> str:
    """ё → е, keeping the letter case."""
    return word.replace("ё", "е").replace("Ё", "Е")


def head_cases(lemmatizer: Lemmatizer, title: str, pos: str = "NOUN") -> frozenset[str]:
    """Possible cases of the first noun of a title ("госсекретарем США" -> {"ablt"}), or of
    the first word of another part of speech (`pos`: "исполняющая" -> {"nomn"} as "PRTF")."""
    words = title.split()
    for word in words[:3]:
        cases = {
            str(p.tag.case)
            for p in lemmatizer.parses(word)
            if pos == p.tag.POS and p.tag.case in NOUN_CASES
        }
        if cases:
            return frozenset(cases)
    return NOUN_CASES


@dataclass
class _Ner:
    segmenter: Any
    tagger: Any


class NameFinder:
    """Finds personal names with natasha NER; models load on first use, once."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer

    @cached_property
    def _ner(self) -> _Ner:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
        from threadpoolctl import threadpool_limits

        # the model multiplies sentence-sized matrices: OpenBLAS threads gain nothing on
        # them and spin between calls, taking CPU from the other analysis workers
        threadpool_limits(limits=1, user_api="blas")
        return _Ner(Segmenter(), NewsNERTagger(NewsEmbedding()))

    def worth_running(self, text: str, taken: list[tuple[int, int]], known: int) -> bool:
        """Cheap gate for NER: few registry people, or an uncovered "Имя Фамилия" pair."""
        if known < 2:
            return known + self._name_like(text, taken) >= 2
        for m in FULL_NAME_RE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            parses = self.lemmatizer.parses(m.group(1))
            if any("Name" in p.tag and p.score >= 0.1 for p in parses):
                return True
        return False

    def _name_like(self, text: str, taken: list[tuple[int, int]]) -> int:
        count, last_end = 0, -10
        for m in CAPITALISED_RE.finditer(text):
            if m.start() == 0 or any(s <= m.start() < e for s, e in taken):
                continue
            word = m.group()
            parses = self.lemmatizer.parses(word)
            if any("Geox" in p.tag or "Orgn" in p.tag for p in parses[:2]):
                continue
            if any(("Name" in p.tag or "Surn" in p.tag) and p.score >= 0.1 for p in parses) or (
                not self.lemmatizer.morph.word_is_known(word.lower())
            ):
                count += m.start() - last_end > 2
                last_end = m.end()
        return count

    def find(self, text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Found]:
        """Person names in `text` (registry-agnostic), normalised to nominative; `taken`
        spans are names found already."""
        found = self.name_pairs(text)
        spans = [*taken, *((f.start, f.end) for f in found)]
        if not found or self._name_like(text, spans):
            # a name-like word no cheap pass explains ("Метте Фредериксен" beside "Владимиром
            # Зеленским"): the NER model reads the rest
            for f in self._natasha(text):
                if any(f.start < e and s < f.end for s, e in taken):
                    continue
                # its longer name wins over a pair it holds: "Хамадом бен Исой Аль Халифой"
                # over "Исой Аль Халифой"
                others = [g for g in found if not (f.start <= g.start and g.end <= f.end)]
                if not any(f.start < g.end and g.start < f.end for g in others):
                    found = [*others, f]
        for titled, title_cases in self._titled(text):
            clash = [f for f in found if f.start < titled.end and titled.start < f.end]
            if clash and all(f.cases & title_cases for f in clash):
                # the name was read in its own case: it declines ("Макроном"); one that
                # fits every case takes the case of its title ("президентом Вьетнама Во Ван
                # Тхыонгом" is "Тхыонг")
                if title_cases == {"ablt"}:
                    found = [_ablt(f) if f in clash and f.cases == NOUN_CASES else f for f in found]
                elif title_cases <= {"gent", "accs"}:
                    # "посла Турции в России Танжу Бильгича": a family name of no case of its
                    # own takes the genitive of its title
                    found = [_gent(f) if f in clash and f.cases == NOUN_CASES else f for f in found]
                continue
            # "с президентом Анголы Жоау Лоуренсу" read as a dative "Лоуренс": the name does
            # not decline with its title, so it stands as written, unless it ends as an
            # instrumental after an instrumental title ("с президентом Кении Ухуру Кениатой")
            if title_cases == {"ablt"}:
                titled = _ablt(titled)
            found = [f for f in found if f not in clash] + [titled]
        # "с председателем Сената Камбоджи Хун Сеном", "и с Фостеном-Арканжем Туадерой": a
        # name of no case of its own after "с" or an instrumental noun is instrumental
        return [
            _ablt(f) if f.cases == NOUN_CASES and self._after_instrumental(text, f.start) else f
            for f in found
        ]

    def _after_instrumental(self, text: str, start: int) -> bool:
        before = HEAD_BEFORE_RE.search(text, max(0, start - 80), start)
        if before is None:
            return False
        word = before.group(1).lower()
        return word in ("с", "со") or head_cases(self.lemmatizer, word) == {"ablt"}

    def _titled(self, text: str) -> list[tuple[Found, frozenset[str]]]:
        """Names right after a title and its country that no name list knows ("Жоау
        Лоуренсу"), written as they stand (such names rarely decline), with the cases of
        their title."""
        from retrieval.people import Found

        out = []
        for m in TITLED_NAME_RE.finditer(text):
            start, end = m.span("name")
            name = " ".join(m.group("name").split())
            # "заместителем министра иностранных дел Грузии Александром Налбандовым": the
            # name agrees with the noun the title hangs on
            before = PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            head = before.group(1) if before and self._noun(before.group(1)) else ""
            title_cases = head_cases(self.lemmatizer, f"{head} {m.group(0)}")
            out.append((Found(name, start, end, name, cases=NOUN_CASES, known=False), title_cases))
        return out

    def _noun(self, word: str) -> bool:
        parses = self.lemmatizer.parses(word)
        return bool(parses) and parses[0].tag.POS == "NOUN"

    def name_pairs(self, text: str) -> list[Found]:
        """Cheap pass: a known first name followed by a capitalised word ("Виторио Сандали")."""
        from retrieval.people import Found

        out: list[Found] = []
        for m in NAME_PAIR_RE.finditer(text):
            if out and m.start() < out[-1].end:
                continue
            first, last = m.group(1), m.group(2)
            parses = self.lemmatizer.parses(first)[:2]
            # a rare foreign first name has a low score but no other reading ("Азали")
            if not any(
                "Name" in p.tag and (p.score >= 0.1 or i == 0) for i, p in enumerate(parses)
            ):
                continue
            before = PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            if (
                self.is_place(last)
                or self.is_place(first)
                or (before is not None and before.group(1) in PLACE_PREPOSITIONS)
            ):
                continue  # "Иван Москвы", "президентом Филиппин Фердинандом", "в Тяньцзине Моди"
            third = m.group(3)
            words = [first, last]
            if third and not self.is_place(third):
                words.append(third)
            name, cases = self.normalize(words)
            if name:
                end = m.end(3) if len(words) == 3 else m.end(2)
                out.append(
                    Found(name, m.start(), end, text[m.start() : end], cases=cases, known=False)
                )
        return out

    def is_place(self, word: str) -> bool:
        """A known word read first as a place or organisation; an unknown word's place
        reading is a guess ("Ассумани")."""
        return self.lemmatizer.morph.word_is_known(word.lower()) and any(
            "Geox" in p.tag or "Orgn" in p.tag for p in self.lemmatizer.parses(word)[:1]
        )

    def _natasha(self, text: str) -> list[Found]:
        from natasha import Doc

        from retrieval.people import Found

        doc = Doc(text)
        doc.segment(self._ner.segmenter)
        doc.tag_ner(self._ner.tagger)
        out = []
        for span in doc.spans:
            if span.type != "PER":
                continue
            words = NAME_TOKEN_RE.findall(span.text)
            if not words or len(words) > 4 or words[0] in NOT_NAMES or not span.text[0].isupper():
                continue
            name, cases = self.normalize(words)
            particle = PARTICLE_BEFORE_LAST_RE.search(span.text)
            if name and particle is not None and " " in name:
                # "принц Халид бин Сальман": the particle stays before the family name
                head, _, last = name.rpartition(" ")
                name = f"{head} {particle.group(1)} {last}"
            if name:
                out.append(Found(name, span.start, span.stop, span.text, cases=cases, known=False))
        return out

    def normalize(self, words: list[str]) -> tuple[str | None, frozenset[str]]:
        """Nominative "Имя Фамилия" for name words in any case, with the cases they allow."""
        # "Фердинандом Маркосом-младшим": "младший" is no part of the family name
        # (the last word read as a patronymic is a family name: "Танжу Бильгича", "Шефиком
        # Джаферовичем")
        words = [
            JUNIOR_RE.sub("", w)
            for i, w in enumerate(words)
            if i == len(words) - 1 or not self._is_patronymic(w)
        ]
        if not words:
            return None, NOUN_CASES
        *firsts, last = words
        if not firsts and self._best(last, "Surn") is None and self._best(last, "Name"):
            return None, NOUN_CASES
        gender: str | None = None
        cases: set[str] = set()
        out_first: list[str] = []
        unread: list[int] = []  # positions of words that are no known first name ("Абуль", "Резой")
        for word in firsts:
            parse = self._best(word, "Name")
            own = (
                {str(p.tag.case) for p in self.lemmatizer.parses(word) if "Name" in p.tag}
                if parse is not None and "Fixd" not in parse.tag
                else set()
            )
            if parse is None or (cases and own and not cases & own):
                # "Ахмедом Абуль Гейтом": a name reading in another case than the first
                # name's ("Абуль" as a genitive) is no first name
                unread.append(len(out_first))
                out_first.append(word)
                continue
            nominative = parse.inflect({"nomn"})
            if nominative is not None and (
                len(nominative.word) > len(word)
                or (
                    nominative.word != word.lower()
                    and VOWEL_END_RE.search(word)
                    and not self.lemmatizer.morph.word_is_known(word.lower())
                )
            ):
                # "Ульфом" guessed as a form of "Ульфомы", "Ухуру" as one of "Ухур": no first
                # name pymorphy knows
                unread.append(len(out_first))
                out_first.append(word)
                continue
            gender = gender or str(parse.tag.gender)
            if own:
                cases = cases & own if cases else own
            out_first.append(_cap(nominative.word if nominative else word))
        if not cases and all(INSTRUMENTAL_END_RE.search(w) for w in words):
            cases = {"ablt"}  # "Ульфом Кристерссоном": both words in the instrumental
        if _one_case(cases) and gender != "femn":
            for i in unread:  # "Мохаммадом Резой Аштиани": a middle name declines too
                out_first[i] = undecline(out_first[i], _one_case(cases)) or out_first[i]
        surname, surname_cases = self._surname(last, gender, cases)
        allowed = (cases & surname_cases) or cases or surname_cases
        return " ".join([*out_first, surname]), frozenset(allowed or NOUN_CASES)

    def _surname(self, word: str, gender: str | None, cases: set[str]) -> tuple[str, set[str]]:
        parse = self._best(word, "Surn", gender)
        if parse is not None and "Fixd" not in parse.tag:
            surname_cases = {
                str(p.tag.case) for p in self.lemmatizer.parses(word) if "Surn" in p.tag
            }
            nominative = parse.inflect({"nomn", "sing"})
            return _cap(nominative.word if nominative else word), surname_cases
        if (
            _one_case(cases)
            and gender != "femn"
            and (nominative := undecline(word, _one_case(cases)))
        ):
            return nominative, cases
        # "Желько Комшичем": a family name read as a patronymic tells its case by the ending
        patronymic = {str(p.tag.case) for p in self.lemmatizer.parses(word)[:2] if "Patr" in p.tag}
        if (
            gender != "femn"
            and _one_case(patronymic)
            and (nominative := undecline(word, _one_case(patronymic)))
        ):
            return nominative, patronymic
        return word, set(NOUN_CASES)

    def _best(self, word: str, tag: str, gender: str | None = None) -> Parse | None:
        parses = [p for p in self.lemmatizer.parses(word) if tag in p.tag]
        if gender:
            parses = [p for p in parses if p.tag.gender == gender] or parses
        return parses[0] if parses else None

    def _is_patronymic(self, word: str) -> bool:
        return any("Patr" in p.tag for p in self.lemmatizer.parses(word)[:2])


def _ablt(found: Found) -> Found:
    """A name of undetermined case read as instrumental, if its last word ends like one; its
    other words too ("Фостен-Арканжем Туадерой" is "Фостен-Арканж Туадера")."""
    *first, last = found.person.split()
    nominative = undecline(last, "ablt")
    if nominative is None:
        return found
    firsts = [_ablt_word(word) for word in first]
    return replace(found, person=" ".join([*firsts, nominative]), cases=frozenset({"ablt"}))


def _gent(found: Found) -> Found:
    """A name of undetermined case after a genitive title: its family name undeclined."""
    *first, last = found.person.split()
    nominative = undecline(last, "gent")
    if nominative is None:
        return found
    return replace(found, person=" ".join([*first, nominative]), cases=frozenset({"gent", "accs"}))


def _ablt_word(word: str) -> str:
    """A given name in the instrumental, undeclined part by part ("Ухуру" stays,
    "Фостеном-Арканжем" is "Фостен-Арканж")."""
    return "-".join(
        (undecline(part, "ablt") or part) if INSTRUMENTAL_WORD_RE.search(part) else part
        for part in word.split("-")
    )


def learned_surnames(
    text: str, learned: Collection[str], taken: list[tuple[int, int]], lemmatizer: Lemmatizer
) -> list[Found]:
    """A surname alone of a name learned earlier in the article ("Давид Арахамия" …
    "переговоров Мединского и Арахамии", "Иван Хиль" … "с Хилем"), in whatever case it
    stands."""
    from retrieval.people import Found

    stems = {name.split()[-1].lower(): name for name in learned if " " in name and len(name) > 6}
    out = []
    for m in CAPITALISED_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group().lower()
        for surname, name in stems.items():
            declined = family_forms(_cap(surname)).get(word)
            stem = surname[:-1] if len(surname) >= 5 else surname
            if declined is None and not (word.startswith(stem) and 0 <= len(word) - len(stem) <= 3):
                continue
            cases = declined or frozenset(
                str(p.tag.case) for p in lemmatizer.parses(m.group())[:4] if p.tag.case
            )
            out.append(Found(name, m.start(), m.end(), m.group(), cases=cases or NOUN_CASES))
            break
    return out


INSTRUMENTAL_END_RE = re.compile(r"(?:ом|ем|ём)$")
VOWEL_END_RE = re.compile(r"[уе]$")  # a dative or prepositional guess
JUNIOR_RE = re.compile(r"-(?:младш|старш)\w*$")
INSTRUMENTAL_WORD_RE = re.compile(r"(?:ом|ем|ём|ой|ей)$")


def _one_case(cases: set[str]) -> str:
    """The one case a name's words agree on ("gent" for a man's genitive-accusative), or ""."""
    if len(cases) == 1:
        return next(iter(cases))
    return "gent" if cases == {"gent", "accs"} else ""


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def nominative_in(text: str, name: str) -> str:
    """A name learned in one case form ("Хун Сеном") as the nominative the article itself
    writes ("Хун Сен совершил"): the nominative whose forms explain most of the article's
    words on the family name's stem; the name as it is when the article settles nothing."""
    *first, last = name.split()
    if len(last) < MIN_STEM_WORD:
        return name
    stem = last[:-2] if len(last) > MIN_STEM_WORD else last[:-1]
    seen = {
        m.group()
        for m in CAPITALISED_RE.finditer(text)
        if m.group().startswith(stem) and len(m.group()) - len(stem) <= MAX_ENDING
    }
    if len(seen) < 2:
        return name
    options = [last, *(n for case in OBLIQUE_CASES if (n := undecline(last, case)))]

    def explained(option: str) -> tuple[int, bool]:
        forms = family_forms(option)
        return sum(word.lower() in forms for word in seen), option in seen

    best = max(dict.fromkeys(options), key=explained)
    if best == last or explained(best) <= explained(last):
        return name
    return " ".join([*_given_names(text, first, best, seen), best])


def _given_names(text: str, first: list[str], surname: str, seen: set[str]) -> list[str]:
    """The given names as the article writes them before the nominative family name, or
    before its instrumental, undeclined ("Хакаинде Хичилемой"); `first` when it has
    neither."""
    if not first:
        return first
    forms = family_forms(surname)
    for word in sorted(seen, key=lambda w: w != surname):
        ablt = forms.get(word.lower()) == frozenset({"ablt"})
        if word != surname and not ablt:
            continue
        lead = rf"((?:[А-ЯЁ][\w-]*\s+){{{len(first)}}})"
        for m in re.finditer(rf"{lead}{re.escape(word)}(?![\w-])", text):
            words = [_ablt_word(w) if ablt else w for w in m.group(1).split()]
            if same_given(words, first):
                return words
    return first


MIN_STEM_WORD = 4
MAX_ENDING = 3
OBLIQUE_CASES = ("gent", "datv", "accs", "ablt", "loct")


def declined_form(name: str, other: str) -> bool:
    """Whether `name` is a case form of the name `other` ("Хакаинда Хичилемой" of "Хакаинде
    Хичилема": the same given names to their first letters, a family name among the other's
    forms) and not the other way round."""
    *first, last = name.split()
    *other_first, other_last = other.split()
    return (
        same_given(first, other_first)
        and last != other_last
        and last.lower() in family_forms(other_last)
        and other_last.lower() not in family_forms(last)
    )


def same_given(names: list[str], others: list[str]) -> bool:
    """The same given names in any case form: alike to their first three letters."""
    return [w[:3] for w in names] == [w[:3] for w in others]
