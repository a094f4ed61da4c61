"""Contacts of East Asia (rules read from dev set 33): Korean and Japanese name variants,
offices by date, a yearless dateline dated by the people's terms, days told as a pair, a
list after a colon, wishes and hopes, schedules, a delegation's day, hosts received one by
one, "через неделю" and "там же". Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

LAVROV = "Сергей Лавров"
CHOE = "Чхве Сон Хи"
CHO = "Чо Хён"
RUBIO = "Марко Рубио"
IWAYA = "Такэси Ивая"
ISHIBA = "Сигэру Исиба"
TRUMP = "Дональд Трамп"
LEE = "Ли Чжэ Мён"
KIM = "Ким Чен Ын"

# text, publication date, expected {(participants, kind, status, date)}
EAST_ASIA = [
    [  # "Цой Сон Хи" is the registry's Чхве Сон Хи
        "Глава МИД КНДР Цой Сон Хи 16 января провела в Москве переговоры с Сергеем Лавровым.",
        date(2024, 1, 17),
        {((LAVROV, CHOE), "talks", "happened", day(2024, 1, 16))},
    ],
    [  # "30 и 31 мая": two days of one event, so its month; "с японскими коллегами" named
        # next; Ивая was Japan's defence minister in 2019
        "30 и 31 мая министр иностранных дел России Сергей Лавров и министр обороны Сергей"
        " Шойгу провели в Токио переговоры с японскими коллегами. Японскую сторону"
        " представляли глава МИД Таро Коно и министр обороны Такэси Ивая.",
        date(2019, 5, 31),
        {
            (
                (LAVROV, "Сергей Шойгу", IWAYA, "Таро Коно"),
                "talks",
                "happened",
                day(2019, 5),
            )
        },
    ],
    [  # a dateline with no year on a page with none: the one year both were in office
        "Токио, 29 июля (Jiji Press) – Министр иностранных дел Японии Такэси Ивая и его"
        " новый южнокорейский коллега Чо Хён во вторник провели первые переговоры.",
        None,
        {((IWAYA, CHO), "talks", "happened", day(2025, 7, 29))},
    ],
    [  # "с Джо Байденом Исиба": a family name before another's is no first name
        "Президент Южной Кореи Юн Сок Ёль созвонился с Трампом в тот же день. С уходящим"
        " президентом США Джо Байденом Исиба впервые поговорил по телефону 2 октября.",
        date(2024, 11, 7),
        {
            ((TRUMP, "Юн Сок Ёль"), "phone", "happened", day(2024, 11, 7)),
            (("Джо Байден", ISHIBA), "phone", "happened", day(2024, 10, 2)),
        },
    ],
    [  # wishes and a meeting waited for are no plans
        "Трамп сказал, что хотел бы увидеться с Ким Чен Ыном «в этом году», хотя конкретных"
        " договоренностей нет. По словам Ли, северокорейский лидер «будет ждать» встречи с"
        " президентом США. Сам Трамп был бы не прочь снова увидеться с Ким Чен Ыном.",
        date(2025, 8, 26),
        set(),
    ],
    [  # a schedule after a future trip; a White House spokeswoman is no party
        "Президент США Дональд Трамп во время турне встретится с президентом Республики Корея"
        " Ли Чжэ Мёном, сообщила пресс-секретарь Белого дома Каролин Левитт. В среду утром"
        " американский лидер переберется в Южную Корею: в программе двусторонняя встреча с"
        " президентом Ли Чжэ Мёном.",
        date(2025, 10, 23),
        {((TRUMP, LEE), "meeting", "planned", day(2025, 10, 29))},
    ],
    [  # an outlet's interview with an expert is no contact; "у него был разговор с X"
        "Новый премьер-министр Японии Сигэру Исиба работает меньше месяца. О его первых шагах"
        " мы поговорили с японистом Глебом Сорокиным.\n\n— С чего Исиба начал?\n\n— С"
        " Вашингтона. Уже 2 октября у него был первый телефонный разговор с президентом Джо"
        " Байденом.",
        date(2024, 10, 20),
        {(("Джо Байден", ISHIBA), "phone", "happened", day(2024, 10, 2))},
    ],
    [  # a dated list after a colon: each item its own day, the pronoun before the colon
        "Дальше эстафету принял министр иностранных дел Чо Хён. Свою первую поездку он начал"
        " с Токио: 29 июля — переговоры с Такэси Иваей, а 31 июля — первые переговоры с Марко"
        " Рубио в Вашингтоне.",
        date(2025, 9, 12),
        {
            ((IWAYA, CHO), "talks", "happened", day(2025, 7, 29)),
            ((RUBIO, CHO), "talks", "happened", day(2025, 7, 31)),
        },
    ],
    [  # "Через неделю": about a week on, so the month; "Там же": that time; "сорвалась"
        "Уже 9 июня Ли Чжэ Мён поговорил по телефону с японским премьером Сигэру Исибой."
        " Через неделю был саммит G7 в Канаде, где Ли провел с Исибой первые очные"
        " переговоры. Там же должна была пройти и его первая встреча с Дональдом Трампом, но"
        " она сорвалась.",
        date(2025, 9, 12),
        {
            ((LEE, ISHIBA), "phone", "happened", day(2025, 6, 9)),
            ((LEE, ISHIBA), "talks", "happened", day(2025, 6)),
            ((TRUMP, LEE), "meeting", "cancelled", day(2025, 6)),
        },
    ],
    [  # a clause after the contact tells what it was
        "Первый контакт Ли Чжэ Мёна и Сигэру Исибы состоялся 9 июня, когда они около 25 минут"
        " говорили по телефону. Исиба и Трамп впервые увиделись 7 февраля в Белом доме, где"
        " провели переговоры и рабочий обед.",
        date(2025, 6, 18),
        {
            ((LEE, ISHIBA), "phone", "happened", day(2025, 6, 9)),
            ((TRUMP, ISHIBA), "talks", "happened", day(2025, 2, 7)),
        },
    ],
    [  # a title in the nominative before a name no title matched; "лидерами АТЭС" is none
        "Минобороны Японии сообщило, что 29 октября министр обороны Синдзиро Коидзуми"
        " проведет встречу с главой Пентагона Питом Хегсетом.\n\nКОРЕЯ. Из Токио Трамп в"
        " среду отправится в Южную Корею. В программе — двусторонняя встреча с президентом"
        " Ли Чжэ Мёном и выступление перед лидерами АТЭС.",
        date(2025, 10, 27),
        {
            (("Пит Хегсет", "Синдзиро Коидзуми"), "meeting", "planned", day(2025, 10, 29)),
            ((TRUMP, LEE), "meeting", "planned", None),
        },
    ],
    [  # the day the delegation was there, past the line naming the source
        "Секретарь Совета безопасности России Сергей Шойгу провел встречу с председателем"
        " государственных дел КНДР Ким Чен Ыном. Об этом сообщила пресс-служба Совбеза."
        " Российская делегация находилась в Пхеньяне в пятницу, 13 сентября.",
        date(2024, 9, 14),
        {((KIM, "Сергей Шойгу"), "meeting", "happened", day(2024, 9, 13))},
    ],
    [  # two hosts of one side received the guest: one meeting each
        "Поездка готовилась заранее: в конце сентября Пекин посетила министр иностранных дел"
        " КНДР Чвэ Сон Хи, которую приняли глава МИД Ван И и сам Ли Цян.",
        date(2025, 10, 7),
        {
            (("Ван И", CHOE), "meeting", "happened", day(2025, 9)),
            (("Ли Цян", CHOE), "meeting", "happened", day(2025, 9)),
        },
    ],
    [  # "остаются в графике": still ahead
        "Трамп покинул саммит досрочно. Переговоры президента Ли Чжэ Мёна с японским"
        " премьером Сигэру Исибой остаются в графике.",
        date(2025, 6, 17),
        {((LEE, ISHIBA), "talks", "planned", None)},
    ],
]
