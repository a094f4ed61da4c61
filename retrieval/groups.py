"""Officials named as a group: "президентов России и США", "министры обороны двух стран"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from retrieval.names import head_cases
from retrieval.offices import ELECT_WITHIN, SIDE_ADJECTIVES
from retrieval.people import Found, PersonRegistry

# the "2+2" of a group title: both ranks of every side, not the first one held
BOTH_MINISTERS = ("foreign_minister", "defense_minister")
MINISTER_RANKS = frozenset(BOTH_MINISTERS)
# head of a group title -> ranks (people.json `offices[*].rank`) tried in order
GROUP_HEADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"президент(?:ы|ов|ам|ами|ах)?", ("president",)),
    (
        # "министры иностранных дел и обороны России и Франции": the "2+2" of both sides
        r"(?:министр(?:ы|ов|ам|ами|ах)|глав(?:ы|ам|ами|ах)) (?:иностранных дел и обороны"
        r"|МИД и (?:Минобороны|министерств обороны|оборонных ведомств))",
        BOTH_MINISTERS,
    ),
    (
        r"(?:министр(?:ы|ов|ам|ами|ах)?|глав(?:ы|ам|ами|ах)?)"
        r" (?:иностранных дел|МИД|внешнеполитических ведомств|дипведомств|дипломатий|дипломатии)",
        ("foreign_minister",),
    ),
    # "министры Армении и Азербайджана": with the sides right after it, the diplomats
    (r"министр(?:ы|ов|ам|ами|ах)(?=\s+(?-i:[А-ЯЁ])|$)", ("foreign_minister",)),
    (
        r"(?:министр(?:ы|ов|ам|ами|ах)?|глав(?:ы|ам|ами|ах)?)"
        r" (?:обороны|военных ведомств|оборонных ведомств)",
        ("defense_minister",),
    ),
    (
        r"(?:лидер(?:ы|ов|ам|ами|ах)?|глав(?:ы|ам|ами|ах)? государств)",
        ("president", "prime_minister", "chancellor", "party_leader"),
    ),
)
COUNTRY = r"(?-i:[А-ЯЁ][А-ЯЁа-яё]+)"  # capitalised even where the title is matched in any case
SIDE_SEP = r"(?:,\s*|\s+и\s+)"
BOTH = r"(?P<both>двух стран|обеих стран|двух государств|обоих государств)"


def group_re(countries: re.Pattern[str] | None) -> re.Pattern[str]:
    """Group titles; a side is a known country's genitive ("Южной Кореи") or one capitalised
    word read by its lemma ("Японии")."""
    country = rf"(?:(?-i:{countries.pattern})|{COUNTRY})" if countries else COUNTRY
    sides = rf"(?P<sides>{country}(?:{SIDE_SEP}{country})+)"
    return re.compile(
        r"(?<![\w-])(?P<head>"
        + "|".join(f"(?:{head})" for head, _ in GROUP_HEADS)
        + rf")(?:\s+(?:{sides}|{BOTH}))?(?![\w-])",
        re.IGNORECASE,
    )


# who may be one of the "лидеры" of a story besides presidents and premiers (never its aides,
# ministers or security chiefs: "саммит лидеров двух стран" after Патрушев met Салливан)
HEAD_RANKS = frozenset(
    {
        "president",
        "prime_minister",
        "chancellor",
        "party_leader",
        "council_president",
        "king",
        "crown_prince",
        "supreme_leader",
        "commander_in_chief",
        "movement_leader",
    }
)
WITH_BEFORE_RE = re.compile(r"(?<![\w-])(?:с|со)\s+(?:обоими\s+)?$", re.IGNORECASE)
# the plurals that stand for the two leaders the sentence before names ("У трапа Путина
# приветствовал X. После церемонии политики провели переговоры")
# ("Президенты коротко пообщались в кулуарах": the heads the sentence before names)
NEARBY_LEADER_WORDS = frozenset({"лидеры", "политики", "президенты", "премьеры"})
# "четверо европейских лидеров": a counted group
COUNT_WORDS = ("двое", "трое", "четверо", "пятеро", "шестеро")
# "российские министры должны были провести переговоры": the story's people of that side
SIDE_PLURAL_RE = re.compile(
    r"(?<![\w-])(?P<side>" + "|".join(SIDE_ADJECTIVES) + r")(?:ие|их|им|ими)\s+"
    r"(?:министр|лидер|президент|руководител)(?:ы|ов|ам|ами|и|ей|ям|ями)(?![\w-])",
    re.IGNORECASE,
)
# a bare plural head ("лидеры", "министры") refers back to the people of the article
BARE_PLURAL_RE = re.compile(
    # after an adjective the plural is a new group ("новые лидеры"), after the adverb
    # "впервые" it is still the article's people
    # ("кандидат в президенты"; "выступление перед лидерами": an audience)
    r"(?:(?<=впервые )|(?<!ыми )(?<!ими )(?<!ых )(?<!их )(?<!ые )(?<!ие )(?<![^\w]в )(?<!перед ))"
    r"(?<![\w-])(?:(?:лидер|министр|президент|премьер)(?:ы|ов|ами)|политик(?:и|ов|ами))(?![\w-])"
    # (not "лидеры стран НАТО соберутся на саммит": the leaders of a bloc, not the pair)
    r"(?!\s+(?:стран|государств|НАТО|ЕС|Евросоюза|G\d+|«?Группы|«?Большой|БРИКС|ШОС|АСЕАН"
    r"|АТЭС|СНГ|ЕАЭС|ОДКБ|Африки|Азии|Латинской|альянса|региона|мира|Европы|Запада)(?![\w-]))"
    # (nor "принимал лидеров отдельных европейских столиц": others, told by an adjective)
    r"(?!\s+(?!обеих|обоих|иностранных)[а-яё]+(?:ых|их)\s)"
    # "провел встречу с обоими министрами": the two just told of
    r"|(?<=обоими )(?:лидер|министр|президент|премьер)ами(?![\w-])"
    r"|(?<![\w-])собеседник(?:и|ов|ами)(?![\w-])|(?<![\w-])глав(?:ы|ами) государств(?![\w-])"
    r"|(?<![\w-])гостей(?![\w-])"  # "Санду встретила гостей": the visitors just named
    r"|(?<![\w-])(?:тройк|четв[её]рк)[аи](?![\w-])"  # "тройка встречалась в Анкаре"
    # "Отношения двух лидеров начались с видеоконференции": the story's pair
    r"|(?<![\w-])(?:двух|обоих) (?:лидеров|президентов|министров)(?![\w-])"
    # "Зеленский и четверо европейских лидеров": a counted group told before
    rf"|(?<![\w-])(?:{'|'.join(COUNT_WORDS)})\s+(?:[а-яё]+(?:их|ых)\s+)?"
    r"(?:лидер|министр|президент|премьер|глав)\w*(?![\w-])"
    # "Стороны провели уже три раунда переговоров": the story's pair, as the sentence's
    # subject (not "На встрече с X стороны обсудили": X's meeting)
    r"|^\W*стороны(?=\s+(?:уже\s+|также\s+|ранее\s+|вновь\s+)?(?:провели|проводили"
    r"|встречались|встретились|созвонились|созванивались|договорились|условились|обсудили)"
    r"(?![\w-]))"
    # "в последний раз они общались": the pronoun subject of a contact verb is the pair
    r"|(?<![\w-])они(?= (?:[а-яё]+ )?(?:общались|говорили|встречались|созванивались"
    r"|разговаривали|виделись|беседовали|встретились|созвонились|поговорили|пообщались"
    r"|увиделись|провели|проводили|обсуждали|обсудили)(?![\w-]))",
    re.IGNORECASE,
)
SIDE_ALIASES: dict[str, str] = {
    "рф": "Россия",
    "кнр": "Китай",
    "фрг": "Германия",
    "беларусь": "Белоруссия",
}


class GroupResolver:
    """Resolves group titles to the office holders of each side on a date."""

    def __init__(self, registry: PersonRegistry) -> None:
        self.registry = registry
        self.sides = {o.side.lower(): o.side for o in registry.offices.values()}
        self.pattern = group_re(registry.countries)

    def find(
        self,
        text: str,
        *,
        on: date | None,
        context: Sequence[str] = (),
        nearby: Sequence[str] = (),
    ) -> list[Found]:
        """Group mentions in `text`, one Found per member; `context` is the article's last pair,
        `nearby` the people the sentence before names."""
        out: list[Found] = []
        titled: list[tuple[int, int]] = []
        for m in self.pattern.finditer(text):
            if m.group("sides") or m.group("both"):
                titled.append((m.start(), m.end()))
            head = m.group("head")
            ranks = next(
                r for pattern, r in GROUP_HEADS if re.fullmatch(pattern, head, re.IGNORECASE)
            )
            if m.group("sides"):
                sides = [self._side(w) for w in re.split(SIDE_SEP, m.group("sides"))]
                if None in sides:
                    continue
                known = [s for s in sides if s]
                if ranks == BOTH_MINISTERS:
                    people = [p for rank in ranks for p in self._holders(known, (rank,), on)]
                else:
                    people = self._holders(known, ranks, on)
            elif m.group("both") or _bare_at(text, m.start(), m.end()):
                people = self._holders(self._context_sides(context, on), ranks, on, context)
                if not people and m.group("both") and len(two := self._nearby_leaders(nearby)) == 2:
                    # "Си встретил Токаева в Пекине. Там лидеры двух стран провели переговоры":
                    # the two of two sides the sentence before names
                    people = self._holders(self._context_sides(two, on), ranks, on, two)
                if not m.group("both") and not people:
                    people = list(context) if len(context) >= 2 else []
            elif " " in head and head.split()[0].lower() != "министр":
                # "переговоры министров иностранных дел" after a summit: the ministers of the
                # sides of the story, never the leaders themselves (one "министр обороны"
                # is a title of the name next to it, no group)
                titled.append((m.start(), m.end()))
                people = self._holders(self._context_sides(context, on), ranks, on)
            else:
                continue
            if len(people) < 2:
                continue
            cases = head_cases(self.registry.lemmatizer, head)
            out += [Found(p, m.start(), m.end(), m.group(0), True, cases, (), True) for p in people]
        taken = {(f.start, f.end) for f in out} | set(titled)
        for m in BARE_PLURAL_RE.finditer(text):
            if (len(context) < 2 and not nearby) or any(s <= m.start() < e for s, e in taken):
                continue
            word = m.group(0).lower()
            cases = (
                frozenset({"nomn"})
                if word == "они"
                # ("с обоими министрами": the partners; not "выступление перед лидерами")
                else frozenset({"ablt"})
                if word.endswith("ами") and WITH_BEFORE_RE.search(text, 0, m.start())
                # "политики" is a plural here, never the genitive of "политика"; "четверо
                # лидеров" is counted, standing as a subject or object
                else frozenset({"nomn", "accs"})
                if word.endswith(("ы", "и")) or word.startswith(COUNT_WORDS)
                else head_cases(self.registry.lemmatizer, m.group(0))
            )
            named = self._ministers(context, on) if word.startswith("министр") else context
            if (
                word == "они"
                and len(two := self._nearby_leaders(nearby)) == 2
                and not (set(two) <= set(context))
            ):
                # "X находится в Китае по приглашению Y. В ходе визита они провели
                # переговоры": the two of two sides the sentence before names
                named = two
            if len(named) < 2 and word in NEARBY_LEADER_WORDS:
                # "Вместе с премьером Моди он проехал по городу. Вечером лидеры провели
                # переговоры": the two leaders of two sides the sentence before names
                named = self._nearby_leaders(nearby)
            if len(named) < 2 and word.startswith("министр"):
                # "Шойгу и Герасимов не отвечают Остину и Милли. Первый разговор министров
                # состоялся 13 мая": the two ministers just named, when the pair is not (by
                # their offices: the story's people from now on)
                out += [
                    Found(p, m.start(), m.end(), m.group(0), True, cases, (key,), True)
                    for p, key in self._nearby_ministers(nearby, on)
                ]
                continue
            out += [Found(p, m.start(), m.end(), m.group(0), True, cases, (), True) for p in named]
        for m in SIDE_PLURAL_RE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            side = SIDE_ADJECTIVES[m.group("side").lower()]
            members = [p for p in context if side in self.registry.sides(p)]
            if len(members) >= 2:
                cases = head_cases(self.registry.lemmatizer, m.group(0).split()[-1])
                out += [
                    Found(p, m.start(), m.end(), m.group(0), True, cases, (), True) for p in members
                ]
        return sorted(out, key=lambda f: f.start)

    def _ministers(self, context: Sequence[str], on: date | None) -> Sequence[str]:
        """ "Министры уже проводили переговоры" after a minister was received by a
        president: the story's ministers, the president's own foreign minister for him."""
        if on is None:
            return context
        held_by = {name: self.registry.offices_held(name, on) for name in context}
        if not any(o.rank in MINISTER_RANKS for held in held_by.values() for o in held):
            if all(held_by.values()):
                # the story's people are leaders ("Байден и Моди провели беседу. По итогам
                # переговоров министры договорились"): the ministers are others
                return []
            return context  # people of unknown office: "министры" are the story's people
        out: list[str] = []
        for name in context:
            held = held_by[name]
            if not held or any(o.rank in MINISTER_RANKS for o in held):
                out.append(name)
                continue
            key = self.registry.office_of(held[0].side, "foreign_minister")
            minister = self.registry.office_holder(key, on) if key else None
            out.append(minister or name)
        out = list(dict.fromkeys(out))
        if len(out) > 2:
            # "аш-Шейбани и министра обороны Абу Касру принял Путин. … переговоры министров":
            # the ministers of one rank, one of each side (the foreign ministers first)
            for rank in BOTH_MINISTERS:
                same = [
                    n for n in out if any(o.rank == rank for o in self.registry.offices_held(n, on))
                ]
                if len(same) == 2 and not self.registry.same_side(*same):
                    return same
        return out if len(out) >= 2 else context

    def _nearby_leaders(self, nearby: Sequence[str]) -> Sequence[str]:
        """The two people of `nearby` when they are exactly two, of two sides; else none."""
        two = tuple(dict.fromkeys(nearby))
        return two if len(two) == 2 and not self.registry.same_side(*two) else ()

    def _nearby_ministers(self, nearby: Sequence[str], on: date | None) -> list[tuple[str, str]]:
        """(name, office) of the two ministers of two sides among `nearby`, else none."""
        if on is None:
            return []
        sides: dict[str, tuple[str, str]] = {}
        for name in dict.fromkeys(nearby):
            held = [o for o in self.registry.offices_held(name, on) if o.rank in MINISTER_RANKS]
            if held:
                sides.setdefault(held[0].side, (name, held[0].key))
        return list(sides.values()) if len(sides) == 2 else []

    def _side(self, word: str) -> str | None:
        for country, names in self.registry.country_genitives.items():
            if names.fullmatch(word):
                return country
        low = word.lower()
        if low in SIDE_ALIASES:
            return SIDE_ALIASES[low]
        if low in self.sides:
            return self.sides[low]
        for parse in self.registry.lemmatizer.parses(word)[:3]:
            side = self.sides.get(str(parse.normal_form)) or SIDE_ALIASES.get(
                str(parse.normal_form)
            )
            if side:
                return side
        return None

    def _holders(
        self,
        sides: Sequence[str],
        ranks: Sequence[str],
        on: date | None,
        prefer: Sequence[str] = (),
    ) -> list[str]:
        """The holder of an office of the ranks for each side; a `prefer` person of that side
        holding any of the ranks first (the story's Polish leader is its premier Туск, not
        the president)."""
        if on is None or len(sides) < 2:
            return []
        people: list[str] = []
        for side in sides:
            holder = (
                next(
                    (
                        name
                        for name in prefer
                        # or about to take it: "разговор лидеров состоялся 17 января, еще до
                        # вступления Трампа в должность" is still the story's Трамп
                        if any(
                            o.side == side and o.rank in ranks
                            for day in (on, on + ELECT_WITHIN)
                            for o in self.registry.offices_held(name, day)
                        )
                    ),
                    None,
                )
                or next(
                    (
                        # "лидеры" of a story with the head of the European Council: a leader
                        # of his side, whatever the office's rank
                        name
                        for name in prefer
                        if len(ranks) > 1
                        and any(
                            o.side == side and o.rank in HEAD_RANKS
                            for o in self.registry.offices_held(name, on)
                        )
                    ),
                    None,
                )
                or next(
                    (
                        h
                        # "лидеры Франции и Германии": the chancellor, not the president
                        for rank in sorted(
                            ranks, key=lambda r: r != self.registry.leader_ranks.get(side)
                        )
                        for key in [self.registry.office_of(side, rank)]
                        if key
                        for h in [self.registry.office_holder(key, on)]
                        if h
                    ),
                    None,
                )
            )
            if holder is None:
                return []
            people.append(holder)
        return people if len(set(people)) == len(people) else []

    def _context_sides(self, context: Sequence[str], on: date | None) -> list[str]:
        sides: list[str] = []
        for name in context:
            person = self.registry.people.get(name)
            if person is None:
                return []
            offices = [r for r in person.roles if r.office in self.registry.offices]
            # the side of the office held on that day; else of any office (a minister
            # appointed later is still of his country: "главы ведомств двух стран" in 2023)
            held = [r for r in offices if on is None or r.covers(on)] or offices
            side = self.registry.offices[held[0].office].side if held else None
            if side is None:
                return []
            if side not in sides:
                sides.append(side)
        return sides


def _bare_at(text: str, start: int, end: int) -> bool:
    bare = BARE_PLURAL_RE.match(text, start)
    return bare is not None and bare.end() == end
