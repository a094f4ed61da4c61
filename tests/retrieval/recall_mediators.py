"""Contacts of war-time mediation (rules read from dev set 24): a span "с марта 2022 года"
that gives no year to the story, an envoy's title before an indeclinable name, a relative
clause before the verb, a meeting told again by its host's verb, a series of calls and its
partners, a video call, a companion "вместе с ним", and "в тот же день" after a call told
to the day. Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

ZUPPI = "Маттео Дзуппи"
ERDOGAN = "Реджеп Тайип Эрдоган"
PUTIN = "Владимир Путин"
ZELENSKY = "Владимир Зеленский"
TRUMP = "Дональд Трамп"

# text, publication date, expected {(participants, kind, status, date)}
MEDIATORS = [
    [  # "с марта 2022 года" runs to now: the call of "12 мая" is of the news year
        "Министр не бывал в Пекине с марта 2022 года. Его поездку анонсировали после"
        " телефонного разговора Эрдогана и Путина 12 мая.",
        date(2023, 5, 20),
        {((PUTIN, ERDOGAN), "phone", "happened", day(2023, 5, 12))},
    ],
    [  # "кардинал" before the indeclinable name: a title, the name is the subject
        "Специальный посланник кардинал Маттео Дзуппи в четверг встретился в Пекине со"
        " спецпредставителем КНР Ли Хуэем.",
        date(2023, 9, 15),
        {(("Ли Хуэй", ZUPPI), "meeting", "happened", day(2023, 9, 14))},
    ],
    [  # the relative clause closes before the verb: its subject is not the verb's
        "Кардинал Маттео Дзуппи, которого папа Франциск направил в Вашингтон, во вторник"
        " встретился с Джо Байденом.",
        date(2023, 7, 20),
        {(("Джо Байден", ZUPPI), "meeting", "happened", day(2023, 7, 18))},
    ],
    [  # "которого он принял в среду" tells the meeting again, with its day
        "Владимир Путин в пятницу обсудил с журналистами итоги встречи с премьер-министром"
        " Венгрии Виктором Орбаном, которого он принял в Кремле в среду.",
        date(2024, 7, 6),
        {(("Виктор Орбан", PUTIN), "meeting", "happened", day(2024, 7, 3))},
    ],
    [  # a series of calls, then its partners by office
        "Президент Турции Реджеп Тайип Эрдоган в понедельник провел серию телефонных"
        " разговоров. Среди его собеседников — президент Франции и канцлер Германии.",
        date(2023, 1, 10),
        {
            ((ERDOGAN, "Эмманюэль Макрон"), "phone", "happened", day(2023, 1, 9)),
            (("Олаф Шольц", ERDOGAN), "phone", "happened", day(2023, 1, 9)),
        },
    ],
    [  # "поговорил по видеосвязи": one call, of the day before
        "Накануне Мерц поговорил по видеосвязи с Зеленским.",
        date(2025, 9, 5),
        {((ZELENSKY, "Фридрих Мерц"), "phone", "happened", day(2025, 9, 4))},
    ],
    [  # "вместе с ним": the partner of the meeting joins the video call
        "В среду Стармер встретился с Зеленским, а затем вместе с ним принял участие в"
        " видеоконференции с Трампом.",
        date(2025, 8, 21),
        {
            ((ZELENSKY, "Кир Стармер"), "meeting", "happened", day(2025, 8, 20)),
            ((ZELENSKY, TRUMP, "Кир Стармер"), "phone", "happened", day(2025, 8, 20)),
        },
    ],
    [  # "в тот же день": the call's Monday, not the week of the talks it told about;
        # "позвонил Моди": the one called is no party of the talks
        "Путин в понедельник позвонил Моди и рассказал о переговорах с Трампом, прошедших на"
        " прошлой неделе на Аляске. В тот же день Трамп принял в Белом доме Зеленского.",
        date(2025, 8, 19),
        {
            ((PUTIN, "Нарендра Моди"), "phone", "happened", day(2025, 8, 18)),
            ((PUTIN, TRUMP), "talks", "happened", day(2025, 8)),
            ((ZELENSKY, TRUMP), "meeting", "happened", day(2025, 8, 18)),
        },
    ],
]
