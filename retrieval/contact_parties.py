"""Who took part in a contact told in one clause: partners, subjects, pronouns and their
antecedents, guests and hosts, places (the clause-level half of ContactExtractor)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from retrieval.contact_candidates import (
    Candidate,
)
from retrieval.contact_clauses import (
    AGENT_FRAME_RE,
    AND_CLAUSE_RE,
    BARE_TITLE_RE,
    BY_PHONE_VERB_RE,
    CALL_VERB_RE,
    CLAUSE_MARK_RE,
    CONTRAST_RE,
    DELEGATIONS_AFTER_RE,
    ELLIPSIS_RE,
    FEMININE_PRONOUNS,
    GAP_RE,
    GUEST_GAP_RE,
    GUEST_PRONOUN_RE,
    GUEST_RANK,
    HEADED_BY_RE,
    LIST_END_RE,
    MASCULINE_PRONOUNS,
    MEMBERS_AFTER_GROUP_RE,
    MEMBERS_DASH_RE,
    MEMBERS_END_RE,
    NEXT_WORDS_RE,
    NOT_PARTY_HEADS,
    NOT_PLACES,
    PAIR_TITLE_RE,
    PARTNER_LIST_RE,
    PASSIVE_PARTICIPLE_RE,
    PLACE_RE,
    PLURAL_CUE_RE,
    POSSESSIVE_BEFORE_RE,
    RELATIVE_GUEST_RE,
    SUBJECT_PRONOUN_RE,
    TIME_WORDS,
    TITLE_WORD,
    TITLED_GAP_RE,
    TOGETHER_RE,
    TOGETHER_WITH_HIM_RE,
    TRAVEL_AHEAD_RE,
    TRAVEL_RE,
    WITH_GROUP_RE,
    WITH_HIM_RE,
    WITH_PRONOUN_BEFORE_RE,
    WITH_PRONOUN_RE,
    bare_title_rank,
    delegation_heads,
    elaboration,
    genitive_chain,
    host_after,
    own_relative,
    pronoun_before,
    relative_antecedents,
    trip_before_colon,
)
from retrieval.contact_dates import SAID_THAT_RE as THAT_RE  # ", что" opening a clause
from retrieval.contact_dates import (
    forward,
    ranged_month,
    setting,
    stated_years,
    told_years,
    year_ahead,
)
from retrieval.cues import (
    ANY_RELATIVE_RE,
    BETWEEN_RE,
    FRAME_RE,
    LIGHT_VERB_RE,
    PARTICIPATION_RE,
    PASSIVE_RECEIVE_RE,
    RELATIVE_CLAUSE_RE,
    RESIDENCE_OFFICES,
    RESIDENCE_VISIT_RE,
    SPEECH_RE,
    SPOKESMAN_RANKS,
    VISIT_TO_RE,
    WITH_RE,
    Cue,
    blank_asides,
    clause_bounds,
    find_cues,
    has_cue,
)
from retrieval.dates import (
    find_date_hits,
)
from retrieval.groups import GroupResolver
from retrieval.lemmas import Lemmatizer
from retrieval.names import head_cases
from retrieval.offices import ELECT_WITHIN, elect_start
from retrieval.people import Found, PersonRegistry
from retrieval.types import PartialDate

LEAD_SENTENCES = 3
ANTECEDENT_SENTENCES = 5  # how far back a pronoun looks for the person it stands for
# a noun that governs "с X" itself: "прощания с папой", "в связи с", "наряду с"
WITH_NOUN_RE = re.compile(
    r"(?<![\w-])(?:прощани\w{1,3}|соболезновани\w{1,3}|связи|наряду|сравнении|согласии)\s+с(?:о)?\s",
    re.IGNORECASE,
)
# an interview: questions and answers as dialogue lines, the guest named in the lead
INTERVIEW_RE = re.compile(
    r"интервью|ответил\w{0,2} на вопросы|в беседе с (?:нашим|корреспондентом|журналист)",
    re.IGNORECASE,
)
DIALOGUE_LINE_RE = re.compile(r"^\s*[—–-]\s+\S", re.MULTILINE)
# how far after "принял" the guest may stand: "принял в Кремле члена Политбюро ЦК КПК,
# министра иностранных дел КНР Ван И"
RECEIVED_REACH = 80
# between people listed, each maybe with a title the registry left unread ("Шахбаза Шарифа и
# начальника штаба сухопутных войск страны фельдмаршала Асима Мунира")
LIST_GAP_RE = re.compile(
    # ("и председателя ПНА Махмуда Аббаса": a title before the next name)
    rf"\s*(?:,\s*|\s+и\s+)(?:{TITLE_WORD}\s+){{0,6}}"
    # "Марко Рубио и спецпосланника Дональда Трампа Стива Виткоффа": the envoy's boss between
    r"(?:(?<=посланника )(?:[А-ЯЁ][\w-]+\s+){1,2})?"
)
PASSIVE_HOST_REACH = 90  # characters from "был принят" to the host with a place between
# "Его прощальный визит в Рим, …": a trip whose traveller is a pronoun, opening the sentence
OWN_TRIP_RE = re.compile(
    r"\W*(?:Его|Ее|Её)\s+(?:[а-яё]+\s+)?(?:визит|поездк|турне)\w*(?![\w-])", re.IGNORECASE
)
# "впервые тот принимал его": the demonstrative subject, the one named last before
THAT_ONE_RE = re.compile(r"(?<![\w-])(?:тот|та)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
# "Трамп принимал его": the guest is a pronoun after the verb
GUEST_AFTER_RE = re.compile(r"\s+(?:его|ее|её)(?![\w-])", re.IGNORECASE)
WORD_TAIL_RE = re.compile(r"[\w-]*")
BOUND_BEFORE_RE = re.compile(r"(?<![\w-])(?:после|до|со?|начиная с)\s+$", re.IGNORECASE)
# "Для бразильского президента это …": the person a sentence is about, not its subject
TOPIC_FOR_RE = re.compile(r"\W*для\s+", re.IGNORECASE)
# "так и не увидевшись лично с госсекретарем": no partner of the trip
NOT_MET_RE = re.compile(
    r"(?<![\w-])не\s+(?:[а-яё]+\s+)?(?:увидевшись|встретившись|повидавшись|пообщавшись"
    r"|поговорив)\s+(?:[а-яё]+\s+)?(?:с|со)\s+(?:[\w-]+\s+){0,6}$",
    re.IGNORECASE,
)
UNDER_RE = re.compile(r"(?<![\w-])при\s+$", re.IGNORECASE)
# "Предыдущий визит Путина в Монголию состоялся …": the traveller the sentence is about
# a title in the nominative right before a name no office matched ("министр обороны X")
NOMINATIVE_TITLE_RE = re.compile(
    r"(?<![\w-])(?:министр|президент|премьер(?:-министр)?|канцлер|госсекретарь|генсек"
    r"|глава(?= МИД))(?:\s+(?:обороны|иностранных дел|МИД))?\s+$",
    re.IGNORECASE,
)
INVITED_TO_RE = re.compile(r"(?<![\w-])приглашени\w{0,2}\s+(?:на|в|посетить)(?![\w-])", re.I)
TRIP_OF_RE = re.compile(r"\W*(?:[а-яё]+\s+)?(?:визит|поездк)[а-яё]{0,3}\s+", re.IGNORECASE)


def trip_ahead(
    work: str, when: PartialDate | None, on: date | None, hits: list
) -> PartialDate | None:
    """The day of a trip told in the future ("в пятницу прибудет в Стамбул") lies ahead."""
    if when is not None and on is not None and TRAVEL_AHEAD_RE.search(work):
        return forward(when, on, hits)
    return when


# "Лула заявил, что встреча с X не состоялась": the speaker's own contact
SAID_THAT_RE = re.compile(
    r",\s*что\s+(?:[а-яё]+\s+)?(?:встреч|бесед|переговор|разговор)", re.IGNORECASE
)
WITH_PART_RE = re.compile(r"\s+(?:[а-яё]+\s+){0,3}?с участием\s", re.IGNORECASE)
# "переговоры в Арлингтоне при участии госсекретаря США X", "встречались при посредничестве
# председателя Евросовета Y": a third party of the contact, in the genitive
MEDIATED_RE = re.compile(
    r"(?<![\w-])(?:при|с) (?:участии|посредничестве|содействии)(?![\w-])", re.IGNORECASE
)
MEDIATOR_REACH = 80
COLON_LIST_RE = re.compile(r"[^.;:!?]{0,60}?:\s*")  # "встреча Турции, США и Украины: X, Y"
MEDIATED_NEXT_RE = re.compile(rf"[\s,]*{MEDIATED_RE.pattern}\s*", re.IGNORECASE)
INDIRECT_RE = re.compile(r"(?<![\w-])непрям\w{2,3}\s+$", re.IGNORECASE)


def span(found: Found) -> tuple[int, int]:
    return found.start, found.end


def listed_people(s: str, first: list[Found], mentions: list[Found]) -> list[Found]:
    """The people listed from `first` on: "Джейхуна Байрамова и Арарата Мирзояна", each
    member of a group ("министров иностранных дел Армении и Азербайджана"), in the case of
    the first."""
    if not first:
        return []
    out = list(first)
    for m in mentions:
        member = span(m) == span(out[0]) and m not in out
        next_one = (
            m.start >= out[-1].end
            and bool(m.cases & out[0].cases)
            and LIST_GAP_RE.fullmatch(s, out[-1].end, m.start) is not None
        )
        if member or next_one:
            out.append(m)
    return out


def people_after(s: str, at: int, mentions: list[Found], case: str) -> list[Found]:
    """The people listed in `case` right from `at` on: "во главе с X и Y", "раунд: X и Y"."""
    first = [m for m in mentions if m.start == at and case in m.cases][:1]
    return listed_people(s, first, mentions)


def subject_and_partner(s: str, cs: int, mentions: list[Found]) -> tuple[Found, Found] | None:
    """The subject of a sentence and the last one named with "с" after it, both before the
    clause at `cs` ("X сказал, что не виделся с Y, но …")."""
    subjects = [m for m in mentions if m.end <= cs and "nomn" in m.cases]
    withs = [
        m
        for m in mentions
        if subjects
        and subjects[0].end <= m.start
        and m.end <= cs
        and "ablt" in m.cases
        and m.person != subjects[0].person
        and WITH_RE.search(s, max(0, m.start - 40), m.start)
    ]
    return (subjects[0], withs[-1]) if withs else None


def guest_before(s: str, cue: Cue, inside: list[Found]) -> Found | None:
    """The person right before "принял" (a few adverbs may stand between): the guest of
    "Помпео принял Путин", "пакистанского министра приняла Шерман"."""
    return next(
        (
            m
            for m in reversed(inside)
            if m.end <= cue.start and GUEST_GAP_RE.fullmatch(s[m.end : cue.start])
        ),
        None,
    )


# "после встречи с X он улетел": a contact noun framing the time of its clause's verb
FRAMED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:после|перед|до|во время|в ходе|по итогам)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE
)
# "разговор в новом качестве он провел": the words between a fronted contact noun and the
# pronoun subject of its light verb
FRONTED_BY_RE = re.compile(r"(?:\s+(?!(?:с|со|и)\s)[а-яё-]+){0,4}?\s+(?P<pronoun>он|она)\s+")
TITLED_REACH = 60  # characters of titles between a contact noun and its genitive person
TITLE_BREAK_RE = re.compile(r"[,.;:—–()«»]")
# "перед этим", "после этого": a time told by a demonstrative, before a clause's subject
SCHEDULE_WORDS = frozenset({"плану", "графику", "расписанию", "программе", "замыслу"})
TIME_FRAMES = frozenset(
    {"перед этим", "перед тем", "до этого", "до того", "после этого", "после того"}
    | {"за этим", "кроме того", "кроме этого", "помимо этого"}
)


# a group in the genitive after a contact noun whose members follow a dash
APPOSED_GROUP_RE = re.compile(
    r"\s+(?:лидеров|глав|министров|руководителей|президентов|премьеров|председателей)"
    r"(?:\s+[^—–.;:\s]+){0,4}\s+[—–]\s",
    re.IGNORECASE,
)


def put_first(
    people: list[str], antecedents: tuple[tuple[str, PartialDate | None], ...]
) -> tuple[tuple[str, PartialDate | None], ...]:
    """`antecedents` with `people` (undated) ahead of the rest."""
    return (*((p, None) for p in people), *(a for a in antecedents if a[0] not in people))


DELEGATION_OF_RE = re.compile(
    r"(?<![\w-])(?:с|со)\s+(?:[а-яё]+\s+)?делегаци(?:ей|ями)\s+(?:[а-яё-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "у Путина запланирована встреча с X": the holder of the contact, in the genitive after "у"
HAVING_RE = re.compile(r"(?<![\w-])[Уу]\s+$")


class ContactParties:
    """The participants, antecedents and places of one clause's contact words."""

    registry: PersonRegistry
    lemmatizer: Lemmatizer
    groups: GroupResolver

    def _with_him_first(
        self,
        sentences: list[tuple[int, str]],
        index: int,
        on: date | None,
        known: set[str],
        candidates: list[Candidate],
        antecedents: tuple[tuple[str, PartialDate | None], ...],
    ) -> tuple[tuple[str, PartialDate | None], ...]:
        """Whom "с ним" may stand for, best first: the people the sentence before named as
        objects ("добравшийся до Трампа. 24 февраля с ним встретился Макрон"), then the pair
        of a contact that sentence told ("встреча Трампа с Мелони. Итальянский премьер
        виделась с ним") with the one the story follows first, then the usual antecedents."""
        # "пока не виделся с Асадом, но планирует с ним встретиться": an object named
        # before in the same sentence comes first
        sentence = blank_asides(sentences[index][1])
        him = WITH_HIM_RE.search(sentence)
        own = (
            [
                m.person
                for m in reversed(self.registry.scan(sentence[: him.start()], on=on, known=known))
                if m.cases != {"nomn"}
            ]
            if him is not None
            else []
        )
        antecedents = put_first(list(dict.fromkeys(own)), antecedents)
        if index == 0:
            return antecedents
        mentions = self.registry.scan(blank_asides(sentences[index - 1][1]), on=on, known=known)
        first = [m.person for m in reversed(mentions) if "nomn" not in m.cases]
        told = [c for c in candidates if len(c.participants) == 2 and c.sentence == index - 1]
        if told:
            counts = Counter(p for c in candidates for p in c.participants)
            subjects = [a for a, _ in antecedents]
            first += sorted(
                told[-1].participants,
                key=lambda p: (-counts[p], subjects.index(p) if p in subjects else 99),
            )
        return put_first(list(dict.fromkeys(first)), antecedents)

    def _antecedents(
        self,
        sentences: list[tuple[int, str]],
        index: int,
        on: date | None,
        known: set[str],
        subject: str | None = None,
        objects: bool = False,
    ) -> tuple[tuple[str, PartialDate | None], ...]:
        """Whom a pronoun may stand for: the first person named in each earlier sentence
        (nearest sentence first), spokesmen left out, with the date that sentence tells; a
        bare title there ("В понедельник канцлер был в Нигере") is the story's `subject`.
        With `objects` (an object pronoun: "Путин принимал его"), the others that sentence
        names come right after its subject ("Путин встретился с X. Путин принимал его …")."""
        out: dict[str, PartialDate | None] = {}
        for k in reversed(range(max(0, index - ANTECEDENT_SENTENCES), index)):
            work = blank_asides(sentences[k][1])
            scanned = self.registry.scan(work, on=on, known=known)
            if subject is not None and not scanned:
                scanned, _ = self._bare_titles(work, [], (), on, subject)
            subjects = [m for m in scanned if "nomn" in m.cases and not self._spokesman(m, on)]
            if not subjects:
                # "Для бразильского президента это неприятный сигнал. В мае он …": the topic
                subjects = self._topic(work, scanned)
            if not subjects and k == index - 1 and len({m.person for m in scanned}) == 1:
                # "В Риме ждали и Джо Байдена. Его визит отменили": the one person named
                subjects = scanned[:1]
            if not subjects:
                if objects:
                    self._objects(scanned, out, on)
                continue
            m = subjects[0]
            # "..., а уже 30 января Нетаньяху был в Москве. Он встретился ...": the subject
            # of the sentence's last clause, when it has one of its own
            last = subjects[-1]
            if CONTRAST_RE.search(work, m.end, last.start) or AND_CLAUSE_RE.search(
                work, m.end, last.start
            ):
                m = last
            if m.person not in out:
                told = has_cue(work) or TRAVEL_RE.search(work)  # "во вторник он побывал в Москве"
                hits = find_date_hits(work, published=on) if told else []
                # (not a bound: "прилетевшим в Израиль после 7 октября")
                hits = [
                    h
                    for h in hits
                    if not year_ahead(h, on)
                    and not BOUND_BEFORE_RE.search(work, max(0, h.span.start - 12), h.span.start)
                ]
                if hits and k > 0:
                    hits = stated_years(work, hits, told_years(sentences[k - 1][1], on))
                # "30 января Нетаньяху был в Москве": the date right before the subject
                close = [h for h in hits if 0 <= m.start - h.span.end <= 30]
                when = close[-1].date if close else hits[0].date if len(hits) == 1 else None
                # "посетит Китай 3–4 ноября. В ходе поездки он проведет …": on one of the days
                when = ranged_month(when, hits) if when is not None else None
                out[m.person] = trip_ahead(work, when, on, hits)
            if objects:
                self._objects(scanned, out, on)
        return tuple(out.items())

    def _objects(
        self, scanned: list[Found], out: dict[str, PartialDate | None], on: date | None
    ) -> None:
        """Adds the people a sentence names besides its subject to the antecedents of an
        object pronoun ("Эрдоган принял Ханию. … Эрдоган принимал его и в июле")."""
        for other in scanned:
            if other.person not in out and not self._spokesman(other, on):
                out[other.person] = None

    def _topic(self, work: str, scanned: list[Found]) -> list[Found]:
        """The person a sentence is about when it opens with "Для X" ("Для Рютте это …") or
        with X's trip ("Предыдущий визит Путина в Монголию …")."""
        return [
            m
            for m in scanned[:1]
            if TOPIC_FOR_RE.fullmatch(work, 0, m.start)
            or ("gent" in m.cases and TRIP_OF_RE.fullmatch(work, 0, m.start))
            # "Так было и при Борисе Джонсоне. Впервые он встретился …"
            or ("loct" in m.cases and UNDER_RE.search(work, 0, m.start) is not None)
        ]

    def _subjects_before(
        self, sentence: str, end: int, on: date | None, known: set[str]
    ) -> list[str]:
        """People named as subjects before `end` in the sentence, nearest first."""
        work = blank_asides(sentence[:end])
        names = [
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            # a subject, or the traveller of "Визит Мелони в Киев состоялся ..., тогда она",
            # or the one the sentence is about ("в понедельник Эрдогану присвоили степень, а во
            # вторник он провел переговоры")
            if (m.cases == {"nomn"} or m.cases & {"gent", "datv"}) and not self._spokesman(m, on)
        ]
        return list(dict.fromkeys(reversed(names)))

    def _bare_titles(
        self,
        s: str,
        mentions: list[Found],
        context: tuple[str, ...],
        on: date | None,
        subject: str | None = None,
    ) -> tuple[list[Found], bool]:
        """ "Накануне президент принял Моди": a bare title is the person of the story's pair
        who holds such an office (or the one person of `context` who does); failing them,
        the story's `subject` ("Лавров завершил турне … Сначала министр провел переговоры").
        Also tells whether a title was read as the `subject` that way."""
        if len(context) > 2 or not (context or subject):
            return mentions, False
        named = {f.person for f in mentions}
        by_subject = False
        out = list(mentions)
        for m in BARE_TITLE_RE.finditer(s):
            if any(f.start <= m.start() < f.end for f in mentions):
                continue
            rank = bare_title_rank(m.group(1))
            # "встретилась с избранным президентом": the one who takes the office soon
            elect = elect_start(s, m.start()) if on is not None else None
            day = on + ELECT_WITHIN if elect is not None and on is not None else on
            holders = [
                name
                for name in context
                if any(o.rank == rank for o in self.registry.offices_held(name, day))
                and not (elect is not None and self.registry.offices_held(name, on))
            ]
            if (
                len(holders) != 1
                and subject is not None
                and subject not in named
                and elect is None
                and (
                    rank == GUEST_RANK
                    or any(o.rank == rank for o in self.registry.offices_held(subject, on))
                )
            ):
                holders, by_subject = [subject], True
            if len(holders) == 1:
                start = m.start() if elect is None else elect
                cases = head_cases(self.lemmatizer, m.group(0))
                out.append(Found(holders[0], start, m.end(), s[start : m.end()], True, cases))
        return sorted(out, key=lambda f: f.start), by_subject

    def _gender(self, name: str) -> str | None:
        person = self.registry.people.get(name)
        return person.gender if person is not None else None

    def _interviewee(
        self, text: str, sentences: list[tuple[int, str]], on: date | None, known: set[str]
    ) -> str | None:
        """The guest of an interview: the first person named as a subject in its lead."""
        if len(DIALOGUE_LINE_RE.findall(text)) < 2:
            return None
        for _, sentence in sentences[:LEAD_SENTENCES]:
            if not INTERVIEW_RE.search(sentence):
                continue
            for m in self.registry.scan(blank_asides(sentence), on=on, known=known):
                if "nomn" in m.cases or "gent" in m.cases:  # "интервью Сергея Лаврова"
                    return m.person
        return None

    def _with_antecedent(
        self,
        s: str,
        cue: Cue,
        cs: int,
        found: list[Found],
        mentions: list[Found],
        antecedents: tuple[tuple[str, PartialDate | None], ...],
    ) -> tuple[list[tuple[str, ...]], PartialDate | None]:
        """ "Он также провел разговоры с X, Y и Z", "его принял X": the pronoun is a person
        named before; never one of the partners or of their own side (a host does not
        receive his own minister as news)."""
        before = s[cs : cue.start]
        spans = list(SUBJECT_PRONOUN_RE.finditer(before))
        subject = spans[-1] if spans else None
        # (and "С Джо Байденом он встречался …": the partner fronted before the pronoun)
        partners = [
            f
            for f in found
            if subject is None
            or f.start > cs + subject.start()
            or ("ablt" in f.cases and WITH_RE.search(s, max(cs, f.start - 40), f.start))
        ]
        fronted = None if cue.verb or subject is not None else FRONTED_BY_RE.match(s, cue.end)
        said = subject.group(0) if subject else None
        if fronted is not None and LIGHT_VERB_RE.match(s, fronted.end()):
            # "Первый телефонный разговор в новом качестве он провел с X": the noun fronted,
            # the pronoun the light verb's subject, the partners after it
            subject, said = fronted, fronted.group("pronoun")
            partners = [f for f in found if f.start >= fronted.end()]
        if subject is None and WITH_PRONOUN_RE.match(s, cue.end):
            # "Макрон и Шольц встретились с ним": the pronoun is the partner (and the one
            # of "переговоры Путина с ним")
            partners = [f for f in found if f.end <= cue.start] or [
                f for f in found if "gent" in f.cases and f.start >= cue.end
            ]
            told = subject_and_partner(s, cs, mentions)
            if not partners and told is not None:
                # "X провел разговор с Y и подтвердил, что 22 апреля встретится с ним": the
                # sentence's subject and the one named with "с"
                return [tuple(sorted({told[0].person, told[1].person}))], None
            pair = {f.person for f in partners}
            named_partner = any(
                "ablt" in f.cases and WITH_RE.search(s, max(0, f.start - 60), f.start)
                for f in partners
            )
            if len(pair) >= 2 and named_partner:
                # "X встречался с Y в октябре, а в марте встретился с ним": Y, named already
                return [tuple(sorted(pair))], None
        elif subject is None and not cue.verb and POSSESSIVE_BEFORE_RE.search(before):
            # "Его встреча с Зеленским назначена на четверг": the partners after the noun;
            # "визит Борреля: во время его переговоров с Лавровым": "его" may stand for one
            # named earlier in the sentence
            partners = [f for f in found if f.start >= cue.end]
            antecedents = (
                *((f.person, None) for f in reversed(mentions) if f.end <= cs),
                *antecedents,
            )
        elif subject is None and not cue.verb and OWN_TRIP_RE.match(s):
            # "Его прощальный визит в Рим, в программе которого была встреча с Мелони, отменили":
            # the trip's traveller meets the one named after the contact word
            partners = [f for f in found if f.start >= cue.end]
        elif subject is None and WITH_PRONOUN_BEFORE_RE.search(before):
            # "24 февраля с ним встретился Макрон": the one named after the verb
            partners = [f for f in found if f.start >= cue.end and "nomn" in f.cases][:1]
            told = subject_and_partner(s, cs, mentions)
            if not partners and told is not None:
                # "Путин сказал, что не виделся с Асадом, но планирует с ним встретиться":
                # the sentence's subject goes on; the pronoun is the one named with "с"
                partners = [told[0]]
                antecedents = ((told[1].person, None), *antecedents)
        elif subject is None and cue.receive and GUEST_AFTER_RE.match(s, cue.end):
            # "13 марта Трамп уже принимал его там": the host named before the verb
            named = [
                f for f in mentions if cs <= f.start and f.end <= cue.start and "nomn" in f.cases
            ][-1:]
            if not named and THAT_ONE_RE.search(s, cs, cue.start):
                # "это уже вторая встреча с Макроном: впервые тот принимал его": the one
                # named last before
                named = [f for f in mentions if f.end <= cs][-1:]
            partners = named + [
                # ("… — вместе с председателем ПНА X": one who came along)
                f
                for f in found
                if f.start >= cue.end and TOGETHER_RE.search(s, max(0, f.start - 90), f.start)
            ]
        elif (
            subject is None
            and not cue.verb
            and FRAMED_BEFORE_RE.search(before)
            and (after := SUBJECT_PRONOUN_RE.search(s, cue.end, clause_bounds(s, cue.start)[1]))
            is not None
        ):
            # "после встречи с Си в Пусане он улетел в Вашингтон": the pronoun after the
            # framed noun is the subject of its clause, the partners are named between
            subject, said = after, after.group(0)
            partners = [f for f in found if cue.end <= f.start < after.start()]
        elif subject is None or (not partners and cue.receive):
            # "его принял X"; "Он отправился во Францию, где его принял X": the host after
            if not (cue.receive and GUEST_PRONOUN_RE.search(before)):
                return [], None
            host = host_after(s, cue, mentions)
            partners = [host] if host is not None else []
        names = list(dict.fromkeys(f.person for f in partners))
        if not names:
            return [], None
        # "он встречался с Зеленским вместе с госсекретарем Блинкеном": a companion is of the
        # pronoun's own side
        companions = {
            f.person for f in partners if TOGETHER_RE.search(s, max(0, f.start - 60), f.start)
        }
        # "ее принял Зеленский": a feminine pronoun never stands for a man, nor "его" for a woman
        word = (said or pronoun_before(s, cs, cue)).lower()
        gender = "f" if word in FEMININE_PRONOUNS else "m" if word in MASCULINE_PRONOUNS else None
        ref, when = next(
            (
                (a, d)
                for a, d in antecedents
                if a not in names
                and not any(self.registry.same_side(a, n) for n in names if n not in companions)
                and (gender is None or self._gender(a) in (gender, None))
            ),
            (None, None),
        )
        if ref is None:
            return [], None
        if len(names) > 1 and PLURAL_CUE_RE.fullmatch(s, cue.start, cue.end):
            return [tuple(sorted((ref, name))) for name in names], when
        return [tuple(sorted({ref, *names}))], when

    def _participants(
        self, s: str, cue: Cue, cues: list[Cue], mentions: list[Found], on: date | None
    ) -> list[Found]:
        cs, ce = clause_bounds(s, cue.start)
        apposed = None if cue.verb else APPOSED_GROUP_RE.match(s, cue.end)
        if apposed is not None:
            # "встреча лидеров стран «четверки» — президента США X, премьер-министра Японии
            # Y, …": the people listed after the dash
            members = genitive_chain(
                s, replace(cue, start=apposed.end() - 1, end=apposed.end() - 1), mentions, len(s)
            )
            if len({m.person for m in members}) >= 2:
                return members
        sides = None if cue.verb else DELEGATIONS_AFTER_RE.match(s, cue.end)
        headed = HEADED_BY_RE.match(s, sides.end()) if sides is not None else None
        listed = None if cue.verb else COLON_LIST_RE.match(s, cue.end)
        if listed is not None and any(cue.end <= m.start < listed.end() for m in mentions):
            listed = None  # "переговоров с X не будет: лидеры уже провели их": X's
        # "переговоры делегаций во главе с X и Y": the heads of the delegations; a chronicle's
        # "Первый за три года раунд: X и Y, при посредничестве Z": the people after the colon
        opening = headed or listed
        if opening is not None:
            case = "ablt" if opening is headed else "nomn"
            heads = people_after(s, opening.end(), mentions, case)
            mediated = MEDIATED_NEXT_RE.match(s, heads[-1].end) if heads else None
            if mediated is not None:
                heads += people_after(s, mediated.end(), mentions, "gent")
            if len({m.person for m in heads}) >= 2:
                return heads
        if self._others_event(s, cue, mentions):
            return []
        if (relative := own_relative(s, cue)) is not None:
            held = [
                m for m in mentions if relative[0] <= m.start < relative[1] and "nomn" in m.cases
            ]
            if len({m.person for m in held}) >= 2:
                return held
        if not cue.verb and DELEGATIONS_AFTER_RE.match(s, cue.end):
            # "о разговоре с Трампом 12 февраля и о встрече российской и американской
            # делегаций": the delegations' meeting is nobody's named here
            return []
        group_dash = MEMBERS_DASH_RE.match(s, ce) if WITH_GROUP_RE.search(s, cs, ce) else None
        listed = PARTNER_LIST_RE.match(s, ce) or group_dash
        if listed is not None and not ELLIPSIS_RE.search(s, cue.end, listed.end()):
            # "провел два телефонных разговора: сначала с Макроном, затем с Байденом"
            # (the members of a group end where the clause turns: ", а потом встретился")
            ends = LIST_END_RE if listed is not group_dash else MEMBERS_END_RE
            ce = next((m.start() for m in ends.finditer(s, listed.end())), len(s))
        later = [c.start for c in cues if c.start > cue.end and cs <= c.start < ce]
        seg_end = min(later, default=ce)
        nxt = min((c.start for c in cues if c.start > cue.end), default=None)
        ellipsis = ELLIPSIS_RE.search(s, cue.end, nxt) if nxt is not None else None
        # "X провел переговоры с Y, а японский премьер — отдельные переговоры с Z": the new
        # subject after ", а" is the next contact's
        cut = ellipsis.start() if ellipsis is not None and ellipsis.start() < seg_end else None
        seg_end = cut if cut is not None else seg_end
        # "С японским премьером российский лидер вел переговоры": a light verb before the
        # noun makes the fronted partner the noun's
        verbs = [] if cue.verb else list(LIGHT_VERB_RE.finditer(s, cs, cue.start))
        light = bool(verbs) and not any(
            verbs[-1].end() <= c.start < cue.start for c in cues if c is not cue
        )
        seg_start = (
            max([c.end for c in cues if c.end < cue.start and cs <= c.start], default=cs)
            if cue.verb or light
            else cue.start
        )
        # (not the setting's: "на полях саммита Моди встретился с X" is Modi's meeting)
        owned = {
            id(m)
            for c in cues
            if c is not cue and not (cue.verb and setting(s, c) and c.end <= cue.start)
            for m in genitive_chain(s, c, mentions, ce)
        }
        inside = [m for m in mentions if cs <= m.start and m.end <= ce and id(m) not in owned]
        if cut is not None:
            inside = [m for m in inside if m.end <= cut]
        genitive = genitive_chain(s, cue, inside, seg_end)
        if not genitive:
            agents = self._agents(s, cue, inside, cs)
            if agents:
                return agents  # the subject of the clause is not a party of this contact
        chosen = list(genitive)
        partners: list[Found] = []
        for m in (m for m in inside if seg_start <= m.start and m.end <= seg_end):
            if (
                (cue.verb or light)
                and m.start < cue.start
                and any(c.end <= m.start for c in cues if c.end <= cue.start and cs <= c.start)
            ):
                # "провел переговоры с Y и встретился с Z", "встретился с Y, а 15 октября провел
                # переговоры с Z": Y belongs to the first contact
                continue
            before = s[max(cs, m.start - 130) : m.start]
            gap = s[partners[-1].end : m.start] if partners else ""
            linked = bool(WITH_RE.search(before) or BETWEEN_RE.search(before)) or bool(
                # "с X, президентом Египта Y и председателем ПНА Z": titled partners in a row
                partners and (GAP_RE.fullmatch(gap) or TITLED_GAP_RE.fullmatch(gap))
            )
            if NOT_MET_RE.search(before):
                continue  # "завершил визит, так и не увидевшись с госсекретарем"
            named_up_to = partners[-1].end if partners else cue.end
            if (
                m.start > cue.end
                and (said := SPEECH_RE.search(s, named_up_to, m.start))
                and s.rfind(",", 0, said.start()) >= named_up_to
            ):
                continue  # "разговором X с Y, заявила во вторник представитель МИД Z": the speaker
            with_noun = WITH_NOUN_RE.search(before)
            if with_noun is not None and WITH_RE.match(before, with_noun.end() - 2):
                linked = False  # "перед церемонией прощания с папой Франциском": not a partner
            if linked and "ablt" in m.cases:
                partners.append(m)
            elif "gent" in m.cases and DELEGATION_OF_RE.search(before):
                # "с украинской делегацией министра обороны Рустема Умерова": its head
                partners.append(m)
        if not partners and (heads := delegation_heads(s, cue, mentions)):
            if len(heads) >= 2:
                return heads  # "где делегации возглавляли X и Y": the two sides' heads
            partners.append(heads[0])
        joined_by = WITH_PART_RE.match(s, cue.end)
        if joined_by is not None:
            # "встреча с участием X и Y": the people in the genitive after it
            partners += [
                m
                for m in inside
                if m.start >= joined_by.end() and "gent" in m.cases and m not in partners
            ]
        mediated = MEDIATED_RE.search(s, cue.end, ce)
        if (
            mediated is not None
            and not any(cue.end < c.start < mediated.start() for c in cues)
            # "непрямые переговоры X и Y при посредничестве главы МИД Омана Z": Z carries the
            # messages, no party of the talks (unlike the host of a trilateral meeting)
            and not INDIRECT_RE.search(s, max(cs, cue.start - 20), cue.start)
        ):
            mediators = [
                m
                for m in inside
                if 0 <= m.start - mediated.end() < MEDIATOR_REACH and "gent" in m.cases
            ][:1]
            partners += [m for m in listed_people(s, mediators, inside) if m not in partners]
        if PASSIVE_RECEIVE_RE.match(s, cue.start):
            # "Лавров был принят премьер-министром Индии Моди": the host, in the instrumental
            # ("был принят в президентском дворце Планалту новым президентом X": a place
            # between, in the same clause)
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < PASSIVE_HOST_REACH
                and (m.start - cue.end < 30 or not CLAUSE_MARK_RE.search(s, cue.end, m.start))
                and "ablt" in m.cases
                and m not in partners
            ][:1]
        elif (home := RESIDENCE_VISIT_RE.match(s, cue.start)) is not None and on is not None:
            # "побывал в Белом доме": the host is the holder of the office seated there
            holder = self.registry.office_holder(RESIDENCE_OFFICES[home["place"].lower()], on)
            named = [m for m in inside if m.person == holder]
            if holder is not None:
                partners += named[:1] or [
                    Found(holder, home.start("place"), home.end("place"), home["place"], True)
                ]
        elif VISIT_TO_RE.match(s, cue.start):
            # "приехал к Трампу": the host, in the dative right after
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 30 and "datv" in m.cases and m not in partners
            ][:1]
        elif CALL_VERB_RE.match(s, cue.start):
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 60 and "datv" in m.cases and m not in partners
            ][:1]
        elif cue.verb and BY_PHONE_VERB_RE.fullmatch(s, cue.start, cue.end):
            # "Путин по телефону поблагодарил Трампа": the object is the other side
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 40 and m.cases & {"accs", "datv"} and m not in partners
            ][:1]
        fronted = guest_before(s, cue, inside) if cue.receive else None
        if (
            fronted is not None
            and "accs" in fronted.cases
            and "nomn" not in fronted.cases
            and (hosted := self._guest_first(s, cue, mentions, inside, cs))
        ):
            # "пакистанского министра приняла Венди Шерман": an object fronted before the
            # verb is the guest, even when the indeclinable host could be an object too
            return hosted
        if cue.receive:
            host_before = any(m.end <= cue.start and "nomn" in m.cases for m in inside)
            guests = [
                m
                for m in inside
                if 0 <= m.start - cue.end < RECEIVED_REACH
                # (a name nobody knows, read as a nominative, after the host's verb: "принял
                # заместителя госсекретаря США Карен Донфрид" does not decline)
                and ("accs" in m.cases or (host_before and not m.known and m.cases == {"nomn"}))
                and m not in partners
            ][:1]
            # "принимал Джейхуна Байрамова и Арарата Мирзояна": every guest listed
            partners += listed_people(s, guests, inside)
            if not partners and RELATIVE_GUEST_RE.match(s, cs):
                # "X стал первым лидером, которого Трамп принял": X is the guest
                # ("побывал X, которого принял Y": the host after the verb)
                hosts = [m for m in inside if m.end <= cue.start and "nomn" in m.cases] or [
                    m for m in inside if m.start >= cue.end and "nomn" in m.cases
                ][:1]
                guests = [m for m in mentions if m.end <= cs and "nomn" in m.cases]
                if hosts and guests and guests[-1].person != hosts[-1].person:
                    return [guests[-1], hosts[-1]]
            if not partners:
                return self._guest_first(s, cue, mentions, inside, cs)
        chosen += [m for m in partners if m not in chosen]
        clause = s[cs:ce]
        framed = bool(FRAME_RE.search(s[cs : cue.start]))
        subjects_allowed = cue.verb or (
            not genitive and (bool(partners) or framed or bool(LIGHT_VERB_RE.search(clause)))
        )
        between = any(BETWEEN_RE.search(s[max(cs, m.start - 60) : m.start]) for m in partners)
        if subjects_allowed and not between:
            subjects = [m for m in inside if m not in chosen and self._subject(s, m, cs, on, cue)]
            own_verb = next(
                (c for c in cues if c.verb and c is not cue and cs <= c.start < cue.start), None
            )
            if cue.verb and own_verb is not None and ANY_RELATIVE_RE.match(s, cs):
                # "Орбан, которому Трамп позвонил вечером, назавтра созвонился с Путиным": the
                # relative clause has its own verb; the later one is its antecedent's
                told = relative_antecedents(s, mentions, cs)
                if told:
                    subjects = [m for m in subjects if m.start > own_verb.end] or told
            elif cue.verb and ANY_RELATIVE_RE.match(s, cs):
                # "Дзуппи, которого папа Франциск назначил посланником, встретился с X": the
                # relative clause ends before the verb; its subject is not the verb's
                shut = s.find(",", cs + 1, cue.start)
                told = relative_antecedents(s, mentions, cs) if shut != -1 else []
                if told:
                    subjects = [m for m in subjects if m.start > shut] or told
            if not subjects and (cue.verb or light) and RELATIVE_CLAUSE_RE.match(s[cs:]):
                subjects = relative_antecedents(s, mentions, cs)
            # "X приезжал в Москву, где переговоры с Y были посвящены ...": the visitor
            if (
                not subjects
                and partners
                and (cue.verb or light or elaboration(s, cs) or SAID_THAT_RE.match(s, cs))
            ):
                named = [m for m in mentions if m.end <= cs and self._subject(s, m, 0, on, cue)]
                if not named and cue.verb and THAT_RE.match(s, cs):
                    # "Дар рассказал, что успел встретиться с X": the one who tells it, when
                    # the clause names no subject of its own (not "Трамп в воскресенье
                    # подтвердил, что разговаривал с X": the statement's day is no call's)
                    named = [
                        m
                        for m in mentions
                        if m.end <= cs
                        and "nomn" in m.cases
                        and not self._spokesman(m, on)
                        and not find_date_hits(s[m.end : cs], published=on)
                    ][-1:]
                # "министры отправятся в Киев, где проведут переговоры": each of a group;
                # "Макрон, Мерц и Туск приехали в Киев, где встретились с X": each of a list
                subjects = [m for m in named if span(m) == span(named[-1])]
                for m in reversed(named[: len(named) - len(subjects)]):
                    if not LIST_GAP_RE.fullmatch(s, m.end, subjects[0].start):
                        break
                    subjects.insert(0, m)
                if subjects and TOGETHER_WITH_HIM_RE.search(s, cs, cue.start):
                    # "встретился с X, а затем вместе с ним принял участие в видеоконференции
                    # с Y": X comes along
                    subjects += [
                        m
                        for m in mentions
                        if subjects[-1].end <= m.start and m.end <= cs and "ablt" in m.cases
                    ][-1:]
            if not subjects and partners and not cue.verb:
                # "у Путина запланирована также встреча с Эрдоганом": the one who has it
                subjects = [
                    m
                    for m in inside
                    if m.end <= cue.start
                    and "gent" in m.cases
                    and m not in chosen
                    and HAVING_RE.search(s, max(cs, m.start - 3), m.start)
                ][-1:]
            chosen += subjects
            if len({m.person for m in chosen}) == 1 and trip_before_colon(s, cs):
                # "Нетаньяху приезжал в Берлин: на переговорах Шольц выразил озабоченность":
                # the traveller of the trip the colon goes on about
                chosen += [
                    m
                    for m in mentions
                    if m.end <= cs and "nomn" in m.cases and m.person != chosen[0].person
                ][-1:]
        return chosen

    def _agents(self, s: str, cue: Cue, inside: list[Found], cs: int) -> list[Found]:
        """ "договоренностей, достигнутых президентами в ходе беседы": the participle's agents."""
        if cue.verb:
            return []
        frame = AGENT_FRAME_RE.search(s, cs, cue.start)
        if frame is None:
            return []
        # the run of names in the instrumental that ends right at the frame
        agents: list[Found] = []
        pos = frame.start()
        for m in sorted(inside, key=lambda m: m.start, reverse=True):
            if m.end > pos:
                if any(a.start == m.start and a.end == m.end for a in agents):
                    agents.append(m)  # "президентами двух стран": one title, two people
                continue
            if "ablt" not in m.cases or not GAP_RE.fullmatch(s[m.end : pos]):
                break
            agents.append(m)
            pos = m.start
        if not agents:
            return []
        first = min(a.start for a in agents)
        words = [w.strip(",").lower() for w in s[cs:first].split()]
        while len(words) > 1 and any(
            p.tag.POS in {"NOUN", "ADJF"} and p.tag.case == "ablt"
            for p in self.lemmatizer.parses(words[-1])[:2]
        ):
            words.pop()  # a title before the names: "достигнутых президентами Путиным и ..."
        if not words:
            return []
        word = words[-1]
        parses = self.lemmatizer.parses(word)[:3]
        if not (
            PASSIVE_PARTICIPLE_RE.search(word)
            or any(p.tag.POS == "PRTF" and "pssv" in p.tag for p in parses)
        ):
            return []
        return [m for m in agents if m.start >= first]

    def _guest_first(
        self, s: str, cue: Cue, mentions: list[Found], inside: list[Found], cs: int
    ) -> list[Found]:
        """ "Помпео принял Путин", "где его принял Трамп": the guest before "принял", host after.

        A pronoun guest is the last person named before it in the sentence as a subject.
        """
        host = host_after(s, cue, inside)
        if host is None:
            return []
        before = s[cs : cue.start]
        guest = guest_before(s, cue, inside)
        if guest is not None and "accs" not in guest.cases:
            guest = None
        pronoun = GUEST_PRONOUN_RE.search(before)
        if guest is None and pronoun is not None:
            at = cs + pronoun.start()
            guest = next(
                (
                    m
                    for m in reversed(mentions)
                    if m.end <= at
                    and "nomn" in m.cases
                    and m.person != host.person
                    # a host does not receive his own official as news
                    and not self.registry.same_side(m.person, host.person)
                ),
                None,
            )
        if guest is None or guest.person == host.person:
            return []
        # "лидеров принял Трамп": each member of a group
        group = [m for m in inside if span(m) == span(guest)]
        guests = group if guest in group else [guest]
        # "Лаврова и Алейника принял Лукашенко": the guests listed before the last
        for m in reversed([m for m in inside if m.end <= guests[0].start]):
            if "accs" not in m.cases or not LIST_GAP_RE.fullmatch(s, m.end, guests[0].start):
                break
            guests.insert(0, m)
        return [*guests, host]

    def _others_event(self, s: str, cue: Cue, mentions: list[Found]) -> bool:
        """A contact noun with a genitive of other people: "саммит постоянных членов Совбеза"."""
        if cue.verb or PAIR_TITLE_RE.match(s, cue.end):
            return False
        titled = next((f for f in mentions if f.start >= cue.end), None)
        if (
            titled is not None
            and "gent" in titled.cases
            and titled.start - cue.end <= TITLED_REACH
            and not TITLE_BREAK_RE.search(s, cue.end, titled.start)
        ):
            # "переговоров министра иностранных дел Аббаса Арагчи и спецпосланника …": the
            # genitive is the titles of the contact's own people
            return False
        m = NEXT_WORDS_RE.match(s, cue.end)
        if m is None or any(f.start <= m.start(1) < f.end for f in mentions):
            return False
        first = self._tag(m.group(1))
        head, word = (first, m.group(1))
        if first is not None and first.POS == "ADJF" and m.group(2):
            head, word = (self._tag(m.group(2)), m.group(2))
        return (
            head is not None
            and head.POS == "NOUN"
            and head.case == "gent"
            and word not in NOT_PARTY_HEADS
        )

    def _tag(self, word: str) -> Any:  # a pymorphy3 OpencorporaTag (untyped)
        parses = self.lemmatizer.parses(word)
        return parses[0].tag if parses else None

    def _subject(self, s: str, m: Found, clause_start: int, on: date | None, cue: Cue) -> bool:
        if "nomn" not in m.cases:
            return False
        if m.start > cue.end and SPEECH_RE.search(s[cue.end : m.start]):
            return False
        if self._spokesman(m, on) and SPEECH_RE.search(s):
            return False
        around = s[max(clause_start, m.start - 30) : m.end + 30]
        if SPEECH_RE.search(around) and not LIGHT_VERB_RE.search(s[m.end : m.end + 40]):
            # (to the end of the word the reach cuts: "на переговорах")
            reach = WORD_TAIL_RE.match(s, min(len(s), m.end + 40))
            near_cue = find_cues(s[m.end : reach.end() if reach else m.end + 40])
            if not near_cue:
                return False
        if (dash := MEMBERS_AFTER_GROUP_RE.search(s, clause_start, m.start)) is not None and (
            WITH_GROUP_RE.search(s, clause_start, dash.start())
        ):
            return False  # "переговоры с руководством АС — X и Y": a member of the group
        if cue.verb and m.end <= cue.start and not s[m.end : cue.start].strip():
            return True  # "на полях саммита Моди встретился с X": the verb's own subject
        if NOMINATIVE_TITLE_RE.search(s, clause_start, m.start):
            return True  # "министр обороны Синдзиро Коидзуми проведет встречу": a titled subject
        if len(m.cases) > 2:
            prev = s[clause_start : m.start].split()
            if (
                prev
                and prev[-1].isalpha()
                and prev[-1].islower()
                and prev[-1] not in {"и", "а"}
                and prev[-1] not in TIME_WORDS  # "Предыдущий раз главы ведомств ..."
                # "Перед этим Шойгу и Сингх провели": a frame of time, then the subject
                and " ".join(prev[-2:]).lower() not in TIME_FRAMES
                # "По первоначальному графику Помпео должен был": the schedule, then the
                # subject
                and not (prev[-1].lower() in SCHEDULE_WORDS and "по" in map(str.lower, prev[-3:]))
            ):
                if CALL_VERB_RE.match(prev[-1]):
                    return False  # "позвонил Моди и рассказал о переговорах": the one called
                # "тогда же Ван И провел": after an adverb or a particle, still the subject;
                # "кардинал Маттео Дзуппи встретился": after a person's title in apposition
                return any(
                    p.tag.POS in {"VERB", "ADVB", "PRTS", "PRCL"}
                    or (p.tag.POS == "NOUN" and {"anim", "sing", "nomn"} <= p.tag.grammemes)
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

    def _place(self, clause: str, at: int, others: Sequence[int] = ()) -> str | None:
        """The city or country "в ..." nearest the contact word at `at`; never one across a
        contrast ("встреча прошла в Сочи, а в сентябре лидеры встретились в турецкой
        столице": the second meeting's place is unknown) nor past another contact word at
        `others` ("о разговоре с Трампом и о встрече делегаций в Эр-Рияде")."""
        places: list[tuple[int, str]] = []
        for m in PLACE_RE.finditer(clause):
            lo, hi = sorted((m.start(), at))
            if (
                CONTRAST_RE.search(clause, lo, hi)
                or any(lo < o < hi for o in others)
                # "После переговоров лидеры приняли участие в форуме, проходившем в Костанае"
                or PARTICIPATION_RE.search(clause, lo, hi)
                # "встретился с Путиным и принял приглашение на саммит в Казани"
                or INVITED_TO_RE.search(clause, lo, hi)
            ):
                continue
            for p in self.lemmatizer.parses(m.group(1))[:3]:
                if (
                    p.tag.case == "loct"
                    and ("Geox" in p.tag or "Fixd" in p.tag)
                    and p.normal_form not in NOT_PLACES
                ):
                    name = "-".join(x[:1].upper() + x[1:] for x in str(p.normal_form).split("-"))
                    places.append((abs(m.start() - at), name))
                    break
        return min(places)[1] if places else None
