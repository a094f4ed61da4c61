"""BM25 passage search over lemmas: rank-bm25 scoring, restricted to passages that match.

Scaling by design: the corpus is held in flat arrays (`retrieval.compact`), candidates come
from postings, and only candidates are scored, by rank-bm25's `get_batch_scores`. When a
query matches more than `candidate_cap` passages (broad contact words match nearly all of
them), the cap takes the passages with the best lower bound of their score and then adds
every passage whose upper bound can still reach the k-th score found, so results stay the
exact top-k while the scoring work stays bounded.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.compact import CompactBM25, CompactCorpus

IDF_FLOOR = 0.25
"""Largest idf given to terms rank-bm25 leaves at zero or below (tiny or degenerate corpora)."""

CANDIDATE_CAP = 2000
"""Passages scored first when a query matches more (see the module docstring)."""

EXTRA_CAP = 4000
"""Most passages added after the first round; beyond it the top-k may be approximate."""

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class IndexedPassage:
    """One searchable passage: its id (e.g. the stored passage row id) and its lemmas."""

    id: int
    lemmas: tuple[str, ...]


def _floor_idf(bm25: CompactBM25, document_counts: Sequence[int]) -> None:
    """Give every term a positive idf, rarer terms more, where rank-bm25 gives zero or less.

    BM25Okapi sets terms found in more than half of the documents to epsilon * average idf;
    with one or two documents that average is zero or negative, so every score would be
    zero or negative. Positive idfs are left exactly as rank-bm25 computes them.
    """
    positive = [value for value in bm25.idf.values() if value > 0]
    floor = min([IDF_FLOOR, *positive])
    size = bm25.corpus_size
    for term, count in zip(bm25.idf, document_counts, strict=True):
        if bm25.idf[term] <= 0:
            bm25.idf[term] = floor * (size - count + 1) / (size + 1)


class SearchIndex:
    """An immutable BM25 index over passages; rebuild it and swap the reference to update."""

    __slots__ = (
        "_bm25",
        "_candidate_cap",
        "_corpus",
        "_extra_cap",
        "_idf",
        "_ids",
        "_lower",
        "_repeats",
        "_upper",
    )

    def __init__(
        self,
        ids: Ints,
        corpus: CompactCorpus,
        *,
        candidate_cap: int = CANDIDATE_CAP,
        extra_cap: int = EXTRA_CAP,
    ) -> None:
        self._ids = ids
        self._ids.setflags(write=False)
        self._corpus = corpus
        self._candidate_cap = max(1, candidate_cap)
        self._extra_cap = max(0, extra_cap)
        self._bm25: CompactBM25 | None = None
        if not corpus.terms.size:
            # BM25Okapi divides by the corpus size and by the vocabulary size.
            return
        bm25 = CompactBM25(corpus)
        _floor_idf(bm25, corpus.document_counts().tolist())
        self._bm25 = bm25
        self._idf = np.fromiter(bm25.idf.values(), dtype=np.float64, count=len(bm25.idf))
        # Per passage, what one occurrence of a term scores per unit of idf (a lower bound:
        # counts are at least one) and the most it can score (at the passage's highest count).
        norm = bm25.k1 * (1 - bm25.b + bm25.b * bm25.doc_len / bm25.avgdl)
        starts = corpus.offsets[:-1].clip(max=corpus.counts.size - 1)
        highest = np.maximum.reduceat(corpus.counts, starts)
        highest[np.diff(corpus.offsets) == 0] = 1
        self._lower = (bm25.k1 + 1) / (1 + norm)
        self._upper = (bm25.k1 + 1) * highest / (highest + norm)
        self._repeats = highest > 1

    @classmethod
    def build(cls, passages: Sequence[IndexedPassage], **caps: int) -> SearchIndex:
        """Index the passages (an id given twice is simply returned for both passages)."""
        ids = np.fromiter((passage.id for passage in passages), dtype=np.int64, count=len(passages))
        corpus = CompactCorpus.from_documents(passage.lemmas for passage in passages)
        return cls(ids, corpus, **caps)

    @classmethod
    def from_stored(cls, rows: Iterable[tuple[int, str]], **caps: int) -> SearchIndex:
        """Index (passage id, space-separated lemmas) rows as storage streams them."""
        return cls(np.zeros(0, dtype=np.int64), CompactCorpus.empty(), **caps).extended(rows)

    def extended(self, rows: Iterable[tuple[int, str]]) -> SearchIndex:
        """A new index with the (passage id, lemmas) rows added, e.g. those stored since.

        Only the new rows are tokenised; idf and averages are recomputed over everything,
        so the result equals a full rebuild over the same passages.
        """
        ids: list[int] = []

        def documents() -> Iterable[list[str]]:
            for passage_id, lemmas in rows:
                ids.append(passage_id)
                yield lemmas.split()

        corpus = self._corpus.extended(documents())
        return SearchIndex(
            np.concatenate([self._ids, np.asarray(ids, dtype=np.int64)]),
            corpus,
            candidate_cap=self._candidate_cap,
            extra_cap=self._extra_cap,
        )

    def arrays(self) -> dict[str, npt.NDArray[Any]]:
        """The index as plain arrays (ids, corpus, vocabulary) for `from_arrays`."""
        c = self._corpus
        return {
            "ids": self._ids,
            "vocabulary": np.asarray(c.vocabulary, dtype=np.str_),
            "lengths": c.lengths,
            "offsets": c.offsets,
            "terms": c.terms,
            "counts": c.counts,
            "posting_offsets": c.posting_offsets,
            "posting_rows": c.posting_rows,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[Any]], **caps: int) -> SearchIndex:
        """The index saved by `arrays` (scores equal those of the index it was saved from)."""
        vocabulary = tuple(str(term) for term in arrays["vocabulary"].tolist())
        corpus = CompactCorpus(
            vocabulary=vocabulary,
            term_ids={term: i for i, term in enumerate(vocabulary)},
            **{
                name: np.asarray(arrays[name])
                for name in ("lengths", "offsets", "terms", "counts", "posting_offsets")
            },
            posting_rows=np.asarray(arrays["posting_rows"]),
        )
        return cls(np.array(arrays["ids"], dtype=np.int64), corpus, **caps)

    @property
    def last_id(self) -> int | None:
        """The largest passage id indexed (rows stored after it can be added with `extended`)."""
        return int(self._ids.max()) if self._ids.size else None

    def __len__(self) -> int:
        """Number of indexed passages (including those without lemmas)."""
        return int(self._ids.size)

    @property
    def nbytes(self) -> int:
        """Bytes held in numpy arrays (vocabulary and idf dicts not included)."""
        if self._bm25 is None:
            return int(self._ids.nbytes + self._corpus.nbytes)
        per_passage = (self._ids, self._lower, self._upper, self._repeats, self._bm25.doc_len)
        return int(self._corpus.nbytes + self._idf.nbytes + sum(a.nbytes for a in per_passage))

    def search(
        self, lemmas: Sequence[str], *, top_k: int = 10, among: Collection[int] | None = None
    ) -> list[tuple[int, float]]:
        """Best passages for the query lemmas as (id, score), score > 0, highest first."""
        term_ids = self._corpus.term_ids
        terms = [lemma for lemma in lemmas if lemma in term_ids]
        if self._bm25 is None or not terms or top_k <= 0:
            return []
        weights = Counter(term_ids[term] for term in terms)
        rows, matched = self._candidates(weights, among)
        if rows.size > self._candidate_cap:
            rows, scores = self._score_capped(terms, weights, rows, matched, top_k)
        else:
            scores = self._score(terms, weights, rows)
        best = np.flatnonzero(scores > 0)
        if best.size > top_k:
            # Keep every passage tied with the k-th score so ties break by id, not by chance.
            kth = np.partition(scores[best], best.size - top_k)[best.size - top_k]
            best = best[scores[best] >= kth]
        hits = [(int(self._ids[rows[i]]), float(scores[i])) for i in best]
        hits.sort(key=lambda hit: (-hit[1], hit[0]))
        return hits[:top_k]

    def _candidates(
        self, weights: Counter[int], among: Collection[int] | None
    ) -> tuple[Ints, Floats]:
        """Rows matching any query term, with the sum of idf of the terms each one matches."""
        found = [self._corpus.postings(term) for term in weights]
        rows: Ints = np.concatenate(found).astype(np.int64)
        # sum of idf of the matched terms (a term twice in the query counts twice, as in rank-bm25)
        idf = np.repeat(
            [self._idf[term] * n for term, n in weights.items()], [f.size for f in found]
        )
        if rows.size * 8 < len(self):
            rows, where = np.unique(rows, return_inverse=True)
            matched: Floats = np.bincount(where, idf, rows.size).astype(np.float64, copy=False)
        else:
            matched = np.bincount(rows, idf, len(self)).astype(np.float64, copy=False)
            rows = np.flatnonzero(matched)
            matched = matched[rows]
        if among is not None:
            allowed = np.fromiter(among, dtype=np.int64, count=len(among))
            keep = np.isin(self._ids[rows], allowed)
            rows, matched = rows[keep], matched[keep]
        return rows, matched

    def _score_capped(
        self, terms: list[str], weights: Counter[int], rows: Ints, matched: Floats, top_k: int
    ) -> tuple[Ints, Floats]:
        """Score the best-bounded rows, then the rest whose upper bound reaches the k-th score."""
        count = max(self._candidate_cap, top_k)
        first = self._best_bounded(rows, matched * self._lower[rows], count)
        scores = self._score(terms, weights, rows[first])
        k = min(top_k, scores.size)
        kth = np.partition(scores, scores.size - k)[scores.size - k]
        # A row with every count 1 scores exactly its lower bound, which is no higher than
        # (and on a tie, has a larger id than) those already scored: only repeats can pass.
        rest = np.ones(rows.size, dtype=bool)
        rest[first] = False
        rest &= self._repeats[rows]
        rest_rows = np.flatnonzero(rest)
        upper = matched[rest_rows] * self._upper[rows[rest_rows]]
        reach = upper >= kth * (1 - 1e-9)
        rest_rows, upper = rest_rows[reach], upper[reach]
        if rest_rows.size > self._extra_cap:
            rest_rows = rest_rows[self._best_bounded(rows[rest_rows], upper, self._extra_cap)]
        if not rest_rows.size:
            return rows[first], scores
        extra = self._score(terms, weights, rows[rest_rows])
        return np.concatenate([rows[first], rows[rest_rows]]), np.concatenate([scores, extra])

    def _best_bounded(self, rows: Ints, bound: Floats, count: int) -> Ints:
        """Indexes of the `count` rows with the highest bound, ties going to lower ids."""
        if rows.size <= count:
            return np.arange(rows.size)
        if count <= 0:
            return np.zeros(0, dtype=np.int64)
        # Partitioning a million bounds is the slowest step at 1M articles; a bound every
        # `step` rows gives a cut that about 2 * count rows pass, and only those are sorted.
        keep = np.arange(rows.size)
        step = rows.size // (16 * count)
        if step >= 2:
            sample = bound[::step]
            position = sample.size - min(sample.size, -(-2 * count // step))
            cut = np.partition(sample, position)[position]
            passed = np.flatnonzero(bound >= cut)
            if passed.size >= count:  # else the sample was unlucky: use every row
                keep = passed
        kept = bound[keep]
        threshold = np.partition(kept, kept.size - count)[kept.size - count]
        above = keep[kept > threshold]
        tied = keep[kept == threshold]
        tied = tied[np.argsort(self._ids[rows[tied]], kind="stable")[: count - above.size]]
        return np.concatenate([above, tied])

    def _score(self, terms: list[str], weights: Counter[int], rows: Ints) -> Floats:
        """rank-bm25's scores of the rows, one query term at a time over the rows having it.

        `get_batch_scores(query, ids)` costs a dict lookup per query term per id; broad
        questions expand to some 50 contact lemmas, most absent from any one passage. So each
        term is scored by rank-bm25 on just the rows containing it, through a per-query view
        (these rows' counts of the query terms; the shared idf, avgdl, k1 and b), and added
        in query order: rank-bm25 adds exactly 0.0 for a missing term, so the sums are the
        same bit for bit.
        """
        assert self._bm25 is not None
        term_ids = self._corpus.term_ids
        view = copy.copy(self._bm25)
        view.doc_freqs, having = self._corpus.restricted_frequencies(rows, list(weights))
        view.doc_len = self._bm25.doc_len[rows]
        scores = np.zeros(rows.size, dtype=np.float64)
        for term in terms:
            positions = having.get(term_ids[term])
            if positions is not None:
                scores[positions] += view.get_batch_scores([term], positions)
        return scores
