"""BM25 search: equal to rank-bm25 on real corpora, sensible on tiny ones, safe when empty."""

from __future__ import annotations

import pytest
from rank_bm25 import BM25Okapi

from retrieval.concepts import expand_query_lemmas
from retrieval.index import IndexedPassage, SearchIndex
from retrieval.lemmas import Lemmatizer
from retrieval.textclean import parse_txt_article, split_passages

SENTENCES = [
    "Лавров поговорил по телефону с Рубио.",
    "Лавров и Рубио обсудили Украину в телефонном разговоре.",
    "Путин провел переговоры с Трампом на Аляске.",
    "Лавров встретился с Ван И в Пекине.",
    "Лавров заявил журналистам, что контакты с США продолжатся.",
    "Блинкен и Лавров провели телефонный разговор по Арктическому совету.",
    "Трамп позвонил Путину, разговор длился полтора часа.",
    "Лавров прибыл с визитом в Анкару, где проведет переговоры.",
    "Песков не стал комментировать слухи о встрече.",
]
QUERIES = [
    ["лавров"],
    ["рубио"],
    ["лавров", "рубио"],
    ["телефонный", "разговор"],
    ["переговоры", "путин", "трамп"],
    ["лавров", "лавров", "пекин"],
    ["говорить"],
    ["несуществующий"],
]


def _passages(lemmatizer: Lemmatizer, texts: list[str]) -> list[IndexedPassage]:
    return [IndexedPassage(100 + i, tuple(lemmatizer.lemmas(t))) for i, t in enumerate(texts)]


def _assert_equals_reference(passages: list[IndexedPassage], query: list[str]) -> None:
    reference = BM25Okapi([list(p.lemmas) for p in passages]).get_scores(query)
    expected = {p.id: float(s) for p, s in zip(passages, reference, strict=True) if s > 0}
    found = SearchIndex.build(passages).search(query, top_k=len(passages))
    assert dict(found) == pytest.approx(expected, rel=1e-12)
    assert [score for _, score in found] == sorted(expected.values(), reverse=True)


@pytest.mark.parametrize("query", QUERIES)
def test_scores_equal_rank_bm25_reference(lemmatizer: Lemmatizer, query: list[str]) -> None:
    passages = _passages(lemmatizer, SENTENCES)
    assert sum("лавров" in p.lemmas for p in passages) * 2 > len(passages)  # a negative raw idf
    _assert_equals_reference(passages, query)
    _assert_equals_reference(passages, expand_query_lemmas(query))


@pytest.mark.parametrize("query", QUERIES)
def test_scores_equal_reference_on_seed_passages(
    lemmatizer: Lemmatizer, seeds: dict[str, str], query: list[str]
) -> None:
    texts = [
        span.text for raw in seeds.values() for span in split_passages(parse_txt_article(raw).text)
    ]
    passages = _passages(lemmatizer, texts[: len(texts) // 2 * 2 - 1])  # odd: no zero idf
    _assert_equals_reference(passages, expand_query_lemmas(query))


TINY = [
    # documents, query, expected ids best first
    [[["лавров", "рубио", "разговор"]], ["лавров"], [0]],
    [[["лавров", "рубио", "разговор"]], ["блинкен"], []],
    [[["лавров", "рубио", "разговор"], ["лавров", "блинкен"]], ["рубио"], [0]],
    [[["лавров", "рубио", "разговор"], ["лавров", "блинкен"]], ["лавров", "рубио"], [0, 1]],
    [[["лавров", "блинкен"], ["лавров", "рубио", "разговор"]], ["рубио", "разговор"], [1]],
    [[["путин", "трамп"], ["путин", "путин", "трамп", "встреча"]], ["встреча", "путин"], [1, 0]],
    [[["путин"], ["трамп"], ["лавров"]], ["путин", "трамп"], [0, 1]],
]  # fmt: skip


@pytest.mark.parametrize(("docs", "query", "expected"), TINY)
def test_tiny_corpora_rank_sensibly(
    docs: list[list[str]], query: list[str], expected: list[int]
) -> None:
    index = SearchIndex.build([IndexedPassage(i, tuple(doc)) for i, doc in enumerate(docs)])
    found = index.search(query)
    assert [passage_id for passage_id, _ in found] == expected
    assert all(score > 0 for _, score in found)


def test_two_documents_rarer_term_outweighs_common_one() -> None:
    index = SearchIndex.build(
        [IndexedPassage(1, ("лавров", "рубио")), IndexedPassage(2, ("лавров", "блинкен"))]
    )
    assert index.search(["рубио"])[0][1] > index.search(["лавров"])[0][1]


@pytest.mark.parametrize(
    "passages",
    [[], [IndexedPassage(1, ())], [IndexedPassage(1, ()), IndexedPassage(2, ())]],
)
def test_empty_corpus_finds_nothing(passages: list[IndexedPassage]) -> None:
    index = SearchIndex.build(passages)
    assert len(index) == len(passages)
    assert index.search(["лавров"]) == []


def test_among_restricts_results(lemmatizer: Lemmatizer) -> None:
    index = SearchIndex.build(_passages(lemmatizer, SENTENCES))
    everywhere = index.search(["лавров"], top_k=20)
    restricted = index.search(["лавров"], top_k=20, among={100, 103, 108, 999})
    assert [pid for pid, _ in restricted] == [pid for pid, _ in everywhere if pid in {100, 103}]
    assert index.search(["лавров"], among=[]) == []


SEARCH_EDGES = [
    # query, top_k, expected number of hits
    [["лавров"], 2, 2],
    [["лавров"], 0, 0],
    [["лавров"], -1, 0],
    [[], 10, 0],
    [["несуществующий"], 10, 0],
]


@pytest.mark.parametrize(("query", "top_k", "count"), SEARCH_EDGES)
def test_search_edges(lemmatizer: Lemmatizer, query: list[str], top_k: int, count: int) -> None:
    index = SearchIndex.build(_passages(lemmatizer, SENTENCES))
    assert len(index.search(query, top_k=top_k)) == count


def test_ties_break_by_id_and_survive_top_k() -> None:
    index = SearchIndex.build([IndexedPassage(i, ("встреча", f"слово{i}")) for i in (5, 3, 9, 1)])
    assert [pid for pid, _ in index.search(["встреча"], top_k=2)] == [1, 3]


def test_index_does_not_change_when_the_input_list_does() -> None:
    passages = [IndexedPassage(1, ("лавров", "рубио")), IndexedPassage(2, ("путин",))]
    index = SearchIndex.build(passages)
    passages.append(IndexedPassage(3, ("рубио",)))
    assert len(index) == 2
    assert [pid for pid, _ in index.search(["рубио"])] == [1]
