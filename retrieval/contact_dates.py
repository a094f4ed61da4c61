"""Which date of a sentence belongs to which contact word, and dates told relative to others.

Owns the choice of a contact's date among the date hits of its sentence (the nearest date of
its clause, never one owned by another contact word or by another event), dates listed one
per event, years carried over from a date told before, planned dates that point forward, and
the news date stated by a page without a header date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date, timedelta

from retrieval.cues import (
    EARLIER_RE,
    LIGHT_VERB_RE,
    NEVER_HELD_RE,
    SINCE_YEAR,
    SPEECH_RE,
    Cue,
    clause_bounds,
    has_cue,
)
from retrieval.dates import (
    RELATIVE_RE,
    SAME_YEAR_RE,
    SINCE_MONTH_RE,
    TIMES_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_WORD_RE,
    DateHit,
    find_date_hits,
    told_weekday,
)
from retrieval.lemmas import Lemmatizer
from retrieval.people import Found, PersonRegistry
from retrieval.textclean import ENTRY_OPENING_RE, MIN_ENTRY_STAMPS, MONTHS_GENITIVE, stamp_day
from retrieval.types import PartialDate

RELATIVE_DATE_RE = re.compile(f"{RELATIVE_RE.pattern}|{WEEKDAY_RE.pattern}", re.IGNORECASE)
# "первый раунд прошел в мае, а второй — 2 июня": the next of a series, its date after a dash
NEXT_ORDINAL = r",\s*а\s+(?:второй|третий|четв[её]ртый|следующий|последний)\s*[—–-]"
NEXT_ORDINAL_RE = re.compile(NEXT_ORDINAL, re.IGNORECASE)
DAY_RANGE_RE = re.compile(r"\d{1,2}\s*[-–—]\s*\d{1,2}\s")  # "22–24 октября"
# "29 июля — первые переговоры": a date heading a list item after a dash
DATE_HEADS_RE = re.compile(r"\s*[—–-]\s*(?:[а-яё]+\s+)?", re.IGNORECASE)
DAY_PAIR_GAP = 3  # "30 и 31 мая": two days in a row told as one event's
# a plan for a day and month a little before the news day is that day (late news), not the
# next year's
PAST_PLAN_SLACK = 7
WHEN_CLAUSE_RE = re.compile(r",\s*когда\s", re.IGNORECASE)
# "…12 февраля и о встрече": the next item of a list of topics after a date
NEXT_ITEM_RE = re.compile(r"\s*(?:,\s*|\s+)и\s+(?:о|об|про)\s", re.IGNORECASE)
# "намеченный на воскресенье", "перенесена на четверг": the day set for a contact
SET_WORDS = r"(?:намечен|назначен|запланирован)"
SET_FOR = rf"{SET_WORDS}\w*\s+(?:[\w-]+\s+){{0,3}}?"
APPOINTED_RE = re.compile(
    rf"(?:{SET_FOR}|перенесен\w*\s+(?:[\w-]+\s+){{0,3}})на\s+\S+$", re.IGNORECASE
)
# "отложил намеченный на 9 сентября визит": the day something was set for, told right after
# the word (the original day, not the one it was moved to)
SET_FOR_DAY_RE = re.compile(rf"{SET_FOR}(?:на\s+)?$", re.IGNORECASE)
# a date that belongs to another event: "с момента вступления в должность в январе"
OTHER_EVENT_RE = re.compile(
    r"(?:с момента|со времени|с начала|после|до|накануне) (?:его |ее |их )?"
    r"(?:вступлени|избрани|инаугураци|назначени|отставк|выбор)\w*[^,.;:]*$"
    # "поздравил его с вступлением в должность 23 мая": the day of the event congratulated
    # on (not "с переизбранием по телефону 29 мая": the call's)
    r"|(?<![\w-])(?:с|со) (?:вступлени\w+ в должность|(?:пере)?избрани\w+|инаугураци\w+"
    r"|побед\w+ на выборах)\s+$"
    # "первая встреча после подписания заявления от 9 ноября", "после крушения ... 25 декабря"
    r"|(?:с момента|со времени|с начала|после) (?:[а-яё]+ )?[а-яё]+(?:ни|ти)я(?![\w-])[^,.;:]*$"
    # "вместо визита в Нью-Дели, отмененного в апреле": the day the other event was undone
    r"|(?<![\w-])(?:отмененн|отложенн|перенесенн|сорванн)\w*[^,.;:]*$"
    # "прерваны после израильских ударов по Ирану 13 июня": the day of the strikes
    r"|(?:после|до|накануне) (?:[а-яё]+ )?(?:удар|атак|обстрел|взрыв|теракт|нападени|инцидент"
    r"|покушени)\w*[^,.;:]*$"
    # "Беседа состоялась после того, как в понедельник Анкара согласилась ...": that clause's
    r"|(?:после|до|перед) того,? как [^.;:]*$"
    # "визит бразильского лидера, вступившего в должность 1 января": the participle's date
    r"|(?<![\w-])(?:(?:вступивш|заступивш)\w* (?:в должность|на пост)|занявш\w* (?:пост|должность)"
    r"|принявш\w* присягу|избранн\w* (?:президентом|премьер|главой|на пост)|вернувш\w* в Белый дом)"
    r"[^,.;:]*$"
    # "первая встреча с тех пор, как Джонсон в июле возглавил правительство"
    r"|с тех пор,? как [^.;:]*$"
    # "первая встреча министров после визита Пелоси на Тайвань в августе": the event the
    # contact is counted from (when the contact word stands before it)
    r"|(?P<since>(?<![\w-])(?:после|с момента|со времени) (?:[а-яё]+ )?(?:визит|поездк|саммит"
    r"|переговор|встреч|разговор|выступлени|заявлени)\w*[^,.;:]*$)",
    re.IGNORECASE,
)
AFTER_NOUN_RE = re.compile(r"(?<![\w-])после\s+$", re.IGNORECASE)
AFTER_WHEN_RE = re.compile(r"(?:после|до|перед) того,? как\s", re.IGNORECASE)


SAID_THAT_RE = re.compile(r"\s*,\s*что\s", re.IGNORECASE)
# a contact still ahead in the clause told ("проведет", "в ближайшие дни")
AHEAD_WORD_RE = re.compile(
    r"(?<![\w-])(?:проведет|проведут|состоится|созвон\w*тся|встрет\w*тся|пройдет|планиру\w*"
    r"|намерен\w*|ближайш\w*|собира\w*|будет|будут|примет|посетит|позвон(?:ит|ят)"
    r"|приед(?:ет|ут)|прилет(?:ит|ят))(?![\w-])",
    re.IGNORECASE,
)


# "Трасс обещала, что первым позвонит X": a statement or a promise whose ", что" clause
# tells the contact
PROMISED_THAT_RE = re.compile(r"(?<![\w-])(?:по)?обещал\w{0,2}|заверил\w{0,2}", re.IGNORECASE)


# the words from a date to a contact noun when they tell a comment on its undoing
TOLD_UNDOING_RE = re.compile(
    rf"[^.;:]{{0,60}}?(?:{SPEECH_RE.pattern})[^.;:]{{0,100}}?(?<![\w-])(?:отмен|перенос|срыв)\w*"
    r"\s+(?:[а-яё]+\s+){0,2}",
    re.IGNORECASE,
)


SAID_RIGHT_BEFORE_RE = re.compile(
    r",\s*(?:заявил|сообщил|сказал|отметил|подчеркнул|написал|добавил|пояснил|рассказал)"
    r"\w{0,2}\s+$",
    re.IGNORECASE,
)


def _statement_day(s: str, hit: DateHit, cue: Cue) -> bool:
    """The date is the day of a statement whose ", что" clause tells the contact still
    ahead: "Атталь сообщил в воскресенье, что в ближайшие дни Макрон проведет разговор"
    (the verb of speech before the date), "Еще 1 сентября, до избрания, Трасс обещала, что
    первым позвонит X" (after it)."""
    if hit.span.end > cue.start:
        return False
    for that in SAID_THAT_RE.finditer(s, hit.span.end, cue.start):
        words = s[max(hit.span.end, that.start() - 25) : that.start()]
        said = SPEECH_RE.search(words) or PROMISED_THAT_RE.search(words)
        told_after = said is not None and not words[said.end() :].strip()
        told_before = that.start() == hit.span.end and _said_right_before(s, hit.span.start)
        if told_after or told_before:
            return AHEAD_WORD_RE.search(s, that.end(), cue.end) is not None
    return False


def _told_after_colon(
    s: str, cue: Cue, hits: list[DateHit], colon: int, cues: list[Cue]
) -> PartialDate | None:
    """ "Путин и Арсе уже встречались в этом году: 6 июня они провели переговоры …": a verb
    summed up before a colon is the contact the day opening the colon's clause tells."""
    if COLON_LIST_RE.fullmatch(s, cue.end, colon + 1) is None or any(
        cue.end <= h.span.start < colon and h.date.precision == "day" for h in hits
    ):
        return None
    first = next((h for h in hits if h.span.start > colon), None)
    if (
        first is None
        or first.date.precision != "day"
        or s[colon + 1 : first.span.start].strip()
        or not any(c.start > first.span.end for c in cues)
    ):
        return None
    return first.date


def _said_right_before(s: str, at: int) -> bool:
    """A verb of speech right before `at` ("сообщил в воскресенье")."""
    said = list(SPEECH_RE.finditer(s, max(0, at - 30), at))
    return bool(said) and not s[said[-1].end() : at].strip()


def _other_event(s: str, hit: DateHit, cue: Cue) -> bool:
    """True when the date belongs to another event than the contact's: "с момента вступления
    в должность в январе"; "Встреча состоялась после того, как в четверг X созвонился с Y" is
    the meeting's other event, but the call's own day."""
    lo = max(0, hit.span.start - 80)
    m = OTHER_EVENT_RE.search(s, lo, hit.span.start)
    if m is None:
        return False
    if m.group("since") is not None:
        return cue.end <= m.start()  # not the date of the visit the contact word names
    marker = AFTER_WHEN_RE.search(s, m.start(), hit.span.start)
    return not (marker is not None and cue.start >= marker.end())


# a relative clause of its own event; not "встреча, которая была назначена на 12 октября"
RELATIVE_PRONOUN_RE = re.compile(
    r",\s+(?:котор\w{2,3}|где|когда)\s(?!(?:[а-яё]+\s+){0,3}(?:назначен|запланирован|намечен"
    r"|перенесен|отложен|состо|пройд|пройт|прош|долж|провест|планир|собира|ожида))",
    re.IGNORECASE,
)
THEN_RE = re.compile(r"[,—–-]\s*тогда\b", re.IGNORECASE)
# ", которого он принял": a relative clause whose pronoun is the object of the verb after it
RELATIVE_GUEST_RE = re.compile(r",\s+(?:которую|которого|которых)\s+(?:[а-яё]+\s+)?$", re.I)


# the words between a contact noun and the noun a copula names it by: "разговором лидеров
# стал звонок"
COPULA_GAP_RE = re.compile(
    r"[^,.;:]{0,60}?\s(?:стал[аои]?|станет|был[аои]?)\s+(?:[а-яё]+\s+)?", re.IGNORECASE
)


def _restated(s: str, cue: Cue, cues: list[Cue]) -> Cue | None:
    """The host's verb of a relative clause after the meeting word `cue` that tells that
    meeting again ("встреча с X, которого он принял в среду"), or None."""
    if cue.verb:
        return None
    # "Первым разговором лидеров стал звонок 27 ноября": the noun the copula names it by
    named = next(
        (c for c in cues if c.start > cue.end and COPULA_GAP_RE.fullmatch(s, cue.end, c.start)),
        None,
    )
    if named is not None or cue.kind != "meeting":
        return named
    return next(
        (
            c
            for c in cues
            if c.receive and c.start > cue.end and RELATIVE_GUEST_RE.search(s, cue.end, c.start)
        ),
        None,
    )


# what may stand between two contact verbs of one subject: "провел переговоры с Y и встретился"
AND_RE = re.compile(r"[^,.;:]{0,120}?\sи\s+(?:[а-яё]+\s+){0,2}", re.IGNORECASE)
SEQUENCE_RE = re.compile(
    r",\s*(?:а затем|а потом|после чего|затем|потом|после этого|тогда же)\b", re.IGNORECASE
)
# a genitive adjective before the event a time is told by: "после юбилейного саммита"
EVENT_ADJECTIVE = r"(?:[а-яё]+(?:ого|его|ой|ей|ых|их)\s+)?"
NOT_THE_EVENT_BEFORE_RE = re.compile(
    # a manner ("в режиме видеоконференции") or a setting ("на полях встречи министров G20"):
    # the contact word after it is not an event that owns the clause's date
    # ("во вторник в программе визита — переговоры с X": the schedule of the visit)
    r"(?:(?:в (?:режиме|формате)|по|на полях|в кулуарах|в рамках|в программе)\s+"
    # ("на полях Восточноазиатского саммита")
    r"(?:[А-ЯЁа-яё-]+(?:ого|его|ой|ей|ых|их)\s+){0,2}"
    # "в четверг, 11 июля, сразу после юбилейного саммита НАТО он встретился": a time
    rf"|(?:сразу |вскоре |незадолго )?(?:после|перед|до|накануне)\s+{EVENT_ADJECTIVE}"
    # "Накануне, в первый день саммита, Путин встретился": the day of a forum is a time
    r"|(?:в|во)\s+(?:[а-яё]+\s+)?день\s+)$",
    re.IGNORECASE,
)
# "Накануне встречи с X": the eve of a contact is the day told, not the contact's
# ("за несколько дней до встречи X и Y", "перед встречей X и Y": the told day is before it)
EVE_OF_RE = re.compile(
    r"(?<![\w-])(?:накануне|в преддверии|перед|за\s+(?:[а-яё\d]+\s+){1,2}до)\s+"
    rf"{EVENT_ADJECTIVE}$",
    re.I,
)
ON_FORUM_RE = re.compile(r"(?<![\w-])на\s+$", re.IGNORECASE)
FORUM_RE = re.compile(r"(?:саммит|форум|конференци|совещани|сесси|заседани)", re.IGNORECASE)
# ", прибывший накануне в Берлин с коротким визитом,": a participle phrase between commas
PARTICIPLE_RE = re.compile(
    r",\s*(?:[а-яё]+\s+)?[а-яё]+(?:вш|ющ|ящ|ащ|ущ)(?:ий|ая|ее|ие|его|ей|им|их)(?:ся)?"
    r"(?![\w-])[^,;:]*,"
)


def participle_spans(s: str, *, but: int | None = None) -> list[tuple[int, int]]:
    """The participle phrases of a sentence (", прибывший накануне в Берлин,"), except the
    one holding offset `but`."""
    return [
        m.span() for m in PARTICIPLE_RE.finditer(s) if but is None or not m.start() <= but < m.end()
    ]


def outside_spans(hits: list[DateHit], spans: list[tuple[int, int]]) -> list[DateHit]:
    """The date hits that stand in none of `spans`."""
    return [h for h in hits if not any(a <= h.span.start < b for a, b in spans)]


DASH_DATE_RE = re.compile(r"\s*[—–]\s*")
# the words between a contact verb and a list of its dates after a dash
DASHED_LIST_RE = re.compile(r"[^,.;:—–]{0,80}\s[—–]\s*")
# "провели три раунда переговоров: 12 и 26 апреля в Маскате и 19 апреля в Риме"
COLON_LIST_RE = re.compile(r"[^.;:—–,]{0,30}:\s*")  # "встречались осенью: 11 октября и …"
LIST_AND_RE = re.compile(r"\s*,\s*|\s+и\s+")
LIST_GAP_RE = re.compile(
    r"(?:-(?:го|м|й))?(?:\s+(?:того же|этого же) года)?"
    # "в мае 2023 года в Вене, в сентябре …": the place after a date
    # "в японской Хиросиме": an adjective before the place
    r"(?:\s+(?:в|во|на)\s+(?:(?-i:[а-яё]+(?:ой|ом|ей|ем|их|ых|е))\s+)?"
    r"(?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[А-ЯЁ])[\w-]+)?)?"
    # "13 октября 2022 года на полях саммита СВМДА и в июле 2024 года": the setting
    r"(?:\s+на полях\s+[а-яё]+\s+(?:(?-i:[А-ЯЁ«\"])[\w«»\"-]+(?:\s+[\w»\"-]+)?))?"
    # "первый раунд прошел в мае во дворце Долмабахче, а второй — 2 июня"
    rf"(?:\s*{NEXT_ORDINAL}\s*"
    r"|\s*(?:,?\s*(?:а|и)?\s*затем|,\s*а|,|и|а также)\s*|\s+)"
    r"(?:(?:в|во|на)\s+[А-ЯЁ][\w-]+(?:\s+[\w-]+)?\s+)?"
    # "13 октября 2022 года и в июле 2024 года": the preposition of the next date
    r"(?:(?<=\s)(?:в|во)\s+)?",
    re.IGNORECASE,
)
YEAR_IN_TEXT_RE = re.compile(r"(?:19|20)\d\d")
NEWS_DATE_SENTENCES = 5  # where a page without a header date states the date of its news


# "Пятничный разговор стал первым после 13 мая": the pair talked on 13 May
FIRST_SINCE_RE = re.compile(
    r"\s+(?:стал\w{0,2}\s+)?(?:перв\w{2,3})\s+(?:[а-яё]+\s+){0,2}(?:после|с)\s+\d{1,2}\s+[а-яё]+",
    re.IGNORECASE,
)


def contact_date(
    s: str,
    cue: Cue,
    hits: list,
    found: list[Found],
    clause: tuple[int, int],
    cues: list[Cue],
    registry: PersonRegistry,
    lemmatizer: Lemmatizer,
) -> PartialDate | None:
    """The date of the contact word `cue` among the sentence's date `hits`, or None."""
    if not hits:
        return None
    colon = s.find(":", cue.end)
    if (
        cue.verb
        and colon != -1
        and (told := _told_after_colon(s, cue, hits, colon, cues)) is not None
    ):
        return told
    if colon != -1 and not any(c.start > colon for c in cues):
        # "Встреча стала для него одной из последних поездок: 27 сентября партия выберет ему
        # преемника": a date opening a clause of its own after the colon tells that event
        # ("Встреча прошла накануне второго раунда: он состоится в субботу": the pronoun's
        # event, another one)
        own = PRONOUN_OPENS_RE.match(s, colon + 1) is not None
        hits = [h for h in hits if h.span.start < colon or not (own or _own_clause(s, h))]
        if not hits:
            return None
    if cue.weak:
        hits = [
            h
            for h in hits
            if clause[0] <= h.span.start < clause[1] or not RELATIVE_DATE_RE.fullmatch(h.span.text)
        ]
        if not hits:
            return None
    since = None if cue.verb else FIRST_SINCE_RE.match(s, cue.end)
    if since is not None and (after := [h for h in hits if since.start() <= h.span.start]):
        # "Пятничный разговор стал первым после 13 мая": the earlier contact, on its day
        return after[0].date
    again = _restated(s, cue, cues)
    hits = [
        h
        for h in hits
        if not _other_event(s, h, cue)
        # "первый контакт с сентября прошлого года, когда говорил X": the time of the event
        # the "когда" clause tells, a bound of this one
        and not (h.span.start >= cue.end and SINCE_MONTH_RE.match(s, h.span.start))
        # "с Беннетом, который возглавил правительство в июне": the clause's own event
        and not (
            h.span.start > cue.end
            and RELATIVE_PRONOUN_RE.search(s, cue.end, h.span.start)
            and not (again is not None and h.span.start > again.end)
        )
        # "Атталь сообщил в воскресенье, что в ближайшие дни Макрон проведет разговор": the
        # day of the statement, not of the contact it tells
        and not _statement_day(s, h, cue)
        # "разговором X с Y, заявила во вторник представитель МИД": the day of the comment
        and not (h.span.start > cue.end and SAID_RIGHT_BEFORE_RE.search(s, cue.end, h.span.start))
        # "в воскресенье прокомментировал в интервью отмену своей встречи с X": the day of
        # the comment on the undoing
        and not (h.span.end <= cue.start and TOLD_UNDOING_RE.fullmatch(s, h.span.end, cue.start))
    ]
    if not hits:
        return None
    if again is not None:
        clause = (clause[0], max(clause[1], clause_bounds(s, again.start)[1]))
    in_clause = [
        h
        for h in hits
        if clause[0] <= h.span.start < clause[1]
        and (
            _nearest_cue(s, h, cues, clause) in (cue, again, None)
            # "Визит состоялся 21 февраля, тогда она провела переговоры": that day
            or (h.span.end <= cue.start and THEN_RE.search(s, h.span.end, cue.start))
        )
    ]
    headed = [h for h in hits if DATE_HEADS_RE.fullmatch(s, h.span.end, cue.start)]
    if headed:
        # "29 июля — переговоры с X, а 31 июля — переговоры с Y": the date heading the item
        return headed[-1].date
    outside = outside_spans(in_clause, participle_spans(s, but=cue.start))
    if outside:
        # "В пятницу Байден, прибывший накануне в Берлин, провел переговоры": the time of
        # the participle is the arrival's; it dates the contact only when nothing else does
        in_clause = outside
    if not in_clause:
        # "24 мая он провел переговоры с Y и встретился с Z": the date of the verb before
        joined = [c for c in cues if c.end <= cue.start and AND_RE.fullmatch(s, c.end, cue.start)]
        # (and "встретиться с Y и провести переговоры с Z": the light verb's noun)
        # ("встреча с Y и переговоры с Z": nouns listed)
        if joined and (
            cue.verb or LIGHT_VERB_RE.search(s, joined[-1].end, cue.start) or not joined[-1].verb
        ):
            in_clause = [
                h
                for h in hits
                if clause[0] <= h.span.start < clause[1]
                and _nearest_cue(s, h, cues, clause) is joined[-1]
            ]
    if not in_clause:
        # "общались только по видеосвязи — в марте этого года": the time after a dash that
        # ends the clause
        in_clause = [
            h
            for h in hits
            if DASH_DATE_RE.fullmatch(s, clause[1], h.span.start)
            and not any(c.start > cue.end and c.start < h.span.start for c in cues)
        ][:1]
    if not in_clause and WHEN_CLAUSE_RE.match(s, clause[0]):
        # "началось в марте, когда X съездил в Токио и там прошли переговоры": the time the
        # "когда" clause explains
        in_clause = [h for h in hits if 0 <= clause[0] - h.span.end <= 2][-1:]
    earlier_in_sentence = [h for h in hits if h.span.end <= clause[0]]
    if (
        not in_clause
        and earlier_in_sentence
        # ", а затем вылетел в Доху, где провел переговоры": still the same day
        and (
            SEQUENCE_RE.search(s, earlier_in_sentence[-1].span.end, clause[0] + 12)
            or CONTINUED_CLAUSE_RE.match(s, clause[0])
            # "Во вторник прошла встреча: Эрдоган принимал X и Y": the colon tells that
            # contact word's event
            or (
                s[: clause[0]].rstrip().endswith(":")
                and any(
                    (not c.verb and earlier_in_sentence[-1].span.end <= c.start < clause[0])
                    # "впервые встретились 10 октября в Кремле: переговоры прошли …"
                    or (c.verb and c.end <= earlier_in_sentence[-1].span.start)
                    for c in cues
                )
            )
        )
    ):
        # "В понедельник X встретился с Y, а затем его принял Z": the same day
        in_clause = earlier_in_sentence[-1:]
    opening = [h for h in hits if h.span.start <= 2 and h.span.end <= clause[0]]
    if (
        not in_clause
        and opening
        and not any(c.start < cue.start and not setting(s, c) for c in cues if c is not cue)
    ):
        # "В среду, после того как страны «семерки» приняли декларацию, X встретился с Y":
        # the time that opens the sentence
        in_clause = opening
    if (
        not in_clause
        and not cue.verb
        and AFTER_NOUN_RE.search(s, max(0, cue.start - 12), cue.start)
        and (day_hits := [h for h in hits if h.span.end <= cue.start and h.date.precision == "day"])
        and len({h.date for h in day_hits}) == 1
    ):
        # "Решение было принято во вторник в Мадриде … после встречи X и Y": that day
        in_clause = day_hits[-1:]
    if not in_clause:
        # a date in another clause belongs to the contact word of that clause, if any:
        # "первый разговор за два года: предыдущий разговор состоялся в декабре 2022"
        hits = [
            h
            for h in hits
            if not _owned_elsewhere(s, h, cue, cues)
            and not _verb_clause(s, h, cue, found, lemmatizer)
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
        value = _narrow(value, hit.weekday, found, registry)
    return value


# a clause that goes on with the event of the clause before it, and so with its date:
# "…, начатый 7 февраля в Кремле, где переговоры …", "…состоялся 28 мая: тогда X говорил с Y",
# "В среду его принял Зеленский, а с Кулебой госсекретарь провел переговоры"
CONTINUED_CLAUSE_RE = re.compile(
    r",\s*где\s|,\s*а\s+со?\s|\s*(?:тогда|в тот день|в тот раз)(?![\w-])"
    # "в феврале 2021 года закончился визит Борреля: во время его переговоров с Лавровым"
    r"|(?<=:)\s*(?:во время|в ходе)\s",
    re.IGNORECASE,
)
# the predicate of a contact noun: "встреча прошла", "предыдущий состоялся 2 декабря"
HELD = r"состоял\w{1,3}|прош(?:ел|ла|ли|ло)"
CONTACT_PREDICATE_RE = re.compile(rf"(?<![\w-])(?:{HELD})(?![\w-])", re.IGNORECASE)


def _verb_clause(
    s: str, hit: DateHit, cue: Cue, found: list[Found], lemmatizer: Lemmatizer
) -> bool:
    """True when the date stands in a clause of another event told by its own verb:
    "Визит прошел на фоне обострения: накануне Россия признала ДНР" (but "Путин был в
    Сербии 17 января — тогда прошли переговоры" tells the trip of a participant)."""
    hs, he = clause_bounds(s, hit.span.start)
    if hs <= cue.start < he or any(hs <= f.start < he for f in found):
        return False
    between = s[cue.end : hs] if hs >= cue.end else s[he : cue.start]
    if not re.search(r"[:;]|\s[–—-]\s", between):
        return False  # only a clause set off by a colon or dash tells its own event
    if CONTACT_PREDICATE_RE.search(s, hs, he):
        return False  # "разговор …: предыдущий состоялся 2 декабря" still tells a contact
    return "past" in lemmatizer.verb_tenses(s[hs:he])


def _narrow(
    value: PartialDate, weekday: int, found: list[Found], registry: PersonRegistry
) -> PartialDate:
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
        years &= registry.tenure_years(person, office, until)
    return replace(value, year=years.pop()) if len(years) == 1 else value


def _gap(s: str, hit: DateHit, cue: Cue) -> int:
    """Letters between a date and a contact word; a comma between them counts as 60 more
    ("встречались ... в прошлом месяце, разговор был деловым")."""
    between = (
        s[hit.span.end : cue.start] if cue.start >= hit.span.end else s[cue.end : hit.span.start]
    )
    return max(cue.start - hit.span.end, hit.span.start - cue.end, 0) + 60 * ("," in between)


MONTH_WORDS = frozenset(MONTHS_GENITIVE) | {"года", "году"}


PRONOUN_OPENS_RE = re.compile(r"\s*(?:он|она|оно|они)\s", re.IGNORECASE)


def _own_clause(s: str, hit: DateHit) -> bool:
    """A date followed by a clause of its own: two or more lower-case words of four letters
    or more before the sentence ends ("27 сентября правящая партия выберет преемника"), not
    a bare list of dates and places ("5 мая в Токио и 7 июня в Сеуле")."""
    tail = re.split(r"[;.]", s[hit.span.end :], maxsplit=1)[0]
    words = [w for w in re.findall(r"(?<![\w-])[а-яё]{4,}(?![\w-])", tail) if w not in MONTH_WORDS]
    return len(words) >= 2


CONTRAST_OPENS_RE = re.compile(r",\s*а\s+(?:(?:в|во)\s+)?$")


def _nearest_cue(s: str, hit: DateHit, cues: list[Cue], clause: tuple[int, int]) -> Cue | None:
    """The contact word of the clause a date stands next to ("провел сегодня беседу ...")."""
    # "после разговора по видеосвязи 6 октября": a bare date right after a contact noun is
    # that contact's, even when the noun frames another event
    attached = [c for c in cues if c.end < hit.span.start and not s[c.end : hit.span.start].strip()]
    if attached and hit.span.text[:1].isdigit():
        return attached[-1]
    heads = [c for c in cues if clause[0] <= c.start < clause[1] and not setting(s, c)]
    later = [c for c in heads if c.start >= hit.span.end]
    if later and CONTRAST_OPENS_RE.search(s, max(0, hit.span.start - 8), hit.span.start):
        # "встреча прошла в октябре 2021 года, а 14 марта 2022 года … провели переговоры":
        # a date after ", а" opens the clause of the contact word that follows
        return later[0]
    before = [c for c in heads if c.end <= hit.span.start]
    if before and NEXT_ITEM_RE.match(s, hit.span.end):
        # "о разговоре с Трампом 12 февраля и о встрече делегаций": the date closes the item
        # it stands in; the next item ("и о встрече") is another
        return before[-1]
    return min(heads, key=lambda c: _gap(s, hit, c), default=None)


def _owned_elsewhere(s: str, hit: DateHit, cue: Cue, cues: list[Cue]) -> bool:
    """True when the clause of a date holds another contact word than `cue`."""
    hs, he = clause_bounds(s, hit.span.start)
    return any(
        c is not cue
        and hs <= c.start < he
        # "13 октября в Астане, на полях совещания": a setting, not an event of its own
        and not setting(s, c)
        for c in cues
    )


def setting(s: str, cue: Cue) -> bool:
    """A contact word that is the setting or manner of another ("на полях встречи", "в
    режиме видеоконференции", "на саммите G7"), not an event that owns a date."""
    return bool(NOT_THE_EVENT_BEFORE_RE.search(s, 0, cue.start)) or bool(
        ON_FORUM_RE.search(s, max(0, cue.start - 4), cue.start) and FORUM_RE.match(s, cue.start)
    )


def listed_dates(
    s: str, cue: Cue, hits: list[DateHit], clause: tuple[int, int], cues: list[Cue]
) -> list[PartialDate]:
    """Dates listed one after another after a contact verb, each a separate event."""
    end = clause[1]
    first = next((h for h in hits if h.span.start >= cue.end), None)
    if (
        first is not None
        and (
            DASHED_LIST_RE.fullmatch(s, cue.end, first.span.start)
            or COLON_LIST_RE.fullmatch(s, cue.end, first.span.start)
        )
    ) or NEXT_ORDINAL_RE.search(s, cue.end, min(len(s), cue.end + 120)):
        # "встречались на полях саммитов «Большой семерки» — в мае … и в июне …"; "первый
        # раунд прошел в мае, а второй — 2 июня"
        end = len(s)
    after = [
        h
        for h in hits
        if cue.end <= h.span.start < end
        and not any(
            cue.end <= c.start < h.span.start for c in cues if c is not cue and not setting(s, c)
        )
    ]
    if len(after) < 2 or after[0].span.start - cue.end > 80:
        return _counted_before(s, cue, hits, clause)
    run = [after[0]]
    for k, hit in enumerate(after[1:], start=1):
        gap = s[run[-1].span.end : hit.span.start]
        if len(gap) > 40 or not LIST_GAP_RE.fullmatch(gap) or not re.search(r",|\bи\b", gap):
            break
        upto = after[k + 1].span.start if k + 1 < len(after) else len(s)
        if any(hit.span.end <= c.start < upto and not setting(s, c) for c in cues if c is not cue):
            # "встреча прошла в октябре 2021 года, а 14 марта 2022 года … они провели
            # переговоры": the date of the contact word after it, not one more of this one
            break
        run.append(hit)
    return [h.date for h in run] if len(run) >= 2 else []


def _counted_before(
    s: str, cue: Cue, hits: list[DateHit], clause: tuple[int, int]
) -> list[PartialDate]:
    """ "10 и 11 ноября она дважды обсуждала по телефону с X": days listed before the contact
    word and counted by it are each an event."""
    before = [h for h in hits if clause[0] <= h.span.start and h.span.end <= cue.start]
    if len(before) < 2 or not TIMES_RE.search(s, before[-1].span.end, cue.end + 20):
        return []
    run = before[-1:]
    for hit in reversed(before[:-1]):
        if not LIST_AND_RE.fullmatch(s, hit.span.end, run[0].span.start):
            break
        run.insert(0, hit)
    days = [h.date for h in run]
    if len(run) < 2 or any(d.precision != "day" for d in days) or len(set(days)) < len(days):
        return []
    return days


def year_in_sentence(s: str, hits: list[DateHit]) -> list[DateHit]:
    """ "ставший президентом в марте 2019 года, уже 3 апреля провел переговоры": a day and
    month without a year, after a date with its year in the same sentence and not before
    it in the calendar, is of that year."""
    out: list[DateHit] = []
    told: DateHit | None = None
    for h in hits:
        d = h.date
        if (YEAR_IN_TEXT_RE.search(h.span.text) or YEAR_WORD_RE.search(h.span.text)) and (d.year):
            # "в январе этого года": a year of its own too; "в 2021 году … в апреле": the
            # month of that year
            told = h
        elif (
            told is not None
            and d.month
            and (told.date.month is None or d.month >= told.date.month)
            and d.year != told.date.year
            and not RELATIVE_DATE_RE.fullmatch(h.span.text)
            and s[told.span.end : h.span.start].count(",") <= 3
        ):
            h = replace(h, date=PartialDate(told.date.year, d.month, d.day))
        out.append(h)
    return out


YEARISH_RE = re.compile(r"\d|год", re.IGNORECASE)


# a sentence about a year: "2019 год был очень насыщенным", "2022-й стал переломным"
YEAR_TOPIC_RE = re.compile(r"\W*((?:19|20)\d\d)(?:\s+год|-й)(?![\w-])")


# "Контраст с 2021 годом разителен": one year the sentence is about, in any case
BARE_YEAR_RE = re.compile(
    r"(?<![\w.-])((?:19|20)\d\d)(?:\s*(?:год\w{0,2}|г\.)|-(?:й|го|м))(?![\w-])"
)


def bare_year(sentence: str) -> dict[int, int]:
    """{0: year} when the sentence names exactly one year, else {}."""
    years = {int(y) for y in BARE_YEAR_RE.findall(sentence)}
    return {0: years.pop()} if len(years) == 1 else {}


def year_ahead(hit: DateHit, anchor: date | None) -> bool:
    """A bare year after the news year ("страна в 2026 году возьмет на себя
    председательство"): the time of a plan, never of a contact told as held."""
    return (
        anchor is not None
        and hit.date.precision == "year"
        and hit.date.year is not None
        and hit.date.year > anchor.year
    )


# "побывавшим на Украине с февраля 2022 года": the start of a span running to now, not
# a year the story is in (unless a "по …" closes it)
SINCE_BEFORE_RE = re.compile(r"(?<![\w-])(?:с|со|начиная\s+с)\s+$", re.IGNORECASE)
SINCE_CLOSED_RE = re.compile(r"\s*(?:по|до|[-—–])", re.IGNORECASE)


def since_now(sentence: str, hit: DateHit) -> bool:
    """The date opens a span that runs to now ("с февраля 2022 года")."""
    return bool(
        SINCE_BEFORE_RE.search(sentence, 0, hit.span.start)
        and not SINCE_CLOSED_RE.match(sentence, hit.span.end)
    )


def told_years(sentence: str, anchor: date | None) -> dict[int, int]:
    """Month -> year for the dates a sentence gives with their year ("в январе 2020 года")."""
    out: dict[int, int] = {}
    if not YEARISH_RE.search(sentence):
        return out  # no digits and no "год": no year told (most sentences; cheap to tell)
    topic = YEAR_TOPIC_RE.match(sentence)
    if topic is not None:
        out[0] = int(topic.group(1))  # "2019 год был очень насыщенным. 22 января — …"
    for h in find_date_hits(sentence, published=anchor):
        if h.date.year is None or since_now(sentence, h):
            continue
        if h.date.month and YEAR_IN_TEXT_RE.search(h.span.text):
            out[h.date.month] = h.date.year
        elif h.date.month is None and not year_ahead(h, anchor):
            # "В прошлом году Си и Абэ встречались дважды. 27 июня ..." (not "страна в 2026
            # году возьмет на себя председательство": a year ahead tells no contact's year)
            out[0] = h.date.year
    return out


def stated_years(s: str, hits: list[DateHit], years: dict[int, int]) -> list[DateHit]:
    """ "А в январе 2020 года они встретились дважды. 23 января ...": a day and month
    without a year take the year just stated for that month (the nearest year in the text);
    "27 августа того же года" takes the year the sentence before stated."""
    if not years:
        return hits
    out = []
    for h in hits:
        year = years.get(h.date.month, years.get(0)) if h.date.month else None
        if year is None and h.date.month and h.date.day and h.span.text[:1].isdigit():
            # "… 13 мая 2022 года. Осенью последовали два звонка — 21 и 23 октября": a later
            # month of the year just told continues its story
            earlier = [m for m in years if 0 < m <= h.date.month]
            year = years[max(earlier)] if earlier else None
        if h.date.month and SAME_YEAR_RE.match(s, h.span.end):
            year = next(reversed(years.values()))
        if (
            year is not None
            and year != h.date.year
            and not YEAR_IN_TEXT_RE.search(h.span.text)
            and not RELATIVE_DATE_RE.fullmatch(h.span.text)
            and not YEAR_WORD_RE.search(h.span.text)  # "в ноябре прошлого года"
        ):
            h = replace(h, date=PartialDate(year, h.date.month, h.date.day))
        out.append(h)
    return out


def ahead(
    work: str, when: PartialDate | None, status: str, anchor: date | None, hits: list
) -> PartialDate | None:
    """The time of a contact that lies ahead: a bare weekday or month of a plan points
    forward ("созвонятся в субботу"), as does the day a cancelled or postponed contact was
    set for ("намеченный на воскресенье"); a plan for a range of days ("22–24 октября") is
    of its month."""
    if when is None or anchor is None:
        return when
    if status == "planned" or (
        when.precision == "day"
        and appointed(work, when, hits)
        # ("намеченная на воскресенье, так и не состоялась": the Sunday gone by)
        and not NEVER_HELD_RE.search(work)
    ):
        when = forward(when, anchor, hits)
    elif status in ("cancelled", "postponed") and not NEVER_HELD_RE.search(work):
        # "отменил встречу, которая должна была пройти во вторник", told on a Monday: the
        # nearest Tuesday, the one ahead
        when = nearest_weekday(when, anchor, hits)
    if status == "planned" and when.precision == "day":
        when = ranged_month(when, hits)
    return when


def nearest_weekday(when: PartialDate, anchor: date, hits: list) -> PartialDate:
    """A bare weekday read as past, moved a week ahead when that lies nearer the anchor."""
    value = when.to_date()
    if (
        value is None
        or value >= anchor
        or not any(h.date == when and WEEKDAY_RE.fullmatch(h.span.text) for h in hits)
    ):
        return when
    ahead = value + timedelta(days=7)
    if (ahead - anchor).days >= (anchor - value).days:
        return when
    return PartialDate(ahead.year, ahead.month, ahead.day)


def ranged_month(when: PartialDate, hits: list) -> PartialDate:
    """The month of a day told as one of a range ("22–24 октября", "30 и 31 мая"), else the
    day."""
    if any(h.date == when and DAY_RANGE_RE.match(h.span.text) for h in hits):
        return PartialDate(when.year, when.month)
    for first, then in itertools.pairwise(hits):
        if (
            when in (first.date, then.date)
            and first.span.text.isdigit()
            and 0 < then.span.start - first.span.end <= DAY_PAIR_GAP
            and (first.date.year, first.date.month) == (then.date.year, then.date.month)
            and then.date.day == (first.date.day or 0) + 1
        ):
            return PartialDate(when.year, when.month)
    return when


def appointed(work: str, when: PartialDate | None, hits: list) -> bool:
    """ "раунд, намеченный на воскресенье, не состоится": the day a contact was set for."""
    return when is not None and any(
        h.date == when and APPOINTED_RE.search(work, max(0, h.span.start - 40), h.span.end)
        for h in hits
    )


def forward(when: PartialDate, anchor: date, hits: list) -> PartialDate:
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
    if (
        when.year is not None
        and (anchor - value).days > PAST_PLAN_SLACK
        and any(
            h.date == when
            and not WEEKDAY_RE.fullmatch(h.span.text)
            and not re.search(r"\d{4}|года", h.span.text)
            for h in hits
        )
    ):
        # "1 сентября приедет в Варшаву", told in June: the next 1 September
        return PartialDate(when.year + 1, when.month, when.day)
    if not any(h.date == when and WEEKDAY_RE.fullmatch(h.span.text) for h in hits):
        return when
    ahead = value + timedelta(days=7)
    return PartialDate(ahead.year, ahead.month, ahead.day)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def stated_news_date(sentences: list[tuple[int, str]]) -> PartialDate | None:
    """A page with no header date: the first full date of its lead ("24 июня 2023 года")."""
    for _, sentence in sentences[:NEWS_DATE_SENTENCES]:
        for hit in find_date_hits(sentence, published=None):
            if hit.date.precision == "day" and not EARLIER_RE.search(
                sentence[clause_bounds(sentence, hit.span.start)[0] : hit.span.start]
            ):
                return hit.date
    return None


# what a heading may hold besides its date: "16 октября 2021 года.", "В четверг."
HEADING_PLACE_RE = re.compile(r",\s*(?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[А-ЯЁ])[\w-]+)?\.?\s*$")
# ("9 мая, пятница.": the day and its weekday)
HEADING_REST_RE = re.compile(
    r"[\s.,:;—–•·▪●*-]*(?:в|во|года?|г)?[\s.,:;—–-]*"
    r"(?:(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)[\s.:;—–-]*)?",
    re.IGNORECASE,
)


def date_heading(sentence: str, anchor: date | None) -> PartialDate | None:
    """The date of a sentence that is nothing but a date ("10 июля.", "В четверг."): the
    heading of a digest's or a chronicle's entry."""
    if len(sentence) > 40:
        return None
    if sentence.strip(" .:—–-").lower() in WEEKDAYS:
        # "Среда. Главным событием стала встреча с X": a digest's day, the latest such one
        return told_weekday(sentence, anchor)
    hits = find_date_hits(sentence, published=anchor)
    if len(hits) != 1 or hits[0].date.year is None:
        return None
    rest = sentence[: hits[0].span.start] + " " + sentence[hits[0].span.end :]
    # "18 мая 2023 года, Сиань.": an entry's day and place
    rest = HEADING_PLACE_RE.sub("", rest)
    return hits[0].date if HEADING_REST_RE.fullmatch(rest) else None


def entry_stamps(text: str, anchor: date | None) -> list[tuple[int, PartialDate]]:
    """(offset, day) of each entry stamp of a live blog, or nothing when the page has too
    few to be one. A stamp without a year is the latest such day not after the publication date."""
    stamps: list[tuple[int, PartialDate]] = []
    for m in ENTRY_OPENING_RE.finditer(text):
        told = stamp_day(m)
        if told is None:
            if anchor is not None:  # "16:40": the page's day
                stamps.append((m.start(), PartialDate(anchor.year, anchor.month, anchor.day)))
            continue
        stated, month, day = told
        year = stated or (anchor.year if anchor else None)
        if year is None or not 1 <= month <= 12:
            continue
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if stated is None and anchor is not None and when > anchor:
            when = when.replace(year=year - 1)
        stamps.append((m.start(), PartialDate(when.year, when.month, when.day)))
    return stamps if len(stamps) >= MIN_ENTRY_STAMPS else []


def stamp_before(stamps: list[tuple[int, PartialDate]], offset: int) -> PartialDate | None:
    """The day of the last entry stamp before `offset`."""
    return next((when for at, when in reversed(stamps) if at < offset), None)


# "Саммит ЕС — Китай пройдет 24 июля в Пекине": an event announced for a day
EVENT_AHEAD_RE = re.compile(
    r"(?<![\w-])(?:саммит|встреч|переговор|визит|форум)\w*[^.;]{0,100}?"
    r"(?<![\w-])(?:пройд[её]т|пройдут|состоится|состоятся|начнется|начнётся|откроется"
    # "саммит, который должен был пройти 15–17 декабря": the time of a plan undone
    r"|долж(?:ен|на|но|ны)\s+был\w?\s+(?:пройти|состояться|начаться)"
    # "визит Пашиняна в Россию … запланирован на вторую декаду апреля"
    rf"|{SET_FOR}на)(?![\w-])",
    re.IGNORECASE,
)
OPENING_DATE_REACH = 3  # characters before the date of a sentence that opens with it


def event_ahead(sentence: str, anchor: date | None) -> PartialDate | None:
    """The one day, not before the publication date, of the event a sentence announces."""
    if not EVENT_AHEAD_RE.search(sentence):
        return None
    hits = find_date_hits(sentence, published=anchor)
    if len(hits) == 1 and hits[0].date.precision == "month" and anchor is not None:
        # "на вторую декаду апреля": a month still ahead
        told = hits[0].date
        ahead = (told.year or 0, told.month or 0) > (anchor.year, anchor.month)
        return told if ahead else None
    if len(hits) != 1 or hits[0].date.precision != "day":
        return None
    day = hits[0].date.to_date()
    if day is None or (anchor is not None and day < anchor):
        return None
    # a range of days ("15–17 декабря"): the month is all that is sure of one contact in it
    return ranged_month(hits[0].date, hits)


def day_said_before(
    sentences: list[tuple[int, str]], index: int, anchor: date | None
) -> PartialDate | None:
    """The one day named by the nearest of the two sentences before `index` that tells no
    contact and names exactly one day ("в четверг прибыл в Джайпур. … Вечером лидеры …")."""
    for _, before in sentences[max(0, index - 2) : index][::-1]:
        if has_cue(before):
            continue
        said = [h.date for h in find_date_hits(before, published=anchor)]
        if len(said) == 1 and said[0].precision == "day":
            return said[0]
    return None


# "не встречались с 2016 года", "не виделись с июня 2019 года": the time they last did
# (the words cues.SINCE_YEAR keeps out of the "no contact" reading of "не встречались с")
SINCE_LAST_RE = re.compile(
    rf"\s+(?:[а-яё]+\s+)?(?:с|со)(?P<when>{SINCE_YEAR})(?:\s*(?:года|г\.)|-го)(?![\w-])",
    re.IGNORECASE,
)
NOT_BEFORE_RE = re.compile(r"(?<![\w-])не\s+$", re.IGNORECASE)


def last_seen(s: str, cue: Cue) -> PartialDate | None:
    """ "лично лидеры не встречались с 2016 года": the time of the last such contact."""
    if not NOT_BEFORE_RE.search(s, max(0, cue.start - 4), cue.start):
        return None
    m = SINCE_LAST_RE.match(s, cue.end)
    if m is None:
        return None
    told = m.group("when").strip()
    hits = find_date_hits(told + " года", published=None)
    if hits and hits[0].date.year is not None:
        return hits[0].date
    return PartialDate(int(told[-4:]))


def one_day(text: str, anchor: date | None) -> PartialDate | None:
    """The one day a text names (told once or more), else None."""
    days = {h.date for h in find_date_hits(text, published=anchor) if h.date.precision == "day"}
    return days.pop() if len(days) == 1 else None


def day_since(
    sentences: list[tuple[int, str]], index: int, anchor: date | None, last: int
) -> tuple[PartialDate | None, PartialDate | None]:
    """For "в тот же день": the one date the sentence before `index` names, and the one date
    of the nearest dated sentence of the two before when it comes after the sentence of the
    story's last contact (`last`) and opens with that date ("Моди провел переговоры с X 5
    июля. В воскресенье открылся саммит. … В тот же день Моди встретился с Y": Sunday; not
    "Он напомнил о подписанных в пятницу документах")."""
    told: PartialDate | None = None
    for back in range(index - 1, max(-1, index - 3), -1):
        hits = find_date_hits(sentences[back][1], published=anchor)
        # ("X, прилетевший в среду, в четверг провел переговоры": the participle's day is
        # the arrival's)
        hits = outside_spans(hits, participle_spans(sentences[back][1])) or hits
        if back == index - 1 and len(hits) == 1:
            told = hits[0].date
        if hits:
            opens = hits[0].span.start <= OPENING_DATE_REACH
            later = hits[0].date if len(hits) == 1 and back > last and opens else None
            return told, later
    return told, None
