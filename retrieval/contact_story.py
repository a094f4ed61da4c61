"""The story around one sentence: neighbouring sentences that date, join or extend the
contacts it tells (the sentence-neighbour half of ContactExtractor)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from retrieval.contact_candidates import (
    Candidate,
    retold,
    wording,
)
from retrieval.contact_clauses import (
    BOTH_LED_RE,
    CLAUSE_MARK_RE,
    SUBJECT_NOUN_RE,
    TRAVEL_RE,
    TRIP_NOUN_RE,
    TRIP_NOUN_REACH,
    boss_or_kin,
    compound_sides,
    initiator,
    is_earlier,
)
from retrieval.contact_dates import (
    ahead,
    contact_date,
    ranged_month,
    year_ahead,
    year_in_sentence,
)
from retrieval.contact_parties import (
    ContactParties,
    trip_ahead,
)
from retrieval.cues import (
    CLAUSE_BREAK_RE,
    ELIDED_SIDE,
    IN_DELEGATION,
    PARTY_RE,
    REFUSED_RE,
    REPRESENTED_RE,
    blank_asides,
    clause_bounds,
    find_cues,
    has_cue,
    status_of,
)
from retrieval.dates import find_date_hits
from retrieval.declension import family_forms
from retrieval.names import declined_form, fold, nominative_in
from retrieval.people import Found
from retrieval.types import PartialDate, Status

# "делегация встретилась с Y": the delegation as the subject
DELEGATION_SUBJECT_RE = re.compile(r"(?<![\w-])делегация(?![\w-])", re.IGNORECASE)
HEAD_REACH = 60  # characters of titles between "возглавил" and the head's name
WORD_RE = re.compile(r"[А-ЯЁа-яё-]+")
# someone who stayed away from the contact told before
ABSENT_RE = re.compile(
    r"(?<![\w-])(?:не\s+(?:стал|стала|приехал\w?|смог\w?|прибыл\w?|появил\w+|участвовал\w?)"
    r"|отказал\w*|пропустил\w*)(?![\w-])",
    re.IGNORECASE,
)
# "Предыдущая состоялась 18 июля", "Второй - 18 марта": a contact word left out after one
# just told
ELIDED_PREVIOUS_RE = re.compile(
    r"\W*(?:(?:Предыдущ|Прошл|Последн|Втор|Трет|Следующ)(?:ая|ий|ее|ие|ой|ое|ья|ье)"
    r"\s+(?:состоял\w{1,3}|прош(?:ел|ла|ло|ли))\b"
    r"|(?:Втор|Трет|Четверт)(?:ой|ий|ая|ое|ья|ье)\s+[—–-]\s+(?=\d))"
)


# "Российскую, как и прежде, — Мединский": a sentence of the other side's head alone
ELIDED_SIDE_RE = re.compile(rf"(?-i:[А-ЯЁ]){ELIDED_SIDE}\s")


def with_elided_side(text: str, sentences: list[tuple[int, str]], index: int) -> str:
    """The sentence, run on to the next one when that one names the other side's head only
    ("Украинскую делегацию возглавил X. Российскую, как и прежде, — Y")."""
    start, sentence = sentences[index]
    if index + 1 < len(sentences) and ELIDED_SIDE_RE.match(sentences[index + 1][1]):
        after, rest = sentences[index + 1]
        return text[start : after + len(rest)]
    return sentence


# "Об этом сообщила пресс-служба Совбеза": who told it, no more of the contact
SOURCE_LINE_RE = re.compile(r"\W*Об этом\s+(?:\w+\s+)?(?:сообщил|заявил|рассказал|говорится)", re.I)
# "Российская делегация находилась в Пхеньяне в пятницу": where and when the visitors were
DELEGATION_STAY_RE = re.compile(
    r"(?<![\w-])делегаци\w{1,3}\s+(?:находил|прибыл|прилетел|побывал|работал)\w{0,3}", re.I
)
# "В составе делегации КНДР — X": a member of the delegation of the page's days
IN_DELEGATION_RE = re.compile(rf"(?<![\w-]){IN_DELEGATION}", re.IGNORECASE)
DELEGATION_DAYS = 7
# "Среди собеседников российского президента — председатель КНР и премьер-министр Индии",
# "Собеседниками Путина стали X и Y": the partners of the series of contacts told before
INTERLOCUTORS_RE = re.compile(
    r"(?<![\w-])(?:среди\s+(?:его\s+|ее\s+|её\s+)?собеседников"
    r"|собеседниками\s+(?:[\w-]+\s+){0,3}(?:стали|были|оказались))(?![\w-])",
    re.IGNORECASE,
)
SERIES_WORDS = r"сери[юяи]|ряд|несколько|череду|марафон"
# "провел серию телефонных разговоров", "обзвонил партнеров": a series of contacts
SERIES_RE = re.compile(rf"(?<![\w-])(?:{SERIES_WORDS}|обзвонил\w{{0,2}})(?![\w-])", re.I)
# "провела серию двусторонних встреч", "провел ряд переговоров": meetings of one day
SERIES_OF_MEETINGS_RE = re.compile(
    rf"(?<![\w-])(?:{SERIES_WORDS})\s+(?:[а-яё]+\s+){{0,2}}(?:встреч|переговоров|бесед)(?![\w-])",
    re.IGNORECASE,
)


EXPANDED_RE = re.compile(r"(?<![\w-])расширенн\w+\s+(?:составе|формате)(?![\w-])", re.IGNORECASE)


class ContactStory(ContactParties):
    """Helpers that read a contact's neighbouring sentences: who joins it, which day the
    next sentence gives it, the dated rounds and trips around it."""

    def _told_next(
        self,
        sentences: list[tuple[int, str]],
        lead: Candidate,
        anchor: date | None,
        known: set[str] | None,
    ) -> PartialDate | None:
        """ "Президенты провели телефонный разговор. В субботу Ниинисте сообщил Путину, что
        …": the day of the undated lead is the one the next sentence tells of its people."""
        if not 0 <= lead.sentence < len(sentences) - 1:
            return None
        # (past one sentence that tells no time: "Об этом сообщила пресс-служба Совбеза")
        for following in (s for _, s in sentences[lead.sentence + 1 : lead.sentence + 3]):
            if has_cue(following):
                return None
            hits = find_date_hits(following, published=anchor)
            if not hits and SOURCE_LINE_RE.match(following):
                continue
            days = [h.date for h in hits if h.date.precision == "day"]
            if len(days) != 1:
                return None
            named = {m.person for m in self.registry.scan(following, on=anchor, known=known or ())}
            # "Российская делегация находилась в Пхеньяне в пятницу, 13 сентября"
            stay = DELEGATION_STAY_RE.search(following) is not None
            return days[0] if set(lead.participants) <= named or stay else None
        return None

    def _side_people(
        self, text: str, sides: tuple[str, ...], anchor: date | None, known: set[str]
    ) -> tuple[str, ...]:
        """The one person of each of `sides` that the text names, else ()."""
        people: dict[str, set[str]] = {side: set() for side in sides}
        for m in self.registry.scan(blank_asides(text), on=anchor, known=known):
            for side in self.registry.sides(m.person) & set(sides):
                people[side].add(m.person)
        if any(len(named) != 1 for named in people.values()):
            return ()
        return tuple(sorted(p for named in people.values() for p in named))

    def _nominatives(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Learned names read in a case form ("Хун Сеном") as the nominative the article
        writes elsewhere ("Хун Сен"), so the reports of one person are one name."""
        learned = {p for c in candidates for p in c.participants if p not in self.registry.people}
        moved = {p: nominative_in(text, p) for p in learned}
        # "С Хичилемой" of "Хакаинде Хичилемой" when the article has the nominative of neither
        names = set(moved.values())
        for p, n in moved.items():
            if len(better := [m for m in names if declined_form(n, m)]) == 1:
                moved[p] = better[0]
        moved = {p: n for p, n in moved.items() if n != p}
        if not moved:
            return candidates
        return [
            replace(c, participants=tuple(dict.fromkeys(moved.get(p, p) for p in c.participants)))
            for c in candidates
        ]

    def _known(self, text: str) -> set[str]:
        """Full names the article gives: registry people, and new ones by first name and
        surname ("Давид Арахамия"), whose surname alone then counts too."""
        full, spans = self.registry.full_names_at(text)
        learned = {
            f.person
            for f in self.registry.names.name_pairs(text)
            if " " in f.person
            and f.person not in self.registry.people
            # "Фейсал бин Фархан Аль Сауд": no new "Фархан Аль Сауд" inside a registry name
            and not any(f.start < e and s < f.end for s, e in spans)
        }
        return full | learned

    def _protagonist(
        self, sentence: str, index: int, anchor: date | None, known: set[str]
    ) -> tuple[str, PartialDate | None, int] | None:
        """The one person whose contacts a sentence announces: "Путин провел ряд встреч"; or
        the traveller of a trip told with no contact word ("X в среду приехал в Москву")."""
        work = blank_asides(sentence)
        cues = find_cues(work)
        travel = None if cues else TRAVEL_RE.search(work)
        edge = cues[0].start if cues else travel.start() if travel is not None else None
        if edge is None:
            return None
        subjects = {
            m.person
            for m in self.registry.scan(work, on=anchor, known=known)
            if m.start < edge and m.cases == {"nomn"}
        }
        if len(subjects) != 1:
            return None
        hits = [h for h in find_date_hits(work, published=anchor) if not year_ahead(h, anchor)]
        if travel is not None:
            # (the trip's own clause: not "прилетел из Дохи, где накануне вел консультации")
            clause = clause_bounds(work, travel.start())
            hits = [h for h in hits if clause[0] <= h.span.start < clause[1]]
        # "21–22 ноября посетил Брест": a contact on one of the days, so of the month
        when = ranged_month(hits[0].date, hits) if hits else None
        return subjects.pop(), trip_ahead(work, when, anchor, hits), index

    def _story_subject(
        self, title: str | None, lead: str, anchor: date | None, known: set[str]
    ) -> str | None:
        """The one person the headline names as its subject ("Лавров завершил турне"), else
        the one the lead names so ("Глава МИД России Сергей Лавров вернулся в Москву")."""
        for line in (title, lead):
            if not line:
                continue
            subjects = {
                m.person
                for m in self.registry.scan(blank_asides(line), on=anchor, known=known)
                # (an indeclinable name opening the line: "Помпео отложил турне")
                if (m.cases == {"nomn"} or ("nomn" in m.cases and m.start == 0)) and m.known
            }
            if subjects:
                return subjects.pop() if len(subjects) == 1 else None
        return None

    def _refused(
        self,
        offset: int,
        sentence: str,
        index: int,
        anchor: date | None,
        known: set[str],
        plan: Candidate,
    ) -> list[Candidate]:
        """A planned meeting of three or more, then "X и Y отказались от встречи": the plan
        stays for the others; X's and Y's meetings with the one of the other side (its host)
        are called off."""
        if plan.status != "planned" or len(plan.participants) < 3:
            return []
        work = blank_asides(sentence)
        refused = REFUSED_RE.search(work)
        if refused is None:
            return []
        # the plan's people named before the verb, by any case form of the family name
        words = {w.lower() for w in WORD_RE.findall(fold(work[: refused.start()]))}
        named = {p for p in plan.participants if words & family_forms(fold(p.split()[-1])).keys()}
        staying = [p for p in plan.participants if p not in named]
        away = [p for p in plan.participants if p in named]
        hosts = [p for p in staying if not any(self.registry.same_side(p, a) for a in away)]
        if len(hosts) > 1:
            # the sides unknown: the plan's subject, the first of them it names as one
            subjects = [
                m.person
                for m in self.registry.scan(blank_asides(plan.snippet), on=anchor, known=known)
                if "nomn" in m.cases and m.person in hosts
            ]
            hosts = subjects[:1]
        if not away or len(staying) < 2 or len(hosts) != 1:
            return []
        kept = replace(plan, participants=tuple(staying))
        return [
            kept,
            *(
                retold(
                    plan,
                    index,
                    offset,
                    sentence,
                    participants=tuple(sorted((hosts[0], a))),
                    status="cancelled",
                    lead=False,
                )
                for a in away
            ),
        ]

    def _delegation_head(
        self,
        work: str,
        mentions: list[Found],
        prior: str,
        after: int,
        on: date | None,
        known: set[str],
    ) -> list[Found]:
        """ "Делегацию ХАМАС возглавил X. Делегация встретилась с Y": the head named right
        after "возглавил" stands for the delegation, the subject of this sentence."""
        said = DELEGATION_SUBJECT_RE.search(work)
        if said is None or any("nomn" in m.cases and m.start < said.start() for m in mentions):
            return mentions
        head = next(
            (
                m
                for m in self.registry.scan(blank_asides(prior), on=on, known=known)
                if m.start >= after and "nomn" in m.cases
            ),
            None,
        )
        if head is None or head.start - after > HEAD_REACH:
            return mentions
        found = Found(
            head.person, said.start(), said.end(), said.group(0), True, frozenset({"nomn"})
        )
        return sorted([*mentions, found], key=lambda m: m.start)

    def _join_party(
        self,
        text: str,
        offset: int,
        sentence: str,
        target: Candidate,
        candidates: list[Candidate],
        anchor: date | None,
        known: set[str],
        needed: int = 1,
    ) -> Candidate | None:
        """Add the people of "с российской стороны участвовали X и Y" to the contact before."""
        on = target.date.to_date() if target.date and target.date.precision == "day" else anchor
        work = blank_asides(sentence)
        people = [
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            if not self._spokesman(m, on)
            and not boss_or_kin(work, m)
            # "Владимир Путин приезжать не стал, делегацию возглавил Лавров": not a party
            and not ABSENT_RE.search(work, *clause_bounds(work, m.start))
        ]
        if len(set(people)) < needed or EXPANDED_RE.search(work):
            # ("встреча продолжилась в расширенном составе: к ней присоединились X и Y": the
            # aides at the table, no parties)
            return None
        then = target.date.to_date() if target.date is not None else None
        if (
            then is not None
            and anchor is not None
            and IN_DELEGATION_RE.search(work)
            and abs((anchor - then).days) > DELEGATION_DAYS
        ):
            # "в апреле 2019 года они провели переговоры. В составе делегации КНДР — X": the
            # delegation of the day's contact, not of the one recalled
            return None
        if target.date is not None and any(
            not h.date.compatible(target.date)
            for h in find_date_hits(work, published=anchor)
            if not year_ahead(h, anchor)
        ):
            # "25 июня … Цинь Ган принял его. Когда в середине июля …, Китай представлял уже
            # Ван И": another time, another event
            return None
        held = {side for p in target.participants for side in self.registry.sides(p)}
        if (
            len(held) >= 2
            and len(target.participants) == 2
            and REPRESENTED_RE.search(work)
            and not PARTY_RE.search(REPRESENTED_RE.sub(" ", work))
            and not any(self.registry.sides(p) & held for p in people)
        ):
            # "Путин встретился с Си. … Индию представлял министр X": a third country at the
            # forum, not a side of the pair's meeting (a pair of two sides is told whole)
            return None
        merged = tuple(sorted(set(target.participants) | set(people)))
        if len(set(people)) >= 2 and BOTH_LED_RE.search(work):
            # "Предыдущие переговоры прошли 29 марта. Тогда делегации возглавляли X и Y": the
            # heads of both sides are the contact's people, whoever the story's are
            merged = tuple(sorted(set(people)))
        joined = replace(target, participants=merged)
        if len(target.participants) < 2:
            # the evidence must name the people: it runs on to the sentence that names them
            end = offset + len(sentence)
            joined = replace(joined, end=end, snippet=text[target.start : end])
        candidates[candidates.index(target)] = joined
        return joined

    def _rounds(
        self, offset: int, sentence: str, index: int, anchor: date | None, target: Candidate
    ) -> list[Candidate]:
        """The dated rounds listed after "провели N раундов переговоров"."""
        work = blank_asides(sentence)
        hits = year_in_sentence(work, find_date_hits(work, published=anchor))
        return [
            retold(
                target,
                index,
                offset,
                sentence,
                date=h.date,
                status=status_of(work),
                lead=False,
                earlier=False,
            )
            for h in hits
            if h.date.month is not None
        ]

    def _interlocutors(
        self,
        text: str,
        sentences: list[tuple[int, str]],
        index: int,
        host: tuple[str, PartialDate | None, int],
        anchor: date | None,
        known: set[str],
    ) -> list[Candidate]:
        """ "Путин в пятницу провел серию телефонных разговоров. Среди собеседников — X и Y":
        one contact of the series' host with each partner named, of the series' kind and day."""
        offset, sentence = sentences[index]
        head_at, head = sentences[host[2]]
        work, head_work = blank_asides(sentence), blank_asides(head)
        told = find_cues(head_work)
        if (
            not INTERLOCUTORS_RE.search(work)
            or not told
            or not SERIES_RE.search(head)
            or has_cue(work)
        ):
            return []
        when = host[1]
        on = when.to_date() if when is not None and when.precision == "day" else anchor
        partners = dict.fromkeys(
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            if m.person != host[0] and not self._spokesman(m, on)
        )
        end = offset + len(sentence)
        return [
            Candidate(
                participants=tuple(sorted((host[0], partner))),
                kind=told[0].kind,
                weak=told[0].weak,
                status=status_of(head_work),
                date=when,
                earlier=False,
                score=2 + (when is not None),
                sentence=index,
                start=head_at,
                end=end,
                snippet=text[head_at:end],
                place=None,
                initiator=None,
            )
            for partner in partners
        ]

    def _trip(
        self,
        sentence: str,
        index: int,
        anchor: date | None,
        known: set[str],
        context: tuple[str, ...],
    ) -> tuple[int, PartialDate, str] | None:
        """ "14 сентября 2020 года Лукашенко прилетел в Сочи": a person of the story's pair
        travelling on one stated date (the contact told next is of that day)."""
        work = blank_asides(sentence)
        hits = year_in_sentence(work, find_date_hits(work, published=anchor))
        if len(hits) != 1:
            return None
        scanned = self.registry.scan(work, on=anchor, known=known)
        if not scanned:
            # "В воскресенье канцлер находится в Сантьяго": the bare title of one of the pair
            scanned, _ = self._bare_titles(work, [], context, anchor)
        subjects = [m.person for m in scanned if "nomn" in m.cases and m.person in context]
        noun = TRIP_NOUN_RE.search(work)
        if (
            not subjects
            and noun is not None
            and 0 <= hits[0].span.start - noun.end() <= TRIP_NOUN_REACH
            and not CLAUSE_MARK_RE.search(work, noun.end(), hits[0].span.start)
            and not has_cue(work)
        ):
            # "Первым из этих контактов была поездка в Москву 1 февраля 2022 года": a trip of
            # the story's pair (of whoever the contact told next names), told by its noun
            subjects = [context[0] if context else ""]
        when = trip_ahead(work, hits[0].date, anchor, hits)
        return (index, when, subjects[0]) if subjects and when is not None else None

    def _elided(
        self,
        start: int,
        sentence: str,
        index: int,
        anchor: date | None,
        recent: list[Candidate],
    ) -> Candidate | None:
        """ "Это третья встреча Байдена и Герцога. Предыдущая состоялась 18 июля прошлого
        года": the contact word left out is the one just told, on another day."""
        told = ELIDED_PREVIOUS_RE.match(sentence)
        last = recent[-1] if recent else None
        if told is None or last is None or last.sentence != index - 1 or not last.participants:
            return None
        end = next((m.start() for m in CLAUSE_BREAK_RE.finditer(sentence, told.end())), None)
        hits = find_date_hits(sentence[:end], published=anchor)
        if not hits or hits[0].date.year is None:
            return None
        return retold(
            last,
            index,
            start,
            sentence,
            date=hits[0].date,
            status="happened",
            earlier=True,
            place=None,
            initiator=None,
            lead=False,
            score=last.score - 1,
        )

    def _holders_then(
        self,
        people: tuple[str, ...],
        named: set[str],
        now: date | None,
        then: PartialDate | None,
    ) -> tuple[str, ...]:
        """The story's people on an earlier day: one not named here who took an office only
        later gives way to that office's holder on the day ("Предыдущий визит Путина в
        Монголию" in 2019 was to Mongolia's president of 2019)."""
        day = then.to_date() if then is not None else None
        if now is None or day is None or day >= now:
            return people
        out = []
        for person in people:
            current = self.registry.offices_held(person, now)
            later = [o for o in current if o not in self.registry.offices_held(person, day)]
            if person not in named and later and len(later) == len(current):
                holders = {self.registry.office_holder(o.key, day) for o in later}
                if len(holders) == 1 and None not in holders:
                    person = holders.pop() or person
            out.append(person)
        return tuple(sorted(set(out))) if len(set(out)) >= 2 else people

    def _heads_next(
        self,
        text: str,
        sentences: list[tuple[int, str]],
        index: int,
        anchor: date | None,
        known: set[str],
    ) -> tuple[str, ...]:
        """The heads of both sides the next sentence names ("Украинскую делегацию возглавил
        X. Российскую — Y"), as the people of a contact told with nobody named."""
        if index + 1 >= len(sentences) or not PARTY_RE.search(sentences[index + 1][1]):
            return ()
        heads = self._travellers(with_elided_side(text, sentences, index + 1), anchor, known)
        return heads if len(heads) >= 2 else ()

    def _travellers(self, sentence: str, anchor: date | None, known: set[str]) -> tuple[str, ...]:
        """The people a travel sentence names as its subjects: "прибыли X, Y и Z"."""
        work = blank_asides(sentence)
        return tuple(
            sorted(
                {
                    m.person
                    for m in self.registry.scan(work, on=anchor, known=known)
                    if "nomn" in m.cases and not self._spokesman(m, on=anchor)
                }
            )
        )

    def _joined(
        self,
        offset: int,
        sentence: str,
        target: Candidate,
        index: int,
        anchor: date | None,
        known: set[str],
    ) -> Candidate | None:
        """The contact of "к ним присоединились X и Y": the people before and the newcomers."""
        on = target.date.to_date() if target.date and target.date.precision == "day" else anchor
        work = blank_asides(sentence)
        people = {
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            if not self._spokesman(m, on)
        }
        if not people - set(target.participants):
            return None
        return retold(
            target,
            index,
            offset,
            sentence,
            participants=tuple(sorted(people | set(target.participants))),
            kind="meeting",
            weak=False,
        )

    def _future_predicate(self, clause: str) -> Status | None:
        """ "planned" when the clause's finite verb is in the future ("обсудят", "подпишут")."""
        tenses = self.lemmatizer.verb_tenses(clause)
        return "planned" if tenses[:1] == ["futr"] else None

    def _sides_only(
        self,
        sentence: str,
        offset: int,
        index: int,
        anchor: date | None,
        lead_limit: int,
        prior: str = "",
    ) -> list[Candidate]:
        """ "Делегации России и США провели переговоры": a contact whose people come next."""
        work = blank_asides(sentence)
        cues = [c for c in find_cues(work) if not c.weak] or find_cues(work)
        if not cues:
            return []
        cue = cues[0]
        hits = find_date_hits(work, published=anchor)
        told: PartialDate | None = None
        party: tuple[str, ...] = ()
        if not hits and SUBJECT_NOUN_RE.match(work, cue.end):
            # "Президенты пяти стран во вторник встретились с X. Встреча прошла в Нью-Йорке":
            # the day of the same contact the sentence before told
            before = blank_asides(prior)
            dated = find_date_hits(before, published=anchor)
            if len(dated) == 1 and any(c.kind == cue.kind for c in find_cues(before)):
                told = dated[0].date
                # (and its one named partner: "встретились с президентом США X")
                named = {m.person for m in self.registry.scan(before, on=told.to_date())}
                party = tuple(named) if len(named) == 1 else ()
        if not party:
            # "Лавров и Шойгу провели переговоры с японскими коллегами. Японскую сторону
            # представляли X и Y": the one side the sentence names by name, the other next
            own = {
                m.person
                for m in self.registry.scan(work, on=anchor)
                if clause_bounds(work, cue.start)[0] <= m.start < cue.start
                and "nomn" in m.cases
                and not m.via_office
                and not self._spokesman(m, anchor)
            }
            if own and all(self.registry.same_side(a, b) for a in own for b in own):
                party = tuple(sorted(own))
        when = contact_date(
            work,
            cue,
            hits,
            [],
            clause_bounds(work, cue.start),
            cues,
            self.registry,
            self.lemmatizer,
        )
        status = status_of(work)
        when = ahead(work, when, status, anchor, hits) or told
        when = ranged_month(when, hits) if when is not None else None
        return [
            wording(
                Candidate(
                    participants=party,
                    kind=cue.kind,
                    weak=cue.weak,
                    status=status,
                    date=when,
                    earlier=is_earlier(work, when, cue.start),
                    score=2 + (when is not None),
                    sentence=index,
                    start=offset,
                    end=offset + len(sentence),
                    snippet=sentence,
                    place=self._place(work, cue.start) if cue.kind != "phone" else None,
                    initiator=initiator(work, cue.start),
                    lead=when is None and status == "happened" and index < lead_limit,
                    sides=compound_sides(work),
                )
            )
        ]
