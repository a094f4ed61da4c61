"""Scale benchmark: synthetic corpus of N articles -> ingest rate, ask latency, index, memory.

    python benchmarks/scale.py --articles 10000 [--db URL] [--questions 200] [--reuse]

Builds (or reuses) benchmarks/.cache/corpus_N.jsonl by recombining sentences of real news
(FactRuEval dev texts from ../shared/benchmarks) and of our own sample and dev articles,
with ~10% of articles carrying a contact sentence, and ingests it with one worker process
per core (skipped with --reuse when the database exists; the ingest figures of that run are
kept in the cache). Then, in one run:

- a first bot process starts with no saved index (`first_start_s`: the index is built from
  stored lemmas and saved beside the database); then a fresh bot process (a child, so its
  memory is the bot's alone) restarts from the saved index, answers a first question
  (`startup_s`), answers --questions warm questions, and rebuilds its index while
  answering (refresh without blocking); its peak RSS is the bot's;
- this process times, on the same passages and the same query lemmas, our SearchIndex,
  a plain rank-bm25 full scan (BM25Okapi.get_scores) and tantivy, and checks that our
  top-10 equals the full scan's.

Prints one JSON line. Figures are wall-clock on a shared machine: expect noise.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
SHARED_TEXTS = REPO.parent / "shared" / "benchmarks" / "factrueval-dev" / "articles.jsonl"
OWN_TEXTS = [REPO / "ingest" / "sample", REPO / "benchmarks" / "devset" / "articles"]
SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[А-ЯЁA-Z«])")
CONTACT_CUE = re.compile(r"телефон|разговор|бесед|встре[тч]|переговор|визит|созвон", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [
        s.strip()
        for s in SENTENCE.split(text)
        if 40 <= len(s.strip()) <= 400 and "\n" not in s.strip()
    ]


def load_pools() -> tuple[list[str], list[str]]:
    """Plain sentences and contact sentences to recombine."""
    plain: list[str] = []
    contact: list[str] = []
    if SHARED_TEXTS.exists():
        for line in SHARED_TEXTS.read_text(encoding="utf-8").splitlines():
            for s in _sentences(json.loads(line)["text"]):
                (contact if CONTACT_CUE.search(s) else plain).append(s)
    sys.path.insert(0, str(REPO))
    from ingest.readers import read_paths
    from ingest.types import RawDocument
    from retrieval.textclean import parse_txt_article

    for doc in read_paths([p for p in OWN_TEXTS if p.exists()]):
        if isinstance(doc, RawDocument):
            text = parse_txt_article(doc.text).text if doc.raw_txt else doc.text
            for s in _sentences(text):
                (contact if CONTACT_CUE.search(s) else plain).append(s)
    return plain, contact


def build_corpus(n: int, seed: int = 7) -> Path:
    """A JSONL corpus of n synthetic articles (cached)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"corpus_{n}.jsonl"
    if path.exists():
        return path
    rng = random.Random(seed)
    plain, contact = load_pools()
    start = date(2019, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = rng.sample(plain, k=min(len(plain), rng.randint(12, 22)))
            if rng.random() < 0.10 and contact:
                for s in rng.sample(contact, k=rng.randint(1, 3)):
                    body.insert(rng.randrange(len(body) + 1), s)
            published = start + timedelta(days=rng.randrange(7 * 365))
            out.write(
                json.dumps(
                    {
                        "id": f"syn-{i}",
                        "url": f"https://synthetic.test/{i}",
                        "title": body[0][:80],
                        "published": published.isoformat(),
                        "text": " ".join(body) + f" Номер выпуска {i}.",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) of the values."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def latency_figures(prefix: str, values: Sequence[float]) -> dict[str, float | None]:
    """p50 and p95 of latencies in ms under `prefix_p50_ms` and `prefix_p95_ms`."""
    if not values:
        return {f"{prefix}_p50_ms": None, f"{prefix}_p95_ms": None}
    return {
        f"{prefix}_p50_ms": round(statistics.median(values), 2),
        f"{prefix}_p95_ms": round(percentile(values, 95), 2),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


TOPICS = [
    "на Украине",
    "в Сирии",
    "ядерной программы",
    "торговли",
    "газа",
    "санкций",
    "в Газе",
    "на Ближнем Востоке",
    "Арктики",
    "безопасности в Европе",
    "обмена пленными",
    "нефтяных цен",
    "Карабаха",
    "Афганистана",
    "зерновой сделки",
    "стратегической стабильности",
]


def questions(names: list[str], rng: random.Random, k: int) -> list[str]:
    """A mix of people questions and free-text searches."""
    surnames = [n.split()[-1] for n in names] or ["Лавров", "Рубио"]
    forms = [
        "когда говорили {a} и {b}",
        "когда последний раз встречались {a} и {b}",
        "с кем говорил {a} в 2025 году",
        "о чем договорились {a} и {b}",
        "переговоры по урегулированию {x}",
        "телефонный разговор министров {x}",
    ]
    return [
        rng.choice(forms).format(
            a=rng.choice(surnames), b=rng.choice(surnames), x=rng.choice(TOPICS)
        )
        for _ in range(k)
    ]


def question_kind(question: str) -> str:
    """Which answer path a benchmark question takes: search, about or people."""
    if question.startswith(("переговоры", "телефонный")):
        return "search"
    return "about" if question.startswith("о чем") else "people"


def ingest(corpus: Path, db: str) -> dict[str, Any]:
    """Ingest the corpus with one worker per core; the figures of the run."""
    from ingest.readers import document_from_object
    from ingest.workers import default_workers
    from service.app import ContactsApp

    def documents() -> Iterator[Any]:
        with corpus.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                yield document_from_object(json.loads(line), origin=f"{corpus.name}:{number}")

    app = ContactsApp.open(db)
    started = time.perf_counter()
    report = app.ingestor.ingest_items(documents(), workers=default_workers())
    seconds = time.perf_counter() - started
    app.close()
    return {
        "ingest_s": round(seconds, 1),
        "ingest_articles_per_s": round(report.new / seconds, 1) if seconds else None,
        "ingest_workers": default_workers(),
        "ingest_failed": report.failed,
        "ingest_failures": [f"{f.origin}: {f.reason}"[:200] for f in report.failures[:5]],
    }


def grown(n: int, m: int, corpus: Path, db: str) -> dict[str, Any]:
    """Ingest the first m articles (or reuse scale_m), then grow the database to n by copies."""
    import shutil

    from scale_grow import grow

    from storage.db import make_engine

    if n % m or not db.startswith("sqlite:///"):
        raise SystemExit("--ingest needs N to be a multiple of M and the default SQLite file")
    small = CACHE / f"scale_{m}.db"
    small_figures = CACHE / f"scale_{m}.ingest.json"
    if not (small.exists() and small_figures.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{small}{suffix}").unlink(missing_ok=True)
        prefix = CACHE / f"corpus_{m}.jsonl"
        if not prefix.exists():  # the corpus is built in order: its first m lines are corpus_m
            with corpus.open(encoding="utf-8") as src, prefix.open("w", encoding="utf-8") as out:
                for _, line in zip(range(m), src, strict=False):
                    out.write(line)
        small_figures.write_text(json.dumps(ingest(prefix, f"sqlite:///{small}")))
    target = Path(db.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{small}")
    with engine.connect() as conn:  # fold the WAL into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    shutil.copyfile(small, target)
    started = time.perf_counter()
    engine = make_engine(db)
    rows = grow(engine, copies=n // m - 1)
    engine.dispose()
    return {
        **json.loads(small_figures.read_text()),
        "ingested_through_pipeline": m,
        "copied_articles": n - m,
        "grow_s": round(time.perf_counter() - started, 1),
        "rows_after_grow": rows,
    }


def bot_phase(db: str, count: int) -> dict[str, Any]:
    """A fresh bot process: start-up to a first answer, warm asks, asks during a refresh."""
    started = time.perf_counter()
    from retrieval.concepts import expand_query_lemmas
    from retrieval.questions import parse_question
    from service.app import ContactsApp

    app = ContactsApp.open(db)
    app.answers.ask_sync("переговоры по урегулированию")
    startup_s = time.perf_counter() - started
    if count == 0:
        return {"startup_s": round(startup_s, 2)}

    rng = random.Random(11)
    people = sorted({n for c in app.answers.contacts_sync([]) for n in c.participants})
    asked = questions(people, rng, count)
    latencies = []
    by_kind: dict[str, list[float]] = {}
    for question in asked:
        t0 = time.perf_counter()
        app.answers.ask_sync(question)
        latencies.append((time.perf_counter() - t0) * 1000)
        by_kind.setdefault(question_kind(question), []).append(latencies[-1])

    # New articles become answerable by a rebuild in a thread; questions go on meanwhile.
    refresh = threading.Thread(target=app.answers.refresh_sync)
    t0 = time.perf_counter()
    refresh.start()
    during = []
    while refresh.is_alive() or not during:
        question = rng.choice(asked)
        t1 = time.perf_counter()
        app.answers.ask_sync(question)
        during.append((time.perf_counter() - t1) * 1000)
    refresh.join()
    refresh_s = time.perf_counter() - t0

    today = date.today()
    search_lemmas = []
    for question in dict.fromkeys(asked):
        query = parse_question(
            question, registry=app.nlp.registry, lemmatizer=app.nlp.lemmatizer, today=today
        )
        if not query.people and query.lemmas:
            search_lemmas.append(expand_query_lemmas(list(query.lemmas)))
    return {
        "startup_s": round(startup_s, 2),
        **latency_figures("ask", latencies),
        "ask_p95_ms_by_kind": {
            kind: round(percentile(values, 95), 2) for kind, values in sorted(by_kind.items())
        },
        "refresh_s": round(refresh_s, 2),
        "ask_during_refresh_p95_ms": round(percentile(during, 95), 2),
        "asks_during_refresh": len(during),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "search_lemmas": search_lemmas,
    }


def stored_articles(db: str) -> int:
    """Number of stored articles."""
    from sqlmodel import Session

    from storage import articles as article_repo
    from storage.db import make_engine

    engine = make_engine(db)
    with Session(engine) as session:
        count = article_repo.counts(session).get("articles", 0)
    engine.dispose()
    return int(count)


def current_rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stored_passages(db: str) -> list[tuple[int, str]]:
    """(passage id, lemmas) of every indexed passage."""
    from sqlmodel import Session

    from storage.articles import iter_indexed_passages
    from storage.db import make_engine

    engine = make_engine(db)
    with Session(engine) as session:
        rows = list(iter_indexed_passages(session))
    engine.dispose()
    return rows


def sample_queries(rows: list[tuple[int, str]], rng: random.Random, k: int) -> list[list[str]]:
    """OR queries of 2-4 lemmas taken from random indexed passages (so that they match)."""
    out = []
    while len(out) < k and rows:
        lemmas = list(dict.fromkeys(rng.choice(rows)[1].split()))
        if len(lemmas) >= 2:
            out.append(rng.sample(lemmas, k=min(len(lemmas), rng.randint(2, 4))))
    return out


def time_queries(search: Any, queries: Sequence[list[str]]) -> tuple[list[float], list[Any]]:
    """Latency (ms) and result of `search` on each query."""
    latencies, results = [], []
    for lemmas in queries:
        t0 = time.perf_counter()
        results.append(search(lemmas))
        latencies.append((time.perf_counter() - t0) * 1000)
    return latencies, results


def tantivy_search(rows: list[tuple[int, str]], folder: str) -> tuple[Any, float]:
    """A tantivy BM25 index (in `folder`) over the same lemmas, and its build time in seconds."""
    import tantivy

    started = time.perf_counter()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("pid", stored=True)
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()
    index = tantivy.Index(schema, path=folder)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for pid, lemmas in rows:
        writer.add_document(tantivy.Document(pid=[pid], body=[lemmas]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(lemmas: list[str], top_k: int = 10) -> list[int]:
        should = tantivy.Occur.Should
        query = tantivy.Query.boolean_query(
            [(should, tantivy.Query.term_query(schema, "body", term)) for term in lemmas]
        )
        hits = searcher.search(query, limit=top_k).hits
        return [searcher.doc(address)["pid"][0] for _, address in hits]

    return search, time.perf_counter() - started


def compare_engines(
    rows: list[tuple[int, str]], queries: list[list[str]], fullscan_count: int
) -> dict[str, Any]:
    """Our index, rank-bm25's full scan and tantivy on the same passages and queries."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    from retrieval.index import SearchIndex

    gc.collect()
    before = current_rss_mb()
    started = time.perf_counter()
    index = SearchIndex.from_stored(rows)
    build_s = time.perf_counter() - started
    gc.collect()
    index_rss_mb = current_rss_mb() - before
    ours, found = time_queries(lambda lemmas: index.search(lemmas, top_k=10), queries)

    bm25 = BM25Okapi([lemmas.split() for _, lemmas in rows])
    scanned = queries[:fullscan_count]
    fullscan, reference = time_queries(bm25.get_scores, scanned)
    same = 0
    for hits, scores in zip(found, reference, strict=False):
        positive = np.sort(scores[scores > 0])[::-1][:10]
        same += len(hits) == positive.size and np.allclose(
            [score for _, score in hits], positive, rtol=1e-9, atol=0
        )
    del bm25

    with tempfile.TemporaryDirectory(prefix="tantivy-", dir=CACHE) as folder:
        fast, fast_build_s = tantivy_search(rows, folder)
        fast_latencies, _ = time_queries(fast, queries)
    return {
        "index_build_s": round(build_s, 2),
        "index_arrays_mb": round(index.nbytes / 2**20, 1),
        "index_rss_mb": round(index_rss_mb, 1),
        **latency_figures("search", ours),
        **latency_figures("fullscan", fullscan),
        **latency_figures("fast_engine", fast_latencies),
        "fast_engine": "tantivy",
        "fast_engine_build_s": round(fast_build_s, 2),
        "search_queries": len(queries),
        "fullscan_queries": len(scanned),
        "top10_equal_to_fullscan": f"{same}/{len(scanned)}",
    }


def main() -> int:
    """Run the benchmark and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="database URL (default: a SQLite file in the cache)")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--fullscan-queries", type=int, default=50, help="full scans to time")
    ap.add_argument("--reuse", action="store_true", help="reuse an already ingested database")
    ap.add_argument(
        "--ingest",
        type=int,
        default=None,
        help="ingest only the first M articles (reusing the scale_M database when it exists) "
        "and grow to N by copies of the stored rows (N must be a multiple of M)",
    )
    ap.add_argument("--bot-phase", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    db = args.db or f"sqlite:///{CACHE / f'scale_{args.articles}.db'}"
    if args.bot_phase:
        print(json.dumps(bot_phase(db, args.questions), ensure_ascii=False))
        return 0

    corpus = build_corpus(args.articles)
    figures_path = CACHE / f"scale_{args.articles}.ingest.json"
    if args.ingest and args.ingest < args.articles and not args.reuse:
        figures_path.write_text(json.dumps(grown(args.articles, args.ingest, corpus, db)))
    elif not args.reuse:
        if db.startswith("sqlite:///"):
            for suffix in ("", "-wal", "-shm"):
                Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        figures_path.write_text(json.dumps(ingest(corpus, db)))
    ingested = json.loads(figures_path.read_text()) if figures_path.exists() else {}

    from service.index_snapshot import snapshot_path

    saved_index = snapshot_path(db)
    if saved_index is not None:
        saved_index.unlink(missing_ok=True)
    bots = []
    # the first start builds the index from stored lemmas and saves it; the second is a
    # restart, which reads the saved index (the figures reported are the restart's)
    for count in (0, args.questions):
        child = subprocess.run(
            [sys.executable, __file__, "--bot-phase", "--db", db, "--questions", str(count)],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        if child.returncode:
            sys.stderr.write(child.stderr)
            return child.returncode
        bots.append(json.loads(child.stdout.strip().splitlines()[-1]))
    first, bot = bots
    bot["first_start_s"] = first["startup_s"]
    rows = stored_passages(db)
    queries = bot.pop("search_lemmas") + sample_queries(rows, random.Random(5), 150)
    engines = compare_engines(rows, queries, args.fullscan_queries)

    from sqlmodel import Session

    from storage import articles as article_repo
    from storage import contacts as contact_repo
    from storage.db import make_engine

    engine = make_engine(db)
    with Session(engine) as session:
        counts = article_repo.counts(session)
        contacts = contact_repo.count(session)
    engine.dispose()
    speedup = (
        round(engines["fullscan_p95_ms"] / bot["ask_p95_ms"], 1)
        if engines["fullscan_p95_ms"] and bot["ask_p95_ms"]
        else None
    )
    print(
        json.dumps(
            {
                "articles": counts.get("articles"),
                "passages": counts.get("passages"),
                "indexed_passages": len(rows),
                "contacts": contacts,
                **ingested,
                **{key: bot[key] for key in ("ask_p50_ms", "ask_p95_ms")},
                **{key: engines[key] for key in ("fullscan_p95_ms", "fast_engine_p95_ms")},
                "fullscan_over_ask_p95": speedup,
                "peak_rss_mb": bot["peak_rss_mb"],
                "startup_s": bot["startup_s"],
                "first_start_s": bot["first_start_s"],
                **{
                    k: v
                    for k, v in bot.items()
                    if k not in ("peak_rss_mb", "startup_s", "first_start_s")
                },
                **engines,
                "benchmark_peak_rss_mb": round(peak_rss_mb(), 1),
                "db": db.split("://")[0],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
