"""Index-only scale check: the search index at ~1M articles without ingesting a million.

    python benchmarks/index_scale.py --db sqlite:///benchmarks/.cache/scale_100000.db --times 10

Takes the indexed passages of an ingested benchmark database and makes `--times` as many by
mixing the lemmas of two random real passages (70/30), so the vocabulary and document
frequencies keep a news-like shape. Times SearchIndex (build, memory, search) against a
rank-bm25 full scan (a few queries: it is slow) and tantivy on the same passages and queries.
Prints one JSON line. Not the product path (no database, no question parsing): see scale.py.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from scale import (  # noqa: E402  (the repo and this folder must be on the path first)
    compare_engines,
    peak_rss_mb,
    sample_queries,
    stored_articles,
    stored_passages,
)


def mixed_passages(
    rows: list[tuple[int, str]], times: int, rng: random.Random
) -> list[tuple[int, str]]:
    """`times` x as many passages, each 70% of one real passage and 30% of another."""
    out = []
    for number in range(len(rows) * times):
        base = rng.choice(rows)[1].split()
        other = rng.choice(rows)[1].split()
        keep = max(1, round(len(base) * 0.7))
        lemmas = rng.sample(base, k=min(keep, len(base))) + other[: len(base) - keep]
        out.append((number + 1, " ".join(lemmas)))
    return out


def main() -> int:
    """Run the index-only benchmark and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, help="an ingested benchmark database")
    ap.add_argument("--times", type=int, default=10)
    ap.add_argument("--fullscan-queries", type=int, default=5)
    args = ap.parse_args()

    real = stored_passages(args.db)
    articles = stored_articles(args.db)
    rng = random.Random(17)
    rows = mixed_passages(real, args.times, rng)
    del real
    gc.collect()
    from retrieval.concepts import expand_query_lemmas

    broad = [
        expand_query_lemmas(["переговоры", "урегулирование", topic])
        for topic in ("украина", "сирия", "газ", "санкция", "арктика")
    ] + [
        expand_query_lemmas(["телефонный", "разговор", "министр", topic])
        for topic in ("торговля", "газ", "безопасность", "европа", "карабах")
    ]
    queries = broad + sample_queries(rows, rng, 150)
    started = time.perf_counter()
    figures = compare_engines(rows, queries, args.fullscan_queries)
    print(
        json.dumps(
            {
                "passages": len(rows),
                "articles_equivalent": articles * args.times,
                **figures,
                "benchmark_peak_rss_mb": round(peak_rss_mb(), 1),
                "seconds": round(time.perf_counter() - started, 1),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
