from datetime import date

import pytest

from retrieval.dates import DateHit, find_dates, parse_dateline, with_days_later
from retrieval.types import PartialDate, Span

PUBLISHED = date(2025, 2, 15)  # a Saturday

DATES = [
    ["15 февраля 2025 года", PUBLISHED, [PartialDate(2025, 2, 15)]],
    # the month a "когда" clause tells, with its year word
    ["после сентября прошлого года, когда они беседовали", PUBLISHED, [PartialDate(2024, 9)]],
    ["15.02.2025", None, [PartialDate(2025, 2, 15)]],
    ["15 февраля", PUBLISHED, [PartialDate(2025, 2, 15)]],
    ["15 февраля", None, [PartialDate(None, 2, 15)]],
    ["28 декабря", PUBLISHED, [PartialDate(2024, 12, 28)]],
    ["в феврале 2025 года", None, [PartialDate(2025, 2)]],
    ["в 2021 году", None, [PartialDate(2021)]],
    ["В субботу, 15 февраля", None, [PartialDate(None, 2, 15)]],
    ["в субботу", PUBLISHED, [PartialDate(2025, 2, 15)]],
    ["в четверг", PUBLISHED, [PartialDate(2025, 2, 13)]],
    ["накануне", PUBLISHED, [PartialDate(2025, 2, 14)]],
    ["вчера", PUBLISHED, [PartialDate(2025, 2, 14)]],
    ["сегодня", PUBLISHED, [PartialDate(2025, 2, 15)]],
    ["сегодня", None, []],
    # a week known only by its month: the month, when the whole week lies in it
    ["на прошлой неделе", PUBLISHED, [PartialDate(2025, 2)]],
    ["на прошлой неделе", date(2025, 3, 5), []],  # 24 February - 2 March: no one month
    ["в прошлом месяце", date(2025, 1, 10), [PartialDate(2024, 12)]],
    # a weekday of the week before
    ["во вторник на прошлой неделе", date(2022, 6, 29), [PartialDate(2022, 6, 21)]],
    ["на прошлой неделе, в пятницу", PUBLISHED, [PartialDate(2025, 2, 7)]],
    # a night over two days: the month is what is sure
    ["в ночь с 9 на 10 октября", date(2020, 10, 13), [PartialDate(2020, 10)]],
    ["в прошлом году", PUBLISHED, [PartialDate(2024)]],
    ["в январе прошлого года", PUBLISHED, [PartialDate(2024, 1)]],
    ["15 декабря позапрошлого года", PUBLISHED, [PartialDate(2023, 12, 15)]],
    ["в начале 2022 года", None, [PartialDate(2022)]],
    ["В июне 2019 года, 5 июня, гость был в Москве", date(2021, 6, 29), [PartialDate(2019, 6, 5)]],
    ["в апреле следующего года", date(2025, 10, 31), [PartialDate(2026, 4)]],
    ["19 мая 2021 года накануне сессии", PUBLISHED, [PartialDate(2021, 5, 19)]],
    ["накануне вечером", PUBLISHED, [PartialDate(2025, 2, 14)]],
    ["продление до 2026 года", None, []],
    ["31 февраля", None, []],
    ["в следующем месяце", date(2024, 12, 5), [PartialDate(2025, 1)]],
    ["в нынешнем году", PUBLISHED, [PartialDate(2025)]],
    ["в будущем году", PUBLISHED, [PartialDate(2026)]],
    ["весной 2018 года", None, [PartialDate(2018)]],
    # days listed before a month share it; days listed before a year share that year
    ["3 и 7 марта", PUBLISHED, [PartialDate(2025, 3, 3), PartialDate(2025, 3, 7)]],
    [
        "9 апреля и 17 июня 2022 года",
        PUBLISHED,
        [PartialDate(2022, 4, 9), PartialDate(2022, 6, 17)],
    ],
    ["в 2 и 3 часа 5 мая", PUBLISHED, [PartialDate(2024, 5, 5)]],
    ["в конце августа", PUBLISHED, [PartialDate(2024, 8)]],
    # a part of a month a plan is set for: that month
    ["запланирован на вторую декаду апреля", PUBLISHED, [PartialDate(2025, 4)]],
    ["во второй декаде марта", PUBLISHED, [PartialDate(2025, 3)]],
    # "хоть завтра" is any time, no day
    ["готов приехать хоть завтра", PUBLISHED, []],
    [
        "в мае 2023 года, в сентябре того же года",
        PUBLISHED,
        [PartialDate(2023, 5), PartialDate(2023, 9)],
    ],
]


@pytest.mark.parametrize(("text", "published", "expected"), DATES)
def test_find_dates(text: str, published: date | None, expected: list[PartialDate]) -> None:
    assert [d for _, d in find_dates(text, published=published)] == expected


def test_span_points_at_the_date() -> None:
    text = "Встреча прошла 12 февраля в Эр-Рияде."
    [(span, _)] = find_dates(text, published=None)
    assert text[span.start : span.end] == span.text == "12 февраля"


DATELINES = [
    [
        "15.02.2025, 23:43\nФото: tass.ru\n\nВАШИНГТОН, 15 февраля. /ТАСС/. Госсекретарь",
        PUBLISHED,
        PartialDate(2025, 2, 15),
    ],
    ["МОСКВА, 3 марта — РИА Новости. Текст", None, PartialDate(None, 3, 3)],
    # agencies shorten the month; Interfax puts dots; a plain page runs on after the date
    ["КАЗАНЬ, 23 окт — РИА Новости. Премьер", PUBLISHED, PartialDate(2024, 10, 23)],
    ["ТЯНЬЦЗИНЬ. 31 августа. INTERFAX.RU - Премьер", PUBLISHED, PartialDate(2024, 8, 31)],
    ["\nСОЧИ, 23 октября. Президент России", PUBLISHED, PartialDate(2024, 10, 23)],
    ["ВАЖНО: встреча 23 октября. Президент", PUBLISHED, None],
    ["Министр иностранных дел России Сергей Лавров, 15 февраля", None, None],
    ["Просто текст без даты.", PUBLISHED, None],
]


@pytest.mark.parametrize(("text", "published", "expected"), DATELINES)
def test_parse_dateline(text: str, published: date | None, expected: PartialDate | None) -> None:
    assert parse_dateline(text, published=published) == expected


def test_days_and_weeks_later_count_from_the_day_told_before() -> None:
    """ "Через неделю" with no day before it in the text: a week after the day the sentence
    before told, so that month; a month told in between is not the day counted from."""
    text = "в мае, в том же месяце, через неделю, а на следующий день"
    may = DateHit(Span(0, 5, "в мае"), PartialDate(2025, 5))
    hits = with_days_later(text, [may], PartialDate(2025, 6, 9))
    assert [h.date for h in hits] == [
        PartialDate(2025, 5),
        PartialDate(2025, 5),
        PartialDate(2025, 6),
        PartialDate(2025, 6, 10),
    ]
