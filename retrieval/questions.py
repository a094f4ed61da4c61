"""A user question to a Query: people, unknown names, period, contact kinds, intent, lemmas."""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Mapping
from datetime import date, timedelta

from retrieval.concepts import kinds_of_lemma
from retrieval.learned import LearnedNames
from retrieval.lemmas import STOPWORDS, Lemmatizer, tokenize
from retrieval.question_people import PersonResolver, find_names, resolve_people
from retrieval.types import Intent, Kind, Query

__all__ = ["PersonResolver", "parse_period", "parse_question", "resolve_people"]

MAX_ANALYSED_CHARS = 1000
MIN_YEAR, MAX_YEAR = 1900, 2100

KIND_SCOPE: Mapping[Kind, frozenset[Kind]] = {
    "phone": frozenset({"phone"}),
    "meeting": frozenset({"meeting", "visit", "talks"}),
    "visit": frozenset({"visit"}),
    "talks": frozenset({"talks", "meeting"}),
}
"""Kinds a question word of one kind asks about ("встречались" also covers visits and talks)."""

QUESTION_WORDS = "когда кто что где почему зачем как какой каков сколько ли ль чей разве"
PERIOD_WORDS = (
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь год месяц"
    " неделя день прошлый прошедший последний этот текущий сегодня вчера позавчера раз крайний"
    " начиная г гг"
)
QUESTION_LEMMAS = frozenset(QUESTION_WORDS.split(" "))
PERIOD_LEMMAS = frozenset(PERIOD_WORDS.split(" "))
EXCLUDED_LEMMAS = STOPWORDS | QUESTION_LEMMAS | PERIOD_LEMMAS

_B, _E = r"(?<![а-яa-z0-9])", r"(?![а-яa-z0-9])"
SOFT_MONTHS = ("январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр")
MONTH_FORMS: Mapping[str, int] = {
    **{
        stem + end: number
        for stem, number in zip(SOFT_MONTHS, (1, 2, 4, 6, 7, 9, 10, 11, 12), strict=True)
        for end in "ьяею"
    },
    **{
        stem + end: number
        for stem, number in (("март", 3), ("август", 8))
        for end in ("", "а", "е", "у")
    },
    "май": 5,
    "мая": 5,
    "мае": 5,
    "маю": 5,
}
"""Every case form of every month name used in questions ("феврале", "мая")."""
MONTH = rf"{_B}(?:{'|'.join(sorted(MONTH_FORMS, key=len, reverse=True))}){_E}"
NUMBER_WORDS: Mapping[str, int] = {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6}
YEAR_WORD = r"(?:\s*(?:годы|годах|годов|года|году|год|гг?\.?))?"
EXPR = (
    rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|(?:\d{{1,2}}\s+)?{MONTH}(?:\s+\d{{4}})?|\d{{4}}){YEAR_WORD}"
)
RANGE_RE = re.compile(rf"{_B}(?:с|от|между)\s+({EXPR}|\d{{1,2}})\s+(?:по|до|и)\s+({EXPR})")
YEAR_RANGE_RE = re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)")
SINCE_RE = re.compile(rf"{_B}(?:начиная\s+)?с\s+({EXPR})")
NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
DAY_RE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({MONTH})(?:\s+(\d{{4}}))?")
MONTH_YEAR_RE = re.compile(rf"({MONTH})\s+(\d{{4}})(?!\d)")
MONTH_RE = re.compile(MONTH)
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
LAST_SPAN_RE = re.compile(
    rf"{_B}за\s+(?:последн|прошедш)\w*\s+(?:(\d{{1,3}}|{'|'.join(NUMBER_WORDS)})\s+)?"
    r"(дн|день|недел|месяц|год|лет|полгода)"
)
CALENDAR_RE = re.compile(
    rf"{_B}(?:в|на)\s+(этом|текущем|прошлом|прошедшем|этой|текущей|прошлой)\s+(году|месяце|неделе)"
)
DAYS_AGO = {"сегодня": 0, "вчера": 1, "позавчера": 2}
DAYS_AGO_RE = re.compile(rf"{_B}(сегодня|вчера|позавчера){_E}")

WHO_RE = re.compile(rf"{_B}(?:с\s+кем|кому|кто){_E}")
ABOUT_RE = re.compile(
    rf"{_B}(?:о|об)\s+ч[её]м{_E}|{_B}до\s+чего{_E}|{_B}о\s+каких{_E}|{_B}какие\s+темы"
    rf"|{_B}что\s+(?:обсужда|обсуди|говори|сказа|заяви|договори|реши|обеща)|{_B}итоги?{_E}"
)
LAST_RE = re.compile(
    rf"{_B}(?:последн|крайн)\w*\s+раз{_E}|(?<!за )(?<![а-я])последн(?:ий|яя|ее|юю|его|ей)\s+"
    r"(?:контакт|встреч|разговор|звон|визит|переговор|бесед|созвон|общени)"
)
TAG_RE = re.compile(r"<[^<>]{0,200}>")


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _recent_year(month: int, day: int, today: date) -> int:
    """The latest year in which month/day is not after today."""
    return today.year if (month, day) <= (today.month, today.day) else today.year - 1


def _shift_months(value: date, months: int) -> date:
    total = value.year * 12 + value.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(value.day, calendar.monthrange(year, month + 1)[1]))


def _expr_period(expr: str, today: date, *, year: int | None = None) -> tuple[date, date] | None:
    """Period one date expression denotes; `year` fills a missing year (range starts)."""
    if match := NUMERIC_RE.search(expr):
        day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return day, day
    if match := DAY_RE.search(expr):
        month, day_number = MONTH_FORMS[match.group(2)], int(match.group(1))
        found = int(match.group(3)) if match.group(3) else year
        found = found or _recent_year(month, day_number, today)
        day = date(found, month, day_number)
        return day, day
    if match := MONTH_YEAR_RE.search(expr):
        return _month_period(int(match.group(2)), MONTH_FORMS[match.group(1)])
    if match := YEAR_RE.search(expr):
        found = int(match.group(1))
        return date(found, 1, 1), date(found, 12, 31)
    if match := MONTH_RE.search(expr):
        month = MONTH_FORMS[match.group(0)]
        return _month_period(year or _recent_year(month, 1, today), month)
    return None


def _range_start(expr: str, end: tuple[date, date], today: date) -> tuple[date, date] | None:
    """Start of "с 1 по 15 февраля" / "с марта по май 2025": missing parts come from the end."""
    if expr.isdigit() and len(expr) <= 2:
        day = end[1].replace(day=int(expr))
        return day, day
    return _expr_period(expr, today, year=end[1].year)


def _relative_period(text: str, today: date) -> tuple[date, date] | None:
    if match := LAST_SPAN_RE.search(text):
        count, unit = match.group(1) or "1", match.group(2)
        amount = NUMBER_WORDS.get(count) or int(count)
        if unit == "полгода":
            return _shift_months(today, -6), today
        if unit in ("дн", "день"):
            return today - timedelta(days=amount), today
        if unit == "недел":
            return today - timedelta(weeks=amount), today
        months = amount if unit == "месяц" else 12 * amount
        return _shift_months(today, -min(months, 12 * 200)), today
    if match := CALENDAR_RE.search(text):
        back = int(match.group(1).startswith(("прошл", "прошедш")))
        unit = match.group(2)
        if unit == "году":
            return date(today.year - back, 1, 1), date(today.year - back, 12, 31)
        if unit == "месяце":
            first = _shift_months(today.replace(day=1), -back)
            return _month_period(first.year, first.month)
        monday = today - timedelta(days=today.weekday(), weeks=back)
        return monday, monday + timedelta(days=6)
    if match := DAYS_AGO_RE.search(text):
        day = today - timedelta(days=DAYS_AGO[match.group(1)])
        return day, day
    return None


def parse_period(text: str, today: date) -> tuple[date, date] | None:
    """The inclusive period a lower-cased question names, or None."""
    try:
        if match := RANGE_RE.search(text):
            end = _expr_period(match.group(2), today)
            start = end and _range_start(match.group(1), end, today)
            if start and end and start[0] <= end[1]:
                return start[0], end[1]
        if match := YEAR_RANGE_RE.search(text):
            first, last = sorted((int(match.group(1)), int(match.group(2))))
            return date(first, 1, 1), date(last, 12, 31)
        if match := SINCE_RE.search(text):
            since = _expr_period(match.group(1), today)
            if since and since[0] <= today:
                return since[0], today
        period = _relative_period(text, today) or _expr_period(text, today)
    except ValueError:  # 31 февраля, year 0 and the like: no period rather than a wrong one
        return None
    if period and period[0].year >= MIN_YEAR and period[1].year <= MAX_YEAR:
        return period
    return None


def reference_day(period: tuple[date, date] | None, today: date) -> date:
    """The day whose office holders a question means: mid-period, else today.

    "президент США в 2021 году" is the one who held the office most of that year; with no
    period the question is about today's holders (an older pair needs its period asked).
    """
    if period is None:
        return today
    middle = period[0] + (period[1] - period[0]) / 2
    return min(middle, today)


def _kinds(lemmas: list[str]) -> frozenset[Kind] | None:
    kinds: set[Kind] = set()
    for lemma in lemmas:
        for kind in kinds_of_lemma(lemma):
            kinds |= KIND_SCOPE[kind]
    return frozenset(kinds) or None


def _intent(text: str, people: tuple[str, ...]) -> Intent:
    if not people:
        return "search"
    if len(people) == 1 and WHO_RE.search(text):
        return "who"
    if ABOUT_RE.search(text):
        return "about"
    if LAST_RE.search(text):
        return "last"
    return "when"


def _question_offices(
    registry: PersonResolver, text: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Offices named by title in the question, and titles of offices the registry does not
    hold, when the registry can tell."""
    finder = getattr(registry, "question_offices", None)
    if finder is None:
        return (), ()
    keys, unknown = finder(text)
    return tuple(keys), tuple(unknown)


def parse_question(
    text: str,
    *,
    registry: PersonResolver,
    lemmatizer: Lemmatizer,
    today: date,
    learned: LearnedNames | None = None,
) -> Query:
    """Understand a question: people, unknown names, period, kinds, intent and search lemmas.

    `learned` resolves people stored from articles that the registry does not know.
    """
    plain = " ".join(html.unescape(TAG_RE.sub(" ", text[:MAX_ANALYSED_CHARS])).split())
    lower = plain.lower().replace("ё", "е")
    period = parse_period(lower, today)
    people = resolve_people(
        plain, registry=registry, learned=learned, on=reference_day(period, today)
    )
    name_lemmas, unknown = find_names(
        plain,
        people,
        registry=registry,
        learned=learned,
        lemmatizer=lemmatizer,
        today=today,
        skip=EXCLUDED_LEMMAS,
    )
    all_lemmas = [lemmatizer.lemma(token) for token in tokenize(plain)]
    content = [
        lemma
        for lemma in all_lemmas
        if len(lemma) > 1
        and not lemma.isdigit()
        and lemma not in EXCLUDED_LEMMAS
        and lemma not in name_lemmas
    ]
    offices, unknown_offices = _question_offices(registry, plain)
    return Query(
        text=text.strip(),
        people=people,
        # "президент Уругвая": no such office known, as unknown as a name
        unknown_names=(*unknown, *unknown_offices),
        period=period,
        kinds=_kinds(all_lemmas),
        intent=_intent(lower, people),
        lemmas=tuple(dict.fromkeys(content)),
        offices=offices,
    )
