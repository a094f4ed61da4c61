"""The search index saved beside the database: a restart answers from it, never stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.types import RawDocument
from service import index_snapshot
from service.app import ContactsApp
from storage.db import make_engine, migrate

TODAY = date(2026, 1, 15)
GRAIN = "телефонный разговор о поставках зерна"
GAS = "переговоры о транзите газа"


def _article(text: str, origin: str) -> RawDocument:
    return RawDocument(text=text, origin=origin)


def _app(url: str, nlp, snapshot: Path) -> ContactsApp:  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    migrate(engine)
    return ContactsApp.build(engine, nlp, snapshot=snapshot)


def test_restart_reads_the_snapshot_and_adds_what_was_stored_since(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'a.db'}"
    snapshot = index_snapshot.snapshot_path(url)
    assert snapshot == tmp_path / "a.db.index.npz"
    first = _app(url, nlp, snapshot)
    first.ingestor.ingest_items(
        [_article("Министры провели телефонный разговор о поставках зерна через порты.", "a")]
    )
    assert first.answers.ask_sync(GRAIN, today=TODAY).passages
    assert snapshot.exists()  # written by the first build
    first.close()

    # stored while no bot ran: the restarted bot finds it on top of the snapshot
    writer = _app(url, nlp, tmp_path / "unused.npz")
    writer.ingestor.ingest_items(
        [_article("Министры провели переговоры о транзите газа через Украину.", "b")]
    )
    writer.close()
    second = _app(url, nlp, snapshot)
    rebuilt = _app(url, nlp, tmp_path / "fresh.npz")
    for question in (GRAIN, GAS):
        answer = second.answers.ask_sync(question, today=TODAY).passages
        assert answer
        assert answer == rebuilt.answers.ask_sync(question, today=TODAY).passages
    second.close()
    rebuilt.close()


def test_a_snapshot_of_another_database_or_a_broken_file_is_rebuilt(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    snapshot = tmp_path / "shared.index.npz"
    one = _app(f"sqlite:///{tmp_path / 'one.db'}", nlp, snapshot)
    one.ingestor.ingest_items(
        [
            _article("Министры провели телефонный разговор о поставках зерна через порты.", "a"),
            _article("Министры провели переговоры о транзите газа через Украину.", "b"),
        ]
    )
    assert one.answers.ask_sync(GAS, today=TODAY).passages
    one.close()

    # another database with other passages: the saved index is not its own
    two = _app(f"sqlite:///{tmp_path / 'two.db'}", nlp, snapshot)
    two.ingestor.ingest_items(
        [_article("Министры провели телефонный разговор о поставках зерна через порты.", "c")]
    )
    assert two.answers.ask_sync(GRAIN, today=TODAY).passages
    assert not two.answers.ask_sync(GAS, today=TODAY).passages
    two.close()

    snapshot.write_bytes(b"not an index")
    three = _app(f"sqlite:///{tmp_path / 'two.db'}", nlp, snapshot)
    assert three.answers.ask_sync(GRAIN, today=TODAY).passages
    three.close()
