"""Scale benchmark: synthetic corpus of N articles -> ingest rate, ask latency, index, memory.

    python benchmarks/scale.py --articles 10000 [--db URL] [--questions 200] [--reuse]

Builds (or reuses) benchmarks/.cache/corpus_N.jsonl by recombining sentences of real news
(FactRuEval dev texts from ../shared/benchmarks) and of our own sample and dev articles,
with ~10% of articles carrying a contact sentence. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

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


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    topics = ["на Украине", "в Сирии", "ядерной программы", "торговли", "газа", "санкций"]
    return [
        rng.choice(forms).format(
            a=rng.choice(surnames), b=rng.choice(surnames), x=rng.choice(topics)
        )
        for _ in range(k)
    ]


def main() -> int:
    """Run the benchmark and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="database URL (default: a SQLite file in the cache)")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--reuse", action="store_true", help="reuse an already ingested database")
    args = ap.parse_args()

    corpus = build_corpus(args.articles)
    db = args.db or f"sqlite:///{CACHE / f'scale_{args.articles}.db'}"
    if not args.reuse and db.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)

    from ingest.readers import read_paths
    from service.app import ContactsApp, Nlp

    t0 = time.perf_counter()
    nlp = Nlp.load()
    load_s = time.perf_counter() - t0
    app = ContactsApp.open(db, nlp=nlp)
    ingest_rate = None
    if not args.reuse:
        t0 = time.perf_counter()
        report = app.ingestor.ingest_items(read_paths([corpus]))
        ingest_s = time.perf_counter() - t0
        ingest_rate = report.new / ingest_s if ingest_s else None
    app.close()

    # start-up: a fresh app answers its first free-text question (index from stored lemmas)
    t0 = time.perf_counter()
    app = ContactsApp.open(db, nlp=nlp)
    app.answers.ask_sync("переговоры по урегулированию")
    startup_s = time.perf_counter() - t0 + load_s
    t0 = time.perf_counter()
    index = app.answers.build_index()
    index_build_s = time.perf_counter() - t0

    rng = random.Random(11)
    names = [c.participants for c in app.answers.contacts_sync([])]
    people = sorted({n for group in names for n in group})
    qs = questions(people, rng, args.questions)
    latencies = []
    for q in qs:
        t0 = time.perf_counter()
        app.answers.ask_sync(q)
        latencies.append((time.perf_counter() - t0) * 1000)

    # the plain rank-bm25 full scan over the same indexed passages, same queries
    from rank_bm25 import BM25Okapi
    from sqlmodel import Session

    from retrieval.concepts import expand_query_lemmas
    from storage.articles import iter_indexed_passages

    with Session(app.engine) as session:
        docs = [lemmas.split() for _, lemmas in iter_indexed_passages(session)]
    fullscan = []
    if docs:
        bm25 = BM25Okapi(docs)
        for q in qs[:50]:
            lemmas = expand_query_lemmas(nlp.lemmatizer.lemmas(q))
            t0 = time.perf_counter()
            bm25.get_scores(lemmas)
            fullscan.append((time.perf_counter() - t0) * 1000)

    stats = app.answers.stats_sync()
    print(
        json.dumps(
            {
                "articles": stats["articles"],
                "passages": stats["passages"],
                "indexed_passages": len(index),
                "contacts": stats["contacts"],
                "ingest_articles_per_s": round(ingest_rate, 1) if ingest_rate else None,
                "index_build_s": round(index_build_s, 2),
                "ask_p50_ms": round(statistics.median(latencies), 2),
                "ask_p95_ms": round(percentile(latencies, 95), 2),
                "fullscan_p95_ms": round(percentile(fullscan, 95), 2) if fullscan else None,
                "fast_engine_p95_ms": None,
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "startup_s": round(startup_s, 2),
                "db": db.split("://")[0],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
