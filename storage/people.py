"""People and their aliases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from retrieval.types import alias_key
from storage.models import Person, PersonAlias


def ensure_people(
    session: Session, *, names: Iterable[str], aliases: Mapping[str, Sequence[str]] | None = None
) -> dict[str, int]:
    """Ids of the named people, creating missing ones (with their aliases)."""
    wanted = sorted(set(names))
    if not wanted:
        return {}
    found = {
        p.name: int(p.id)
        for p in session.exec(select(Person).where(col(Person.name).in_(wanted))).all()
        if p.id is not None
    }
    for name in wanted:
        if name in found:
            continue
        person = Person(name=name)
        session.add(person)
        session.flush()
        assert person.id is not None
        found[name] = person.id
        forms = {alias_key(name), *(alias_key(a) for a in (aliases or {}).get(name, ()))}
        session.add_all(PersonAlias(person_id=person.id, alias=form) for form in sorted(forms))
    return found


def ids_by_names(session: Session, *, names: Sequence[str]) -> dict[str, int]:
    """Ids of stored people by canonical name (missing names are left out)."""
    if not names:
        return {}
    rows = session.exec(select(Person).where(col(Person.name).in_(list(names)))).all()
    return {p.name: int(p.id) for p in rows if p.id is not None}


def names_by_ids(session: Session, *, ids: Iterable[int]) -> dict[int, str]:
    """Canonical names by person id."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.exec(select(Person).where(col(Person.id).in_(wanted))).all()
    return {int(p.id): p.name for p in rows if p.id is not None}


def with_aliases(session: Session, *, after_id: int = 0) -> list[tuple[int, str, tuple[str, ...]]]:
    """(id, canonical name, aliases) of the people with ids above `after_id`, by id."""
    rows = session.exec(
        select(Person.id, Person.name, PersonAlias.alias)
        .join(PersonAlias, col(PersonAlias.person_id) == col(Person.id), isouter=True)
        .where(col(Person.id) > after_id)
        .order_by(col(Person.id), col(PersonAlias.alias))
    ).all()
    people: dict[int, tuple[str, list[str]]] = {}
    for person_id, name, alias in rows:
        _, aliases = people.setdefault(int(person_id or 0), (name, []))
        if alias is not None:
            aliases.append(alias)
    return [(pid, name, tuple(aliases)) for pid, (name, aliases) in people.items()]


def all_names(session: Session) -> list[str]:
    """Every stored canonical name."""
    return list(session.exec(select(Person.name)).all())


def count(session: Session) -> int:
    """Number of stored people."""
    return int(session.exec(select(func.count()).select_from(Person)).one())
