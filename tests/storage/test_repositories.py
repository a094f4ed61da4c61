"""Repositories on SQLite and PostgreSQL: dedupe, people, contact lookups, merging."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from storage import articles, contacts, people
from storage.db import migrate, session_scope
from storage.models import Article, Contact


def _article(url: str | None, digest: str, external_id: str = "x") -> Article:
    return Article(external_id=external_id, url=url, title="t", text="текст", content_hash=digest)


def test_migrations_are_idempotent(engine: Engine) -> None:
    migrate(engine)
    migrate(engine)


def test_duplicates_by_url_or_content(engine: Engine) -> None:
    with session_scope(engine) as session:
        articles.add_article(
            session,
            article=_article("https://a.test/1", "h1"),
            passages=[articles.NewPassage(0, 0, 5, "текст", ["текст"], True)],
        )
    with Session(engine) as session:
        assert articles.find_duplicate(session, url="https://a.test/1", content_hash="other")
        assert articles.find_duplicate(session, url=None, content_hash="h1")
        assert articles.find_duplicate(session, url="https://a.test/2", content_hash="h2") is None
        assert list(articles.iter_indexed_passages(session)) == [(1, "текст")]


def test_people_are_created_once_with_aliases(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = people.ensure_people(
            session, names=["Сергей Лавров"], aliases={"Сергей Лавров": ["Лаврову", "Лавров"]}
        )
    with session_scope(engine) as session:
        again = people.ensure_people(session, names=["Сергей Лавров", "Марко Рубио"])
    assert again["Сергей Лавров"] == first["Сергей Лавров"]
    with Session(engine) as session:
        assert people.count(session) == 2
        assert people.names_by_ids(session, ids=first.values()) == {
            first["Сергей Лавров"]: "Сергей Лавров"
        }


def _contact(
    session: Session, ids: list[int], kind: str, when: date | None, precision: str | None = "day"
) -> int:
    row = contacts.create(
        session,
        contact=Contact(
            participants_key=contacts.participants_key(ids),
            kind=kind,
            status="happened",
            date=when,
            date_precision=precision if when else None,
        ),
        person_ids=ids,
    )
    assert row.id is not None
    return row.id


def test_involving_filters_by_people_kind_and_dates(engine: Engine) -> None:
    with session_scope(engine) as session:
        ids = people.ensure_people(session, names=["A B", "C D", "E F"])
        a, c, e = ids["A B"], ids["C D"], ids["E F"]
        call = _contact(session, [a, c], "phone", date(2025, 2, 15))
        meet = _contact(session, [a, c], "meeting", date(2021, 5, 20))
        other = _contact(session, [a, e], "phone", date(2025, 3, 1))
        undated = _contact(session, [a, c, e], "talks", None)
    with Session(engine) as session:

        def found(**kw: object) -> set[int]:
            return {x.id for x in contacts.involving(session, **kw) if x.id is not None}  # type: ignore[arg-type]

        assert found(person_ids=[a, c]) == {call, meet, undated}
        assert found(person_ids=[a]) == {call, meet, other, undated}
        assert found(person_ids=[a, c], kinds=["phone"]) == {call}
        assert found(person_ids=[a], since=date(2025, 1, 1), until=date(2025, 12, 31)) == {
            call,
            other,
        }
        assert found(person_ids=[c, e]) == {undated}


def test_absorb_moves_evidence_and_deletes_the_duplicate(engine: Engine) -> None:
    with session_scope(engine) as session:
        ids = list(people.ensure_people(session, names=["A B", "C D"]).values())
        art = articles.add_article(session, article=_article(None, "h"), passages=[])
        keep = _contact(session, ids, "phone", date(2025, 2, 15))
        drop = _contact(session, ids, "phone", None)
        assert art.id is not None
        contacts.add_evidence(
            session, contact_id=keep, article_id=art.id, snippet="s1", start=0, end=2
        )
        contacts.add_evidence(
            session, contact_id=drop, article_id=art.id, snippet="s2", start=5, end=9
        )
        assert not contacts.add_evidence(
            session, contact_id=keep, article_id=art.id, snippet="s1", start=0, end=2
        )
    with session_scope(engine) as session:
        rows = contacts.by_ids(session, contact_ids=[keep, drop])
        contacts.absorb(
            session,
            keep=next(r for r in rows if r.id == keep),
            drop=next(r for r in rows if r.id == drop),
        )
    with Session(engine) as session:
        assert contacts.count(session) == 1
        snippets = [
            ev.snippet
            for ev, _ in contacts.evidence_with_articles(session, contact_ids=[keep])[keep]
        ]
        assert snippets == ["s1", "s2"]


def test_schema_revision_constant_matches_the_migrations_head(engine: Engine) -> None:
    from importlib import resources

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from storage.db import SCHEMA_REVISION, schema_revision

    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    assert schema_revision(engine) == SCHEMA_REVISION


def test_upgrading_a_database_with_data_keeps_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from importlib import resources

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text as sql

    from storage.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        connection.execute(
            sql(
                "insert into article (text, content_hash, ingested_at) values ('t', 'h', '2025-01-01')"
            )
        )
        connection.execute(
            sql(
                "insert into passage (article_id, position, start, \"end\", text, lemmas, indexed) values (1, 0, 0, 1, 't', 't', 1)"
            )
        )
    migrate(engine)
    with Session(engine) as session:
        assert articles.counts(session) == {"articles": 1, "passages": 1}
        assert articles.find_duplicate(session, url=None, content_hash="h") is not None
    engine.dispose()
