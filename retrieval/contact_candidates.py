"""Contact candidates of one article and their settling and merging within the article.

Owns the Candidate the extractor makes for each contact word it reads, and the post-processing
of an article's candidates: claims settled by a denial, "разговор" of callers read as a call,
undated contacts dated by the day of their story, reports of one event merged with the best
evidence kept, and the final ExtractedContact record.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from retrieval.dates import TIMES_RE, small_count
from retrieval.types import PRECISION_RANK, ExtractedContact, Kind, PartialDate, Status

KIND_PRIORITY: dict[Kind, int] = {"phone": 4, "meeting": 3, "talks": 2, "visit": 1}
IN_PERSON: frozenset[Kind] = frozenset({"meeting", "talks", "visit"})
TITLE = -1  # sentence index of the headline
NEWS_AGE_DAYS = 7  # a fresh report tells of an event at most this old
STORY_REACH = 2  # sentences an undated contact looks back for the day of its story
STORY_REACH_AFTER = 5  # ... when it begins "После …", "Затем …"
# "визит, изначально намеченный на октябрь": the plan a later report tells as changed
ORIGINALLY_RE = re.compile(r"(?<![\w-])(?:изначально|первоначально|сначала)(?![\w-])", re.I)
# "во вторник X также звонил Y": one more contact than the news
ANOTHER_ONE_RE = re.compile(
    r"(?<![\w-])(?:также|тоже)\s+(?:[\w-]+\s+)?"
    r"(?:по)?(?:звонил|говорил|разговаривал|встречал|созванивал|беседовал)",
    re.IGNORECASE,
)
AFTER_START_RE = re.compile(
    r"\s*(?:После|Затем|Позже|Потом|Далее|Вслед за|Утром|Днем|Днём|Вечером"
    # "Первым Путин встретился с X", "Следующим был Y": the order of a day's meetings
    r"|(?:Перв|Втор|Трет|Следующ|Последн)(?:ым|ой)(?!\s+(?:раз|же раз)\b))\b"
)
# "за время пребывания в Москве успел встретиться с X": on one of the visit's days
DURING_STAY_RE = re.compile(
    r"(?<![\w-])(?:за время|в ходе|во время|в рамках)\s+(?:[а-яё]+\s+)?(?:пребывания|визита"
    r"|поездки|турне)(?![\w-])",
    re.IGNORECASE,
)
# "До переговоров Блинкен встретился с X", "Незадолго до начала переговоров Байден и Моди
# провели беседу": earlier on the day of the contact just told, whoever its people
BEFORE_EVENT_RE = re.compile(
    r"\s*(?:Незадолго )?(?:[Дд]о|[Пп]еред)(?: начал\w{1,2})? (?:переговор|встреч|бесед)\w*\b"
)


@dataclass(frozen=True)
class Candidate:
    """One contact as one sentence of the article tells it, before merging."""

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
    worded: int = 1 << 30  # sentence that worded the kind (see wording)
    alleged: bool = False  # "разговор якобы состоялся": a claim, as good as the article's word
    framed: bool = False  # "сроки саммита не определены": a nameless plan, the story's pair's
    sides: tuple[str, ...] = ()  # "ирано-американских переговоров": whose people come later
    face: bool = False  # "пообщались", "беседа": a conversation, a meeting unless a call
    spoken: bool = False  # "разговор", "поговорил" with no setting: a call unless face to face


def retold(c: Candidate, index: int, offset: int, sentence: str, **changes: Any) -> Candidate:
    """`c` as the sentence `index` (at `offset` in the article) tells it, with `changes`."""
    return replace(
        c, sentence=index, start=offset, end=offset + len(sentence), snippet=sentence, **changes
    )


def rank(c: Candidate) -> tuple[int, int, int]:
    """Best evidence first: the fullest statement, then the earliest one (the lead)."""
    return (c.score, -c.sentence, KIND_PRIORITY[c.kind] * (not c.weak))


def group_of(kind: Kind) -> str:
    """Calls merge only with calls; meetings, talks and visits with each other."""
    return "phone" if kind == "phone" else "in_person"


def wording(c: Candidate) -> Candidate:
    """The candidate with the place its kind was worded: body sentences first, headline last."""
    if c.weak:
        return c
    return replace(c, worded=(1 << 29) if c.sentence == TITLE else c.sentence)


def settle_claims(candidates: list[Candidate], *, report_denied: bool = False) -> list[Candidate]:
    """A claimed contact ("якобы состоялся 7 ноября") of a pair whose contact the article
    reports denied is that denied contact; its kind is the denied one's. On a page that
    reports a publication denied, every claimed contact is denied ("Захарова назвала фейком
    публикацию NBC … По версии NBC, Лавров встречался с X")."""
    denied = {c.participants: c for c in candidates if c.status == "denied"}
    return [
        replace(c, status="denied", kind=denied[c.participants].kind, weak=True)
        if c.alleged and c.participants in denied
        else replace(c, status="denied", weak=True)
        if c.alleged and report_denied and c.status == "happened"
        else c
        for c in candidates
    ]


TOGETHER_RE = re.compile(
    r"(?<![\w-])(?:тр[её]хсторонн|четыр[её]хсторонн|многосторонн|совместн|вместе|втро[её]м)",
    re.IGNORECASE,
)


def told_apart(candidates: list[Candidate]) -> list[Candidate]:
    """A summary of one person's talks with several ("его переговоры с X и Y помогли …") is
    no meeting of them all when the article tells each pair's own contact ("В среду он и X
    провели переговоры. В четверг … с Y"): the pairs stand, the summary goes."""
    pairs = {c.participants for c in candidates if len(c.participants) == 2}
    out = []
    for c in candidates:
        many = c.participants
        if (
            len(many) >= 3
            and (c.date is None or c.lead)
            and not TOGETHER_RE.search(c.snippet)
            and any(all(tuple(sorted((p, q))) in pairs for q in many if q != p) for p in many)
        ):
            continue
        out.append(c)
    return out


UNDONE: tuple[Status, ...] = ("cancelled", "postponed")


def undone_plans(candidates: list[Candidate]) -> list[Candidate]:
    """Plans and their undoing told apart are one contact, called off or put off:

    - "Вместе с визитом отменяется и встреча X с Y. … подготовка встречи шла конструктивно":
      a nameless undated plan of a pair whose contact the article reports undone is that
      contact;
    - "Шестой раунд был назначен на это воскресенье. После ударов … объявил, что раунд не
      состоится": an undated undoing right after the same people's dated plan undoes that
      plan on its day, and is not one more contact;
    - a contact told both "не состоялась" and "отложена" is put off.
    """
    undone = {c.participants: c for c in candidates if c.status in UNDONE}
    # pairs with one dated plan in the article: an undoing told apart is of that plan
    plans = Counter(c.participants for c in candidates if c.status == "planned" and c.date)
    sole_plan = {people for people, n in plans.items() if n == 1}
    # "Встреча X и Y отложена. … встреча … не состоялась": not held that day, put off
    put_off = {c.participants for c in candidates if c.status == "postponed"}
    out: list[Candidate] = []
    for c in candidates:
        if c.status == "cancelled" and c.participants in put_off:
            c = replace(c, status="postponed")
        # ("Визит X и Y переносится. … Дата встречи министров будет согласована": some of
        # the people of the contact put off)
        held = undone.get(c.participants) or next(
            (u for people, u in undone.items() if set(c.participants) < set(people)), None
        )
        if c.framed and c.status == "planned" and c.date is None and held is not None:
            c = replace(c, status=held.status, weak=True)
        plan = next(
            (
                i
                for i, p in enumerate(out)
                if p.status == "planned"
                and p.date is not None
                and p.participants == c.participants
                and (
                    0 < c.sentence - p.sentence <= 1
                    # "объявил, что встретится с ним в Будапеште в октябре … в среду объявил:
                    # «Мы отменили встречу»": the pair's one plan, told sentences before
                    or (
                        c.sentence > p.sentence
                        and c.participants in sole_plan
                        and group_of(p.kind) == group_of(c.kind)
                    )
                )
            ),
            None,
        )
        if plan is not None and c.date is None and c.status in UNDONE:
            out[plan] = replace(out[plan], status=c.status)
            continue
        undoing = next(
            (
                i
                for i, u in enumerate(out)
                if u.status in UNDONE
                and u.participants == c.participants
                and c.status == "planned"
                and c.date is not None
                and c.date.day is not None
                # (undated, or only the month told: "должна была пройти на прошлой неделе")
                and (
                    u.date is None
                    or (
                        u.date.day is None
                        and (u.date.year, u.date.month) == (c.date.year, c.date.month)
                    )
                )
                and c.participants in sole_plan
                and group_of(u.kind) == group_of(c.kind)
            ),
            None,
        )
        if undoing is not None:
            # "прокомментировал отмену своей встречи с X. Беседа была назначена на 29 июля":
            # the undoing told first, the day of the plan after it
            out[undoing] = replace(out[undoing], date=c.date, lead=False)
            continue
        out.append(c)
    return out


# "Предыдущий разговор", "прошлая беседа": an earlier talk of a series
PREVIOUS_TALK_RE = re.compile(
    r"(?<![\w-])(?:предыдущ|прошл|последн)\w{2,3}\s+(?:разговор|бесед)", re.IGNORECASE
)


def phone_talk(candidates: list[Candidate]) -> list[Candidate]:
    """ "разговор", "беседа" of a pair whose calls the article reports are calls too:
    "первый разговор Путина и Шольца за два года: предыдущий состоялся 2 декабря"; so are
    those of two people who share a call the article reports; other conversations face to
    face are meetings."""
    callers = {frozenset(c.participants) for c in candidates if c.kind == "phone" and not c.weak}
    # (not "Путин встретился с Моди. Разговор продолжался три часа": the pair met)
    met = {frozenset(c.participants) for c in candidates if c.kind != "phone" and not c.weak}
    return [
        # (a call told so is worded: "первый контакт с марта" is that call, not vaguer talks)
        replace(c, kind="phone", worded=c.sentence)
        if c.weak
        and c.kind == "talks"
        and (
            frozenset(c.participants) in callers
            # "Шольц говорил с ним 4 марта, а 12 марта — вместе с Макроном" beside their
            # calls: two of the callers of a call, with no place of a meeting
            or (c.place is None and any(len(set(c.participants) & p) >= 2 for p in callers))
            # "Белоусов провел телефонный разговор с Остином. Предыдущий разговор Остин провел
            # еще с Шойгу": the series' earlier talk, with one of the callers
            or (
                c.place is None
                and PREVIOUS_TALK_RE.search(c.snippet) is not None
                and any(set(c.participants) & p for p in callers)
            )
            # "имел в виду телефонный разговор с Y, а с X он не разговаривал": the call mixed
            # up with the one the article tells
            or (c.status == "denied" and any(set(c.participants) & p for p in callers))
        )
        # "коротко пообщались в кулуарах" of people whose calls the article does not tell
        else replace(c, kind="meeting")
        if c.face and c.kind == "talks"
        # "Зеленский провел долгий разговор с Моди": no place, no meeting of the pair
        else replace(c, kind="phone")
        if c.spoken
        and c.kind == "talks"
        and c.place is None
        and frozenset(c.participants) not in met
        else c
        for c in candidates
    ]


def told_in_full(found: list[Candidate]) -> list[Candidate]:
    """ "министры общались лишь однажды: 20 апреля они провели телефонный разговор": an
    undated vague word of a sentence that tells the same people's contact in full is that
    contact, not one more."""
    full = {frozenset(c.participants) for c in found if not c.weak and c.date is not None}
    return [
        c for c in found if not (c.weak and c.date is None and frozenset(c.participants) in full)
    ]


def retelling(found: list[Candidate], recent: list[Candidate]) -> list[Candidate]:
    """ "Путин встретился с Франциском. Беседа продолжалась около часа": a vague word for a
    contact of the same people just told (on its day, or undated) is that contact again."""
    told = [c for c in recent if not c.weak and c.participants]
    return [
        c
        for c in found
        if not (
            c.weak
            and any(
                t.participants == c.participants
                and t.status == c.status
                and c.date in (None, t.date)
                for t in told
            )
        )
    ]


VISIT_DAYS = 3  # a contact this many days after an arrival is of the same visit


def split_retold(
    found: list[Candidate], recent: list[Candidate], arrival: PartialDate | None = None
) -> tuple[list[Candidate], list[Candidate]]:
    """`found` split into the undated contacts that retell a dated one just told (same
    people, same kind: "… провел переговоры в субботу. … По итогам переговоров подписано …")
    and the others. With the `arrival` of a trip told in between, only a contact of that same
    visit (held within days after the arrival) is retold; an earlier trip's talks are new
    ("14 сентября 2020 года Лукашенко прилетел в Сочи. По итогам переговоров …")."""
    start = arrival.to_date() if arrival is not None else None
    told = {
        (c.participants, c.kind)
        for c in recent
        if (day := c.date.to_date() if c.date is not None else None) is not None
        and (arrival is None or (start is not None and 0 <= (day - start).days <= VISIT_DAYS))
    }
    again = [c for c in found if c.date is None and (c.participants, c.kind) in told]
    return again, [c for c in found if c not in again]


def on_day(found: list[Candidate], when: PartialDate, who: str | None = None) -> list[Candidate]:
    """The undated contacts of `found` (those of `who`, if given) take the day `when`."""
    return [
        replace(c, date=when, lead=False)
        if c.date is None and (who is None or who in c.participants)
        else c
        for c in found
    ]


def same_day(
    found: list[Candidate],
    before: list[Candidate],
    told: PartialDate | None = None,
    told_later: PartialDate | None = None,
) -> list[Candidate]:
    """Undated contacts of "в тот же день", "после переговоров" take the story's last date,
    or, with no contact told yet, the day the sentence before names (`told`): "Трамп в
    среду объявил о сделке. ... достигнута в тот же день в ходе разговора с То Ламом". A
    day told after the last contact (`told_later`) comes first: "… 5 июля провел переговоры
    с X. В воскресенье открылся саммит. В тот же день он встретился с Y": Sunday."""
    if told_later is not None and told_later.precision == "day":
        return on_day(found, told_later)
    told_contacts = [c for c in before if c.sentence != TITLE and c.participants]
    story = [c for c in told_contacts if not c.earlier and (c.date or c.lead)] or [
        # "На прошлой неделе X провел переговоры с Y. В тот же день ...": the day of a
        # contact told as earlier when the story has no other
        c
        for c in told_contacts
        if c.date
    ]
    if not story:
        return on_day(found, told) if told is not None and told.precision == "day" else found
    # (of the last sentence's contacts, one told to the day: "позвонил Моди в понедельник
    # и рассказал о переговорах, прошедших на прошлой неделе. В тот же день …": Monday)
    ref = next(
        (
            c
            for c in reversed(story)
            if c.sentence == story[-1].sentence and c.date and c.date.precision == "day"
        ),
        story[-1],
    )
    if (
        ref.status == "planned"
        and told is not None
        and told.precision == "day"
        and all(c.status == "happened" for c in found)
    ):
        # "X 20 апреля примет Y. Сам X, выступая в среду, сказал … В тот же день Z
        # встретился с Y": a contact held that day is not of the day of a plan ahead
        return on_day(found, told)
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


def days_before(found: list[Candidate], before: list[Candidate], days: int) -> list[Candidate]:
    """ "Двумя неделями ранее они встречались": undated contacts are that many days before
    the story's last day-dated contact."""
    ref = next(
        (
            c.date.to_date()
            for c in reversed(before)
            if c.sentence != TITLE and c.date and c.date.precision == "day"
        ),
        None,
    )
    if ref is None:
        return found
    day = ref - timedelta(days=days)
    when = PartialDate(day.year, day.month, day.day)
    return [replace(c, date=when, lead=False) if c.date is None else c for c in found]


def same_event(
    found: list[Candidate], before: list[Candidate], own_day: bool = True
) -> list[Candidate]:
    """ "Это первая встреча двух лидеров": an undated contact is the last dated one of the
    same people, told just before (so is one dated only from around it: not `own_day`)."""
    out = []
    for c in found:
        ref = next(
            (b for b in reversed(before) if b.participants == c.participants and b.date),
            None,
        )
        out.append(
            # the event itself: its day, kind and status ("Это должна была стать первая
            # встреча" after the meeting called off is that cancelled meeting)
            replace(c, date=ref.date, kind=ref.kind, status=ref.status, lead=False)
            if (c.date is None or not own_day) and ref
            else c
        )
    return out


def story_days(candidates: list[Candidate]) -> list[Candidate]:
    """An undated contact told right after a dated one of the same person is that day's:
    "В понедельник Трамп принял Зеленского. ... американский президент позвонил Путину"."""
    out: list[Candidate] = []
    for c in candidates:
        if (
            c.date is None
            and not c.earlier
            and c.status == "happened"
            and c.sentence != TITLE
            # ("До саммита лидеры дважды говорили по телефону": a count, of no one day)
            and not TIMES_RE.search(c.snippet)
        ):
            # "После общего заседания Путин и Зеленский провели встречу": later that day
            before = BEFORE_EVENT_RE.match(c.snippet) is not None
            stay = DURING_STAY_RE.search(c.snippet) is not None
            reach = (
                STORY_REACH_AFTER
                if before or stay or AFTER_START_RE.match(c.snippet)
                else STORY_REACH
            )
            story = [
                d
                for d in out
                if 0 < c.sentence - d.sentence <= reach
                and d.date is not None
                and d.date.precision == "day"
                and not d.earlier
                and (before or set(d.participants) & set(c.participants))
            ]
            # the undated news of the lead is of the article's day: so is what follows it
            leads = [
                d
                for d in out
                if 0 < c.sentence - d.sentence <= reach
                and d.date is None
                and d.lead
                and set(d.participants) & set(c.participants)
            ]
            if story:
                told = story[-1]
                # "Песков опроверг, что Трамп поговорил с Путиным в четверг. По данным газеты,
                # Трамп звонил из Флориды": the denied call, told again
                denied = (
                    told.status == "denied"
                    and told.participants == c.participants
                    and group_of(told.kind) == group_of(c.kind)
                )
                day = told.date
                if stay and day is not None:
                    day = PartialDate(day.year, day.month)  # one of the visit's days
                c = replace(c, date=day, lead=False, status=told.status if denied else c.status)
            elif leads:
                c = replace(c, lead=True)
        out.append(c)
    return out


def merge_candidates(candidates: list[Candidate], default: PartialDate | None) -> list[Candidate]:
    """Same people, kind group, status and compatible dates: one contact, best evidence kept.

    The undated lead report is the article's news: it takes a date stated later only when
    that date is close to the article's own (`default`); an older date is another event.
    """
    strong = [c for c in candidates if not c.weak]
    weak = [c for c in candidates if c.weak]
    merged: list[Candidate] = []
    for c in sorted(strong, key=lambda c: c.sentence) + sorted(weak, key=lambda c: c.sentence):
        for i, m in enumerate(merged):
            same_kind = c.weak or group_of(c.kind) == group_of(m.kind)
            dates_ok = c.date is None or m.date is None or c.date.compatible(m.date)
            if c.sentence == m.sentence and c.date and m.date and c.date != m.date:
                # "встретился 11 октября в Ашхабаде, а затем в том же месяце лидеры виделись
                # в Казани": two dates told in one sentence are two events
                dates_ok = False
            if dates_ok and default is not None and (c.date is None) != (m.date is None):
                undated, dated = (c, m) if c.date is None else (m, c)
                # an undated report told before an old dated one is not that old event
                # ("Путин и Зеленский провели первую встречу. … Впервые они поговорили 11 июля")
                dates_ok = (
                    _near(dated.date, default)
                    # "Это уже второй разговор за неделю: во вторник X также звонил Y": the
                    # lead's news is another call than the one told as "также"
                    and not (
                        undated.lead
                        and dated.sentence > undated.sentence
                        and ANOTHER_ONE_RE.search(dated.snippet)
                    )
                ) or (
                    not undated.lead
                    and (undated.sentence > dated.sentence or not _older(dated.date, default))
                )
            if (
                m.participants == c.participants
                and same_kind
                and c.status == m.status
                # ("Предыдущий раунд прошел в сентябре; тогда X и Y встречались": one event)
                and (c.earlier == m.earlier or (c.sentence == m.sentence and c.date == m.date))
                and dates_ok
                # "весной 2018 года в Анкаре" is not "7 сентября 2018 года в Тегеране"
                and (c.place is None or m.place is None or c.place == m.place)
            ):
                merged[i] = _combine(m, c)
                break
        else:
            merged.append(c)
    return _wider_kept(merged)


def sided(
    candidates: list[Candidate], sides_of: Callable[[str], frozenset[str]]
) -> list[Candidate]:
    """ "Шестой раунд ирано-американских переговоров не состоится. … Глава МИД Ирана X и
    спецпосланник США Y провели пять раундов": a nameless contact of two sides is between
    the pair of those sides the article names nearest to it."""
    out = []
    for c in candidates:
        if not c.participants and c.sides:
            pairs = [
                o
                for o in candidates
                if len(o.participants) == 2
                and group_of(o.kind) == group_of(c.kind)
                and all(any(side in sides_of(p) for p in o.participants) for side in c.sides)
            ]
            if pairs:
                near = min(pairs, key=lambda o: abs(o.sentence - c.sentence))
                c = replace(c, participants=near.participants)
        out.append(c)
    return out


def counted_told(candidates: list[Candidate]) -> list[Candidate]:
    """ "В прошлом году Си и Абэ встречались дважды. 27 июня … 23 декабря …": the counted
    summary is the contacts told after it, not one more (of the year only)."""
    out = []
    for c in candidates:
        counted = TIMES_RE.search(c.snippet)
        told = {
            o.date
            for o in candidates
            if o is not c
            and o.participants == c.participants
            and o.sentence > c.sentence
            and o.date is not None
            and (c.date is None or (o.date.compatible(c.date) and o.date != c.date))
        }
        # "встречались дважды" and two told: all of them (one told: the other stays)
        if counted is None or len(told) < (small_count(counted.group(0).split()[0]) or 2):
            out.append(c)
    return out


def moved_then_held(candidates: list[Candidate]) -> list[Candidate]:
    """ "Вчера X провел переговоры с Y. Визит, изначально намеченный на октябрь, был
    отложен": the postponement of a contact the article tells as held is that contact's
    history, not one more contact."""
    held = [c for c in candidates if c.status == "happened"]
    return [
        c
        for c in candidates
        if not (
            c.status == "postponed"
            and ORIGINALLY_RE.search(c.snippet)
            and any(
                set(c.participants) <= set(h.participants) and group_of(h.kind) == group_of(c.kind)
                for h in held
            )
        )
    ]


def _wider_kept(candidates: list[Candidate]) -> list[Candidate]:
    """One sentence telling one event twice, once with fewer people ("Предыдущий разговор
    состоялся 28 мая: тогда Путин говорил с Шольцем и Макроном"): the wider one."""
    out = []
    for c in candidates:
        wider = [
            o
            for o in candidates
            if o is not c
            and o.sentence == c.sentence
            and set(c.participants) < set(o.participants)
            and o.kind == c.kind
            and o.status == c.status
            and o.date is not None
            # "6 октября в Праге Алиев и Пашинян встретились с Макроном и Мишелем": the pair
            # of the subject undated is that same dated event
            and (o.date == c.date or c.date is None)
        ]
        if not wider:
            out.append(c)
    return out


def _older(when: PartialDate | None, news: PartialDate) -> bool:
    """Whether `when` ended before the news could be fresh (a past event, not a plan)."""
    period, day = (when.period() if when else None), news.to_date()
    if period is None or day is None or news.precision != "day":
        return False
    return period[1] < day - timedelta(days=NEWS_AGE_DAYS)


def _near(when: PartialDate | None, news: PartialDate) -> bool:
    """Whether `when` may be the date of news published (or datelined) on `news`."""
    period, day = (when.period() if when else None), news.to_date()
    if period is None or day is None or news.precision != "day":
        return True
    return period[0] <= day + timedelta(days=1) and day - timedelta(days=NEWS_AGE_DAYS) <= period[1]


def _combine(a: Candidate, b: Candidate) -> Candidate:
    """One contact from two reports of it.

    The kind comes from the earliest sentence that words it: an event told as "переговоры"
    in the lead and as "встреча" further on (or the other way round) keeps the lead's word;
    "разговор"/"беседа" never decide the kind when another word does.
    """
    best, other = (a, b) if rank(a) >= rank(b) else (b, a)
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
    order = PRECISION_RANK
    if order[a.precision] == order[b.precision]:
        known_a = sum(x is not None for x in (a.year, a.month, a.day))
        known_b = sum(x is not None for x in (b.year, b.month, b.day))
        return a if known_a >= known_b else b
    return a if order[a.precision] > order[b.precision] else b


def to_record(c: Candidate) -> ExtractedContact:
    """The contact record of a settled candidate."""
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
