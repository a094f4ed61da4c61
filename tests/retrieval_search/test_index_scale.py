"""The scalable index: compact counts equal rank-bm25's, capped candidates keep the exact top-k."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval import compact
from retrieval.compact import CompactBM25, CompactCorpus
from retrieval.index import IndexedPassage, SearchIndex
from retrieval.lemmas import Lemmatizer

DOCUMENTS = [
    ["лавров", "рубио", "разговор", "лавров"],
    [],
    ["путин", "трамп", "встреча"],
    ["лавров", "ван", "встреча", "пекин"],
    ["путин"],
    ["трамп", "путин", "разговор", "разговор", "разговор"],
]


def _random_corpus(seed: int, size: int = 400) -> list[IndexedPassage]:
    """Passages over a skewed vocabulary: broad terms, repeats, duplicates, empty passages."""
    rng = random.Random(seed)
    vocabulary = [f"слово{i}" for i in range(40)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    passages: list[IndexedPassage] = []
    ids = rng.sample(range(10 * size), size)  # ids unrelated to positions
    for passage_id in ids:
        if passages and rng.random() < 0.1:
            lemmas = rng.choice(passages).lemmas  # a reprint: same lemmas, same score
        else:
            lemmas = tuple(rng.choices(vocabulary, weights, k=rng.randint(0, 14)))
        passages.append(IndexedPassage(passage_id, lemmas))
    return passages


def _reference(
    passages: list[IndexedPassage], query: list[str], top_k: int
) -> list[tuple[int, float]]:
    scores = BM25Okapi([list(p.lemmas) for p in passages]).get_scores(query)
    ranked = sorted(
        ((p.id, float(s)) for p, s in zip(passages, scores, strict=True) if s > 0),
        key=lambda hit: (-hit[1], hit[0]),
    )
    return ranked[:top_k]


def test_compact_counts_equal_rank_bm25(lemmatizer: Lemmatizer, seeds: dict[str, str]) -> None:
    documents = [lemmatizer.lemmas(text) for text in seeds.values()] + DOCUMENTS
    reference = BM25Okapi(documents)
    bm25 = CompactBM25(CompactCorpus.from_documents(documents))
    assert list(bm25.doc_freqs) == reference.doc_freqs
    assert bm25.doc_freqs[-1] == reference.doc_freqs[-1]
    assert bm25.doc_freqs[1:3] == reference.doc_freqs[1:3]
    assert bm25.idf == reference.idf  # same order too: the idf average sums identically
    assert list(bm25.idf) == list(reference.idf)
    assert (bm25.avgdl, bm25.average_idf) == (reference.avgdl, reference.average_idf)
    assert bm25.doc_len.tolist() == reference.doc_len
    query = ["лавров", "разговор", "встреча", "лавров"]
    assert bm25.get_scores(query).tolist() == reference.get_scores(query).tolist()
    assert bm25.get_batch_scores(query, [0, 5]) == reference.get_batch_scores(query, [0, 5])
    with pytest.raises(IndexError):
        bm25.doc_freqs[len(documents)]


def test_chunked_counting_gives_the_same_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = CompactCorpus.from_documents(DOCUMENTS)
    monkeypatch.setattr(compact, "CHUNK_DOCUMENTS", 2)
    chunked = CompactCorpus.from_documents(DOCUMENTS)
    for field in ("lengths", "offsets", "terms", "counts", "posting_offsets", "posting_rows"):
        assert np.array_equal(getattr(whole, field), getattr(chunked, field)), field
    assert chunked.vocabulary == whole.vocabulary
    assert chunked.postings(chunked.term_ids["разговор"]).tolist() == [0, 5]
    assert chunked.frequencies(5) == {"трамп": 1, "путин": 1, "разговор": 3}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("cap", [1, 3, 10, 10_000])
def test_capped_search_keeps_the_exact_top_k(seed: int, cap: int) -> None:
    passages = _random_corpus(seed)
    index = SearchIndex.build(passages, candidate_cap=cap)
    rng = random.Random(seed)
    for _ in range(15):
        query = [f"слово{rng.randrange(45)}" for _ in range(rng.randint(1, 6))]  # dupes, unknowns
        top_k = rng.choice([1, 5, 10])
        assert index.search(query, top_k=top_k) == _reference(passages, query, top_k), query


def test_capped_search_with_no_extra_round_is_bounded_and_still_ranked() -> None:
    passages = _random_corpus(1)
    index = SearchIndex.build(passages, candidate_cap=5, extra_cap=0)
    found = index.search(["слово0", "слово1"], top_k=5)
    assert len(found) == 5
    assert all(score > 0 for _, score in found)
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)


def test_repeated_term_beyond_the_cap_is_found() -> None:
    # the long passage has the lowest lower bound but wins on its repeated term
    passages = [IndexedPassage(i, ("встреча", f"слово{i}")) for i in range(20)]
    passages.append(IndexedPassage(99, ("встреча",) * 6 + ("а", "б", "в")))
    index = SearchIndex.build(passages, candidate_cap=2)
    assert index.search(["встреча"], top_k=1) == _reference(passages, ["встреча"], 1)
    assert index.search(["встреча"], top_k=1)[0][0] == 99


def test_among_with_capping_matches_the_filtered_reference() -> None:
    passages = _random_corpus(2)
    allowed = {p.id for p in passages[::3]}
    index = SearchIndex.build(passages, candidate_cap=4)
    kept = [p for p in passages if p.id in allowed]
    found = index.search(["слово0", "слово5"], top_k=10, among=allowed)
    everywhere = SearchIndex.build(passages).search(["слово0", "слово5"], top_k=len(passages))
    assert found == [hit for hit in everywhere if hit[0] in allowed][:10]
    assert {pid for pid, _ in found} <= {p.id for p in kept}


def test_index_from_stored_rows_equals_index_from_passages() -> None:
    passages = _random_corpus(3)
    stored = SearchIndex.from_stored((p.id, " ".join(p.lemmas)) for p in passages)
    built = SearchIndex.build(passages)
    assert len(stored) == len(built) == len(passages)
    for query in (["слово0"], ["слово3", "слово7", "слово3"], ["слово39", "нет"]):
        assert stored.search(query, top_k=20) == built.search(query, top_k=20)
    assert stored.nbytes > 0


@pytest.mark.parametrize("split", [0, 1, 57, 200, 400])
def test_extended_index_equals_a_full_rebuild(split: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compact, "CHUNK_DOCUMENTS", 50)
    passages = [*_random_corpus(4), IndexedPassage(99_999, ("новое", "слово", "новое"))]
    rows = [(p.id, " ".join(p.lemmas)) for p in passages]
    rebuilt = SearchIndex.from_stored(rows, candidate_cap=5)
    base = SearchIndex.from_stored(rows[:split], candidate_cap=5)
    extended = base.extended(rows[split:])
    for field in ("lengths", "offsets", "terms", "counts", "posting_offsets", "posting_rows"):
        assert np.array_equal(getattr(extended._corpus, field), getattr(rebuilt._corpus, field))
    assert extended._corpus.vocabulary == rebuilt._corpus.vocabulary
    assert len(base) == split  # the old index is untouched
    assert extended.last_id == rebuilt.last_id == 99_999
    for query in (["слово0", "слово2"], ["новое"], ["слово9", "слово9", "слово30"]):
        assert extended.search(query, top_k=7) == rebuilt.search(query, top_k=7)


def test_extending_by_nothing_keeps_the_results() -> None:
    passages = _random_corpus(5)
    index = SearchIndex.build(passages)
    assert index.extended([]).search(["слово1"], top_k=5) == index.search(["слово1"], top_k=5)
    assert SearchIndex.build([]).last_id is None
    assert SearchIndex.build([]).extended([(7, "лавров рубио")]).search(["рубио"])[0][0] == 7
