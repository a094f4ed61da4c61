"""Score contact extraction and answering against the hand-written dev set.

Usage::

    python benchmarks/devset.py [--cmd contacts-bot] [--json] [--workers 2]

The script ingests ``benchmarks/devset/articles`` into a fresh temporary SQLite
database with ``CMD ingest DIR --db URL``, then asks every question from
``benchmarks/devset/gold.json`` with ``CMD ask QUESTION --db URL --json`` (two
subprocesses at a time) and compares the contacts in the answer with the gold
ones.

A question counts as correct when the multiset of ``(date, kind, status)`` of the
returned contacts equals the gold multiset, order-insensitive; a returned date is
truncated to its ``date_precision`` first.  For ``last`` questions only the first
returned contact counts.  For ``who`` questions the set of counterparts (all
participants of the returned contacts minus the asked person) must equal the gold
set.  Names are compared by surname, lower-cased, with ``ё`` read as ``е``.  A gold
question with ``"exact": false`` only requires every gold contact to be present.

A missing command, a failing command, a timeout or output that is not the expected
JSON counts as a wrong answer; the script itself does not crash on them.

The last line of the plain report is ``devset accuracy: NN.N% (k/n)``.  With
``--json`` stdout holds one JSON document and that line goes to stderr.

Python standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "benchmarks" / "devset"
DEFAULT_GOLD = DEVSET / "gold.json"
DEFAULT_ARTICLES = DEVSET / "articles"

Key = tuple[str | None, str | None, str | None]

# Names written family name first: the whole name is the key.
WHOLE_NAME_KEYS = frozenset({"си цзиньпин", "ван и"})
CATEGORY_ORDER = ("when", "last", "who", "kind", "period", "office", "none")


@dataclass
class CommandResult:
    """Outcome of one subprocess run: exit code (None if it never ran) and output."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    error: str | None = None


@dataclass
class QuestionResult:
    """Score of one gold question."""

    id: str
    category: str
    question: str
    correct: bool
    expected: list[str]
    got: list[str]
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    error: str | None = None
    sources: int = 0
    citing_sources: int = 0
    seconds: float = 0.0


def normalise(text: str) -> str:
    """Lower-case a string and read ``ё`` as ``е``."""
    return text.lower().replace("ё", "е").strip()


def surname_key(name: str) -> str:
    """Comparison key of a canonical name: its surname (the whole name for Chinese names)."""
    norm = " ".join(normalise(name).split())
    if norm in WHOLE_NAME_KEYS:
        return norm
    return norm.split(" ")[-1] if norm else norm


def name_pattern(name: str) -> re.Pattern[str]:
    """Regex finding a surname in running text, allowing Russian case endings."""
    key = surname_key(name)
    stem = key if " " in key or len(key) <= 4 else key[: max(4, len(key) - 2)]
    return re.compile(r"(?<![а-яa-z])" + re.escape(stem))


def truncate_date(value: Any, precision: Any) -> str | None:
    """Cut an ISO date to its stated precision ("day", "month" or "year")."""
    if not isinstance(value, str) or not value:
        return None
    value = value[:10]
    if precision == "year":
        return value[:4]
    if precision == "month":
        return value[:7]
    return value


def contact_key(contact: dict[str, Any]) -> Key:
    """The compared triple of a returned contact: (truncated date, kind, status)."""
    precision = contact.get("date_precision")
    if precision is None and isinstance(contact.get("date"), str):
        precision = "day"
    return (
        truncate_date(contact.get("date"), precision),
        contact.get("kind"),
        contact.get("status"),
    )


def gold_key(item: dict[str, Any]) -> Key:
    """The compared triple of a gold contact; its date string carries its own precision."""
    return (item.get("date"), item.get("kind"), item.get("status"))


def show_key(key: Key) -> str:
    """Human-readable form of a compared triple."""
    date, kind, status = key
    return f"{date or '????'} {kind}/{status}"


def run_command(argv: Sequence[str], timeout: float) -> CommandResult:
    """Run a command, never raising: failures end up in ``error``."""
    start = time.monotonic()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    try:
        proc = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            cwd=ROOT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        return CommandResult(None, "", "", time.monotonic() - start, f"not found: {argv[0]}")
    except subprocess.TimeoutExpired:
        return CommandResult(None, "", "", time.monotonic() - start, f"timeout after {timeout}s")
    except OSError as exc:
        return CommandResult(None, "", "", time.monotonic() - start, f"cannot run: {exc}")
    seconds = time.monotonic() - start
    error = None if proc.returncode == 0 else f"exit code {proc.returncode}"
    return CommandResult(proc.returncode, proc.stdout, proc.stderr, seconds, error)


def parse_answer(stdout: str) -> dict[str, Any]:
    """Read the JSON object printed by ``ask --json``; tolerate log lines before it."""
    text = stdout.strip()
    try:
        payload = json.loads(text)
    except json.JSONDecodeError:
        start = text.find("{")
        if start < 0:
            raise ValueError("no JSON object in output") from None
        payload = json.loads(text[start:])
    if not isinstance(payload, dict):
        raise ValueError("answer is not a JSON object")
    contacts = payload.get("contacts")
    if not isinstance(contacts, list) or not all(isinstance(c, dict) for c in contacts):
        raise ValueError("answer has no list of contacts")
    return payload


def counterparts(contacts: Iterable[dict[str, Any]], people: Sequence[str]) -> set[str]:
    """Surname keys of all participants of the contacts except the asked people."""
    asked = {surname_key(p) for p in people}
    found: set[str] = set()
    for contact in contacts:
        participants = contact.get("participants") or []
        for name in participants:
            if isinstance(name, str) and surname_key(name) not in asked:
                found.add(surname_key(name))
    return found


def count_citing(contacts: Iterable[dict[str, Any]], people: Sequence[str]) -> tuple[int, int]:
    """Count returned sources, and those whose snippet names both sides of the contact.

    For a pair question both asked surnames must occur in the snippet; for a one-person
    question the asked surname and one other participant's surname must occur.
    """
    total = citing = 0
    for contact in contacts:
        participants = [p for p in contact.get("participants") or [] if isinstance(p, str)]
        asked_keys = {surname_key(p) for p in people}
        others = [p for p in participants if surname_key(p) not in asked_keys]
        for source in contact.get("sources") or []:
            if not isinstance(source, dict):
                continue
            total += 1
            snippet = normalise(str(source.get("snippet") or ""))
            has_asked = all(name_pattern(p).search(snippet) for p in people)
            if len(people) >= 2:
                ok = has_asked
            else:
                ok = has_asked and any(name_pattern(p).search(snippet) for p in others)
            citing += int(ok)
    return total, citing


def score(
    gold: dict[str, Any], payload: dict[str, Any] | None, error: str | None, seconds: float
) -> QuestionResult:
    """Compare one answer with its gold question."""
    intent = gold.get("intent", gold.get("category", "when"))
    people: list[str] = list(gold.get("people") or [])
    expected = Counter(gold_key(item) for item in gold.get("expect") or [])
    result = QuestionResult(
        id=str(gold.get("id", "")),
        category=str(gold.get("category", intent)),
        question=str(gold["question"]),
        correct=False,
        expected=sorted(show_key(k) for k in expected.elements()),
        got=[],
        error=error,
        seconds=round(seconds, 2),
    )
    if payload is None:
        result.missing = list(result.expected)
        return result

    contacts: list[dict[str, Any]] = payload["contacts"]
    if intent == "last":
        contacts = contacts[:1]
    got = Counter(contact_key(c) for c in contacts)
    result.got = sorted(show_key(k) for k in got.elements())
    result.sources, result.citing_sources = count_citing(contacts, people)

    if intent == "who":
        want = {surname_key(n) for n in gold.get("counterparts") or []}
        have = counterparts(contacts, people)
        result.missing = sorted(want - have)
        result.extra = sorted(have - want)
        result.correct = want == have
        return result

    result.missing = sorted(show_key(k) for k in (expected - got).elements())
    result.extra = sorted(show_key(k) for k in (got - expected).elements())
    if gold.get("exact", True):
        result.correct = got == expected
    else:
        result.correct = not result.missing
    return result


def ask_one(
    cmd: Sequence[str], gold: dict[str, Any], db_url: str, timeout: float
) -> QuestionResult:
    """Ask one gold question through the CLI and score the answer."""
    run = run_command([*cmd, "ask", gold["question"], "--db", db_url, "--json"], timeout)
    if run.error is not None:
        detail = tail_lines(run.stderr, 1)
        message = run.error + (f": {detail[0]}" if detail else "")
        return score(gold, None, message, run.seconds)
    try:
        payload = parse_answer(run.stdout)
    except (ValueError, json.JSONDecodeError) as exc:
        return score(gold, None, f"bad JSON: {exc}", run.seconds)
    return score(gold, payload, None, run.seconds)


def summarise(results: Sequence[QuestionResult]) -> dict[str, Any]:
    """Overall and per-category accuracy plus the share of citing sources."""
    by_cat: dict[str, list[QuestionResult]] = {}
    for res in results:
        by_cat.setdefault(res.category, []).append(res)
    ordered = [c for c in CATEGORY_ORDER if c in by_cat] + sorted(
        c for c in by_cat if c not in CATEGORY_ORDER
    )
    sources = sum(r.sources for r in results)
    citing = sum(r.citing_sources for r in results)
    correct = sum(r.correct for r in results)
    return {
        "questions": len(results),
        "correct": correct,
        "accuracy": correct / len(results) if results else 0.0,
        "by_category": {
            cat: {
                "questions": len(by_cat[cat]),
                "correct": sum(r.correct for r in by_cat[cat]),
                "accuracy": sum(r.correct for r in by_cat[cat]) / len(by_cat[cat]),
            }
            for cat in ordered
        },
        "sources": sources,
        "citing_sources": citing,
        "citing_share": citing / sources if sources else None,
        "errors": sum(r.error is not None for r in results),
    }


def accuracy_line(summary: dict[str, Any]) -> str:
    """The closing line of the report."""
    pct = 100.0 * summary["accuracy"]
    return f"devset accuracy: {pct:.1f}% ({summary['correct']}/{summary['questions']})"


def tail_lines(text: str, count: int) -> list[str]:
    """Last lines of a command's stderr that carry text (skips rich box drawing)."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    useful = [ln for ln in lines if ln.strip(" \t│─╭╮╰╯┃━┏┓┗┛▲")]
    return useful[-count:]


def print_report(
    results: Sequence[QuestionResult],
    summary: dict[str, Any],
    ingest: CommandResult | None,
    verbose: bool,
) -> None:
    """Plain-text report: one line per question, diffs for wrong ones, then totals."""
    if ingest is not None:
        status = "ok" if ingest.error is None else f"FAILED ({ingest.error})"
        print(f"ingest: {status} in {ingest.seconds:.1f}s")
        if ingest.error is not None:
            for line in tail_lines(ingest.stderr, 8):
                print(f"  {line}")
    for res in results:
        mark = "ok  " if res.correct else "FAIL"
        print(f"{mark} {res.id:>4} [{res.category}] {res.question}")
        if res.correct and not verbose:
            continue
        if res.error:
            print(f"       error:    {res.error}")
        print(f"       expected: {', '.join(res.expected) or '-'}")
        print(f"       got:      {', '.join(res.got) or '-'}")
        if res.missing:
            print(f"       missing:  {', '.join(res.missing)}")
        if res.extra:
            print(f"       extra:    {', '.join(res.extra)}")
    print()
    print("by category:")
    for cat, row in summary["by_category"].items():
        pct = 100.0 * row["accuracy"]
        print(f"  {cat:<8} {pct:5.1f}% ({row['correct']}/{row['questions']})")
    share = summary["citing_share"]
    share_text = "n/a" if share is None else f"{100.0 * share:.1f}%"
    print(
        f"sources citing the contact: {share_text} "
        f"({summary['citing_sources']}/{summary['sources']})"
    )
    print(f"errors (no usable answer): {summary['errors']}")
    print(accuracy_line(summary))


def load_gold(path: Path, categories: set[str] | None) -> list[dict[str, Any]]:
    """Read the gold questions, optionally keeping some categories only."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise SystemExit(f"{path}: expected a JSON list of questions")
    if categories:
        data = [q for q in data if q.get("category") in categories]
    return data


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cmd",
        default="contacts-bot",
        help="CLI to run, split like a shell would (default: contacts-bot)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON report on stdout (accuracy line goes to stderr)",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument(
        "--db", default=None, help="use this database URL instead of a fresh temporary SQLite file"
    )
    parser.add_argument(
        "--skip-ingest",
        action="store_true",
        help="do not ingest (only with --db pointing at a filled database)",
    )
    parser.add_argument("--workers", type=int, default=2, help="parallel ask processes")
    parser.add_argument(
        "--category", action="append", default=None, help="score only this category (repeatable)"
    )
    parser.add_argument("--ingest-timeout", type=float, default=900.0)
    parser.add_argument("--ask-timeout", type=float, default=120.0)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show expected/got for correct questions too"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Ingest the dev articles, ask every gold question, print the report."""
    args = parse_args(argv)
    cmd = shlex.split(args.cmd)
    if not cmd:
        raise SystemExit("--cmd is empty")
    gold = load_gold(args.gold, set(args.category) if args.category else None)

    with tempfile.TemporaryDirectory(prefix="devset-") as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'dev.db'}"
        ingest: CommandResult | None = None
        if not args.skip_ingest:
            ingest = run_command(
                [*cmd, "ingest", str(args.articles.resolve()), "--db", db_url],
                args.ingest_timeout,
            )
        if ingest is not None and ingest.error is not None:
            results = [score(q, None, f"ingest failed: {ingest.error}", 0.0) for q in gold]
        else:
            with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
                results = list(pool.map(lambda q: ask_one(cmd, q, db_url, args.ask_timeout), gold))

    summary = summarise(results)
    if args.json:
        report = {
            "summary": summary,
            "ingest": None
            if ingest is None
            else {
                "ok": ingest.error is None,
                "error": ingest.error,
                "seconds": round(ingest.seconds, 2),
            },
            "questions": [asdict(r) for r in results],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        print(accuracy_line(summary), file=sys.stderr)
    else:
        print_report(results, summary, ingest, args.verbose)
    return 0 if ingest is None or ingest.error is None else 2


if __name__ == "__main__":
    sys.exit(main())
