"""Contacts told in round-ups and live blogs (rules read from dev set 22): a bare plural
title of two heads ("Президенты коротко пообщались") after a sentence that names them, a
talk done once ("пообщались", "поговорили") dated by the day of the news, and the pair's
earlier contact told after "первая … после" ("первая их встреча после разговора 12
июня"); "навестил" (a call on someone, the object fronted past a place), a weekday told by
an adjective ("после субботней встречи"), and the pronoun subject after a framed noun ("после
встречи с X он улетел"), and the members of a group named after a dash ("переговоры с
руководством Африканского союза — X и Y, а затем встретился с Z"); rules read from dev set 36:
an agency's report of a call the article denies ("агентство Bloomberg со ссылкой на источники
сообщило, что"), the aides who join a meeting "в расширенном составе", the day of a forum the
lead tells held ("в четверг прошел саммит"), and the partners of a series of meetings told
one per sentence ("С премьером X он договорился …"), a welcome at a railway station, a meeting "в программе
нет", "не отменена, а перенесена", and a spokeswoman quoted after the report of a call.
Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

ERDOGAN = "Реджеп Тайип Эрдоган"
TOKAYEV = "Касым-Жомарт Токаев"
MACRON = "Эмманюэль Макрон"
MERZ = "Фридрих Мерц"
MODI = "Нарендра Моди"
ISHIBA = "Сигэру Исиба"
STUBB = "Александр Стубб"
SCHOLZ = "Олаф Шольц"
ZELENSKY = "Владимир Зеленский"

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
    [  # "навестил": the object fronted before the verb, a place between
        "В субботу Шольца в Берлине навестил президент Финляндии Александр Стубб.",
        date(2024, 3, 18),
        {((STUBB, SCHOLZ), "meeting", "happened", day(2024, 3, 16))},
    ],
    [  # "навестит": a plan
        "Стубб навестит Шольца в Берлине в апреле.",
        date(2024, 3, 18),
        {((STUBB, SCHOLZ), "meeting", "planned", day(2024, 4))},
    ],
    [  # "после субботней встречи с X … он улетел": the subject before the colon, on Saturday
        "Премьер Индии Нарендра Моди досрочно покинул саммит: после субботней встречи с Сирилом"
        " Рамафосой в Йоханнесбурге он улетел в Дели.",
        date(2025, 11, 24),
        {((MODI, "Сирил Рамафоса"), "meeting", "happened", day(2025, 11, 22))},
    ],
    [  # (the weekday adjective of the contact that "стал первым после 2 марта": that day)
        "Это второй их разговор за неделю: в пятницу Шойгу и Остин уже созванивались."
        " Пятничный разговор стал первым после 2 марта.",
        date(2024, 3, 18),
        {
            (("Ллойд Остин", "Сергей Шойгу"), "phone", "happened", day(2024, 3, 15)),
            (("Ллойд Остин", "Сергей Шойгу"), "phone", "happened", day(2024, 3, 2)),
        },
    ],
    [  # the members of a group after a dash are partners, not the subject of the next verb
        "В среду Лавров провел переговоры с руководством Африканского союза — Феликсом Чисекеди"
        " и Мусой Факи Махаматом, а затем встретился с Маки Саллом.",
        date(2023, 2, 16),
        {
            (
                ("Муса Факи Махамат", "Сергей Лавров", "Феликс Чисекеди"),
                "talks",
                "happened",
                day(2023, 2, 15),
            ),
            (("Маки Салл", "Сергей Лавров"), "meeting", "happened", day(2023, 2, 15)),
        },
    ],
    [  # "агентство … со ссылкой на источники сообщило, что": the claim the page denies
        "Глава МИД Словакии опроверг сообщения о телефонном разговоре Роберта Фицо с Дональдом"
        " Трампом. «Такого разговора не было», — сказал министр. Накануне агентство Reuters со"
        " ссылкой на источники сообщило, что Трамп позвонил Фицо в понедельник, 3 марта.",
        date(2025, 3, 6),
        {(("Дональд Трамп", "Роберт Фицо"), "phone", "denied", day(2025, 3, 3))},
    ],
    [  # "в расширенном составе к ней присоединились … госсекретарь": aides, no parties
        "Президент США Дональд Трамп во вторник принял в Белом доме премьер-министра Польши"
        " Матеуша Моравецкого. Лидеры беседовали с глазу на глаз, после чего встреча"
        " продолжилась в расширенном составе: с американской стороны к ней присоединились"
        " вице-президент и госсекретарь.",
        date(2019, 9, 19),
        {(("Дональд Трамп", "Матеуш Моравецкий"), "meeting", "happened", day(2019, 9, 17))},
    ],
    [  # the forum's day; the series' partners, one per sentence, with its host
        "В Гранаде в четверг прошел саммит Европейского политического сообщества. Зеленский"
        " приехал в Испанию накануне. На полях саммита он провел серию двусторонних встреч. С"
        " премьер-министром Испании Педро Санчесом он договорился о поставках ПВО. С канцлером"
        " Германии Олафом Шольцем обсуждалась зимняя помощь энергетике.",
        date(2023, 10, 6),
        {
            ((ZELENSKY, "Педро Санчес"), "meeting", "happened", day(2023, 10, 5)),
            ((ZELENSKY, SCHOLZ), "meeting", "happened", day(2023, 10, 5)),
        },
    ],
    [  # (no series told: "С X он договорился" alone is no meeting)
        "Зеленский приехал в Испанию. С премьер-министром Испании Педро Санчесом он договорился"
        " о поставках ПВО.",
        date(2023, 10, 6),
        set(),
    ],
    [  # a welcome on the platform is no meeting; the talks after it are
        "Президент Финляндии Александр Стубб приехал в Киев поездом утром 11 сентября, на вокзале"
        " его встретил глава Офиса президента Андрей Ермак. Затем Стубб провел переговоры с"
        " Владимиром Зеленским.",
        date(2025, 9, 11),
        {((STUBB, ZELENSKY), "talks", "happened", day(2025, 9, 11))},
    ],
    [  # "встречи … в программе нет": none planned
        "Отдельной встречи Байдена и Науседы в программе саммита нет.",
        date(2023, 7, 11),
        set(),
    ],
    [  # "не отменена, а перенесена": put off
        "МИД Венгрии заявил, что встреча Петера Сийярто с Анналеной Бербок, назначенная на"
        " понедельник, не отменена, а перенесена на более поздний срок.",
        date(2024, 7, 6),
        {(("Анналена Бербок", "Петер Сийярто"), "meeting", "postponed", day(2024, 7, 8))},
    ],
    [  # ", заявила во вторник представитель МИД X": the speaker, and the day she spoke
        "Китай выразил недовольство телефонным разговором Петра Павла с Цай Инвэнь, заявила во"
        " вторник официальный представитель МИД КНР Мао Нин. Разговор состоялся в понедельник"
        " вечером.",
        date(2023, 1, 31),
        {(("Петр Павел", "Цай Инвэнь"), "phone", "happened", day(2023, 1, 30))},
    ],
]
