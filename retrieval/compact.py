"""Term counts of many documents in flat numpy arrays, scored by rank-bm25 without a dict each.

rank-bm25 keeps one Python dict per document (about 5 KB for a 250-lemma article), which is
5 GB at a million articles. `CompactCorpus` keeps the same counts in CSR arrays (term id and
count per distinct term of each document) plus per-term postings, 12 bytes an entry in all;
`CompactBM25` is a `BM25Okapi` whose `doc_freqs` is a sequence that builds a document's dict
only when it is read. idf, average length and every score are still computed by rank-bm25.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, overload

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

CHUNK_DOCUMENTS = 20_000
"""Documents counted per numpy pass while building (bounds the temporary arrays)."""

Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]
Array = TypeVar("Array", bound=np.ndarray[Any, Any])


class _Vocabulary(dict[str, int]):
    """Term -> id, handing out the next id to a term seen for the first time."""

    def __missing__(self, term: str) -> int:
        term_id = self[term] = len(self)
        return term_id


@dataclass(frozen=True, eq=False)
class CompactCorpus:
    """Distinct terms and counts of each document (CSR), with postings per term.

    Row `i` holds the terms of document `i` sorted by term id in
    `terms[offsets[i]:offsets[i + 1]]` and their counts in `counts[...]`; the documents
    containing term `t` are `posting_rows[posting_offsets[t]:posting_offsets[t + 1]]`,
    ascending (their counts are in the rows: postings hold no second copy).
    """

    vocabulary: tuple[str, ...]
    term_ids: dict[str, int]
    lengths: Ints
    offsets: Ints
    terms: Int32s
    counts: Int32s
    posting_offsets: Ints
    posting_rows: Int32s

    @classmethod
    def empty(cls) -> CompactCorpus:
        """A corpus of no documents."""
        none = _frozen(np.zeros(0, dtype=np.int64))
        return cls(
            vocabulary=(),
            term_ids={},
            lengths=none,
            offsets=_frozen(np.zeros(1, dtype=np.int64)),
            terms=_frozen(np.zeros(0, dtype=np.int32)),
            counts=_frozen(np.zeros(0, dtype=np.int32)),
            posting_offsets=_frozen(np.zeros(1, dtype=np.int64)),
            posting_rows=_frozen(np.zeros(0, dtype=np.int32)),
        )

    @classmethod
    def from_documents(cls, documents: Iterable[Sequence[str]]) -> CompactCorpus:
        """Count the terms of tokenised documents, streaming (never a dict per document)."""
        return cls.empty().extended(documents)

    def extended(self, documents: Iterable[Sequence[str]]) -> CompactCorpus:
        """A new corpus: these documents, then the given ones (this one is left unchanged).

        Only the new documents are tokenised; the existing arrays are merged with numpy, so
        adding a poll's worth of passages costs little more than copying the arrays.
        """
        vocabulary = _Vocabulary(self.term_ids)
        lengths = array("q")
        parts: list[tuple[Ints, Int32s, Int32s]] = []
        tokens = array("i")
        first = 0
        for document in documents:
            tokens.extend(map(vocabulary.__getitem__, document))
            lengths.append(len(document))
            if len(lengths) - first == CHUNK_DOCUMENTS:
                parts.append(_count_chunk(tokens, lengths[first:], len(self) + first))
                tokens = array("i")
                first = len(lengths)
        parts.append(_count_chunk(tokens, lengths[first:], len(self) + first))
        rows = np.concatenate([part[0] for part in parts])
        terms = np.concatenate([part[1] for part in parts])
        counts = np.concatenate([part[2] for part in parts])

        size = len(self) + len(lengths)
        offsets = np.empty(size + 1, dtype=np.int64)
        offsets[: len(self) + 1] = self.offsets
        np.cumsum(
            np.bincount(rows - len(self), minlength=len(lengths)), out=offsets[len(self) + 1 :]
        )
        offsets[len(self) + 1 :] += self.offsets[-1]
        posting_offsets, posting_rows = self._merged_postings(rows, terms, len(vocabulary))
        added = np.frombuffer(lengths, dtype=np.int64) if lengths else np.zeros(0, np.int64)
        return CompactCorpus(
            vocabulary=self.vocabulary + tuple(vocabulary)[len(self.vocabulary) :],
            term_ids=dict(vocabulary),
            lengths=_frozen(np.concatenate([self.lengths, added])),
            offsets=_frozen(offsets),
            terms=_frozen(np.concatenate([self.terms, terms])),
            counts=_frozen(np.concatenate([self.counts, counts])),
            posting_offsets=_frozen(posting_offsets),
            posting_rows=_frozen(posting_rows),
        )

    def _merged_postings(self, rows: Ints, terms: Int32s, size: int) -> tuple[Ints, Int32s]:
        """Postings of this corpus plus new (row, term) entries, rows after all of ours."""
        old = np.zeros(size, dtype=np.int64)
        old[: len(self.vocabulary)] = self.document_counts()
        new = np.bincount(terms, minlength=size)
        offsets = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(old + new, out=offsets[1:])
        merged = np.empty(int(offsets[-1]), dtype=np.int32)
        # each term's old postings move by the new entries of the terms before it
        shift = offsets[:-1] - np.concatenate([[0], np.cumsum(old)[:-1]])
        merged[np.arange(self.posting_rows.size) + np.repeat(shift, old)] = self.posting_rows
        # new entries go after the term's old ones; stable: rows stay ascending in each term
        by_term = np.argsort(terms, kind="stable")
        sorted_terms = terms[by_term]
        new_before = np.cumsum(new) - new
        rank = np.arange(terms.size) - new_before[sorted_terms]
        merged[offsets[sorted_terms] + old[sorted_terms] + rank] = rows[by_term]
        return offsets, merged

    def __len__(self) -> int:
        """Number of documents."""
        return int(self.lengths.size)

    @property
    def nbytes(self) -> int:
        """Bytes held by the numpy arrays (the vocabulary strings not included)."""
        arrays = (self.lengths, self.offsets, self.terms, self.counts, self.posting_offsets)
        return sum(a.nbytes for a in (*arrays, self.posting_rows))

    def document_counts(self) -> Ints:
        """Number of documents containing each term, by term id."""
        return np.diff(self.posting_offsets)

    def postings(self, term_id: int) -> Int32s:
        """Rows containing the term, ascending."""
        return self.posting_rows[self.posting_offsets[term_id] : self.posting_offsets[term_id + 1]]

    def frequencies(self, row: int) -> dict[str, int]:
        """Term -> count of one document, as rank-bm25 keeps it."""
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        vocabulary = self.vocabulary
        return {
            vocabulary[term]: count
            for term, count in zip(
                self.terms[start:end].tolist(), self.counts[start:end].tolist(), strict=True
            )
        }

    def restricted_frequencies(
        self, rows: Ints, term_ids: Sequence[int]
    ) -> tuple[list[dict[str, int]], dict[int, Ints]]:
        """Term -> count of the given documents, keeping only the given terms.

        Also returns, per given term found, the positions in `rows` of the documents with it.
        """
        starts = self.offsets[rows]
        sizes = self.offsets[rows + 1] - starts
        # the CSR entries of every requested row, in one gather
        entry = np.arange(int(sizes.sum()), dtype=np.int64)
        entry += np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
        owner = np.repeat(np.arange(rows.size), sizes)
        wanted = np.isin(self.terms[entry], np.asarray(term_ids, dtype=np.int32))
        entry, owner = entry[wanted], owner[wanted]
        terms = self.terms[entry]
        found: list[dict[str, int]] = [{} for _ in range(rows.size)]
        vocabulary = self.vocabulary
        for position, term, count in zip(
            owner.tolist(), terms.tolist(), self.counts[entry].tolist(), strict=True
        ):
            found[position][vocabulary[term]] = count
        by_term = np.argsort(terms, kind="stable")
        present, first = np.unique(terms[by_term], return_index=True)
        groups = np.split(owner[by_term], first[1:]) if present.size else []
        return found, dict(zip(present.tolist(), groups, strict=True))


def _frozen(values: Array) -> Array:
    values.setflags(write=False)
    return values


def _count_chunk(
    tokens: array[int], lengths: array[int], first_row: int
) -> tuple[Ints, Int32s, Int32s]:
    """(row, term, count) of each distinct term of a run of documents, by row then term."""
    token_ids = np.frombuffer(tokens, dtype=np.int32) if tokens else np.zeros(0, np.int32)
    sizes = np.frombuffer(lengths, dtype=np.int64) if lengths else np.zeros(0, np.int64)
    local_rows = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
    keys, counts = np.unique((local_rows << 32) | token_ids.astype(np.int64), return_counts=True)
    rows = (keys >> 32) + first_row
    terms = (keys & 0xFFFFFFFF).astype(np.int32)
    return rows, terms, counts.astype(np.int32)


class CompactDocFreqs(Sequence[dict[str, int]]):
    """rank-bm25's `doc_freqs` (one term -> count dict per document), built on access."""

    __slots__ = ("_corpus",)

    def __init__(self, corpus: CompactCorpus) -> None:
        self._corpus = corpus

    def __len__(self) -> int:
        """Number of documents."""
        return len(self._corpus)

    @overload
    def __getitem__(self, index: int) -> dict[str, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, int]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, int] | list[dict[str, int]]:
        """The term counts of one document (or a list of them for a slice)."""
        if isinstance(index, slice):
            return [self._corpus.frequencies(i) for i in range(*index.indices(len(self)))]
        size = len(self)
        row = int(index) + size if index < 0 else int(index)
        if not 0 <= row < size:
            raise IndexError(index)
        return self._corpus.frequencies(row)

    def __iter__(self) -> Iterator[dict[str, int]]:
        """Every document's term counts, in order."""
        return (self._corpus.frequencies(row) for row in range(len(self)))


class CompactBM25(BM25Okapi):  # type: ignore[misc]  # rank_bm25 ships no type hints
    """BM25Okapi over a `CompactCorpus`: rank-bm25's own idf, averages and scoring code."""

    def __init__(
        self, corpus: CompactCorpus, *, k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25
    ) -> None:
        super().__init__(corpus, None, k1, b, epsilon)

    def _initialize(self, corpus: CompactCorpus) -> dict[str, int]:
        """Replace BM25._initialize: same fields, filled from the arrays; returns term -> df."""
        self.corpus_size = len(corpus)
        # an int sum divided like rank-bm25 does, so avgdl is bit-for-bit the same
        self.avgdl = int(corpus.lengths.sum()) / self.corpus_size
        # an array once, not a list: rank-bm25 0.2.2 calls np.array(doc_len) on every query
        self.doc_len = corpus.lengths.astype(np.float64)
        self.doc_freqs: Sequence[dict[str, int]] = CompactDocFreqs(corpus)
        # first-seen order, as rank-bm25 builds it: the idf average sums in the same order
        return dict(zip(corpus.vocabulary, corpus.document_counts().tolist(), strict=True))
