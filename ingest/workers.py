"""Article analysis in worker processes: each worker loads the NLP objects once."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ingest.analysis import AnalysedArticle, ArticleAnalyser
from ingest.types import RawDocument

# The analyser of this worker process, set once by the pool initializer (or inherited from
# the parent on fork). It lives only in worker processes.
_worker_analyser: ArticleAnalyser | None = None

Analysed = tuple[RawDocument, AnalysedArticle | str]  # str: why the analysis failed


def default_workers() -> int:
    """Worker processes for analysis: one per core."""
    return max(1, os.cpu_count() or 1)


def _init_worker(analyser: ArticleAnalyser | None) -> None:
    # per-process state set by the pool initializer
    global _worker_analyser
    if analyser is None:
        from retrieval.contacts import ContactExtractor
        from retrieval.lemmas import default_lemmatizer
        from retrieval.people import PersonRegistry

        registry = PersonRegistry.load_default()
        lemmatizer = default_lemmatizer()
        analyser = ArticleAnalyser(
            registry=registry,
            lemmatizer=lemmatizer,
            extractor=ContactExtractor(registry, lemmatizer),
        )
    _worker_analyser = analyser


def analyse_one(analyser: ArticleAnalyser, doc: RawDocument) -> Analysed:
    """Analyse a document; an exception becomes its message (a bad article never stops a batch)."""
    try:
        return doc, analyser.analyse(doc)
    except Exception as exc:  # noqa: BLE001  (reported per document by the pipeline)
        return doc, f"{type(exc).__name__}: {exc}"


def _analyse_chunk(docs: list[RawDocument]) -> list[Analysed]:
    assert _worker_analyser is not None
    return [analyse_one(_worker_analyser, doc) for doc in docs]


def chunked(items: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    """Lists of at most `size` items."""
    chunk: list[RawDocument] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse_parallel(
    analyser: ArticleAnalyser, docs: Iterable[RawDocument], *, workers: int, chunk: int = 16
) -> Iterator[list[Analysed]]:
    """Analysed chunks in input order, computed by `workers` processes with bounded lookahead."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    # with fork the children inherit the loaded analyser; with spawn they load their own
    initarg = analyser if method == "fork" else None
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(initarg,)
    ) as pool:
        pending: deque[Future[list[Analysed]]] = deque()
        for part in chunked(docs, chunk):
            pending.append(pool.submit(_analyse_chunk, part))
            if len(pending) >= workers * 4:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
