"""BM25 passage search over lemmas: rank-bm25 scoring, restricted to passages that match."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

IDF_FLOOR = 0.25
"""Largest idf given to terms rank-bm25 leaves at zero or below (tiny or degenerate corpora)."""


@dataclass(frozen=True)
class IndexedPassage:
    """One searchable passage: its id (e.g. the stored passage row id) and its lemmas."""

    id: int
    lemmas: tuple[str, ...]


def _floor_idf(bm25: BM25Okapi, doc_counts: Mapping[str, int]) -> None:
    """Give every term a positive idf, rarer terms more, where rank-bm25 gives zero or less.

    BM25Okapi sets terms found in more than half of the documents to epsilon * average idf;
    with one or two documents that average is zero or negative, so every score would be
    zero or negative. Positive idfs are left exactly as rank-bm25 computes them.
    """
    positive = [value for value in bm25.idf.values() if value > 0]
    floor = min([IDF_FLOOR, *positive])
    size = bm25.corpus_size
    for term, value in bm25.idf.items():
        if value <= 0:
            bm25.idf[term] = floor * (size - doc_counts[term] + 1) / (size + 1)


class SearchIndex:
    """An immutable BM25 index over passages; rebuild it and swap the reference to update."""

    __slots__ = ("_bm25", "_ids", "_postings")

    def __init__(
        self,
        ids: npt.NDArray[np.int64],
        bm25: BM25Okapi | None,
        postings: Mapping[str, npt.NDArray[np.int64]],
    ) -> None:
        self._ids = ids
        self._ids.setflags(write=False)
        self._bm25 = bm25
        self._postings = postings

    @classmethod
    def build(cls, passages: Sequence[IndexedPassage]) -> SearchIndex:
        """Index the passages (an id given twice is simply returned for both passages)."""
        ids = np.fromiter((passage.id for passage in passages), dtype=np.int64, count=len(passages))
        if not any(passage.lemmas for passage in passages):
            # BM25Okapi divides by the corpus size and by the vocabulary size.
            return cls(ids, None, MappingProxyType({}))
        bm25 = BM25Okapi([list(passage.lemmas) for passage in passages])
        positions: dict[str, list[int]] = {}
        for position, freqs in enumerate(bm25.doc_freqs):
            for term in freqs:
                positions.setdefault(term, []).append(position)
        _floor_idf(bm25, {term: len(found) for term, found in positions.items()})
        # rank-bm25 0.2.2 turns the doc_len list into an array on every call; do it once.
        bm25.doc_len = np.asarray(bm25.doc_len, dtype=np.float64)
        postings = {term: np.asarray(found, dtype=np.int64) for term, found in positions.items()}
        return cls(ids, bm25, MappingProxyType(postings))

    def __len__(self) -> int:
        """Number of indexed passages (including those without lemmas)."""
        return int(self._ids.size)

    def _candidates(
        self, terms: Sequence[str], among: Collection[int] | None
    ) -> npt.NDArray[np.int64]:
        found = [self._postings[term] for term in set(terms)]
        candidates = np.unique(np.concatenate(found))
        if among is None:
            return candidates
        allowed = np.fromiter(among, dtype=np.int64, count=len(among))
        return candidates[np.isin(self._ids[candidates], allowed)]

    def search(
        self, lemmas: Sequence[str], *, top_k: int = 10, among: Collection[int] | None = None
    ) -> list[tuple[int, float]]:
        """Best passages for the query lemmas as (id, score), score > 0, highest first."""
        terms = [lemma for lemma in lemmas if lemma in self._postings]
        if self._bm25 is None or not terms or top_k <= 0:
            return []
        candidates = self._candidates(terms, among)
        if candidates.size == 0:
            return []
        scores = np.asarray(self._bm25.get_batch_scores(terms, candidates), dtype=np.float64)
        best = np.flatnonzero(scores > 0)
        if best.size > top_k:
            # Keep every passage tied with the k-th score so ties break by id, not by chance.
            kth = np.partition(scores[best], best.size - top_k)[best.size - top_k]
            best = best[scores[best] >= kth]
        hits = [(int(self._ids[candidates[i]]), float(scores[i])) for i in best]
        hits.sort(key=lambda hit: (-hit[1], hit[0]))
        return hits[:top_k]
