"""Russian tokenising and lemmatising with pymorphy3 and a per-word cache."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*|\d+")

STOPWORDS = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
    ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже
    или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они
    тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под
    будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
    чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
    над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо
    свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между
    который это также свой весь
    """.split()  # noqa: SIM905  (a word list reads better as text)
)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens with ё folded to е."""
    return [m.group(0).lower().replace("ё", "е") for m in WORD_RE.finditer(text)]


class Lemmatizer:
    """Lemmatises words with pymorphy3; each distinct word form is analysed once."""

    def __init__(self, morph: MorphAnalyzer | None = None, cache_size: int = 500_000) -> None:
        if morph is None:
            from pymorphy3 import MorphAnalyzer

            morph = MorphAnalyzer()
        self.morph = morph
        self._lemma = lru_cache(maxsize=cache_size)(self._lemma_uncached)
        self._parses = lru_cache(maxsize=cache_size)(self._parses_uncached)

    def _lemma_uncached(self, word: str) -> str:
        if not word.isalpha():
            return word
        return str(self.morph.parse(word)[0].normal_form).replace("ё", "е")

    def _parses_uncached(self, word: str) -> tuple[Parse, ...]:
        return tuple(self.morph.parse(word))

    def lemma(self, word: str) -> str:
        """The most likely normal form of one word (lower case, ё → е)."""
        return self._lemma(word.lower().replace("ё", "е"))

    def parses(self, word: str) -> tuple[Parse, ...]:
        """All pymorphy3 analyses of one word (cached)."""
        return self._parses(word.lower().replace("ё", "е"))

    def verb_tenses(self, text: str) -> list[str]:
        """Tenses of the words whose likeliest reading is a finite verb, in order."""
        out = []
        for token in tokenize(text):
            parses = self.parses(token)
            if parses and parses[0].tag.POS == "VERB":
                out.append(str(parses[0].tag.tense))
        return out

    def lemmas(self, text: str, *, drop_stopwords: bool = True) -> list[str]:
        """Lemmas of every word in the text, in order."""
        out = [self.lemma(tok) for tok in tokenize(text)]
        if drop_stopwords:
            out = [lem for lem in out if lem not in STOPWORDS]
        return out


@lru_cache(maxsize=1)
def default_lemmatizer() -> Lemmatizer:
    """One shared lemmatiser per process (pymorphy3 dictionaries load once)."""
    return Lemmatizer()
