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


def test_evidence_per_contact_keeps_the_best_citations_and_counts_the_rest(
    engine: Engine,
) -> None:
    """A contact reported by many articles loads only its best few, but all are counted."""
    with session_scope(engine) as session:
        ids = list(people.ensure_people(session, names=["A B", "C D"]).values())
        call = _contact(session, ids, "phone", date(2025, 2, 15))
        other = _contact(session, ids, "meeting", date(2024, 5, 1))
        days = [date(2025, 2, d) for d in (20, 16, 18, 17)] + [None]
        for n, published in enumerate(days):
            art = _article(f"https://a.test/{n}", f"h{n}", external_id=f"a{n}")
            art.published = published
            row = articles.add_article(session, article=art, passages=[])
            assert row.id is not None
            # the oldest article only announced the call: it says "planned"
            status = "planned" if published == date(2025, 2, 16) else "happened"
            contacts.add_evidence(
                session,
                contact_id=call,
                article_id=row.id,
                snippet=f"s{n}",
                start=0,
                end=2,
                status=status,
            )
        contacts.add_evidence(
            session, contact_id=other, article_id=row.id, snippet="m", start=5, end=6
        )
    with Session(engine) as session:
        best = contacts.evidence_with_articles(session, contact_ids=[call, other], per_contact=2)
        # happened reports first, oldest first; the announcement and undated come last
        assert [ev.snippet for ev, _ in best[call]] == ["s3", "s2"]
        assert [ev.snippet for ev, _ in best[other]] == ["m"]
        every = contacts.evidence_with_articles(session, contact_ids=[call])
        assert [ev.snippet for ev, _ in every[call]] == ["s3", "s2", "s0", "s4", "s1"]
        assert contacts.source_counts(session, contact_ids=[call, other]) == {call: 5, other: 1}


def test_merge_candidates_are_contacts_dated_or_reported_near_the_new_report(
    engine: Engine,
) -> None:
    """An undated contact reported years before a new report is not compared with it."""
    with session_scope(engine) as session:
        ids = list(people.ensure_people(session, names=["A B", "C D"]).values())
        key = contacts.participants_key(ids)
        near_call = _contact(session, ids, "phone", date(2025, 2, 15))
        old_call = _contact(session, ids, "phone", date(2019, 2, 15))
        recent_undated = _contact(session, ids, "phone", None)
        old_undated = _contact(session, ids, "phone", None)
        unknown_undated = _contact(session, ids, "phone", None)
        reports = [
            (recent_undated, date(2025, 1, 10)),
            (old_undated, date(2019, 3, 1)),
            (unknown_undated, None),
        ]
        for n, (contact_id, published) in enumerate(reports):
            art = _article(f"https://a.test/{n}", f"h{n}", external_id=f"a{n}")
            art.published = published
            row = articles.add_article(session, article=art, passages=[])
            assert row.id is not None
            contacts.add_evidence(
                session, contact_id=contact_id, article_id=row.id, snippet="s", start=0, end=1
            )
    with Session(engine) as session:

        def found(**kw: object) -> set[int | None]:
            return {c.id for c in contacts.with_participants(session, key=key, **kw)}  # type: ignore[arg-type]

        expected = {near_call, recent_undated, unknown_undated}
        assert found(near=date(2025, 2, 16)) == expected
        # an undated report is anchored on its article's publication date
        assert found(published=date(2025, 3, 1)) == expected
        assert found(near=date(2019, 2, 16)) == {old_call, old_undated, unknown_undated}
        assert len(found()) == 5
