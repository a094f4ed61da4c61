"""Offices, their Russian titles and who held them when (loaded from people.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")

SIDE_ADJECTIVES: dict[str, str] = {
    "американск": "США",
    "российск": "Россия",
    "китайск": "Китай",
    "турецк": "Турция",
    "французск": "Франция",
    "германск": "Германия",
    "немецк": "Германия",
    "британск": "Великобритания",
    "украинск": "Украина",
    "белорусск": "Белоруссия",
    "иранск": "Иран",
    "индийск": "Индия",
    "израильск": "Израиль",
    "египетск": "Египет",
    "сирийск": "Сирия",
    "японск": "Япония",
    "итальянск": "Италия",
    "венгерск": "Венгрия",
    "казахстанск": "Казахстан",
    "саудовск": "Саудовская Аравия",
}

COLLEAGUE_RE = re.compile(
    r"(?<![\w-])(?:сво\w{1,3} )?(" + "|".join(SIDE_ADJECTIVES) + r")\w{2,3} коллег\w{0,2}(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Role:
    """One term of one person in one office; `end` is exclusive, None while in office."""

    office: str
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        """True when the term includes the day `on`."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def years(self, until: int) -> set[int]:
        """Calendar years the term touches, up to `until` for an open term."""
        first = self.start.year if self.start else 1990
        last = self.end.year if self.end else until
        return set(range(first, last + 1))


@dataclass(frozen=True)
class Office:
    """An office of one side (a country or an organisation) with its title patterns."""

    key: str
    side: str
    rank: str
    pattern: re.Pattern[str]


def parse_date(value: str | None) -> date | None:
    """ISO date or None."""
    return date.fromisoformat(value) if value else None


def build_offices(raw: dict[str, Any]) -> dict[str, Office]:
    """Office records from the `offices` table of people.json."""
    out = {}
    for key, item in raw.items():
        titles = "|".join(f"(?:{t})" for t in item["titles"])
        pattern = re.compile(rf"(?<![\w-])(?:{titles})(?![\w-])", re.IGNORECASE)
        out[key] = Office(key=key, side=item["side"], rank=item["rank"], pattern=pattern)
    return out


def find_titles(text: str, offices: dict[str, Office]) -> list[tuple[int, int, str]]:
    """Non-overlapping office titles in `text` as (start, end, office key), leftmost-longest."""
    found = [
        (m.start(), m.end(), office.key)
        for office in offices.values()
        for m in office.pattern.finditer(text)
    ]
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    out: list[tuple[int, int, str]] = []
    for item in found:
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out
