"""Grow an ingested scale database by whole copies of its stored rows.

Used by `scale.py --articles N --ingest M`: the first M articles of the corpus go through
the real pipeline (and give the ingest figures), then the database is grown to N articles
by N / M - 1 copies of every stored article with its passages, contacts, participants and
evidence (fresh ids; URLs, hashes and external ids made unique). The copies keep dates and
lemmas, so every pair has N / M times as many contacts and every lemma N / M times as long a
posting list as after the M real articles: the query side sees an N-article database, at a
fraction of the ingest time. Readers of the figures should know which part was copied.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table, func, insert, literal, select
from sqlmodel import SQLModel


def _copy_columns(
    table: Table, offsets: dict[str, int], suffix: str, unique_text: set[str]
) -> list[Any]:
    """SELECT expressions copying `table`'s rows with shifted ids and unique strings."""
    exprs: list[Any] = []
    for column in table.columns:
        target = _points_to(column)
        if column.primary_key and table.name in offsets and column.name == "id":
            exprs.append((column + offsets[table.name]).label(column.name))
        elif target in offsets:
            exprs.append((column + offsets[target]).label(column.name))
        elif column.name in unique_text:
            exprs.append((column + literal(suffix)).label(column.name))
        else:
            exprs.append(column)
    return exprs


def _points_to(column: Column[Any]) -> str | None:
    """The table a foreign-key column refers to, if any."""
    for fk in column.foreign_keys:
        return fk.column.table.name
    return None


def grow(engine: Any, *, copies: int) -> dict[str, int]:
    """Append `copies` copies of all articles, passages and contacts; rows per table after."""
    import storage.models  # noqa: F401  (registers the tables)

    tables = SQLModel.metadata.tables
    article, passage = tables["article"], tables["passage"]
    contact, participant, evidence = (
        tables["contact"],
        tables["contactparticipant"],
        tables["evidence"],
    )
    original = {  # the rows of the ingested articles: what every copy repeats
        "article": article.c.id,
        "passage": passage.c.id,
        "contact": contact.c.id,
        "contactparticipant": participant.c.contact_id,
        "evidence": evidence.c.id,
    }
    unique_text = {"article": {"url", "content_hash", "external_id"}}
    with engine.begin() as conn:
        top = {
            name: int(conn.execute(select(func.max(tables[name].c.id))).scalar() or 0)
            for name in ("article", "passage", "contact", "evidence")
        }
        for k in range(1, copies + 1):
            offsets = {name: k * top[name] for name in top}
            for table in (article, passage, contact, participant, evidence):
                limit = top["contact" if table is participant else table.name]
                columns = _copy_columns(
                    table, offsets, f"#copy{k}", unique_text.get(table.name, set())
                )
                conn.execute(
                    insert(table).from_select(
                        [c.name for c in table.columns],
                        select(*columns).where(original[table.name] <= limit),
                    )
                )
        return {
            name: int(conn.execute(select(func.count()).select_from(tables[name])).scalar() or 0)
            for name in original
        }
