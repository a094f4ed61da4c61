"""Case forms of personal names by rule, so the registry needs only nominatives.

Russian news inflect foreign names like Russian nouns ("Шольцем", "Ллойдом Остином",
"Мевлюта Чавушоглу") but leave vowel-final and female consonant-final ones alone
("Рубио", "Меркель"). The rules below cover both; a form they miss can still be listed
by hand in people.json.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
VOWELS = frozenset("аеёиоуыэюя")
HUSHING = frozenset("жшчщц")
VELAR_OR_HUSHING = frozenset("гкхжшчщ")

# Endings (gent, datv, accs, ablt, loct) of one stem; "|" separates variants of one case.
ADJECTIVE_MALE = ("ого", "ому", "ого", "им|ым", "ом")
ADJECTIVE_FEMALE = ("ой", "ой", "ую", "ой", "ой")
RUSSIAN_SURNAME_MALE = ("а", "у", "а", "ым|ом", "е")
RUSSIAN_SURNAME_FEMALE = ("ой", "ой", "у", "ой", "ой")
CONSONANT_MALE = ("а", "у", "а", "ом", "е")
SOFT_MALE = ("я", "ю", "я", "ем", "е")
II_MALE = ("ия", "ию", "ия", "ием", "ии")
A_STEM = ("ы", "е", "у", "ой|ей", "е")
A_STEM_SOFT = ("и", "е", "у", "ей|ой", "е")
YA_STEM = ("и", "е", "ю", "ей", "е")
IYA_STEM = ("ии", "ии", "ию", "ией", "ии")
RUSSIAN_SURNAME_SUFFIXES = ("ов", "ев", "ин", "ын")


def _apply(stem: str, endings: tuple[str, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for case, variants in zip(CASES[1:], endings, strict=True):
        out[case] = {stem + ending for ending in variants.split("|")}
    return out


def _rules(word: str, gender: str, surname: bool) -> dict[str, set[str]]:
    low = word.lower()
    last = low[-1:]
    if len(low) < 2 or not low.isalpha():
        return {}
    if low.endswith(("ский", "цкий", "ской", "цкой")):
        return _apply(word[:-2], ADJECTIVE_MALE)
    if low.endswith(("ская", "цкая")):
        return _apply(word[:-2], ADJECTIVE_FEMALE)
    if gender == "f":
        if surname and low.endswith(tuple(s + "а" for s in RUSSIAN_SURNAME_SUFFIXES)):
            return _apply(word[:-1], RUSSIAN_SURNAME_FEMALE)
        if low.endswith("ия"):
            return _apply(word[:-2], IYA_STEM)
        if last == "я" and low[-2] not in VOWELS:
            return _apply(word[:-1], YA_STEM)
        if last == "а" and low[-2] not in VOWELS:
            return _apply(word[:-1], A_STEM_SOFT if low[-2] in VELAR_OR_HUSHING else A_STEM)
        return {}  # "Меркель", "Каллас", "Мелони": female consonant- or vowel-final names stay
    if last == "а" and low[-2] not in VOWELS:
        return _apply(word[:-1], A_STEM_SOFT if low[-2] in VELAR_OR_HUSHING else A_STEM)
    if last == "я" and low[-2] not in VOWELS:
        return _apply(word[:-1], YA_STEM)
    if surname and low.endswith("ия"):
        return _apply(word[:-2], IYA_STEM)  # "Арахамия": "с Арахамией", as "с Берией"
    if last in VOWELS:
        return {}  # "Рубио", "Моди", "Чавушоглу", "Лукашенко"
    if low.endswith("ий"):
        return _apply(word[:-2], II_MALE)
    if last in "йь":
        return _apply(word[:-1], SOFT_MALE)
    if surname and low.endswith(RUSSIAN_SURNAME_SUFFIXES):
        return _apply(word, RUSSIAN_SURNAME_MALE)
    forms = _apply(word, CONSONANT_MALE)
    if last in HUSHING:  # unstressed "-ем" ("Шольцем"), stressed "-ом" both occur
        forms["ablt"] |= {word + "ем"}
    return forms


def decline_word(word: str, gender: str, *, surname: bool) -> dict[str, set[str]]:
    """Case forms of one name word; a hyphenated word declines its last part."""
    out: dict[str, set[str]] = {case: {word} for case in CASES}
    head, _, tail = word.rpartition("-")
    if head and tail[:1].islower():
        return out  # "аль-..." particles written in lower case never decline alone
    forms = _rules(tail, gender, surname)
    for case, tails in forms.items():
        out[case] = {f"{head}-{t}" if head else t for t in tails}
    return out


def decline_name(phrase: str, gender: str, *, surname: bool) -> dict[str, set[str]]:
    """Case forms of a name part of one or more words ("Реджеп Тайип", "бин Сальман")."""
    words = phrase.split()
    if not words:
        return {}
    per_word = [
        decline_word(w, gender, surname=surname)
        if w[:1].isupper()
        else {case: {w} for case in CASES}
        for w in words
    ]
    if surname:  # particles and earlier parts of a compound surname stay: "бин Сальмана"
        per_word = [{case: {w} for case in CASES} for w in words[:-1]] + per_word[-1:]
    out: dict[str, set[str]] = {}
    for case in CASES:
        phrases = {""}
        for forms in per_word:
            phrases = {f"{p} {f}".strip() for p in phrases for f in forms[case]}
        out[case] = phrases
    return out


NOMINATIVE_TAILS = ("", "й", "ь", "а", "я")  # how a family name may end where a case ending is


def undecline(word: str, case: str, gender: str = "m") -> str | None:
    """The family name whose `case` form by the rules above is `word` ("Монкадой" in the
    instrumental is "Монкада", "Хилем" is "Хиль", "Гейтом" is "Гейт"), or None."""
    for cut in (2, 1):  # the longest case ending first
        stem = word[:-cut]
        if len(stem) < 3:
            continue
        for tail in NOMINATIVE_TAILS:
            if tail and tail in "йь" and (tail == "й") != (stem[-1] in VOWELS):
                continue  # "й" only after a vowel, "ь" only after a consonant
            if word in decline_name(stem + tail, gender, surname=True).get(case, ()):
                return stem + tail
    return None


@lru_cache(maxsize=4096)
def family_forms(surname: str) -> dict[str, frozenset[str]]:
    """Every case form of a family name, a man's and a woman's, lower-cased, with the cases
    each form stands in: "Хиль" gives "хилем" → {"ablt"}."""
    out: dict[str, set[str]] = {}
    for sex in ("m", "f"):
        for case, forms in decline_name(surname, sex, surname=True).items():
            for form in forms:
                out.setdefault(form.lower(), set()).add(case)
    return {form: frozenset(cases) for form, cases in out.items()}


def merge_forms(
    listed: Mapping[str, Iterable[str]], generated: Iterable[Mapping[str, Iterable[str]]]
) -> dict[str, list[str]]:
    """Hand-listed forms plus generated ones, per case, without duplicates."""
    out: dict[str, list[str]] = {case: list(listed.get(case, ())) for case in CASES}
    for forms in generated:
        for case, values in forms.items():
            out.setdefault(case, [])
            out[case] += [v for v in values if v not in out[case]]
    return out
