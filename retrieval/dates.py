"""Dates in Russian news sentences: absolute, partial and relative to the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from retrieval.types import PartialDate, Span

MONTHS: dict[str, int] = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
WEEKDAYS: dict[str, int] = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "среда": 2,
    "четверг": 3,
    "пятницу": 4,
    "пятница": 4,
    "субботу": 5,
    "суббота": 5,
    "воскресенье": 6,
}
RELATIVE: dict[str, int] = {
    "сегодня": 0,
    "сегодняшн": 0,
    "вчера": -1,
    "вчерашн": -1,
    "накануне": -1,
    "позавчера": -2,
    "завтра": 1,
}

MONTH_WORD = (
    r"(январ[яюеь]|феврал[яюеь]|марта?|марте|апрел[яюеь]|ма[яйе]|июн[яюеь]|июл[яюеь]"
    r"|августа?|августе|сентябр[яюеь]|октябр[яюеь]|ноябр[яюеь]|декабр[яюеь])"
)
WEEKDAY_WORD = (
    r"(понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье)"
)
YEAR = r"((?:19|20)\d\d)"

DAY_MONTH_RE = re.compile(
    rf"(?<!\d)(?:{WEEKDAY_WORD},?\s+)?(\d{{1,2}})(?:\s*[-–—]\s*\d{{1,2}})?\s+{MONTH_WORD}(?:\s+{YEAR}(?:\s*(?:года|г\.|год))?)?(?!\w)",
    re.IGNORECASE,
)
NIGHT_FROM_RE = re.compile(r"(?<![\w-])с\s+\d{1,2}\s+на\s+$", re.IGNORECASE)
DAY_LIST_RE = re.compile(r"(?<![\d\w.,])((?:\d{1,2}\s*,\s*)*\d{1,2})\s+и\s+$")
NUMERIC_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d])")
MONTH_YEAR_RE = re.compile(
    rf"(?<!\d\s)(?<!\w){MONTH_WORD}\s+{YEAR}(?:\s*(?:года|г\.|год))?(?!\w)", re.IGNORECASE
)
YEAR_RE = re.compile(rf"(?<![\w\d])(?:в|во)\s+{YEAR}\s*(?:году|г\.|года)(?!\w)", re.IGNORECASE)
MONTH_ALONE_RE = re.compile(
    r"(?<!\w)(?:в|во|с|до|к|на)\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?!\s+\d)(?!\w)",
    re.IGNORECASE,
)
# "не виделись с февраля, когда в Эр-Рияде прошли переговоры": the month of the event told
# ("первой после сентября прошлого года, когда они беседовали в Нью-Йорке": the year word is
# read as after any month); a bound of the contact before it, the time of the "когда" clause
SINCE_MONTH_RE = re.compile(
    r"(?<!\w)(?:с|после)\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря)(?=(?:\s+\w+\s+года)?,\s+когда(?!\w))",
    re.IGNORECASE,
)
# "визит, который готовили на апрель": the month a contact was set for
SET_MONTH_RE = re.compile(
    r"(?<!\w)на\s+(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь"
    r"|декабрь)(?!\s+\d)(?!\w)",
    re.IGNORECASE,
)
# "в конце августа", "в середине марта": that month
PART_OF = r"(?:начале|конце|середине|первой половине|второй половине)"
# "во второй декаде апреля", "запланирован на вторую декаду апреля", "на конец мая"
DECADE = r"(?:первой|второй|третьей|последней)\s+декаде"
PART_SET_FOR = (
    r"(?:начало|конец|середину|первую половину|вторую половину"
    r"|(?:первую|вторую|третью|последнюю)\s+декаду)"
)
MONTH_PART_RE = re.compile(
    rf"(?<!\w)(?:(?:в|во)\s+(?:{PART_OF}|{DECADE})|на\s+{PART_SET_FOR})\s+"
    r"(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"(?!\s+\d)(?!\w)",
    re.IGNORECASE,
)
SAME_YEAR_RE = re.compile(r"\s+(?:того же|этого же|того самого)\s+года(?![\w-])", re.IGNORECASE)
# "в среду"; "назначена на четверг"
# ("в минувший вторник", "в прошлую пятницу": the last such day before the news day)
WEEKDAY_RE = re.compile(
    rf"(?<!\w)(?:в|во|на)\s+(?P<past>(?:минувш|прошл|прошедш)\w{{1,3}}\s+)?{WEEKDAY_WORD}(?!\w)",
    re.IGNORECASE,
)
# "после четверговой встречи", "пятничный разговор": the weekday, told by an adjective
WEEKDAY_ADJECTIVES: dict[str, int] = {
    "понедельничн": 0,
    "вторничн": 1,
    "четвергов": 3,
    "пятничн": 4,
    "субботн": 5,
    "воскресн": 6,
}
WEEKDAY_ADJECTIVE_RE = re.compile(
    rf"(?<![\w-])({'|'.join(WEEKDAY_ADJECTIVES)})(?:[ыои]й|ого|ему|ому|ым|ом|ем|ая|яя|ей|ой|ую|юю"
    r"|ое|ее|ые|ие|ых|их|ыми|ими)(?![\w-])",
    re.IGNORECASE,
)
LAST_WEEK_DAY_RE = re.compile(
    rf"(?<!\w)(?:(?:в|во)\s+(?P<a>{WEEKDAY_WORD}),?\s+(?:на\s+)?прошлой\s+недел[еи]"
    rf"|на\s+прошлой\s+неделе,?\s+(?:в|во)\s+(?P<b>{WEEKDAY_WORD}))(?!\w)",
    re.IGNORECASE,
)
# "в начале 2022 года", "в конце 2021-го": the year
YEAR_PART_RE = re.compile(
    rf"(?<!\w)(?:(?:в|во)\s+{PART_OF}"
    r"|весной|летом|осенью|зимой)\s+((?:19|20)\d\d)(?:\s*(?:года|г\.)|-го)(?!\w)",
    re.IGNORECASE,
)
# periods relative to the publication date: (offset in months or years, unit)
RELATIVE_PERIOD_RE = re.compile(
    r"(?<!\w)(?:в|на)\s+(прошлом|прошедшем|минувшем|этом|текущем|нынешнем|прошлой|этой"
    r"|следующем|будущем|следующей|будущей)\s+(месяце|году|неделе)(?!\w)",
    re.IGNORECASE,
)
# "в начале месяца", "в конце прошлого месяца": a part of a month told from the news day
PART_RELATIVE_RE = re.compile(
    rf"(?<!\w)(?:в|во)\s+{PART_OF}\s+(?:(прошлого|прошедшего|минувшего|этого|текущего"
    r"|нынешнего|следующего|будущего)\s+)?(месяца)(?!\w)",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(
    # (not "готов приехать хоть завтра": any time)
    r"(?<!\w)(?<!хоть )(?<!хоть бы )(сегодня|вчера|накануне|позавчера|завтра)(?!\w)"
    # "накануне сессии", "накануне визита": the eve of an event, not the day before the news
    # ("накануне международного межпартийного форума": adjectives before the event)
    r"(?!\s+(?:его\s+|ее\s+|её\s+|их\s+)?(?:[а-яё]+(?:ого|его|ой|ей|их|ых)\s+){0,3}(?:визит|сесси|выбор|встреч|переговор"
    r"|саммит|форум|праздник|годовщин|заседани|поездк|конференци|дня|нового|вступлени"
    r"|инаугураци|нападени|начал|съезд|парад|совещани|церемони|приезд|прибыти|турне"
    r"|референдум|голосовани|открыти|закрыти|раунд|консультаци|беседы|разговор|звонк"
    # "накануне 75-летия", "накануне юбилея": the eve of a birthday
    r"|\d+-?лети|юбиле|рождени|рождеств|пасх|олимпиад|чемпионат))",
    re.IGNORECASE,
)
# "в выходные", "в минувшие выходные": the weekend just past
WEEKEND_RE = re.compile(
    r"(?<!\w)(?:в|на)\s+(?:минувшие\s+|прошедшие\s+|эти\s+|прошлые\s+)?выходные(?!\w)",
    re.IGNORECASE,
)
MONTH_ABBR = r"(янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)(?!\w)"
"""Agency datelines shorten months: "КАЗАНЬ, 23 окт — РИА Новости"."""
DATELINE_RE = re.compile(
    rf"^[ \t]*[А-ЯЁ][А-ЯЁ\- ]{{2,40}}(?:\s*\([^)]*\))?[,.]\s+(\d{{1,2}})\s+"
    rf"(?:{MONTH_WORD}|{MONTH_ABBR})"
    # "ТАСС" and "РИА" put a slash or a dash after the date; Interfax a dot and its name
    # ("ТЯНЬЦЗИНЬ. 31 августа. INTERFAX.RU -"); plain pages a dot and the story
    rf"(?:\s+{YEAR})?(?:\.?(?:\s*[/—–-]|\s*$)|\.\s+(?=[А-ЯЁA-Z«\"]))",
    re.MULTILINE,
)


@dataclass(frozen=True)
class DateHit:
    """A date found in text with the weekday stated next to it, if any."""

    span: Span
    date: PartialDate
    weekday: int | None = None


def month_number(word: str) -> int:
    """Month number of a Russian month word in any case."""
    low = word.lower()
    if low.startswith("ма") and not low.startswith("мар"):
        return 5
    # a full word starts with its stem; an agency's short form is the stem's start ("окт")
    return next(
        n
        for stem, n in MONTHS.items()
        if stem != "ма" and (low.startswith(stem) or stem.startswith(low[:3]))
    )


def infer_year(month: int, day: int | None, published: date | None) -> int | None:
    """Year of a day+month stated without one: the publication year, or the year before it."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day or 1)
    except ValueError:
        return None
    if candidate > published + timedelta(days=62):
        year -= 1
    return year


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


# "Самым показательным оказалось воскресенье": a day named as the subject of a sentence
TOLD_WEEKDAY_RE = re.compile(
    r"(?<![\w-])(?<!в )(?<!во )(?<!на )(понедельник|вторник|среда|четверг|пятница|суббота"
    r"|воскресенье)(?![\w-])"
    # "Главные события визита пришлись на пятницу"
    r"|(?<![\w-])(?:пришл\w{1,3}|выпал\w{1,3}|приходятся|приходится)\s+на\s+"
    r"(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\w-])",
    re.IGNORECASE,
)
# a stay on a visit and the day it began: "находится в России с визитом с понедельника"
VISIT_STAY_RE = re.compile(r"(?<![\w-])(?:визит\w*|находит\w+|пребыва\w+)(?![\w-])", re.I)
SINCE_BEFORE_RE = re.compile(r"(?<![\w-])с\s+$", re.IGNORECASE)
SINCE_WEEKDAYS = (
    "понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"
)  # fmt: skip
SINCE_WEEKDAY_RE = re.compile(rf"(?<![\w-])с\s+({'|'.join(SINCE_WEEKDAYS)})(?![\w-])", re.I)
# "В первый же день он провел переговоры": the day the visit began
FIRST_DAY_RE = re.compile(r"(?<![\w-])(?:в|на)\s+первый\s+(?:же\s+)?день(?![\w-])", re.I)


def told_weekday(sentence: str, published: date | None) -> PartialDate | None:
    """The day a sentence names as its subject ("оказалось воскресенье"), on or before the
    publication date, or None."""
    m = TOLD_WEEKDAY_RE.search(sentence)
    if m is None or published is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    back = (published.weekday() - WEEKDAYS[word]) % 7
    return _exact(published - timedelta(days=back))


def visit_start(sentence: str, published: date | None) -> PartialDate | None:
    """ "Министр находится в России с визитом с понедельника": the day a visit began."""
    if not VISIT_STAY_RE.search(sentence):
        return None
    since = SINCE_WEEKDAY_RE.search(sentence)
    if since is not None and published is not None:
        back = (published.weekday() - SINCE_WEEKDAYS.index(since.group(1).lower())) % 7
        return _exact(published - timedelta(days=back))
    for hit in find_date_hits(sentence, published=published):
        if hit.date.precision == "day" and SINCE_BEFORE_RE.search(sentence, 0, hit.span.start):
            return hit.date
    return None


def _weekday_back(published: date, weekday: int, past: bool = False) -> PartialDate:
    """The last such weekday on or before the news day (before it, for a past one)."""
    back = (published.weekday() - weekday) % 7 or (7 if past else 0)
    return _exact(published - timedelta(days=back))


def find_date_hits(text: str, *, published: date | None) -> list[DateHit]:
    """Dates in `text` with their weekday hints, in order of appearance."""
    hits: list[DateHit] = []

    def add(start: int, end: int, value: PartialDate, weekday: int | None = None) -> None:
        if not any(start < h.span.end and h.span.start < end for h in hits):
            hits.append(DateHit(Span(start, end, text[start:end]), value, weekday))

    for m in DAY_MONTH_RE.finditer(text):
        day, month = int(m.group(2)), month_number(m.group(3))
        year = int(m.group(4)) if m.group(4) else infer_year(month, day, published)
        weekday = WEEKDAYS[m.group(1).lower()] if m.group(1) else None
        night = NIGHT_FROM_RE.search(text, max(0, m.start() - 12), m.start())
        if night is not None and _valid(year, month, day):
            # "в ночь с 9 на 10 октября": two days, so the month is what is sure
            add(night.start(), m.end(), PartialDate(year, month, None))
            continue
        if _valid(year, month, day):
            add(m.start(), m.end(), PartialDate(year, month, day), weekday)
            # "3 и 7 марта": the days listed before share the month and year
            listed = DAY_LIST_RE.search(text, max(0, m.start() - 40), m.start())
            if listed is not None:
                for d in re.finditer(r"\d{1,2}", listed.group(1)):
                    first = int(d.group())
                    if _valid(year, month, first):
                        at = listed.start(1) + d.start()
                        add(at, at + len(d.group()), PartialDate(year, month, first))
    for m in NUMERIC_RE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and _valid(year, month, day):
            add(m.start(), m.end(), PartialDate(year, month, day))
    for m in MONTH_YEAR_RE.finditer(text):
        add(m.start(), m.end(), PartialDate(int(m.group(2)), month_number(m.group(1))))
    for m in (
        *MONTH_ALONE_RE.finditer(text),
        *MONTH_PART_RE.finditer(text),
        *SET_MONTH_RE.finditer(text),
        *SINCE_MONTH_RE.finditer(text),
    ):
        month = month_number(m.group(1))
        add(m.start(), m.end(), PartialDate(infer_year(month, None, published), month))
    for m in YEAR_RE.finditer(text):
        add(m.start(), m.end(), PartialDate(int(m.group(1))))
    if published is not None:
        for m in LAST_WEEK_DAY_RE.finditer(text):
            # "во вторник на прошлой неделе": that weekday of the calendar week before
            word = (m.group("a") or m.group("b")).lower()
            that_day = week_monday(published, 1) + timedelta(days=WEEKDAYS[word])
            add(m.start(), m.end(), _exact(that_day))
        for m in WEEKDAY_RE.finditer(text):
            # ("в прошлую пятницу" on a Friday: a week back)
            last = _weekday_back(published, WEEKDAYS[m.group(2).lower()], bool(m.group("past")))
            add(m.start(), m.end(), last)
        for m in WEEKDAY_ADJECTIVE_RE.finditer(text):
            add(
                m.start(), m.end(), _weekday_back(published, WEEKDAY_ADJECTIVES[m.group(1).lower()])
            )
        for m in RELATIVE_RE.finditer(text):
            add(
                m.start(), m.end(), _exact(published + timedelta(days=RELATIVE[m.group(1).lower()]))
            )
        for m in RELATIVE_PERIOD_RE.finditer(text):
            period = relative_period(m.group(1), m.group(2), published)
            if period is not None:
                add(m.start(), m.end(), period)
        for m in WEEKEND_RE.finditer(text):
            # "в выходные": the last Saturday and Sunday, one of them; the month is sure only
            # when both fall in it
            saturday = published - timedelta(days=(published.weekday() - 5) % 7)
            sunday = saturday + timedelta(days=1)
            if saturday.month == sunday.month:
                add(m.start(), m.end(), PartialDate(saturday.year, saturday.month))
        for m in PART_RELATIVE_RE.finditer(text):
            part = relative_period(m.group(1) or "этом", "месяце", published)
            if part is not None:
                add(m.start(), m.end(), part)
    for m in YEAR_PART_RE.finditer(text):
        add(m.start(), m.end(), PartialDate(int(m.group(1))))
    hits.sort(key=lambda h: h.span.start)
    for i in range(1, len(hits)):
        # "в мае 2023 года в Вене, в сентябре того же года на Мальте": the year before
        hit, before = hits[i], hits[i - 1]
        if hit.date.month and before.date.year and SAME_YEAR_RE.match(text, hit.span.end):
            hits[i] = replace(hit, date=replace(hit.date, year=before.date.year))
    return _shared_years(text, _appositions(text, [_year_word(text, h, published) for h in hits]))


def _shared_years(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "9 апреля и 17 июня 2022 года": the days listed before a stated year share it."""
    out = list(hits)
    stated = [bool(re.search(r"(?:19|20)\d\d", h.span.text)) for h in out]
    for i in range(len(out) - 2, -1, -1):
        hit, after = out[i], out[i + 1]
        if (
            hit.date.month is not None
            and after.date.year is not None
            and stated[i + 1]
            and not stated[i]
            and "год" not in hit.span.text
            and re.fullmatch(r"\s*(?:,|и)\s*", text[hit.span.end : after.span.start])
        ):
            out[i] = replace(hit, date=PartialDate(after.date.year, hit.date.month, hit.date.day))
            stated[i] = True
    return out


def _appositions(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "в июне 2019 года, 5 июня": one date, the day in that month's year."""
    out: list[DateHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.date.precision == "month"
            and hit.date.precision == "day"
            and prev.date.month == hit.date.month
            and prev.date.year is not None
            and re.fullmatch(r"\s*,?\s*", text[prev.span.end : hit.span.start])
            and not re.search(r"(?:19|20)\d\d", hit.span.text)
        ):
            span = Span(prev.span.start, hit.span.end, text[prev.span.start : hit.span.end])
            value = PartialDate(prev.date.year, hit.date.month, hit.date.day)
            out[-1] = DateHit(span, value, hit.weekday)
            continue
        out.append(hit)
    return out


YEAR_WORD_RE = re.compile(
    r"\s+(прошлого|прошедшего|минувшего|позапрошлого|этого|текущего|нынешнего|следующего"
    r"|будущего)\s+года(?!\w)",
    re.IGNORECASE,
)


def _year_word(text: str, hit: DateHit, published: date | None) -> DateHit:
    """ "15 декабря прошлого года", "в октябре прошлого года": the year from the word."""
    if published is None or hit.date.month is None:
        return hit
    m = YEAR_WORD_RE.match(text, hit.span.end)
    if m is None:
        return hit
    value = PartialDate(published.year - units_back(m.group(1)), hit.date.month, hit.date.day)
    span = Span(hit.span.start, m.end(), text[hit.span.start : m.end()])
    return DateHit(span, value, hit.weekday)


def units_back(word: str) -> int:
    """How many years (months, weeks) back a relative word points: "прошлого" 1,
    "позапрошлого" 2, "этого"/"текущего"/"нынешнего" 0, "следующего"/"будущего" -1."""
    low = word.lower()
    if low.startswith("позапрошл"):
        return 2
    if low.startswith(("прошл", "прошедш", "минувш")):
        return 1
    if low.startswith(("следующ", "будущ")):
        return -1
    return 0


def relative_period(which: str, unit: str, published: date) -> PartialDate | None:
    """ "в прошлом месяце" → that month; "на прошлой неделе" → its month when the whole
    week lies in one month, else None (a date is never guessed)."""
    back = units_back(which)
    unit = unit.lower()
    if unit == "году":
        return PartialDate(published.year - back)
    if unit == "месяце":
        months = published.year * 12 + published.month - 1 - back
        return PartialDate(months // 12, months % 12 + 1)
    monday = week_monday(published, back)
    sunday = monday + timedelta(days=6)
    if monday.month != sunday.month:
        return None
    return PartialDate(monday.year, monday.month)


def week_monday(published: date, back: int) -> date:
    """The Monday of the calendar week `back` weeks before the one of `published`."""
    return published - timedelta(days=published.weekday() + 7 * back)


def _exact(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def find_dates(text: str, *, published: date | None) -> list[tuple[Span, PartialDate]]:
    """Dates stated in `text`; relative words resolve against `published`, never guessed."""
    return [(h.span, h.date) for h in find_date_hits(text, published=published)]


def dateline_city(text: str) -> str | None:
    """The city of the dateline near the start ("АШХАБАД, 12 декабря. /ТАСС/." -> "АШХАБАД")."""
    m = DATELINE_RE.search(text[:1500])
    return re.split(r"[,.(]", m.group(0).strip(), maxsplit=1)[0].strip() if m else None


def parse_dateline(text: str, *, published: date | None) -> PartialDate | None:
    """The date of a news-agency dateline ("ВАШИНГТОН, 15 февраля. /ТАСС/.") near the start."""
    m = DATELINE_RE.search(text[:1500])
    if m is None:
        return None
    day, month = int(m.group(1)), month_number(m.group(2) or m.group(3))
    year = int(m.group(4)) if m.group(4) else infer_year(month, day, published)
    return PartialDate(year, month, day) if _valid(year, month, day) else None


DAYS_LATER_RE = re.compile(
    r"(?<![\w-])(?:на следующий день|на другой день|назавтра"
    r"|(?:спустя|через) (\d{1,2}|два|три|четыре|пять) дн(?:я|ей))"
    r"(?![\w-])(?!\s+после)",  # "через два дня после объявления": of that event
    re.IGNORECASE,
)
# "Через неделю был саммит": about a week after the day told, so of that month only
WEEKS_LATER_RE = re.compile(
    r"(?<![\w-])(?:спустя|через) (?:(две|три|\d) )?недел(?:ю|и|ь)(?![\w-])(?!\s+после)",
    re.IGNORECASE,
)
# "спустя два дня", "двумя неделями ранее", "встречались дважды": small counts in words
_COUNTS = {
    "дважды": 2,
    "трижды": 3,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "двумя": 2,
    "тремя": 3,
    "четырьмя": 4,
    "пятью": 5,
}
# "Двумя неделями ранее", "Тремя днями раньше", "неделей ранее": counted back from a day told
DAYS_EARLIER_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>двумя|тремя|четырьмя|пятью|\d{1,2})\s+)?"
    r"(?P<unit>дн(?:ем|ём|ями)|недел(?:ей|ями))\s+(?:ранее|раньше)(?![\w-])",
    re.IGNORECASE,
)


# "встречались дважды", "три раза", "оба раза": a count of contacts told one by one
TIMES_RE = re.compile(
    r"(?<![\w-])(?:дважды|трижды|оба раза|(?:два|три|четыре|пять|несколько) раза?)(?![\w-])",
    re.IGNORECASE,
)


def small_count(word: str) -> int | None:
    """The count a word says ("дважды", "трех"... in the table), or None."""
    return _COUNTS.get(word.lower())


def _count(word: str | None) -> int:
    """A count written in digits or words; one when none is written."""
    if word is None:
        return 1
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def days_earlier(text: str) -> int | None:
    """Days counted back by "Двумя неделями ранее" in `text`, or None when it says none."""
    m = DAYS_EARLIER_RE.search(text)
    if m is None:
        return None
    return _count(m.group("n")) * (7 if m.group("unit").lower().startswith("недел") else 1)


SAME_MONTH_RE = re.compile(r"(?<![\w-])в (?:том|этом) же месяце(?![\w-])", re.IGNORECASE)


def counts_later(text: str) -> bool:
    """Whether `text` counts days or weeks on from a day told ("Через неделю …")."""
    return bool(DAYS_LATER_RE.search(text) or WEEKS_LATER_RE.search(text))


def with_days_later(
    text: str, hits: list[DateHit], told: PartialDate | None = None
) -> list[DateHit]:
    """Add the dates of "на следующий день", "спустя три дня" counted from the day before
    them in the same text ("13 мая … на следующий день там же встретился"), else from `told`
    (the last day the text before it names), and the month of "в том же месяце"."""
    out = list(hits)
    for m in SAME_MONTH_RE.finditer(text):
        before = [h for h in out if h.span.end <= m.start() and h.date.month and h.date.year]
        if before:
            month = before[-1].date
            span = Span(m.start(), m.end(), m.group(0))
            out.append(DateHit(span, PartialDate(month.year, month.month)))
    counted = [(m, timedelta(days=_count(m.group(1))), True) for m in DAYS_LATER_RE.finditer(text)]
    # ("через неделю": about a week on, so only its month is sure)
    counted += [
        (m, timedelta(weeks=_count(m.group(1))), False) for m in WEEKS_LATER_RE.finditer(text)
    ]
    for m, step, to_day in counted:
        before = [h for h in out if h.span.end <= m.start() and h.date.precision == "day"]
        day = before[-1].date.to_date() if before else told.to_date() if told else None
        if day is None:
            continue
        later = day + step
        span = Span(m.start(), m.end(), m.group(0))
        out.append(
            DateHit(span, PartialDate(later.year, later.month, later.day if to_day else None))
        )
    return sorted(out, key=lambda h: h.span.start)
