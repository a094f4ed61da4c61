"""Contacts between named people stated in one article: who, when, kind, status, evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from retrieval.cues import (
    BETWEEN_RE,
    DENIAL_RE,
    EARLIER_DATED_RE,
    EARLIER_RE,
    FRAME_RE,
    INITIATIVE_RE,
    LIGHT_VERB_RE,
    MANNER_PHONE_RE,
    PARTY_RE,
    PREDICATE_STATUS,
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
from retrieval.dates import (
    RELATIVE_RE,
    WEEKDAY_RE,
    DateHit,
    find_date_hits,
    parse_dateline,
    with_days_later,
)
from retrieval.groups import BARE_PLURAL_RE, GroupResolver
from retrieval.lemmas import Lemmatizer, default_lemmatizer
from retrieval.names import head_cases
from retrieval.offices import SIDE_ADJECTIVES
from retrieval.people import Found, PersonRegistry
from retrieval.types import ExtractedContact, Kind, PartialDate, Status

KIND_PRIORITY: dict[Kind, int] = {"phone": 4, "meeting": 3, "talks": 2, "visit": 1}
IN_PERSON: frozenset[Kind] = frozenset({"meeting", "talks", "visit"})
GAP_RE = re.compile(r"[\s,]*(?:и|,)?[\s,]*")
TITLED_GAP_RE = re.compile(
    r"\s*(?:,\s*|\s+и\s+|,\s*а также\s+)[а-яё-]+(?:ом|ем|ём|ой|ей)\s+(?:[\w«»\"-]+\s+){0,4}"
)
CHAIN_GAP_RE = re.compile(r"(?:\s+[а-яё-]+){0,3}\s+|\s*(?:,|и)\s*|\s*", re.IGNORECASE)
PLACE_RE = re.compile(r"(?<![\w-])в\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
ANTECEDENT_GAP_RE = re.compile(r"\s*(?:,|и)\s+(?:[\w«»-]+\s+){0,5}", re.IGNORECASE)
LEAD_SENTENCES = 3
TITLE = -1  # sentence index of the headline
CALL_VERB_RE = re.compile(r"позвонил", re.IGNORECASE)
BY_PHONE_VERB_RE = re.compile(
    r"по телефону [а-яё]+|[а-яё]+ по телефону", re.IGNORECASE
)  # "позвонил министру": partner in dative
# a date that belongs to another event: "с момента вступления в должность в январе"
OTHER_EVENT_RE = re.compile(
    r"(?:с момента|со времени|с начала|после|до|накануне) (?:его |ее |их )?"
    r"(?:вступлени|избрани|инаугураци|назначени|отставк|выбор)\w*[^,.;:]*$"
    # "первая встреча после подписания заявления от 9 ноября", "после крушения ... 25 декабря"
    r"|(?:с момента|со времени|с начала|после) (?:[а-яё]+ )?[а-яё]+(?:ни|ти)я(?![\w-])[^,.;:]*$",
    re.IGNORECASE,
)
# the words after a contact noun, to find a genitive of other parties
NEXT_WORDS_RE = re.compile(r"\s+([а-яё]+)(?:\s+([а-яё]+))?")
# genitives that describe the contact, not its parties: "встреча высокого уровня"
NOT_PARTY_HEADS = frozenset({"уровня", "формата", "характера", "типа", "масштаба"})
# "Помпео принял ...": the guest right before "принял" (a few adverbs may stand between)
GUEST_GAP_RE = re.compile(r"\s+(?:[а-яё]+\s+){0,2}", re.IGNORECASE)
GUEST_PRONOUN_RE = re.compile(r"(?<![\w-])(?:его|ее|её)\s+(?:[а-яё]+\s+){0,2}$", re.IGNORECASE)
# a third-person pronoun standing for a participant named in an earlier sentence
PRONOUN_RE = re.compile(r"(?<![\w-])(?:он|она|его|ее|её|мы|я|ним|ней)(?![\w-])", re.IGNORECASE)
SUBJECT_PRONOUN_RE = re.compile(r"(?<![\w-])(?:он|она|мы|я)(?![\w-])", re.IGNORECASE)
WITH_PRONOUN_RE = re.compile(r"\s+(?:[а-яё]+\s+)?(?:с ним|с ней|со мной|с нами)(?![\w-])")
FIRST_PERSON_RE = re.compile(r"(?<![\w-])(?:мы|я)(?![\w-])", re.IGNORECASE)
# an interview: questions and answers as dialogue lines, the guest named in the lead
INTERVIEW_RE = re.compile(
    r"интервью|ответил\w{0,2} на вопросы|в беседе с (?:нашим|корреспондентом|журналист)",
    re.IGNORECASE,
)
DIALOGUE_LINE_RE = re.compile(r"^\s*[—–-]\s+\S", re.MULTILINE)
# contact nouns in the plural: one event with each partner ("провел разговоры с X, Y и Z")
PLURAL_CUE_RE = re.compile(
    r"(?:телефонн\w+\s+)?(?:разговор(?:ы|ов|ами)|встреч(?:и|ами)|бесед(?:ы|ами)|контакт(?:ы|ами))",
    re.IGNORECASE,
)
# words that end a time adverbial before the subject: "Последний раз", "в том году"
TIME_WORDS = frozenset(
    {"раз", "году", "месяце", "неделе", "днем", "вечером", "утром", "ночью", "затем", "позже"}
    # "12 сентября 2019 года Нетаньяху прилетел": the end of a date
    | {"года", "г", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"}
    | {"сентября", "октября", "ноября", "декабря", "понедельник", "вторник", "среду"}
    | {"четверг", "пятницу", "субботу", "воскресенье", "вчера", "сегодня", "накануне"}
)
FIRST_SINCE_RE = re.compile(
    r"\s+(?:стал\w{0,2}\s+)?(?:перв\w{2,3})\s+(?:[а-яё]+\s+){0,2}(?:после|с)\s+\d{1,2}\s+[а-яё]+",
    re.IGNORECASE,
)
# a relative clause of its own event; not "встреча, которая была назначена на 12 октября"
RELATIVE_PRONOUN_RE = re.compile(
    r",\s+(?:котор\w{2,3}|где|когда)\s(?!(?:[а-яё]+\s+){0,2}(?:назначен|запланирован|намечен"
    r"|перенесен|отложен|состо|пройд|пройт|прош|долж))",
    re.IGNORECASE,
)
ANTECEDENT_SENTENCES = 5  # how far back a pronoun looks for the person it stands for
# a contact told as part of the same day's story as the one before it
SAME_DAY_RE = re.compile(
    r"(?<![\w-])(?:в (?:тот|этот) же (?:день|вечер)|в (?:тот|этот) день|тем же (?:днем|вечером)"
    r"|^(?:затем|после этого|вслед за этим)(?![\w-])"
    r"|после (?:переговоров|встречи|беседы|разговора)(?![\w-]))",
    re.IGNORECASE,
)
# "достигнутых X в ходе беседы": the frame between a participle's agent and the contact
AGENT_FRAME_RE = re.compile(
    r"\s*(?:в ходе|во время|в рамках|на|по итогам)\s+(?:[а-яё]+\s+){0,2}$", re.IGNORECASE
)
# pymorphy reads some passive participles as adjectives: "достигнутых", "принятых"
PASSIVE_PARTICIPLE_RE = re.compile(r"(?:нн|[уяи]т)(?:ых|ого|ой|ым|ыми|ую|ая|ые|ый|ом)$")
# a contact word that refers back to the pair of the story: "предыдущий телефонный разговор"
PREVIOUS_RE = re.compile(
    r"(?<![\w-])(?:предыдущ|прошл|последн)\w{2,3}\s+(?:[а-яё]+\s+)?$", re.IGNORECASE
)
# a contact noun framing the clause's event: "по итогам визита", "в ходе переговоров"
CIRCUMSTANCE_RE = re.compile(
    r"(?<![\w-])(?:в ходе|во время|по итогам|в рамках|по завершении)\s+(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
# a contact noun followed by its predicate: "разговор (якобы) состоялся", "встреча прошла"
SUBJECT_NOUN_RE = re.compile(
    r"\s+(?:якобы\s+|уже\s+|действительно\s+)?(?:состоял\w{1,3}|прош(?:ел|ла|ли|ло)"
    r"|(?:продолжил|начал|завершил|длил)(?:ся|ась|ись|ось))(?![\w-])",
    re.IGNORECASE,
)
NEWS_AGE_DAYS = 7  # a fresh report tells of an event at most this old
NEWS_DATE_SENTENCES = 5  # where a page without a header date states the date of its news
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
    worded: int = 1 << 30  # sentence that worded the kind (see _wording)
    alleged: bool = False  # "разговор якобы состоялся": a claim, as good as the article's word


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
        sentences = content_sentences(text)
        stated = None if published or dateline else _stated_news_date(sentences)
        # a page without a header date or dateline: relative dates count from the stated one
        news_day = dateline or stated
        anchor = published or (
            news_day.to_date() if news_day and news_day.precision == "day" else None
        )
        known: set[str] | None = None
        candidates: list[_Candidate] = []
        context: tuple[str, ...] = ()
        protagonist: tuple[str, PartialDate | None, int] | None = None
        lead_limit = _lead_limit(sentences)
        if title and has_cue(title):
            known = self.registry._full_names(text)
            heads = self._sentence(title, 0, title, TITLE, anchor, None, known, "", ())
            candidates += [replace(c, start=0, end=0) for c in heads]
            context = next((c.participants for c in heads), ())
        trip: tuple[int, PartialDate, str] | None = None  # a dated trip of the story's pair
        years: dict[int, int] = {}  # month -> year stated in the sentence before
        years_at = -10
        for index, (start, sentence) in enumerate(sentences):
            recent = [c for c in candidates if 0 <= index - c.sentence <= PARTY_REACH]
            sides_only = (
                bool(recent)
                and not recent[-1].participants
                and recent[-1].sentence == index - 1
                and not has_cue(sentence)
            )
            if recent and (PARTY_RE.search(sentence) or sides_only):
                # "Прошли российско-индийские переговоры. Путин и Моди обсудили ...": the
                # people of a contact told by its sides only come in the next sentence
                if known is None:
                    known = self.registry._full_names(text)
                needed = 2 if sides_only and not PARTY_RE.search(sentence) else 1
                joined = self._join_party(
                    text, start, sentence, recent[-1], candidates, anchor, known, needed
                )
                if joined:
                    continue
            if recent and recent[-1].participants and JOINED_RE.search(sentence):
                # "Затем к ним присоединились Макрон и Стармер": a wider meeting that day
                if known is None:
                    known = self.registry._full_names(text)
                wider = self._joined(start, sentence, recent[-1], index, anchor, known)
                if wider is not None:
                    candidates.append(wider)
                    context = wider.participants
                    continue
            rounds = [c for c in recent if c.participants and ROUNDS_RE.search(c.snippet)]
            if rounds and ORDINAL_ROUNDS_RE.match(sentence):
                # "X и Y провели пять раундов переговоров. Первый прошел 12 апреля, второй —
                # 19 апреля": one contact for each dated round
                dated = self._rounds(start, sentence, index, anchor, rounds[-1])
                if dated:
                    # the summary ("провели пять раундов") is these rounds, not an event of its own
                    candidates = [c for c in candidates if c is not rounds[-1]] + dated
                    continue
            if len(context) == 2 and TRAVEL_RE.search(sentence):
                # "14 сентября 2020 года Лукашенко прилетел в Сочи. По итогам переговоров ..."
                if known is None:
                    known = self.registry._full_names(text)
                trip = self._trip(sentence, index, anchor, known, context) or trip
            if not has_cue(sentence):
                continue
            if known is None:
                known = self.registry._full_names(text)
            following = sentences[index + 1][1] if index + 1 < len(sentences) else ""
            host = protagonist if protagonist and index - protagonist[2] <= PARTY_REACH else None
            antecedents: tuple[tuple[str, PartialDate | None], ...] = ()
            if PRONOUN_RE.search(sentence):
                antecedents = self._antecedents(sentences, index, anchor, known)
                # "российский президент побывал в Заливе: 14 октября он встретился ...": the
                # subject named earlier in the same sentence comes first
                pronoun = SUBJECT_PRONOUN_RE.search(sentence)
                if pronoun is not None:
                    own = self._subjects_before(sentence, pronoun.start(), anchor, known)
                    antecedents = (
                        *((p, None) for p in own),
                        *(a for a in antecedents if a[0] not in own),
                    )
                if FIRST_PERSON_RE.search(sentence):
                    # "мы встречались с Рубио" in an interview: the guest speaks
                    guest = self._interviewee(text, sentences, anchor, known)
                    antecedents = ((guest, None),) if guest else antecedents
            found = self._sentence(
                text,
                start,
                sentence,
                index,
                anchor,
                dateline,
                known,
                following,
                context,
                host,
                lead_limit,
                antecedents,
                years if index - years_at <= 1 else None,
                trip is not None and trip[0] == index - 1,
            )
            told_years = _told_years(sentence, anchor)
            if told_years:
                years, years_at = told_years, index
            protagonist = self._protagonist(sentence, index, anchor, known) or protagonist
            # "стали переговоры в Эр-Рияде 18 февраля. За столом сидели X с российской стороны"
            if not found and (SIDES_PAIR_RE.search(sentence) or PARTY_RE.search(following)):
                found = self._sides_only(sentence, start, index, anchor, lead_limit)
            if trip is not None and trip[0] == index - 1:
                found = [
                    replace(c, date=trip[1]) if c.date is None and trip[2] in c.participants else c
                    for c in found
                ]
            if SAME_DAY_RE.search(sentence):
                found = _same_day(found, candidates)
            candidates += found
            named = [c for c in found if not c.grouped and c.participants]
            if named:
                context = named[0].participants
        candidates = _story_days(
            _phone_talk(_settle_claims([c for c in candidates if len(c.participants) >= 2]))
        )
        default = (
            dateline
            or (PartialDate(anchor.year, anchor.month, anchor.day) if anchor else None)
            or stated
        )
        return [
            self._record(replace(c, date=default) if c.lead and c.date is None else c)
            for c in _merge(candidates, default)
            if c.sentence != TITLE
        ]

    def _protagonist(
        self, sentence: str, index: int, anchor: date | None, known: set[str]
    ) -> tuple[str, PartialDate | None, int] | None:
        """The one person whose contacts a sentence announces: "Путин провел ряд встреч"."""
        work = blank_asides(sentence)
        cues = find_cues(work)
        if not cues:
            return None
        subjects = {
            m.person
            for m in self.registry.scan(work, on=anchor, known=known)
            if m.start < cues[0].start and m.cases == {"nomn"}
        }
        if len(subjects) != 1:
            return None
        hits = find_date_hits(work, published=anchor)
        return subjects.pop(), (hits[0].date if hits else None), index

    def _join_party(
        self,
        text: str,
        offset: int,
        sentence: str,
        target: _Candidate,
        candidates: list[_Candidate],
        anchor: date | None,
        known: set[str],
        needed: int = 1,
    ) -> bool:
        """Add the people of "с российской стороны участвовали X и Y" to the contact before."""
        on = target.date.to_date() if target.date and target.date.precision == "day" else anchor
        work = blank_asides(sentence)
        people = [
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            if not self._spokesman(m, on)
        ]
        if len(set(people)) < needed:
            return False
        merged = tuple(sorted(set(target.participants) | set(people)))
        joined = replace(target, participants=merged)
        if not target.participants:
            # the evidence must name the people: it runs on to the sentence that names them
            end = offset + len(sentence)
            joined = replace(joined, end=end, snippet=text[target.start : end])
        candidates[candidates.index(target)] = joined
        return True

    def _rounds(
        self, offset: int, sentence: str, index: int, anchor: date | None, target: _Candidate
    ) -> list[_Candidate]:
        """The dated rounds listed after "провели N раундов переговоров"."""
        work = blank_asides(sentence)
        hits = _year_in_sentence(work, find_date_hits(work, published=anchor))
        return [
            replace(
                target,
                date=h.date,
                status=status_of(work),
                sentence=index,
                start=offset,
                end=offset + len(sentence),
                snippet=sentence,
                lead=False,
                earlier=False,
            )
            for h in hits
            if h.date.month is not None
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
        hits = _year_in_sentence(work, find_date_hits(work, published=anchor))
        if len(hits) != 1:
            return None
        subjects = [
            m.person
            for m in self.registry.scan(work, on=anchor, known=known)
            if "nomn" in m.cases and m.person in context
        ]
        return (index, hits[0].date, subjects[0]) if subjects else None

    def _joined(
        self,
        offset: int,
        sentence: str,
        target: _Candidate,
        index: int,
        anchor: date | None,
        known: set[str],
    ) -> _Candidate | None:
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
        return replace(
            target,
            participants=tuple(sorted(people | set(target.participants))),
            kind="meeting",
            weak=False,
            sentence=index,
            start=offset,
            end=offset + len(sentence),
            snippet=sentence,
        )

    def _sides_only(
        self, sentence: str, offset: int, index: int, anchor: date | None, lead_limit: int
    ) -> list[_Candidate]:
        """ "Делегации России и США провели переговоры": a contact whose people come next."""
        work = blank_asides(sentence)
        cues = [c for c in find_cues(work) if not c.weak] or find_cues(work)
        if not cues:
            return []
        cue = cues[0]
        hits = find_date_hits(work, published=anchor)
        when = self._date(work, cue, hits, [], clause_bounds(work, cue.start), cues)
        status = status_of(work)
        return [
            _wording(
                _Candidate(
                    participants=(),
                    kind=cue.kind,
                    weak=cue.weak,
                    status=status,
                    date=when,
                    earlier=_earlier(work, when, cue.start),
                    score=2 + (when is not None),
                    sentence=index,
                    start=offset,
                    end=offset + len(sentence),
                    snippet=sentence,
                    place=self._place(work) if cue.kind != "phone" else None,
                    initiator=_initiator(work, cue.start),
                    lead=when is None and status == "happened" and index < lead_limit,
                )
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
        host: tuple[str, PartialDate | None, int] | None = None,
        lead_limit: int = LEAD_SENTENCES,
        antecedents: tuple[tuple[str, PartialDate | None], ...] = (),
        years: dict[int, int] | None = None,
        after_trip: bool = False,
    ) -> list[_Candidate]:
        work = blank_asides(sentence)
        cues = find_cues(work)
        if not cues:
            return []
        hits = with_days_later(
            work,
            _year_in_sentence(
                work, _stated_years(work, find_date_hits(work, published=anchor), years or {})
            ),
        )
        on = next((h.date.to_date() for h in hits if h.date.precision == "day"), None) or anchor
        mentions = self.registry.scan(work, on=on, known=known)
        mentions = self._complete_surnames(text, mentions)
        plural = BARE_PLURAL_RE.search(work)
        own = tuple(dict.fromkeys(m.person for m in mentions if plural and m.end <= plural.start()))
        # "X принимал российского коллегу ..., и в тот же день лидеры ...": the sentence's
        # own pair before the story's
        groups = self.groups.find(work, on=on, context=own if len(own) == 2 else context)
        if groups:
            mentions = [
                m for m in mentions if not any(m.start < g.end and g.start < m.end for g in groups)
            ]
            mentions = sorted(mentions + groups, key=lambda m: m.start)
        mentions = self._bare_titles(work, mentions, context, on)
        previous = [
            c
            for c in cues
            if PREVIOUS_RE.search(work, 0, c.start)
            # "Пятничный разговор стал первым после 13 мая": the pair talked on 13 May
            or (not c.verb and FIRST_SINCE_RE.match(work, c.end))
        ]
        if len({m.person for m in mentions}) < 2 or any(c.verb for c in cues):
            # "что разговор якобы состоялся 7 ноября": a bare contact noun as the subject of
            # its clause, no party named before it, is the contact of the story's pair (or of
            # the pair of a contact verb before it: "X принимал Y: переговоры прошли ...")
            previous += [
                c
                for c in cues
                if not c.verb
                and SUBJECT_NOUN_RE.match(work, c.end)
                and not any(clause_bounds(work, c.start)[0] <= m.start < c.start for m in mentions)
            ]
        persons = {m.person for m in mentions}
        # (with nobody named only right after a dated trip of the pair: "Лукашенко прилетел
        # в Сочи 14 сентября. По итогам переговоров ...")
        if (len(persons) == 1 or (after_trip and not persons)) and (
            persons <= set(context) and len(context) == 2
        ):
            # "Трамп в ходе телефонного разговора предложил помощь": the story's pair
            previous += [
                c
                for c in cues
                if not c.verb and CIRCUMSTANCE_RE.search(work, 0, c.start) and c not in previous
            ]
        if (
            len(persons) < 2
            and not (previous and len(context) >= 2)
            and not (host and persons)
            and not (antecedents and persons)
        ):
            return []
        # one candidate per event of a pair: the same people with another date or an
        # "earlier" mark are another contact ("встретились 8 июля, а 9 июля провели переговоры")
        by_event: dict[tuple[object, ...], _Candidate] = {}
        for cue in cues:
            found = self._participants(work, cue, cues, mentions, on)
            people = tuple(sorted({f.person for f in found}))
            here = next((k[0] for k in by_event if len(k[0]) >= 2), None)  # type: ignore[arg-type]
            if len(people) < 2 and cue in previous and here is not None:
                # "X принимал российского коллегу: переговоры прошли 19 октября": that pair
                people = here  # type: ignore[assignment]
            elif len(people) < 2 and cue in previous and len(context) >= 2:
                # "предыдущий разговор состоялся в декабре": the pair the article is about
                people = tuple(sorted(context))
            hosted = False
            if len(people) == 1 and host and host[0] != people[0] and _partner_only(work, found):
                # "Путин провел ряд встреч. Первой стала встреча с Си": the host of the series
                people, hosted = tuple(sorted((people[0], host[0]))), True
            cs, ce = clause_bounds(work, cue.start)
            pairs = [people]
            via_pronoun, told_on = False, None
            pronoun = None
            if antecedents and cue.verb:
                spans = list(SUBJECT_PRONOUN_RE.finditer(work, cs, cue.start))
                pronoun = spans[-1] if spans else None
            if antecedents and (
                len(people) < 2
                or not any(f.start < cue.start for f in found)
                # "после беседы с Путиным, он созвонился с X": the pronoun is the subject
                or (
                    pronoun is not None
                    and all(f.end <= pronoun.start() or f.start >= cue.end for f in found)
                )
                or WITH_PRONOUN_RE.match(work, cue.end) is not None
            ):
                resolved, told_on = self._with_antecedent(
                    work, cue, cs, found, mentions, antecedents
                )
                pairs, via_pronoun = resolved or pairs, bool(resolved)
            elif len(people) > 2 and PLURAL_CUE_RE.fullmatch(work, cue.start, cue.end):
                pairs = _one_per_partner(cue, found) or pairs
            for people in pairs:  # each pair is one event
                if len(people) < 2:
                    continue
                clause = work[cs:ce]
                frame = CIRCUMSTANCE_RE.search(work, cs, cue.start)
                if frame is not None and not cue.verb:
                    # "По итогам визита министры намерены ...": the frame noun is a circumstance
                    # of the clause, whose modality is not its status; only its own words count
                    status = status_of(work[frame.start() : cue.end])
                else:
                    status = status_of(work[max(cs, cue.start - 60) : min(ce, cue.end + 40)])
                if status in ("happened", "planned"):
                    nxt = min((c.start for c in cues if c.start > cue.end), default=ce)
                    stated = predicate_status(work[cue.end : min(ce, nxt, cue.end + 160)])
                    if stated and (status == "happened" or stated != "planned"):
                        status = stated
                if status in ("happened", "planned") and not cue.verb:
                    status = _late_undoing(work, cue, cues) or status
                if status != "denied" and DENIAL_RE.search(work[: cue.start]):
                    status = "denied"
                when = self._date(work, cue, hits, found, (cs, ce), cues)
                if hosted and when is None and host is not None:
                    when = host[1]
                if via_pronoun and when is None:
                    # "В воскресенье Шойгу ... Он также провел разговоры с ...": that day
                    when = told_on
                earlier = _earlier(clause, when, cue.start - cs)
                if status == "planned" and when is not None and anchor is not None:
                    when = _forward(when, anchor, hits)
                kind, weak = cue.kind, cue.weak
                if kind == "visit":
                    # "визит состоялся 11 января: тогда переговоры ...": the talks are the contact
                    kind = next(
                        (c.kind for c in cues if c.kind in ("talks", "meeting") and not c.weak),
                        kind,
                    )
                if kind != "phone" and _by_phone(work, cue, cues, ce):
                    kind, weak = "phone", False
                fresh = not (earlier or weak) and status == "happened"
                lead = when is None and fresh and 0 <= index < lead_limit
                score = 2 * cue.verb + (not weak) + (when is not None) + (status == "happened")
                candidate = _Candidate(
                    participants=people,
                    kind=kind,
                    weak=weak,
                    status=status,
                    date=when,
                    earlier=earlier,
                    score=score,
                    sentence=index,
                    start=offset,
                    end=offset + len(sentence),
                    snippet=sentence,
                    place=self._place(clause) if kind != "phone" else None,
                    initiator=_initiator(work, cue.start) or _initiator(following, None),
                    grouped=all(f.via_office and not f.offices for f in found),
                    lead=lead,
                )
                if status == "happened" and ALLEGED_RE.search(work, max(cs, cue.start - 40), ce):
                    candidate = replace(candidate, alleged=True)
                candidate = _wording(candidate)
                # "встречались в Москве в марте 2023 года, в Пекине в октябре 2023-го и ...":
                # one contact for each date listed after the contact word
                dates: list[PartialDate | None] = [*_listed_dates(work, cue, hits, (cs, ce), cues)]
                for listed in dates or [when]:
                    event = candidate if listed == when else replace(candidate, date=listed)
                    key = (people, earlier, listed)
                    best = by_event.get(key)
                    if best is None or _rank(event) > _rank(best):
                        by_event[key] = event
        events = list(by_event.values())
        # one sentence telling one event twice ("принимал ...: переговоры прошли 19 октября"):
        # the undated mention is the dated one
        return [
            c
            for c in events
            if c.date is not None
            or not any(
                o.date is not None
                and o.participants == c.participants
                and _group(o.kind) == _group(c.kind)
                and o.status == c.status
                for o in events
            )
        ]

    def _antecedents(
        self, sentences: list[tuple[int, str]], index: int, on: date | None, known: set[str]
    ) -> tuple[tuple[str, PartialDate | None], ...]:
        """Whom a pronoun may stand for: the first person named in each earlier sentence
        (nearest sentence first), spokesmen left out, with the date that sentence tells."""
        out: dict[str, PartialDate | None] = {}
        for k in reversed(range(max(0, index - ANTECEDENT_SENTENCES), index)):
            work = blank_asides(sentences[k][1])
            subjects = [
                m
                for m in self.registry.scan(work, on=on, known=known)
                if "nomn" in m.cases and not self._spokesman(m, on)
            ]
            if not subjects:
                continue
            m = subjects[0]
            # "..., а уже 30 января Нетаньяху был в Москве. Он встретился ...": the subject
            # of the sentence's last clause, when it has one of its own
            last = subjects[-1]
            if CONTRAST_RE.search(work, m.end, last.start):
                m = last
            if m.person not in out:
                told = has_cue(work) or TRAVEL_RE.search(work)  # "во вторник он побывал в Москве"
                hits = find_date_hits(work, published=on) if told else []
                if hits and k > 0:
                    hits = _stated_years(work, hits, _told_years(sentences[k - 1][1], on))
                # "30 января Нетаньяху был в Москве": the date right before the subject
                close = [h for h in hits if 0 <= m.start - h.span.end <= 30]
                out[m.person] = (
                    close[-1].date if close else hits[0].date if len(hits) == 1 else None
                )
        return tuple(out.items())

    def _subjects_before(
        self, sentence: str, end: int, on: date | None, known: set[str]
    ) -> list[str]:
        """People named as subjects before `end` in the sentence, nearest first."""
        work = blank_asides(sentence[:end])
        names = [
            m.person
            for m in self.registry.scan(work, on=on, known=known)
            # a subject, or the traveller of "Визит Мелони в Киев состоялся ..., тогда она"
            if (m.cases == {"nomn"} or "gent" in m.cases) and not self._spokesman(m, on)
        ]
        return list(dict.fromkeys(reversed(names)))

    def _bare_titles(
        self, s: str, mentions: list[Found], context: tuple[str, ...], on: date | None
    ) -> list[Found]:
        """ "Накануне президент принял Моди": a bare title is the person of the story's pair
        who holds such an office."""
        if len(context) != 2:
            return mentions
        out = list(mentions)
        for m in BARE_TITLE_RE.finditer(s):
            if any(f.start <= m.start() < f.end for f in mentions):
                continue
            rank = BARE_TITLE_RANKS[m.group(1).lower()]
            holders = [
                name
                for name in context
                if (person := self.registry.people.get(name)) is not None
                and any(
                    r.office in self.registry.offices
                    and self.registry.offices[r.office].rank == rank
                    and (on is None or r.covers(on))
                    for r in person.roles
                )
            ]
            if len(holders) == 1:
                cases = head_cases(self.lemmatizer, m.group(0))
                out.append(Found(holders[0], m.start(), m.end(), m.group(0), True, cases))
        return sorted(out, key=lambda f: f.start)

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
        partners = [f for f in found if subject is None or f.start > cs + subject.start()]
        if subject is None and WITH_PRONOUN_RE.match(s, cue.end):
            # "Макрон и Шольц встретились с ним": the pronoun is the partner
            partners = [f for f in found if f.end <= cue.start]
            pair = {f.person for f in partners}
            named_partner = any(
                "ablt" in f.cases and WITH_RE.search(s, max(0, f.start - 60), f.start)
                for f in partners
            )
            if len(pair) >= 2 and named_partner:
                # "X встречался с Y в октябре, а в марте встретился с ним": Y, named already
                return [tuple(sorted(pair))], None
        elif subject is None:
            if not (cue.receive and GUEST_PRONOUN_RE.search(before)):
                return [], None
            host = _host_after(cue, mentions)
            partners = [host] if host is not None else []
        names = list(dict.fromkeys(f.person for f in partners))
        if not names:
            return [], None
        # "ее принял Зеленский": a feminine pronoun never stands for a man, nor "его" for a woman
        word = (subject.group(0) if subject else _pronoun_before(s, cs, cue)).lower()
        gender = "f" if word in FEMININE_PRONOUNS else "m" if word in MASCULINE_PRONOUNS else None
        ref, when = next(
            (
                (a, d)
                for a, d in antecedents
                if a not in names
                and not any(self.registry.same_side(a, n) for n in names)
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
        if self._others_event(s, cue, mentions):
            return []
        later = [c.start for c in cues if c.start > cue.end and cs <= c.start < ce]
        seg_end = min(later, default=ce)
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
        owned = {id(m) for c in cues if c is not cue for m in self._chain(s, c, mentions, ce)}
        inside = [m for m in mentions if cs <= m.start and m.end <= ce and id(m) not in owned]
        genitive = self._chain(s, cue, inside, seg_end)
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
            before = s[max(cs, m.start - 100) : m.start]
            gap = s[partners[-1].end : m.start] if partners else ""
            linked = bool(WITH_RE.search(before) or BETWEEN_RE.search(before)) or bool(
                # "с X, президентом Египта Y и председателем ПНА Z": titled partners in a row
                partners and (GAP_RE.fullmatch(gap) or TITLED_GAP_RE.fullmatch(gap))
            )
            if linked and "ablt" in m.cases:
                partners.append(m)
        if CALL_VERB_RE.match(s, cue.start):
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
        if cue.receive:
            partners += [
                m
                for m in inside
                if 0 <= m.start - cue.end < 30 and "accs" in m.cases and m not in partners
            ][:1]
            if not partners and RELATIVE_GUEST_RE.match(s, cs):
                # "X стал первым лидером, которого Трамп принял": X is the guest
                hosts = [m for m in inside if m.end <= cue.start and "nomn" in m.cases]
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
            if not subjects and cue.verb and RELATIVE_CLAUSE_RE.match(s[cs:]):
                subjects = _antecedents(s, mentions, cs)
            # "X приезжал в Москву, где переговоры с Y были посвящены ...": the visitor
            if not subjects and partners and (cue.verb or _elaboration(s, cs)):
                subjects = [m for m in mentions if m.end <= cs and self._subject(s, m, 0, on, cue)][
                    -1:
                ]
            chosen += subjects
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
        host = _host_after(cue, inside)
        if host is None:
            return []
        before = s[cs : cue.start]
        guest = next(
            (
                m
                for m in reversed(inside)
                if m.end <= cue.start and GUEST_GAP_RE.fullmatch(s[m.end : cue.start])
            ),
            None,
        )
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
        return [guest, host] if guest is not None and guest.person != host.person else []

    def _others_event(self, s: str, cue: Cue, mentions: list[Found]) -> bool:
        """A contact noun with a genitive of other people: "саммит постоянных членов Совбеза"."""
        if cue.verb:
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
            if (
                prev
                and prev[-1].isalpha()
                and prev[-1].islower()
                and prev[-1] not in {"и", "а"}
                and prev[-1] not in TIME_WORDS  # "Предыдущий раз главы ведомств ..."
            ):
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
        self,
        s: str,
        cue: Cue,
        hits: list,
        found: list[Found],
        clause: tuple[int, int],
        cues: list[Cue],
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
            # "с Беннетом, который возглавил правительство в июне": the clause's own event
            and not (
                h.span.start > cue.end and RELATIVE_PRONOUN_RE.search(s, cue.end, h.span.start)
            )
        ]
        if not hits:
            return None
        in_clause = [
            h
            for h in hits
            if clause[0] <= h.span.start < clause[1]
            and (
                _nearest_cue(s, h, cues, clause) in (cue, None)
                # "Визит состоялся 21 февраля, тогда она провела переговоры": that day
                or (h.span.end <= cue.start and THEN_RE.search(s, h.span.end, cue.start))
            )
        ]
        if not in_clause:
            # "24 мая он провел переговоры с Y и встретился с Z": the date of the verb before
            joined = [
                c for c in cues if c.end <= cue.start and AND_RE.fullmatch(s, c.end, cue.start)
            ]
            if cue.verb and joined:
                in_clause = [
                    h
                    for h in hits
                    if clause[0] <= h.span.start < clause[1]
                    and _nearest_cue(s, h, cues, clause) is joined[-1]
                ]
        earlier_in_sentence = [h for h in hits if h.span.end <= clause[0]]
        if (
            not in_clause
            and earlier_in_sentence
            # ", а затем вылетел в Доху, где провел переговоры": still the same day
            and SEQUENCE_RE.search(s, earlier_in_sentence[-1].span.end, clause[0] + 12)
        ):
            # "В понедельник X встретился с Y, а затем его принял Z": the same day
            in_clause = earlier_in_sentence[-1:]
        if not in_clause:
            # a date in another clause belongs to the contact word of that clause, if any:
            # "первый разговор за два года: предыдущий разговор состоялся в декабре 2022"
            hits = [
                h
                for h in hits
                if not _owned_elsewhere(s, h, cue, cues) and not self._verb_clause(s, h, cue, found)
            ]
            if not hits:
                return None
        hit = min(in_clause or hits, key=lambda h: _gap(s, h, cue))
        if hit.date.precision == "year":
            # "в этом году уже вел переговоры — 22 января": the day within that year
            finer = [
                h
                for h in hits
                if h.date.year == hit.date.year
                and h.date.month is not None
                and not _owned_elsewhere(s, h, cue, cues)
            ]
            hit = min(finer, key=lambda h: _gap(s, h, cue)) if finer else hit
        value = hit.date
        if value.year is None and value.month and value.day and hit.weekday is not None:
            value = self._narrow(value, hit.weekday, found)
        return value

    def _verb_clause(self, s: str, hit: DateHit, cue: Cue, found: list[Found]) -> bool:
        """True when the date stands in a clause of another event told by its own verb:
        "Визит прошел на фоне обострения: накануне Россия признала ДНР" (but "Путин был в
        Сербии 17 января — тогда прошли переговоры" tells the trip of a participant)."""
        hs, he = clause_bounds(s, hit.span.start)
        if hs <= cue.start < he or any(hs <= f.start < he for f in found):
            return False
        between = s[cue.end : hs] if hs >= cue.end else s[he : cue.start]
        if not re.search(r"[:;]|\s[–—-]\s", between):
            return False  # only a clause set off by a colon or dash tells its own event
        words = re.findall(r"[а-яё]+", s[hs:he])
        return any(
            p.tag.POS == "VERB" and "past" in p.tag
            for w in words
            for p in self.lemmatizer.parses(w)[:1]
        )

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


def _settle_claims(candidates: list[_Candidate]) -> list[_Candidate]:
    """A claimed contact ("якобы состоялся 7 ноября") of a pair whose contact the article
    reports denied is that denied contact; its kind is the denied one's."""
    denied = {c.participants: c for c in candidates if c.status == "denied"}
    return [
        replace(c, status="denied", kind=denied[c.participants].kind, weak=True)
        if c.alleged and c.participants in denied
        else c
        for c in candidates
    ]


ALLEGED_RE = re.compile(r"(?<![\w-])якобы(?![\w-])", re.IGNORECASE)
LEFTOVER_END_RE = re.compile(r"[.!?…»\"]\s*$")


def _host_after(cue: Cue, mentions: list[Found]) -> Found | None:
    """The host right after "принял" ("его принял Си Цзиньпин"): a subject within 30 chars."""
    return next((m for m in mentions if 0 <= m.start - cue.end < 30 and "nomn" in m.cases), None)


def _one_per_partner(cue: Cue, found: list[Found]) -> list[tuple[str, ...]]:
    """ "Шойгу провел разговоры с X, Y и Z": one contact of the subject with each partner."""
    subjects = {f.person for f in found if f.end <= cue.start}
    partners = list(dict.fromkeys(f.person for f in found if f.start >= cue.end))
    if len(subjects) != 1 or len(partners) < 2:
        return []
    subject = subjects.pop()
    return [tuple(sorted((subject, p))) for p in partners if p != subject]


LIST_GAP_RE = re.compile(
    r"(?:-(?:го|м|й))?(?:\s*(?:,|и|а также)\s*|\s+)"
    r"(?:(?:в|во|на)\s+[А-ЯЁ][\w-]+(?:\s+[\w-]+)?\s+)?",
    re.IGNORECASE,
)


def _listed_dates(
    s: str, cue: Cue, hits: list[DateHit], clause: tuple[int, int], cues: list[Cue]
) -> list[PartialDate]:
    """Dates listed one after another after a contact verb, each a separate event."""
    after = [
        h
        for h in hits
        if cue.end <= h.span.start < clause[1]
        and not any(cue.end <= c.start < h.span.start for c in cues if c is not cue)
    ]
    if len(after) < 2 or after[0].span.start - cue.end > 80:
        return []
    run = [after[0]]
    for hit in after[1:]:
        gap = s[run[-1].span.end : hit.span.start]
        if len(gap) > 40 or not LIST_GAP_RE.fullmatch(gap) or not re.search(r",|\bи\b", gap):
            break
        run.append(hit)
    return [h.date for h in run] if len(run) >= 2 else []


STORY_REACH = 2  # sentences an undated contact looks back for the day of its story
STORY_REACH_AFTER = 5  # ... when it begins "После …", "Затем …"
AFTER_START_RE = re.compile(r"\s*(?:После|Затем|Позже|Потом|Вслед за)\b")


def _story_days(candidates: list[_Candidate]) -> list[_Candidate]:
    """An undated contact told right after a dated one of the same person is that day's:
    "В понедельник Трамп принял Зеленского. ... американский президент позвонил Путину"."""
    out: list[_Candidate] = []
    for c in candidates:
        if c.date is None and not c.earlier and c.status == "happened" and c.sentence != TITLE:
            # "После общего заседания Путин и Зеленский провели встречу": later that day
            reach = STORY_REACH_AFTER if AFTER_START_RE.match(c.snippet) else STORY_REACH
            story = [
                d
                for d in out
                if 0 < c.sentence - d.sentence <= reach
                and d.date is not None
                and d.date.precision == "day"
                and not d.earlier
                and set(d.participants) & set(c.participants)
            ]
            if story:
                c = replace(c, date=story[-1].date, lead=False)
        out.append(c)
    return out


YEAR_IN_TEXT_RE = re.compile(r"(?:19|20)\d\d")


SAME_YEAR_RE = re.compile(r"\s+(?:того же|этого же) года(?![\w-])", re.IGNORECASE)


def _year_in_sentence(s: str, hits: list[DateHit]) -> list[DateHit]:
    """ "ставший президентом в марте 2019 года, уже 3 апреля провел переговоры": a day and
    month without a year, after a date with its year in the same sentence and not before
    it in the calendar, is of that year."""
    out: list[DateHit] = []
    told: DateHit | None = None
    for h in hits:
        d = h.date
        if YEAR_IN_TEXT_RE.search(h.span.text) and d.year and d.month:
            told = h
        elif (
            told is not None
            and d.month
            and told.date.month
            and d.month >= told.date.month
            and d.year != told.date.year
            and not RELATIVE_DATE_RE.fullmatch(h.span.text)
            and s[told.span.end : h.span.start].count(",") <= 3
        ):
            h = replace(h, date=PartialDate(told.date.year, d.month, d.day))
        out.append(h)
    return out


def _told_years(sentence: str, anchor: date | None) -> dict[int, int]:
    """Month -> year for the dates a sentence gives with their year ("в январе 2020 года")."""
    out: dict[int, int] = {}
    for h in find_date_hits(sentence, published=anchor):
        if h.date.year is None:
            continue
        if h.date.month and YEAR_IN_TEXT_RE.search(h.span.text):
            out[h.date.month] = h.date.year
        elif h.date.month is None:
            out[0] = h.date.year  # "В прошлом году Си и Абэ встречались дважды. 27 июня ..."
    return out


def _stated_years(s: str, hits: list[DateHit], years: dict[int, int]) -> list[DateHit]:
    """ "А в январе 2020 года они встретились дважды. 23 января ...": a day and month
    without a year take the year just stated for that month (the nearest year in the text);
    "27 августа того же года" takes the year the sentence before stated."""
    if not years:
        return hits
    out = []
    for h in hits:
        year = years.get(h.date.month, years.get(0)) if h.date.month else None
        if h.date.month and SAME_YEAR_RE.match(s, h.span.end):
            year = next(reversed(years.values()))
        if (
            year is not None
            and year != h.date.year
            and not YEAR_IN_TEXT_RE.search(h.span.text)
            and not RELATIVE_DATE_RE.fullmatch(h.span.text)
        ):
            h = replace(h, date=PartialDate(year, h.date.month, h.date.day))
        out.append(h)
    return out


def _phone_talk(candidates: list[_Candidate]) -> list[_Candidate]:
    """ "разговор", "беседа" of a pair whose calls the article reports are calls too:
    "первый разговор Путина и Шольца за два года: предыдущий состоялся 2 декабря"."""
    callers = {frozenset(c.participants) for c in candidates if c.kind == "phone" and not c.weak}
    return [
        replace(c, kind="phone")
        if c.weak and c.kind == "talks" and frozenset(c.participants) in callers
        else c
        for c in candidates
    ]


def _lead_limit(sentences: list[tuple[int, str]]) -> int:
    """Index past the lead: headline lines and stamps ("9 сентября 2021, 18:55") don't count."""
    real = 0
    for index, (_, sentence) in enumerate(sentences):
        if LEFTOVER_END_RE.search(sentence) and len(sentence.split()) >= 4:
            real += 1
            if real == LEAD_SENTENCES:
                return index + 1
    return len(sentences)


def _partner_only(s: str, found: list[Found]) -> bool:
    """The one person of a clause is a "с"-partner: "встреча с председателем КНР Си"."""
    return (
        len(found) == 1
        and "ablt" in found[0].cases
        and bool(WITH_RE.search(s[max(0, found[0].start - 60) : found[0].start]))
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


JOINED_RE = re.compile(
    r"(?<![\w-])к (?:ним|нему|переговорам|встрече|беседе)(?: [а-яё]+)? присоединил\w+"
    r"|присоединил\w+ к (?:ним|нему|переговорам|встрече|беседе)(?![\w-])",
    re.IGNORECASE,
)
SEQUENCE_RE = re.compile(r",\s*(?:а затем|а потом|после чего)\b", re.IGNORECASE)
# what may stand between two contact verbs of one subject: "провел переговоры с Y и встретился"
AND_RE = re.compile(r"[^,.;:]{0,120}?\sи\s+(?:[а-яё]+\s+){0,2}", re.IGNORECASE)
RELATIVE_GUEST_RE = re.compile(r",?\s*котор(?:ого|ую|ых)\b", re.IGNORECASE)
ROUNDS_RE = re.compile(r"(?<![\w-])раунд\w{0,3}(?![\w-])", re.IGNORECASE)
ORDINAL_ROUNDS_RE = re.compile(
    r"\s*(?:Первый|Второй|Третий|Предыдущий|Последний)(?: раунд)?\s+(?:прошел|состоялся)\b",
    re.IGNORECASE,
)
FEMININE_PRONOUNS = frozenset(["она", "ее", "её", "ней", "нее"])
MASCULINE_PRONOUNS = frozenset(["он", "его", "ним", "него"])
PRONOUN_WORD_RE = re.compile(r"\s*(?:с\s+)?(?<![\w-])(его|ее|её|ним|ней)(?![\w-])", re.IGNORECASE)
BARE_TITLE_RANKS = {"президент": "president", "премьер": "prime_minister", "канцлер": "chancellor"}
BARE_TITLE_RE = re.compile(
    r"(?<![\w-])(?<!-)(президент|премьер|канцлер)(?:а|у|ом|е)?(?![\w-])"
    r"(?!\s+(?-i:[А-ЯЁ]))",  # "президент Франции", "президент США" are titles of their own
    re.IGNORECASE,
)
THEN_RE = re.compile(r"[,—–-]\s*тогда\b", re.IGNORECASE)
TRAVEL_RE = re.compile(
    r"(?<![\w-])(?:побывал|прилетел|прибыл|приехал|посетил|отправился|находился)\w{0,2}(?![\w-])",
    re.IGNORECASE,
)
ON_FORUM_RE = re.compile(r"(?<![\w-])на\s+$", re.IGNORECASE)
FORUM_RE = re.compile(r"(?:саммит|форум|конференци|совещани|сесси|заседани)", re.IGNORECASE)
NOT_HELD_RE = re.compile(
    r"(?<![\w-])(?:она|он|оно|они)\s+(?:так\s+и\s+|тогда\s+)?не\s+состоял(?:ась|ся|ось|ись)",
    re.IGNORECASE,
)
CONTRAST_RE = re.compile(r",\s*(?:но|а|хотя|однако|зато)\s", re.IGNORECASE)
# a clause that goes on about the subject before it: ", где переговоры с Y", " — тогда ..."
WHERE_RE = re.compile(r"\s*,\s*где\b", re.IGNORECASE)
DASH_BEFORE_RE = re.compile(r"\s[–—-]\s*$")
NOT_THE_EVENT_BEFORE_RE = re.compile(
    # a manner ("в режиме видеоконференции") or a setting ("на полях встречи министров G20"):
    # the contact word after it is not an event that owns the clause's date
    r"(?:(?:в (?:режиме|формате)|по|на полях|в кулуарах|в рамках)\s+"
    # "в четверг, 11 июля, сразу после юбилейного саммита НАТО он встретился": a time
    r"|(?:сразу |вскоре |незадолго )?(?:после|перед|до|накануне)\s+"
    r"(?:[а-яё]+(?:ого|его|ой|ей|ых|их)\s+)?)$",
    re.IGNORECASE,
)


def _by_phone(s: str, cue: Cue, cues: list[Cue], clause_end: int) -> bool:
    """A contact word followed in its clause by "в режиме видеоконференции", "по телефону"."""
    manner = MANNER_PHONE_RE.search(s, cue.end, clause_end)
    return manner is not None and not any(
        c.kind != "phone" and cue.end <= c.start < manner.start() for c in cues
    )


def _stated_news_date(sentences: list[tuple[int, str]]) -> PartialDate | None:
    """A page with no header date: the first full date of its lead ("24 июня 2023 года")."""
    for _, sentence in sentences[:NEWS_DATE_SENTENCES]:
        for hit in find_date_hits(sentence, published=None):
            if hit.date.precision == "day" and not EARLIER_RE.search(
                sentence[clause_bounds(sentence, hit.span.start)[0] : hit.span.start]
            ):
                return hit.date
    return None


def _same_day(found: list[_Candidate], before: list[_Candidate]) -> list[_Candidate]:
    """Undated contacts of "в тот же день", "после переговоров" take the story's last date."""
    story = [
        c
        for c in before
        if c.sentence != TITLE and not c.earlier and c.participants and (c.date or c.lead)
    ]
    if not story:
        return found
    ref = story[-1]
    if ref.date is None:
        # "Визит длился несколько часов" after the dated talks of the same pair: that day
        ref = next(
            (c for c in reversed(story) if c.date and c.participants == ref.participants), ref
        )
    return [
        replace(c, date=ref.date, lead=ref.lead and ref.date is None)
        if c.date is None and not c.earlier
        else c
        for c in found
    ]


def _earlier(clause: str, when: PartialDate | None, cue_at: int) -> bool:
    """A clause about a past event: "предыдущий разговор", "ранее ... 6 мая"."""
    return bool(EARLIER_RE.search(clause)) or (
        when is not None and bool(EARLIER_DATED_RE.search(clause[:cue_at]))
    )


def _elaboration(s: str, clause_start: int) -> bool:
    """A clause that goes on about the subject before it: ", где переговоры с Y",
    "X был в Сербии 17 января — тогда прошли переговоры с Y"."""
    return bool(WHERE_RE.match(s, clause_start)) or bool(
        DASH_BEFORE_RE.search(s, max(0, clause_start - 4), clause_start)
    )


def _pronoun_before(s: str, clause_start: int, cue: Cue) -> str:
    """The object or partner pronoun of a clause ("его принял", "с ней"), or ""."""
    m = PRONOUN_WORD_RE.search(s, clause_start, cue.start) or PRONOUN_WORD_RE.match(s, cue.end)
    return m.group(1) if m else ""


def _setting(s: str, cue: Cue) -> bool:
    """A contact word that is the setting or manner of another ("на полях встречи", "в
    режиме видеоконференции", "на саммите G7"), not an event that owns a date."""
    return bool(NOT_THE_EVENT_BEFORE_RE.search(s, 0, cue.start)) or bool(
        ON_FORUM_RE.search(s, max(0, cue.start - 4), cue.start) and FORUM_RE.match(s, cue.start)
    )


def _late_undoing(s: str, cue: Cue, cues: list[Cue]) -> Status | None:
    """ "Встречу X с Y, которая должна была пройти в среду, отменили": the predicate of a
    contact noun that comes after its relative clause; never across "но", "а", "хотя"."""
    end = min((c.start for c in cues if c.start > cue.end and not _setting(s, c)), default=len(s))
    tail = s[cue.end : end]
    if NOT_HELD_RE.search(tail):
        # "Встречу планировали провести 17 июня, однако тогда она не состоялась"
        return "cancelled"
    for status, pattern in PREDICATE_STATUS:
        m = pattern.search(tail) if status in ("cancelled", "postponed") else None
        if m is not None and not CONTRAST_RE.search(tail, 0, m.start()):
            return status
    return None


def _gap(s: str, hit: DateHit, cue: Cue) -> int:
    """Letters between a date and a contact word; a comma between them counts as 60 more
    ("встречались ... в прошлом месяце, разговор был деловым")."""
    between = (
        s[hit.span.end : cue.start] if cue.start >= hit.span.end else s[cue.end : hit.span.start]
    )
    return max(cue.start - hit.span.end, hit.span.start - cue.end, 0) + 60 * ("," in between)


def _nearest_cue(s: str, hit: DateHit, cues: list[Cue], clause: tuple[int, int]) -> Cue | None:
    """The contact word of the clause a date stands next to ("провел сегодня беседу ...")."""
    heads = [c for c in cues if clause[0] <= c.start < clause[1] and not _setting(s, c)]
    return min(heads, key=lambda c: _gap(s, hit, c), default=None)


def _owned_elsewhere(s: str, hit: DateHit, cue: Cue, cues: list[Cue]) -> bool:
    """True when the clause of a date holds another contact word than `cue`."""
    hs, he = clause_bounds(s, hit.span.start)
    return any(
        c is not cue
        and hs <= c.start < he
        # "13 октября в Астане, на полях совещания": a setting, not an event of its own
        and not _setting(s, c)
        for c in cues
    )


def _forward(when: PartialDate, anchor: date, hits: list) -> PartialDate:
    """A bare weekday or month of a planned contact points forward: "созвонятся в субботу"."""
    value = when.to_date()
    if (
        when.precision == "month"
        and when.year is not None
        and when.month is not None
        and (when.year, when.month) < (anchor.year, anchor.month)
        and not any(h.date == when and re.search(r"\d{4}|года", h.span.text) for h in hits)
    ):
        return PartialDate(when.year + 1, when.month)  # "встретятся в апреле": the next April
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
    """Best evidence first: the fullest statement, then the earliest one (the lead)."""
    return (c.score, -c.sentence, KIND_PRIORITY[c.kind] * (not c.weak))


def _group(kind: Kind) -> str:
    return "phone" if kind == "phone" else "in_person"


def _merge(candidates: list[_Candidate], default: PartialDate | None) -> list[_Candidate]:
    """Same people, kind group, status and compatible dates: one contact, best evidence kept.

    The undated lead report is the article's news: it takes a date stated later only when
    that date is close to the article's own (`default`); an older date is another event.
    """
    strong = [c for c in candidates if not c.weak]
    weak = [c for c in candidates if c.weak]
    merged: list[_Candidate] = []
    for c in sorted(strong, key=lambda c: c.sentence) + sorted(weak, key=lambda c: c.sentence):
        for i, m in enumerate(merged):
            same_kind = c.weak or _group(c.kind) == _group(m.kind)
            dates_ok = c.date is None or m.date is None or c.date.compatible(m.date)
            if dates_ok and default is not None and (c.date is None) != (m.date is None):
                undated, dated = (c, m) if c.date is None else (m, c)
                # an undated report told before an old dated one is not that old event
                # ("Путин и Зеленский провели первую встречу. … Впервые они поговорили 11 июля")
                dates_ok = _near(dated.date, default) or (
                    not undated.lead and undated.sentence > dated.sentence
                )
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


def _near(when: PartialDate | None, news: PartialDate) -> bool:
    """Whether `when` may be the date of news published (or datelined) on `news`."""
    period, day = (when.period() if when else None), news.to_date()
    if period is None or day is None or news.precision != "day":
        return True
    return period[0] <= day + timedelta(days=1) and day - timedelta(days=NEWS_AGE_DAYS) <= period[1]


def _wording(c: _Candidate) -> _Candidate:
    """The candidate with the place its kind was worded: body sentences first, headline last."""
    if c.weak:
        return c
    return replace(c, worded=(1 << 29) if c.sentence == TITLE else c.sentence)


def _combine(a: _Candidate, b: _Candidate) -> _Candidate:
    """One contact from two reports of it.

    The kind comes from the earliest sentence that words it: an event told as "переговоры"
    in the lead and as "встреча" further on (or the other way round) keeps the lead's word;
    "разговор"/"беседа" never decide the kind when another word does.
    """
    best, other = (a, b) if _rank(a) >= _rank(b) else (b, a)
    kind = best.kind if best.worded <= other.worded else other.kind
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
        worded=min(a.worded, b.worded),
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
