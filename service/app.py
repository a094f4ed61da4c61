"""Composition of the core: engine, NLP objects, ingestor and answer service, built once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from ingest.analysis import ArticleAnalyser
from ingest.pipeline import ContactEventSink, Ingestor
from retrieval.contacts import ContactExtractor
from retrieval.lemmas import Lemmatizer, default_lemmatizer
from retrieval.people import PersonRegistry
from service.answers import AnswerService
from service.index_snapshot import snapshot_path
from storage.db import make_engine, migrate


@dataclass(frozen=True)
class Nlp:
    """The heavy language objects, loaded once per process and shared."""

    registry: PersonRegistry
    lemmatizer: Lemmatizer
    extractor: ContactExtractor

    @classmethod
    def load(cls) -> Nlp:
        """Load the person registry, lemmatiser and contact extractor."""
        registry = PersonRegistry.load_default()
        lemmatizer = default_lemmatizer()
        return cls(registry, lemmatizer, ContactExtractor(registry, lemmatizer))


@dataclass
class ContactsApp:
    """Everything the CLI, the bot and the worker share."""

    engine: Engine
    nlp: Nlp
    answers: AnswerService
    ingestor: Ingestor

    @property
    def registry(self) -> PersonRegistry:
        """The person registry."""
        return self.nlp.registry

    @classmethod
    def open(
        cls,
        database_url: str,
        *,
        nlp: Nlp | None = None,
        on_contact_event: ContactEventSink | None = None,
        index_dir: str | None = None,
    ) -> ContactsApp:
        """Connect, migrate the schema and build the services (the search index is kept in
        `index_dir`, or next to a SQLite file)."""
        engine = make_engine(database_url)
        migrate(engine)
        return cls.build(
            engine,
            nlp or Nlp.load(),
            on_contact_event=on_contact_event,
            snapshot=snapshot_path(database_url, index_dir),
        )

    @classmethod
    def build(
        cls,
        engine: Engine,
        nlp: Nlp,
        *,
        on_contact_event: ContactEventSink | None = None,
        snapshot: Path | None = None,
    ) -> ContactsApp:
        """Services on an already migrated engine."""
        analyser = ArticleAnalyser(
            registry=nlp.registry, lemmatizer=nlp.lemmatizer, extractor=nlp.extractor
        )
        return cls(
            engine=engine,
            nlp=nlp,
            answers=AnswerService(
                engine=engine, registry=nlp.registry, lemmatizer=nlp.lemmatizer, snapshot=snapshot
            ),
            ingestor=Ingestor(engine=engine, analyser=analyser, on_contact_event=on_contact_event),
        )

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()
