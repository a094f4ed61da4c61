"""Contacts told without both names in one clause: pronouns, a series host, group titles."""

from datetime import date

import pytest

from retrieval.merge import Report, best_match
from retrieval.types import PartialDate
from tests.retrieval.conftest import (
    PUTIN_ERDOGAN,
    PUTIN_LUKASHENKO,
    PUTIN_MODI,
    PUTIN_SCHOLZ,
    PUTIN_TRUMP,
    PUTIN_XI,
    day,
)

LAVROV_FIDAN = ("Сергей Лавров", "Хакан Фидан")
LAVROV_ABDOLLAHIAN = ("Сергей Лавров", "Хосейн Амир-Абдоллахиян")
PUTIN_MACRON = ("Владимир Путин", "Эмманюэль Макрон")
PUTIN_NETANYAHU = ("Биньямин Нетаньяху", "Владимир Путин")
LAVROV_JAISHANKAR = ("Сергей Лавров", "Субраманьям Джайшанкар")
PUTIN_ALIYEV = ("Владимир Путин", "Ильхам Алиев")


# text, publication date, expected {(participants, kind, status, date)}
RECALL = [
    [  # "они общались": the pronoun subject of a contact verb is the pair of the story
        "Путин провел в Кремле переговоры с председателем КНР Си Цзиньпином. До этого они"
        " общались 3 марта в режиме видеоконференции.",
        date(2023, 3, 21),
        {
            (PUTIN_XI, "talks", "happened", day(2023, 3, 21)),
            (PUTIN_XI, "phone", "happened", day(2023, 3, 3)),
        },
    ],
    [  # "Путин и Си": a family name written first stands alone after the full name
        "Владимир Путин и Си Цзиньпин провели видеоконференцию. Последний раз Путин и Си"
        " встречались лично 20 марта в Москве.",
        date(2023, 7, 4),
        {
            (PUTIN_XI, "phone", "happened", day(2023, 7, 4)),
            (PUTIN_XI, "meeting", "happened", day(2023, 3, 20)),
        },
    ],
    [  # a series of meetings: the host is the subject of the sentence that announces it
        "Президент России Владимир Путин во вторник провел ряд встреч на полях форума."
        " Первой стала встреча с премьер-министром Индии Нарендрой Моди. Затем Путин"
        " встретился с президентом Турции Реджепом Тайипом Эрдоганом.",
        date(2022, 9, 14),
        {
            (PUTIN_MODI, "meeting", "happened", day(2022, 9, 13)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 9, 13)),
        },
    ],
    [  # "он провел переговоры с X": the pronoun is the subject of the sentence before
        "Владимир Путин в четверг прибыл с визитом в Индию. В Нью-Дели он провел переговоры"
        " с премьер-министром Нарендрой Моди.",
        date(2021, 12, 9),
        {(PUTIN_MODI, "talks", "happened", day(2021, 12, 9))},
    ],
    [  # "переговоры министров иностранных дел" after a summit: the ministers of its sides
        "Путин провел переговоры с Нарендрой Моди. В тот же день прошли переговоры министров"
        " иностранных дел.",
        date(2021, 12, 6),
        {
            (PUTIN_MODI, "talks", "happened", day(2021, 12, 6)),
            (LAVROV_JAISHANKAR, "talks", "happened", day(2021, 12, 6)),
        },
    ],
    [  # headline lines and a stamp before the lead do not push the news out of the lead
        "Лукашенко и Путин обсудили газ\n\n2 марта 2023 года, 12:00 · Политика\n\n"
        "Александр Лукашенко и Владимир Путин провели в Кремле переговоры. Предыдущие"
        " переговоры лидеры провели 5 января 2023 года в Минске.",
        None,
        {
            (PUTIN_LUKASHENKO, "talks", "happened", day(2023, 3, 2)),
            (PUTIN_LUKASHENKO, "talks", "happened", day(2023, 1, 5)),
        },
    ],
    [  # "с канцлером, лидером партии X": an apposition title between "с" and the name
        "Путин провел переговоры с канцлером, лидером социал-демократов Олафом Шольцем.",
        date(2022, 2, 15),
        {(PUTIN_SCHOLZ, "talks", "happened", day(2022, 2, 15))},
    ],
    [  # the date of a signing or a crash after "после" is not the date of the contact
        "Путин и Алиев встретились в Кремле. Это первая встреча лидеров после подписания"
        " заявления от 9 ноября 2020 года.",
        date(2021, 1, 11),
        {(PUTIN_ALIYEV, "meeting", "happened", day(2021, 1, 11))},
    ],
    [  # a visit told with its talks in one sentence: the talks are the contact
        "Путин провел переговоры с Олафом Шольцем. Предыдущий визит Шольца в Москву состоялся"
        " 15 февраля 2022 года: тогда переговоры с Путиным шли четыре часа.",
        date(2024, 11, 15),
        {
            (PUTIN_SCHOLZ, "talks", "happened", day(2024, 11, 15)),
            (PUTIN_SCHOLZ, "talks", "happened", day(2022, 2, 15)),
        },
    ],
    [  # "разговор якобы состоялся 5 мая": the claim dates the contact the Kremlin denied
        "В Кремле опровергли сообщения о том, что Дональд Трамп якобы побеседовал по телефону"
        " с Владимиром Путиным. Газета писала, что разговор якобы состоялся 5 мая.",
        date(2025, 5, 9),
        {(PUTIN_TRUMP, "phone", "denied", day(2025, 5, 5))},
    ],
    [  # "Он также провел разговоры с X, Y и Z": one call with each, on the day told before
        "Министр обороны России Сергей Шойгу в среду провел телефонный разговор с главой"
        " Пентагона Ллойдом Остином. В среду Шойгу не ограничился звонком в Вашингтон."
        " Он также провел телефонные разговоры с министром иностранных дел Турции Хаканом"
        " Фиданом и с министром обороны Белоруссии Виктором Хрениным.",
        date(2023, 9, 14),
        {
            (("Ллойд Остин", "Сергей Шойгу"), "phone", "happened", day(2023, 9, 13)),
            (("Сергей Шойгу", "Хакан Фидан"), "phone", "happened", day(2023, 9, 13)),
            (("Виктор Хренин", "Сергей Шойгу"), "phone", "happened", day(2023, 9, 13)),
        },
    ],
    [  # "его принял X": the guest is the last person named as a subject of another side
        "Глава МИД России Сергей Лавров в понедельник провел в Пекине переговоры с Ван И."
        " По итогам Лавров выступил перед журналистами. Ван И назвал беседу полезной."
        " В тот же день его принял председатель КНР Си Цзиньпин.",
        date(2023, 5, 16),
        {
            (("Ван И", "Сергей Лавров"), "talks", "happened", day(2023, 5, 15)),
            (("Сергей Лавров", "Си Цзиньпин"), "meeting", "happened", day(2023, 5, 15)),
        },
    ],
    [  # "он провел переговоры с X" a few sentences on: a spokesman is never the antecedent
        "Президент Ирана Масуд Пезешкиан прибыл в Москву. Пезешкиан передал привет"
        " от руководства страны. Об этом сообщил пресс-секретарь Кремля Дмитрий Песков."
        " 10 января он провел переговоры с Владимиром Путиным.",
        date(2025, 1, 17),
        {(("Владимир Путин", "Масуд Пезешкиан"), "talks", "happened", day(2025, 1, 10))},
    ],
    [  # a plural contact noun with a list of partners: the subject met each of them
        "Владимир Путин в четверг провел встречи с премьер-министром Индии Нарендрой Моди,"
        " президентом Турции Реджепом Тайипом Эрдоганом и президентом Ирана Масудом"
        " Пезешкианом.",
        date(2024, 10, 24),
        {
            (PUTIN_MODI, "meeting", "happened", day(2024, 10, 24)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2024, 10, 24)),
            (("Владимир Путин", "Масуд Пезешкиан"), "meeting", "happened", day(2024, 10, 24)),
        },
    ],
    [  # "готовится и должен состояться во вторник": planned, for the coming Tuesday
        "Телефонный разговор президентов России и США Владимира Путина и Дональда Трампа"
        " готовится и должен состояться во вторник, сообщил Дмитрий Песков.",
        date(2025, 5, 12),
        {(PUTIN_TRUMP, "phone", "planned", day(2025, 5, 13))},
    ],
    [  # agreements "достигнутых президентами X и Y во время их разговора": X and Y talked
        "Министры обсудили выполнение договоренностей, достигнутых президентами Владимиром"
        " Путиным и Олафом Шольцем во время их телефонного разговора 2 декабря.",
        date(2022, 12, 20),
        {(PUTIN_SCHOLZ, "phone", "happened", day(2022, 12, 2))},
    ],
    [  # "после беседы с Путиным, он созвонился с X": the pronoun, not Putin, is the subject
        "Дональд Трамп в среду поговорил по телефону с Владимиром Путиным. Трамп назвал"
        " беседу полезной. Позже американский президент сообщил, что в тот же день, после"
        " беседы с Путиным, он созвонился с Владимиром Зеленским.",
        date(2025, 2, 13),
        {
            (PUTIN_TRUMP, "phone", "happened", day(2025, 2, 12)),
            (("Владимир Зеленский", "Дональд Трамп"), "phone", "happened", day(2025, 2, 12)),
        },
    ],
    [  # an interview: "мы встречались с X" is the guest named in the lead
        "Министр иностранных дел России Сергей Лавров ответил на вопросы нашего издания.\n"
        "— Как вы оцениваете диалог с Анкарой?\n"
        "— Когда мы встречались с Хаканом Фиданом в прошлом месяце, разговор был деловым.\n"
        "— Спасибо.",
        date(2024, 12, 5),
        {(("Сергей Лавров", "Хакан Фидан"), "meeting", "happened", day(2024, 11))},
    ],
    [  # dates listed after one contact verb: one contact each
        "За последние годы Путин и Эрдоган встречались в Сочи в сентябре 2021 года, в Тегеране"
        " в июле 2022-го и в Астане в октябре 2022 года.",
        date(2023, 9, 1),
        {
            (PUTIN_ERDOGAN, "meeting", "happened", day(2021, 9)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 7)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 10)),
        },
    ],
    [  # two contacts in one sentence, each with its own date before a comma
        "10 марта 2022 года Путин и Эрдоган провели переговоры по телефону, а 5 августа 2022"
        " года Путин принял турецкого президента в Сочи.",
        date(2023, 1, 10),
        {
            (PUTIN_ERDOGAN, "phone", "happened", day(2022, 3, 10)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 8, 5)),
        },
    ],
    [  # "министры уже созванивались", "первым после 13 мая", a later minister's side
        "Министр обороны России Андрей Белоусов в среду провел телефонный разговор с главой"
        " Пентагона Ллойдом Остином. Это второй их разговор за неделю: в пятницу министры уже"
        " созванивались. Пятничный разговор стал первым после 10 июня. Предыдущий раз главы"
        " оборонных ведомств двух стран разговаривали по телефону 15 марта 2023 года.",
        date(2024, 7, 18),
        {
            (("Андрей Белоусов", "Ллойд Остин"), "phone", "happened", day(2024, 7, 17)),
            (("Андрей Белоусов", "Ллойд Остин"), "phone", "happened", day(2024, 7, 12)),
            (("Андрей Белоусов", "Ллойд Остин"), "phone", "happened", day(2024, 6, 10)),
            (("Ллойд Остин", "Сергей Шойгу"), "phone", "happened", day(2023, 3, 15)),
        },
    ],
    [  # "по телефону поблагодарил X", "X в ходе телефонного разговора предложил", story day
        "Путин и Трамп провели телефонный разговор. Это не первый их разговор. 29 декабря"
        " прошлого года Путин по телефону поблагодарил Трампа за помощь. А 31 июля 2019 года"
        " Трамп в ходе телефонного разговора предложил помощь в тушении пожаров.",
        date(2020, 3, 31),
        {
            (PUTIN_TRUMP, "phone", "happened", day(2020, 3, 31)),
            (PUTIN_TRUMP, "phone", "happened", day(2019, 12, 29)),
            (PUTIN_TRUMP, "phone", "happened", day(2019, 7, 31)),
        },
    ],
    [  # an undated call right after a dated meeting of the same person: that day
        "В понедельник Трамп принял в Белом доме Владимира Зеленского. После встречи к ним"
        " присоединились европейские лидеры. В какой-то момент американский президент прервал"
        " встречу и позвонил Путину.",
        date(2025, 8, 19),
        {
            (("Владимир Зеленский", "Дональд Трамп"), "meeting", "happened", day(2025, 8, 18)),
            (PUTIN_TRUMP, "phone", "happened", day(2025, 8, 18)),
        },
    ],
    [  # a planned contact in a month already past this year: next year's
        "Путин и Трамп встретятся в марте, сообщил журналистам Дмитрий Песков.",
        date(2025, 10, 31),
        {(PUTIN_TRUMP, "meeting", "planned", day(2026, 3))},
    ],
    [  # "X и Y встретились с ним": the pronoun partner is the person of the sentence before
        "В воскресенье Эммануэль Макрон встретился в Елисейском дворце с Владимиром"
        " Зеленским. Зеленский уже был в Париже в этом году. 8 февраля Макрон и канцлер"
        " Германии Олаф Шольц встретились с ним за ужином.",
        date(2023, 5, 15),
        {
            (("Владимир Зеленский", "Эмманюэль Макрон"), "meeting", "happened", day(2023, 5, 14)),
            (
                ("Владимир Зеленский", "Олаф Шольц", "Эмманюэль Макрон"),
                "meeting",
                "happened",
                day(2023, 2, 8),
            ),
        },
    ],
    [  # a date in a relative clause after the contact belongs to that clause's event
        "Президент России Владимир Путин в пятницу встретился в Сочи с Нафтали Беннетом."
        " Это первая встреча Путина с Беннетом, который возглавил правительство Израиля в июне.",
        date(2021, 10, 23),
        {(("Владимир Путин", "Нафтали Беннет"), "meeting", "happened", day(2021, 10, 22))},
    ],
    [  # ... but "встреча, которая была назначена на субботу, 12 октября" is the contact's date
        "Вместе с поездкой отложена и встреча Байдена с президентом Украины Владимиром"
        " Зеленским, которая была назначена на субботу, 12 октября.",
        date(2024, 10, 10),
        {(("Владимир Зеленский", "Джо Байден"), "meeting", "postponed", day(2024, 10, 12))},
    ],
    [  # "на полях встречи министров" is the setting: the weekday is the meeting's date
        "В четверг в Нью-Дели, на полях встречи министров иностранных дел G20, Сергей Лавров"
        " и Энтони Блинкен коротко встретились.",
        date(2023, 3, 3),
        {(("Сергей Лавров", "Энтони Блинкен"), "meeting", "happened", day(2023, 3, 2))},
    ],
    [  # a day and month right after "в январе 2020 года" take that year, not the page's
        "В январе 2020 года Путин и Нетаньяху встречались в Иерусалиме. 30 января Путин и"
        " Нетаньяху поговорили по телефону.",
        date(2023, 10, 17),
        {
            (("Биньямин Нетаньяху", "Владимир Путин"), "meeting", "happened", day(2020, 1)),
            (("Биньямин Нетаньяху", "Владимир Путин"), "phone", "happened", day(2020, 1, 30)),
        },
    ],
    [  # "того же года": the year the sentence before stated
        "8 апреля 2019 года Путин и Эрдоган провели переговоры в Москве. 27 августа того же"
        " года они встретились на авиасалоне в Жуковском.",
        date(2022, 8, 6),
        {
            (PUTIN_ERDOGAN, "talks", "happened", day(2019, 4, 8)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2019, 8, 27)),
        },
    ],
    [  # "турецкий министр": the one Turkish minister the article names
        "Министр иностранных дел России Сергей Лавров встретился в Москве с Хаканом Фиданом."
        " В марте турецкий министр провел переговоры с Лавровым в Анталье.",
        date(2024, 6, 11),
        {
            (LAVROV_FIDAN, "meeting", "happened", day(2024, 6, 11)),
            (LAVROV_FIDAN, "talks", "happened", day(2024, 3)),
        },
    ],
    [  # a family name one letter off the registry's spelling; "X приезжал, где переговоры с Y"
        "Хосейн Амир-Абдоллахиан 5 мая приезжал в Москву, где переговоры с Лавровым касались"
        " ядерной сделки.",
        date(2022, 6, 1),
        {(LAVROV_ABDOLLAHIAN, "talks", "happened", day(2022, 5, 5))},
    ],
    [  # "к ним присоединился X": a wider meeting of the same day besides the talks
        "Президент России Владимир Путин в среду провел переговоры с Си Цзиньпином. Позже к"
        " ним присоединился премьер-министр Индии Нарендра Моди.",
        date(2024, 10, 24),
        {
            (PUTIN_XI, "talks", "happened", day(2024, 10, 23)),
            (
                ("Владимир Путин", "Нарендра Моди", "Си Цзиньпин"),
                "meeting",
                "happened",
                day(2024, 10, 23),
            ),
        },
    ],
    [  # the predicate after the relative clause of the contact noun tells its status
        "Встречу Путина с президентом Франции Эммануэлем Макроном, которая должна была"
        " пройти в пятницу в Париже, отменили.",
        date(2019, 11, 22),
        {(PUTIN_MACRON, "meeting", "cancelled", day(2019, 11, 22))},
    ],
    [  # "X встретился с Y, а затем его принял Z": the same day, Z receives X
        "В четверг американский дипломат Энтони Блинкен встретился с главой МИД КНР Ван И,"
        " а затем его принял председатель КНР Си Цзиньпин.",
        date(2024, 4, 27),
        {
            (("Ван И", "Энтони Блинкен"), "meeting", "happened", day(2024, 4, 25)),
            (("Си Цзиньпин", "Энтони Блинкен"), "meeting", "happened", day(2024, 4, 25)),
        },
    ],
    [  # "они провели телефонный разговор": the pair of the story
        "Путин и Моди провели переговоры в Кремле. В январе они провели телефонный разговор.",
        date(2024, 7, 9),
        {
            (PUTIN_MODI, "talks", "happened", day(2024, 7, 9)),
            (PUTIN_MODI, "phone", "happened", day(2024, 1)),
        },
    ],
    [  # a date after a colon belongs to the event its own verb tells, not to the visit
        "Путин и Лукашенко провели переговоры. Визит прошел на фоне обострения: накануне"
        " Минск объявил учения.",
        date(2022, 2, 18),
        {(PUTIN_LUKASHENKO, "talks", "happened", day(2022, 2, 18))},
    ],
    [  # "Лидеры встречались и раньше": lower-case words are no list of countries
        "Путин провел переговоры с Эрдоганом. Лидеры встречались и раньше, в частности"
        " 5 марта в Москве, на полях совещания.",
        date(2020, 9, 1),
        {
            (PUTIN_ERDOGAN, "talks", "happened", day(2020, 9, 1)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2020, 3, 5)),
        },
    ],
    [  # "Абдель Фаттахом": the leading part of a compound name keeps its form
        "Лавров встретился в Каире с президентом Египта Абдель Фаттахом ас-Сиси.",
        date(2023, 3, 10),
        {(("Абдель Фаттах ас-Сиси", "Сергей Лавров"), "meeting", "happened", day(2023, 3, 10))},
    ],
    [  # "..., а уже 30 января X был в Москве. Он встретился ...": that day, that year
        "В январе 2020 года Путин и Нетаньяху виделись дважды. 23 января Путин встретился с"
        " Нетаньяху в Иерусалиме, а уже 30 января Нетаньяху был в Москве. Он встретился с"
        " Путиным в Кремле.",
        date(2023, 11, 2),
        {
            (PUTIN_NETANYAHU, "meeting", "happened", day(2020, 1, 23)),
            (PUTIN_NETANYAHU, "meeting", "happened", day(2020, 1, 30)),
        },
    ],
    [  # a subject right after a full date: "12 сентября 2019 года X прилетел ..."
        "12 сентября 2019 года Нетаньяху прилетел в Сочи, и встреча с Путиным стала частью"
        " его кампании.",
        date(2023, 11, 2),
        {(PUTIN_NETANYAHU, "meeting", "happened", day(2019, 9, 12))},
    ],
]


FEW = frozenset(["путин", "байден", "женева"])
OTHER = frozenset(["санкции", "газ", "украина"])


@pytest.mark.parametrize(
    ("stored", "new", "index"),
    [
        # "в июне ... переговоры" with no shared words: the only June contact of the pair
        ([Report("talks", day(2021, 6, 16), "happened", FEW)], day(2021, 6), 0),
        # two contacts of the pair in that month: the month report cannot choose
        (
            [
                Report("talks", day(2021, 6, 16), "happened", FEW),
                Report("meeting", day(2021, 6, 28), "happened", FEW),
            ],
            day(2021, 6),
            None,
        ),
        # a year-precision report never merges without shared words
        ([Report("talks", day(2021, 6, 16), "happened", FEW)], PartialDate(2021, None, None), None),
    ],
)
def test_month_report_joins_the_only_day_contact(
    stored: list[Report], new: PartialDate, index: int | None
) -> None:
    assert best_match(stored, Report("talks", new, "happened", OTHER)) == index
