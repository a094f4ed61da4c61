"""Offices, their Russian titles and who held them when (loaded from people.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
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
    "южнокорейск": "Южная Корея",
    "северокорейск": "КНДР",
    "пакистанск": "Пакистан",
    "бразильск": "Бразилия",
    "аргентинск": "Аргентина",
    "мексиканск": "Мексика",
    "венесуэльск": "Венесуэла",
    "кубинск": "Куба",
    "сербск": "Сербия",
    "румынск": "Румыния",
    "польск": "Польша",
    "финск": "Финляндия",
    "канадск": "Канада",
    "армянск": "Армения",
    "азербайджанск": "Азербайджан",
    "узбекск": "Узбекистан",
    "киргизск": "Киргизия",
    "таджикск": "Таджикистан",
    "туркменск": "Туркмения",
    "эмиратск": "ОАЭ",
    "катарск": "Катар",
    "иракск": "Ирак",
    "иорданск": "Иордания",
    "палестинск": "Палестина",
    "словацк": "Словакия",
    "испанск": "Испания",
    "австрийск": "Австрия",
    "вьетнамск": "Вьетнам",
    "монгольск": "Монголия",
    "южноафриканск": "ЮАР",
    "шведск": "Швеция",
    "датск": "Дания",
    "норвежск": "Норвегия",
    "колумбийск": "Колумбия",
    "чилийск": "Чили",
}

# "иранский министр", "американского дипломата": a person of that side the article names
ANY_RANK: tuple[str, ...] = ("*",)
DESCRIPTOR_HEADS: dict[str, tuple[str, ...]] = {
    "министр": ("foreign_minister", "defense_minister", "prime_minister"),
    "дипломат": ("foreign_minister",),
    "лидер": ("president", "prime_minister", "chancellor", "supreme_leader", "king"),
    "президент": ("president",),
    "премьер": ("prime_minister",),
    "канцлер": ("chancellor",),
    "госсекретар": ("foreign_minister",),
    # "американский переговорщик", "иранский гость": whoever of that side the article names
    "переговорщик": ANY_RANK,
    "спецпосланник": ANY_RANK,
    "посланник": ANY_RANK,
    "гост": ANY_RANK,
}
DESCRIPTOR_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(SIDE_ADJECTIVES)
    # (a plural "немецкие канцлеры" is many people, none of them in particular)
    + r")(?!ие |ые |их |ых |ими |ыми )\w{2,3} ("
    + "|".join(DESCRIPTOR_HEADS)
    + r")(?:\w{0,3}|-министр\w{0,3})(?![\w-])"
    # ("для российской дипломатии": the craft, not a diplomat)
    r"(?<!дипломати[июяе])(?<!дипломатией)",
    re.IGNORECASE,
)
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
    literals: frozenset[str] = frozenset()  # one of them occurs in every title; empty: no gate


def parse_date(value: str | None) -> date | None:
    """ISO date or None."""
    return date.fromisoformat(value) if value else None


NEVER = r"(?!x)x"
LITERAL_RE = re.compile(r"[А-Яа-яЁёA-Za-z]{2,}")
GATE_HEADS = frozenset(
    ("президент", "премьер", "министр", "глав", "канцлер", "председател", "правительства",
     "лидер", "иностранных", "дел", "обороны")
)  # fmt: skip


RANK_TITLES: dict[str, tuple[str, ...]] = {
    "president": (r"президент\w{{0,3}} {gen}",),
    "prime_minister": (
        r"премьер(?:-министр)?\w{{0,3}} {gen}",
        r"{adj}\w{{2,3}} премьер\w{{0,3}}(?:-министр\w{{0,3}})?",
    ),
    "foreign_minister": (
        r"(?:министр\w{{0,3}}|глав\w{{1,3}}) (?:иностранных дел|МИД\w{{0,2}}"
        r"|внешнеполитического ведомства|дипведомства) {gen}",
        r"глав\w{{1,3}} {adj}ого (?:МИД\w{{0,2}}|внешнеполитического ведомства|дипведомства)",
        r"{adj}\w{{2,3}} министр\w{{0,3}} иностранных дел",
        r"глав\w{{1,3}} {adj}ой дипломатии",
        r"глав\w{{1,3}} дипломатии {gen}",
    ),
    "defense_minister": (
        r"(?:министр\w{{0,3}} обороны|глав\w{{1,3}} (?:Минобороны|военного ведомства"
        r"|оборонного ведомства)) {gen}",
        r"глав\w{{1,3}} {adj}ого (?:Минобороны|военного ведомства|оборонного ведомства)",
        r"{adj}\w{{2,3}} министр\w{{0,3}} обороны",
    ),
    "chancellor": (r"(?:федеральн\w{{2,3}} )?канцлер\w{{0,3}} {gen}",),
}
"""Title templates of the standard offices of a country: {gen} its genitive names, {adj} its
adjective stem ("российск"). The country's `leader` office also takes "{adj} лидер"."""
# "глава британского правительства": the premier's, or where a chancellor leads the
# government ("новый глава германского правительства"), the chancellor's
GOVERNMENT_HEAD_TITLES = (
    r"(?:глав\w{{1,3}}|председател\w{{1,3}}) правительства {gen}",
    r"(?:глав\w{{1,3}}|председател\w{{1,3}}) {adj}\w{{2,3}} правительства",
)
STATE_FORMS = (
    r"(?:Исламской |Федеративной |Народной |Арабской |Социалистической )?Республики "
    r"|Королевства |Государства |Федерации "
)
LEADER_TITLE = r"{adj}\w{{2,3}} (?:лидер|{head})\w{{0,3}}"
LEADER_HEADS = {"president": "президент", "chancellor": "канцлер", "prime_minister": "премьер"}


def _template_titles(office: dict[str, Any], country: dict[str, Any] | None) -> list[str]:
    if country is None:
        return []
    # "Министром иностранных дел Республики Индии": the state's formal name may come first
    gen = f"(?:{STATE_FORMS})?(?:{'|'.join(country['genitive'])})"
    fill = {"gen": gen, "adj": country["adjective"]}
    titles = [t.format(**fill) for t in RANK_TITLES.get(office["rank"], ())]
    government = "chancellor" if country.get("leader") == "chancellor" else "prime_minister"
    if office["rank"] == government:
        titles += [t.format(**fill) for t in GOVERNMENT_HEAD_TITLES]
    if office["rank"] == country.get("leader"):
        head = LEADER_HEADS.get(office["rank"], "лидер")
        titles.append(LEADER_TITLE.format(head=head, **fill))
    return titles


class OfficeTable(dict[str, Office]):
    """Offices by key, with the gate literals of them all worked out once."""

    @cached_property
    def _gates(self) -> tuple[tuple[Office, ...], frozenset[int], dict[str, tuple[int, ...]]]:
        """The offices in table order, those without a gate, and the offices each gate
        literal opens (by position)."""
        offices = tuple(self.values())
        opens: dict[str, list[int]] = {}
        for i, office in enumerate(offices):
            for word in office.literals:
                opens.setdefault(word, []).append(i)
        ungated = frozenset(i for i, o in enumerate(offices) if not o.literals)
        return offices, ungated, {w: tuple(ids) for w, ids in opens.items()}

    def gated(self, low: str) -> list[Office]:
        """Offices whose titles may occur in the lower-cased `low`, in table order."""
        offices, ungated, opens = self._gates
        ids = ungated.union(*(ids for word, ids in opens.items() if word in low))
        return [offices[i] for i in sorted(ids)]


def build_offices(raw: dict[str, Any], countries: dict[str, Any] | None = None) -> OfficeTable:
    """Office records from the `offices` table of people.json, with templated country titles."""
    out = OfficeTable()
    for key, item in raw.items():
        country = (countries or {}).get(item["side"])
        every = list(dict.fromkeys([*item["titles"], *_template_titles(item, country)]))
        titles = "|".join(f"(?:{t})" for t in every) or NEVER
        pattern = re.compile(rf"(?<![\w-])(?:{titles})(?![\w-])", re.IGNORECASE)
        out[key] = Office(key, item["side"], item["rank"], pattern, _gate_literals(every))
    return out


def _gate_literals(titles: list[str]) -> frozenset[str]:
    """Literal words of the titles minus the common heads: a match contains at least one.

    Every title names its country, organisation or a distinctive word ("Пентагона",
    "российск", "госсекретар"); a title made of common heads only turns the gate off.
    """
    out: set[str] = set()
    for title in titles:
        words = {w.lower() for w in LITERAL_RE.findall(title)} - GATE_HEADS
        if not words:
            return frozenset()
        out |= words
    return frozenset(out)


# a word that makes the person or title after it someone else's: an aide, a relative, a
# predecessor ("помощник президента РФ", "с помощником Трампа", "зять Дональда Трампа")
RELATION_WORDS = (
    r"помощник|советник|пресс-секретар|заместител|супруг|жен[аеыу](?!в)|сын(?:а|у|ом)?\b"
    r"|доч|зят[ьяюе]|брат(?:а|у|ом|е)?\b|окружени|предшественник|преемник"
)
DEPENDENT_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{RELATION_WORDS}|спецпосланник|посланник|спецпредставител|представител"
    r"|посол|послом|администраци|офис|аппарат|канцеляри|пресс-служб|соперник|оппонент"
    r"|кандидат|бывш|экс-?|покойн|будущ|избранн|нов\w+ избранн)\w*\s{1,2}$",
    re.IGNORECASE,
)
"""A word before a title that makes the title someone else's ("помощник президента РФ") or
not the holder on the day ("бывший госсекретарь США")."""


ELECT_BEFORE_RE = re.compile(r"(?<![\w-])(?:нов\w+\s{1,2})?избранн\w+\s{1,2}$", re.IGNORECASE)
"""«избранный президент США»: the next holder of the office, who takes it within months."""
ELECT_WITHIN = timedelta(days=120)


def elect_start(text: str, start: int) -> int | None:
    """Where "избранного" begins when the title at `start` is the office's holder-elect
    ("избранного президента США"), else None."""
    lo = max(0, start - 30)
    m = ELECT_BEFORE_RE.search(text[lo:start])
    return lo + m.start() if m else None


def is_dependent_title(text: str, start: int) -> bool:
    """True when the title at `start` does not name its holder on the day."""
    return bool(DEPENDENT_BEFORE_RE.search(text[max(0, start - 40) : start]))


def country_names_re(countries: dict[str, Any] | None) -> re.Pattern[str] | None:
    """Genitive country names as one pattern ("России|РФ|США|..."), longest first."""
    names = sorted(
        {n for c in (countries or {}).values() for n in c["genitive"]}, key=len, reverse=True
    )
    return re.compile("|".join(f"(?:{n})" for n in names)) if names else None


def find_coordinated(
    text: str,
    titles: list[tuple[int, int, str]],
    offices: dict[str, Office],
    countries: re.Pattern[str] | None,
) -> list[list[tuple[int, int, str]]]:
    """Plural titles over several countries ("президентов России и США"): one group each.

    A group holds the first title and one (start, end, office) per further country; the
    office is the one the singular title with that country names.
    """
    if countries is None:
        return []
    tail = re.compile(rf"(?:,\s*|\s+и\s+)({countries.pattern})(?![\w-])")
    out = []
    for start, end, _key in titles:
        title = text[start:end]
        matches = list(countries.finditer(title))
        last = matches[-1] if matches else None
        if last is None or last.end() != len(title) or last.start() == 0:
            continue
        prefix = title[: last.start()]
        group = [(start, end, _key)]
        pos = end
        while (m := tail.match(text, pos)) is not None:
            probe = prefix + m.group(1)
            keys = [k for s, e, k in find_titles(probe, offices) if s == 0 and e == len(probe)]
            if not keys:
                break
            group.append((m.start(1), m.end(1), keys[0]))
            pos = m.end()
        if len(group) > 1 and re.search(r"\sи\s", text[end:pos]):
            out.append(group)
    return out


PLURAL_TITLE_RE = re.compile(r"[а-яё]+(?:ие|ые|их|ых|ими|ыми)\s+[а-яё]+(?:ы|и|ов|ами|ах)\b")


def find_titles(text: str, offices: dict[str, Office]) -> list[tuple[int, int, str]]:
    """Non-overlapping office titles in `text` as (start, end, office key), leftmost-longest."""
    low = text.lower()
    table = offices if isinstance(offices, OfficeTable) else OfficeTable(offices)
    found = [
        (m.start(), m.end(), office.key)
        for office in table.gated(low)
        for m in office.pattern.finditer(text)
        # "немецкие канцлеры": a plural is many holders, none in particular
        if not PLURAL_TITLE_RE.match(text, m.start(), m.end())
    ]
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    out: list[tuple[int, int, str]] = []
    for item in found:
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out
