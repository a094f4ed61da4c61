"""Contacts told in round-ups and live blogs (rules read from dev set 22): a bare plural
title of two heads ("Президенты коротко пообщались") after a sentence that names them, a
talk done once ("пообщались", "поговорили") dated by the day of the news, and the pair's
earlier contact told after "первая … после" ("первая их встреча после разговора 12
июня"). Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

ERDOGAN = "Реджеп Тайип Эрдоган"
TOKAYEV = "Касым-Жомарт Токаев"
MACRON = "Эмманюэль Макрон"
MERZ = "Фридрих Мерц"
MODI = "Нарендра Моди"
ISHIBA = "Сигэру Исиба"

# text, publication date, expected {(participants, kind, status, date)}
ROUNDUPS = [
    [  # "Президенты": the two heads the sentence before names, on the day of the news
        "Выступая в Генассамблее ООН, Эрдоган рассказал, что утром столкнулся в коридоре с"
        " Токаевым. Президенты коротко пообщались у лифтов.",
        date(2025, 9, 23),
        {((TOKAYEV, ERDOGAN), "meeting", "happened", day(2025, 9, 23))},
    ],
    [  # "пообщались": one talk, done, in the news of the day
        "Президент Франции Эмманюэль Макрон и канцлер Германии Фридрих Мерц пообщались на"
        " полях саммита.",
        date(2025, 6, 25),
        {((MERZ, MACRON), "meeting", "happened", day(2025, 6, 25))},
    ],
    [  # (not "общались": talks over time, no day)
        "Макрон и Мерц общались на полях саммита.",
        date(2025, 6, 25),
        {((MERZ, MACRON), "meeting", "happened", None)},
    ],
    [  # "первая их встреча после телефонного разговора 12 июня": the call, on its day
        "Премьер Индии Нарендра Моди в пятницу встретился в Токио с премьером Японии Сигэру"
        " Исибой. Это первая их личная встреча после телефонного разговора 12 июня.",
        date(2025, 8, 29),
        {
            ((MODI, ISHIBA), "meeting", "happened", day(2025, 8, 29)),
            ((MODI, ISHIBA), "phone", "happened", day(2025, 6, 12)),
        },
    ],
]
