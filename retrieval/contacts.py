"""Contacts between named people stated in one article: who, when, kind, status, evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from retrieval.cues import (
    BETWEEN_RE,
    DENIAL_RE,
    EARLIER_RE,
    FRAME_RE,
    INITIATIVE_RE,
    LIGHT_VERB_RE,
    PARTY_RE,
    RELATIVE_CLAUSE_RE,
    SIDES_PAIR_RE,
    SPEECH_RE,
    SPOKESMAN_RANKS,
    WITH_RE,
    Cue,
    blank_asides,
    clause_bounds,
    content_sentences,
    find_cues,
    has_cue,
    predicate_status,
    status_of,
)
from retrieval.dates import RELATIVE_RE, WEEKDAY_RE, find_date_hits, parse_dateline
from retrieval.groups import GroupResolver
from retrieval.lemmas import Lemmatizer, default_lemmatizer
from retrieval.offices import SIDE_ADJECTIVES
from retrieval.people import Found, PersonRegistry
from retrieval.types import ExtractedContact, Kind, PartialDate, Status

KIND_PRIORITY: dict[Kind, int] = {"phone": 4, "meeting": 3, "talks": 2, "visit": 1}
IN_PERSON: frozenset[Kind] = frozenset({"meeting", "talks", "visit"})
GAP_RE = re.compile(r"[\s,]*(?:и|,)?[\s,]*")
CHAIN_GAP_RE = re.compile(r"(?:\s+[а-яё-]+){0,3}\s+|\s*(?:,|и)\s*|\s*", re.IGNORECASE)
PLACE_RE = re.compile(r"(?<![\w-])в\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
ANTECEDENT_GAP_RE = re.compile(r"\s*(?:,|и)\s+(?:[\w«»-]+\s+){0,5}", re.IGNORECASE)
LEAD_SENTENCES = 3
TITLE = -1  # sentence index of the headline
CALL_VERB_RE = re.compile(r"позвонил", re.IGNORECASE)  # "позвонил министру": partner in dative
# a date that belongs to another event: "с момента вступления в должность в январе"
OTHER_EVENT_RE = re.compile(
    r"(?:с момента|со времени|с начала|после|до|накануне) (?:его |ее |их )?"
    r"(?:вступлени|избрани|инаугураци|назначени|отставк|выбор)\w*[^,.;:]*$",
    re.IGNORECASE,
)
PARTY_REACH = 3  # sentences after a contact that may still list its participants
RELATIVE_DATE_RE = re.compile(f"{RELATIVE_RE.pattern}|{WEEKDAY_RE.pattern}", re.IGNORECASE)
PREPOSITIONS = frozenset(
    [
        "с",
        "со",
        "в",
        "во",
        "на",
        "о",
        "об",
        "по",
        "к",
        "ко",
        "для",
        "между",
        "при",
        "от",
        "до",
        "из",
        "за",
        "у",
        "над",
        "под",
        "через",
        "про",
        "без",
    ]
)


@dataclass(frozen=True)
class _Candidate:
    participants: tuple[str, ...]
    kind: Kind
    weak: bool
    status: Status
    date: PartialDate | None
    earlier: bool
    score: int
    sentence: int
    start: int
    end: int
    snippet: str
    place: str | None
    initiator: str | None
    grouped: bool = False  # every participant comes from a group title ("лидеры")
    lead: bool = False  # undated news of the lead: dated by the dateline unless merged


class ContactExtractor:
    """Extracts contacts from clean article bodies; heavy models are shared and built lazily."""

    def __init__(self, registry: PersonRegistry, lemmatizer: Lemmatizer | None = None) -> None:
        self.registry = registry
        self.lemmatizer = lemmatizer or registry.lemmatizer or default_lemmatizer()
        self.groups = GroupResolver(registry)

    def extract(
        self, text: str, *, published: date | None, title: str | None = None
    ) -> list[ExtractedContact]:
        """One record per distinct contact stated in the article body `text`."""
        if not has_cue(text):
            return []
        dateline = parse_dateline(text, published=published)
        anchor = published or (
            dateline.to_date() if dateline and dateline.precision == "day" else None
        )
        sentences = content_sentences(text)
        known: set[str] | None = None
        candidates: list[_Candidate] = []
        context: tuple[str, ...] = ()
        if title and has_cue(title):
            known = self.registry._full_names(text)
            heads = self._sentence(title, 0, title, TITLE, anchor, None, known, "", ())
            candidates += [replace(c, start=0, end=0) for c in heads]
            context = next((c.participants for c in heads), ())
        for index, (start, sentence) in enumerate(sentences):
            recent = [c for c in candidates if 0 <= index - c.sentence <= PARTY_REACH]
            if recent and PARTY_RE.search(sentence):
                if known is None:
                    known = self.registry._full_names(text)
                if self._join_party(sentence, recent[-1], candidates, anchor, known):
                    continue
            if not has_cue(sentence):
                continue
            if known is None:
                known = self.registry._full_names(text)
            following = sentences[index + 1][1] if index + 1 < len(sentences) else ""
            found = self._sentence(
                text, start, sentence, index, anchor, dateline, known, following, context
            )
            if not found and SIDES_PAIR_RE.search(sentence):
                found = self._sides_only(sentence, start, index, anchor)
            candidates += found
            named = [c for c in found if not c.grouped and c.participants]
            if named:
                context = named[0].participants
        candidates = [c for c in candidates if len(c.participants) >= 2]
        default = dateline or (
            PartialDate(anchor.year, anchor.month, anchor.day) if anchor else None
        )
        return [
            self._record(replace(c, date=default) if c.lead and c.date is None else c)
            for c in _merge(candidates)
            if c.sentence != TITLE
        ]

    def _join_party(
        self,
        sentence: str,
        target: _Candidate,
        candidates: list[_Candidate],
        anchor: date | None,
        known: set[str],
    ) -> bool:
        """Add the people of "с российской стороны участвовали X и Y" to the contact before."""
        on = target.date.to_date() if target.date and target.date.precision == "day" else anchor
        work = blank_asides(sentence)
        people = [
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            if not self._spokesman(m, on)
        ]
        if not people:
            return False
        merged = tuple(sorted(set(target.participants) | set(people)))
        candidates[candidates.index(target)] = replace(target, participants=merged)
        return True

    def _sides_only(
        self, sentence: str, offset: int, index: int, anchor: date | None
    ) -> list[_Candidate]:
        """ "Делегации России и США провели переговоры": a contact whose people come next."""
        work = blank_asides(sentence)
        cues = [c for c in find_cues(work) if not c.weak] or find_cues(work)
        if not cues:
            return []
        cue = cues[0]
        hits = find_date_hits(work, published=anchor)
        when = self._date(work, cue, hits, [], clause_bounds(work, cue.start))
        status = status_of(work)
        return [
            _Candidate(
                participants=(),
                kind=cue.kind,
                weak=cue.weak,
                status=status,
                date=when,
                earlier=bool(EARLIER_RE.search(work)),
                score=2 + (when is not None),
                sentence=index,
                start=offset,
                end=offset + len(sentence),
                snippet=sentence,
                place=self._place(work) if cue.kind != "phone" else None,
                initiator=_initiator(work, cue.start),
                lead=when is None and status == "happened" and index < LEAD_SENTENCES,
            )
        ]

    def _sentence(
        self,
        text: str,
        offset: int,
        sentence: str,
        index: int,
        anchor: date | None,
        dateline: PartialDate | None,
        known: set[str],
        following: str,
        context: tuple[str, ...],
    ) -> list[_Candidate]:
        work = blank_asides(sentence)
        cues = find_cues(work)
        if not cues:
            return []
        hits = find_date_hits(work, published=anchor)
        on = next((h.date.to_date() for h in hits if h.date.precision == "day"), None) or anchor
        mentions = self.registry.scan(work, on=on, known=known)
        mentions = self._complete_surnames(text, mentions)
        groups = self.groups.find(work, on=on, context=context)
        if groups:
            mentions = [
                m for m in mentions if not any(m.start < g.end and g.start < m.end for g in groups)
            ]
            mentions = sorted(mentions + groups, key=lambda m: m.start)
        if len({m.person for m in mentions}) < 2:
            return []
        by_people: dict[tuple[str, ...], _Candidate] = {}
        for cue in cues:
            found = self._participants(work, cue, cues, mentions, on)
            people = tuple(sorted({f.person for f in found}))
            if len(people) < 2:
                continue
            cs, ce = clause_bounds(work, cue.start)
            clause = work[cs:ce]
            status = status_of(work[max(cs, cue.start - 60) : min(ce, cue.end + 40)])
            if status in ("happened", "planned"):
                nxt = min((c.start for c in cues if c.start > cue.end), default=ce)
                stated = predicate_status(work[cue.end : min(ce, nxt, cue.end + 160)])
                if stated and (status == "happened" or stated != "planned"):
                    status = stated
            if status != "denied" and DENIAL_RE.search(work[: cue.start]):
                status = "denied"
            earlier = bool(EARLIER_RE.search(clause))
            when = self._date(work, cue, hits, found, (cs, ce))
            if status == "planned" and when is not None and anchor is not None:
                when = _forward(when, anchor, hits)
            fresh = not (earlier or cue.weak) and status == "happened"
            lead = when is None and fresh and 0 <= index < LEAD_SENTENCES
            score = 2 * cue.verb + (not cue.weak) + (when is not None) + (status == "happened")
            candidate = _Candidate(
                participants=people,
                kind=cue.kind,
                weak=cue.weak,
                status=status,
                date=when,
                earlier=earlier,
                score=score,
                sentence=index,
                start=offset,
                end=offset + len(sentence),
                snippet=sentence,
                place=self._place(clause) if cue.kind != "phone" else None,
                initiator=_initiator(work, cue.start) or _initiator(following, None),
                grouped=all(f.via_office and not f.offices for f in found),
                lead=lead,
            )
            best = by_people.get(people)
            if best is None or _rank(candidate) > _rank(best):
                by_people[people] = candidate
        return list(by_people.values())

    def _participants(
        self, s: str, cue: Cue, cues: list[Cue], mentions: list[Found], on: date | None
    ) -> list[Found]:
        cs, ce = clause_bounds(s, cue.start)
        later = [c.start for c in cues if c.start > cue.end and cs <= c.start < ce]
        seg_end = min(later, default=ce)
        seg_start = (
            max([c.end for c in cues if c.end < cue.start and cs <= c.start], default=cs)
            if cue.verb
            else cue.start
        )
        owned = {id(m) for c in cues if c is not cue for m in self._chain(s, c, mentions, ce)}
        inside = [m for m in mentions if cs <= m.start and m.end <= ce and id(m) not in owned]
        genitive = self._chain(s, cue, inside, seg_end)
        chosen = list(genitive)
        partners: list[Found] = []
        for m in (m for m in inside if seg_start <= m.start and m.end <= seg_end):
            before = s[max(cs, m.start - 60) : m.start]
            linked = bool(WITH_RE.search(before) or BETWEEN_RE.search(before)) or bool(
                partners and GAP_RE.fullmatch(s[partners[-1].end : m.start])
            )
            if linked and "ablt" in m.cases:
                partners.append(m)
        if CALL_VERB_RE.match(s, cue.start):
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 60 and "datv" in m.cases and m not in partners
            ][:1]
        if cue.receive:
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 30 and "accs" in m.cases and m not in partners
            ][:1]
            if not partners:
                return []
        chosen += [m for m in partners if m not in chosen]
        clause = s[cs:ce]
        framed = bool(FRAME_RE.search(s[cs : cue.start]))
        subjects_allowed = cue.verb or (
            not genitive and (bool(partners) or framed or bool(LIGHT_VERB_RE.search(clause)))
        )
        between = any(BETWEEN_RE.search(s[max(cs, m.start - 60) : m.start]) for m in partners)
        if subjects_allowed and not between:
            subjects = [m for m in inside if m not in chosen and self._subject(s, m, cs, on, cue)]
            if not subjects and cue.verb and RELATIVE_CLAUSE_RE.match(s[cs:]):
                subjects = _antecedents(s, mentions, cs)
            if not subjects and cue.verb and partners:
                subjects = [m for m in mentions if m.end <= cs and self._subject(s, m, 0, on, cue)][
                    -1:
                ]
            chosen += subjects
        return chosen

    @staticmethod
    def _chain(s: str, cue: Cue, mentions: list[Found], end: int) -> list[Found]:
        """People in the genitive right after a contact noun: "встреча Путина и Трампа"."""
        if cue.verb:
            return []
        chain: list[Found] = []
        pos = cue.end
        for m in (m for m in mentions if cue.end <= m.start and m.end <= end):
            gap = s[pos : m.start]
            if not chain:
                ok = (
                    bool(CHAIN_GAP_RE.fullmatch(gap))
                    and not PREPOSITIONS & set(gap.lower().split())
                    and len(gap) < 40
                    and "gent" in m.cases
                )
            elif GAP_RE.fullmatch(gap):
                ok = "gent" in m.cases
            else:
                ok = bool(WITH_RE.search(gap)) and len(gap) < 6 and "ablt" in m.cases
            if not ok:
                break
            chain.append(m)
            pos = m.end
        return chain

    def _subject(self, s: str, m: Found, clause_start: int, on: date | None, cue: Cue) -> bool:
        if "nomn" not in m.cases:
            return False
        if m.start > cue.end and SPEECH_RE.search(s[cue.end : m.start]):
            return False
        if self._spokesman(m, on) and SPEECH_RE.search(s):
            return False
        around = s[max(clause_start, m.start - 30) : m.end + 30]
        if SPEECH_RE.search(around) and not LIGHT_VERB_RE.search(s[m.end : m.end + 40]):
            near_cue = find_cues(s[m.end : m.end + 40])
            if not near_cue:
                return False
        if len(m.cases) > 2:
            prev = s[clause_start : m.start].split()
            if prev and prev[-1].isalpha() and prev[-1].islower() and prev[-1] not in {"и", "а"}:
                return any(
                    p.tag.POS in {"VERB", "ADVB", "PRTS"}
                    for p in self.lemmatizer.parses(prev[-1])[:1]
                )
        return True

    def _spokesman(self, m: Found, on: date | None) -> bool:
        offices = self.registry.offices
        if any(offices[o].rank in SPOKESMAN_RANKS for o in m.offices if o in offices):
            return True
        person = self.registry.people.get(m.person)
        return person is not None and any(
            offices[r.office].rank in SPOKESMAN_RANKS for r in person.roles if r.office in offices
        )

    def _date(
        self, s: str, cue: Cue, hits: list, found: list[Found], clause: tuple[int, int]
    ) -> PartialDate | None:
        if not hits:
            return None
        if cue.weak:
            hits = [
                h
                for h in hits
                if clause[0] <= h.span.start < clause[1]
                or not RELATIVE_DATE_RE.fullmatch(h.span.text)
            ]
            if not hits:
                return None
        hits = [
            h
            for h in hits
            if not OTHER_EVENT_RE.search(s[max(0, h.span.start - 80) : h.span.start])
        ]
        if not hits:
            return None
        in_clause = [h for h in hits if clause[0] <= h.span.start < clause[1]]
        hit = min(in_clause or hits, key=lambda h: abs(h.span.start - cue.start))
        value = hit.date
        if value.year is None and value.month and value.day and hit.weekday is not None:
            value = self._narrow(value, hit.weekday, found)
        return value

    def _narrow(self, value: PartialDate, weekday: int, found: list[Found]) -> PartialDate:
        until = date.today().year + 1
        years = {
            y
            for y in range(2000, until + 1)
            if _weekday(y, value.month or 1, value.day or 1) == weekday
        }
        titled = [(m.person, o) for m in found for o in m.offices]
        if not titled:
            return value
        for person, office in titled:
            years &= self.registry.tenure_years(person, office, until)
        return replace(value, year=years.pop()) if len(years) == 1 else value

    def _complete_surnames(self, text: str, mentions: list[Found]) -> list[Found]:
        out = []
        for m in mentions:
            if not m.known and " " not in m.person:
                full = re.search(rf"([А-ЯЁ][а-яё]+)\s+{re.escape(m.person[:-1])}\w{{0,3}}\b", text)
                if full:
                    name, _ = self.registry.names.normalize(full.group(0).split())
                    if name and name.split()[-1] == m.person:
                        m = replace(m, person=name)
            out.append(m)
        return out

    def _place(self, clause: str) -> str | None:
        for m in PLACE_RE.finditer(clause):
            for p in self.lemmatizer.parses(m.group(1))[:3]:
                if p.tag.case == "loct" and ("Geox" in p.tag or "Fixd" in p.tag):
                    return "-".join(x[:1].upper() + x[1:] for x in str(p.normal_form).split("-"))
        return None

    @staticmethod
    def _record(c: _Candidate) -> ExtractedContact:
        return ExtractedContact(
            participants=c.participants,
            kind=c.kind,
            status=c.status,
            date=c.date,
            snippet=c.snippet,
            start=c.start,
            end=c.end,
            place=c.place,
            initiator=c.initiator,
        )


def _antecedents(s: str, mentions: list[Found], clause_start: int) -> list[Found]:
    """People a relative clause refers back to: "X и Y, которые встречаются"."""
    out: list[Found] = []
    edge = clause_start
    for m in reversed([m for m in mentions if m.end <= clause_start]):
        gap = s[m.end : edge]
        if (not out and len(gap.strip()) == 0) or (out and ANTECEDENT_GAP_RE.fullmatch(gap)):
            out.append(m)
            edge = m.start
        elif out:
            break
    return out


def _forward(when: PartialDate, anchor: date, hits: list) -> PartialDate:
    """A bare weekday of a planned contact points forward: "созвонятся в субботу"."""
    value = when.to_date()
    if when.precision != "day" or value is None or value >= anchor:
        return when
    if not any(h.date == when and WEEKDAY_RE.fullmatch(h.span.text) for h in hits):
        return when
    ahead = value + timedelta(days=7)
    return PartialDate(ahead.year, ahead.month, ahead.day)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _initiator(sentence: str, near: int | None) -> str | None:
    m = INITIATIVE_RE.search(sentence)
    if m is None or (abs(m.start() - near) > 60 if near is not None else m.start() > 40):
        return None
    word = m.group(1).lower()
    return next((side for stem, side in SIDE_ADJECTIVES.items() if word.startswith(stem)), None)


def _rank(c: _Candidate) -> tuple[int, int, int]:
    return (c.score, KIND_PRIORITY[c.kind] * (not c.weak), -c.sentence)


def _group(kind: Kind) -> str:
    return "phone" if kind == "phone" else "in_person"


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Same people, kind group, status and compatible dates: one contact, best evidence kept."""
    strong = [c for c in candidates if not c.weak]
    weak = [c for c in candidates if c.weak]
    merged: list[_Candidate] = []
    for c in sorted(strong, key=lambda c: c.sentence) + sorted(weak, key=lambda c: c.sentence):
        for i, m in enumerate(merged):
            same_kind = c.weak or _group(c.kind) == _group(m.kind)
            dates_ok = c.date is None or m.date is None or c.date.compatible(m.date)
            if (
                m.participants == c.participants
                and same_kind
                and c.status == m.status
                and c.earlier == m.earlier
                and dates_ok
            ):
                merged[i] = _combine(m, c)
                break
        else:
            merged.append(c)
    return merged


def _combine(a: _Candidate, b: _Candidate) -> _Candidate:
    best, other = (a, b) if _rank(a) >= _rank(b) else (b, a)
    kind = best.kind if not best.weak else other.kind
    when = _more_precise(best.date, other.date)
    evidence = other if best.sentence == TITLE and other.sentence != TITLE else best
    return replace(
        best,
        sentence=evidence.sentence,
        start=evidence.start,
        end=evidence.end,
        snippet=evidence.snippet,
        status=evidence.status,
        grouped=best.grouped and other.grouped,
        lead=best.lead or other.lead,
        kind=kind,
        weak=best.weak and other.weak,
        date=when,
        place=best.place or other.place,
        initiator=best.initiator or other.initiator,
    )


def _more_precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    order = {"day": 3, "month": 2, "year": 1, None: 0}
    if order[a.precision] == order[b.precision]:
        known_a = sum(x is not None for x in (a.year, a.month, a.day))
        known_b = sum(x is not None for x in (b.year, b.month, b.day))
        return a if known_a >= known_b else b
    return a if order[a.precision] > order[b.precision] else b
