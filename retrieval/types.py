"""Plain records shared by the retrieval modules, storage adapters and the answer service."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Kind = Literal["phone", "meeting", "visit", "talks"]


def alias_key(text: str) -> str:
    """How a name form is stored and looked up: lower case, ё read as е."""
    return text.lower().replace("ё", "е").strip()


Status = Literal["happened", "planned", "cancelled", "postponed", "denied"]
Precision = Literal["day", "month", "year"]
# how fine a date is: an unknown year (None) below a year, a month, a day
PRECISION_RANK: dict[Precision | None, int] = {None: 0, "year": 1, "month": 2, "day": 3}
Intent = Literal["when", "last", "who", "about", "search"]

KINDS: tuple[Kind, ...] = ("phone", "meeting", "visit", "talks")
STATUSES: tuple[Status, ...] = ("happened", "planned", "cancelled", "postponed", "denied")


@dataclass(frozen=True)
class PartialDate:
    """A date known to day, month or year; year may be unknown when only day+month are given."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision | None:
        """Precision of the date as stored; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    def to_date(self) -> date | None:
        """First day of the known period, or None when the year is unknown."""
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    def compatible(self, other: PartialDate) -> bool:
        """True when no known component contradicts the other date."""
        return all(
            a is None or b is None or a == b
            for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )

    @classmethod
    def from_date(cls, value: date, precision: Precision | None) -> PartialDate:
        """Rebuild a partial date from a stored date and its precision."""
        if precision == "year":
            return cls(value.year)
        if precision == "month":
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)

    def period(self) -> tuple[date, date] | None:
        """Inclusive first and last day this date may denote."""
        if self.year is None:
            return None
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return date(self.year, self.month, 1), date(self.year, self.month, last)
        d = date(self.year, self.month, self.day)
        return d, d


@dataclass(frozen=True)
class Span:
    """A slice of a text: [start, end) character offsets and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A person named in a text, resolved to a canonical name ("Сергей Лавров")."""

    person: str
    start: int
    end: int
    text: str
    via_office: bool = False


@dataclass(frozen=True)
class ExtractedContact:
    """One contact stated in one article: who, when, what kind, status, and the evidence."""

    participants: tuple[str, ...]  # canonical names, sorted, at least two
    kind: Kind
    status: Status
    date: PartialDate | None
    snippet: str  # the sentence that states the contact
    start: int  # offsets of the snippet in the article text
    end: int
    place: str | None = None
    initiator: str | None = None  # canonical name or a side ("США")


@dataclass(frozen=True)
class ParsedText:
    """A raw article text split into its parts: title, clean body, header date, outlet."""

    title: str | None
    text: str
    published: date | None
    outlet: str | None = None


@dataclass(frozen=True)
class Query:
    """A user question understood: people, period, kinds and intent."""

    text: str
    people: tuple[str, ...]  # canonical names found in the question
    unknown_names: tuple[
        str, ...
    ] = ()  # capitalised words that look like names but resolve to nobody
    period: tuple[date, date] | None = None  # inclusive
    kinds: frozenset[Kind] | None = None  # None: any kind
    intent: Intent = "search"
    lemmas: tuple[str, ...] = field(default=())  # content lemmas for passage search
    # offices named by title ("глава Пентагона"); with no period, every holder counts,
    # each within the time they held the office
    offices: tuple[str, ...] = ()
