"""Contacts told in retrospect, by acting officials and by counts (rules read from dev set
30). Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

MERKEL_PUTIN = ("Ангела Меркель", "Владимир Путин")
MERKEL_LUKASHENKO = ("Александр Лукашенко", "Ангела Меркель")
MACRON_PUTIN = ("Владимир Путин", "Эмманюэль Макрон")
MACRON_ZELENSKY = ("Владимир Зеленский", "Эмманюэль Макрон")
SCHOLZ_MACRON = ("Олаф Шольц", "Эмманюэль Макрон")
PUTIN_SCHOLZ = ("Владимир Путин", "Олаф Шольц")
PUTIN_PASHINYAN = ("Владимир Путин", "Никол Пашинян")
PUTIN_BENNETT = ("Владимир Путин", "Нафтали Беннет")
PUTIN_ZELENSKY = ("Владимир Зеленский", "Владимир Путин")
POMPEO_PRISTAIKO = ("Вадим Пристайко", "Майк Помпео")
TRUSS_ZELENSKY = ("Владимир Зеленский", "Лиз Трасс")
POMPEO = "Майк Помпео"

# text, publication date, expected {(participants, kind, status, date)}
RETOLD = [
    [  # an acting office holder is the subject of the call
        "В понедельник вечером исполняющая обязанности канцлера Германии Ангела Меркель"
        " провела телефонный разговор с Александром Лукашенко.",
        date(2021, 11, 16),
        {(MERKEL_LUKASHENKO, "phone", "happened", day(2021, 11, 15))},
    ],
    [  # days listed before the verb and counted by it: one call on each
        "До этого Меркель искала выход через Москву: 10 и 11 ноября она дважды обсуждала"
        " кризис по телефону с Владимиром Путиным.",
        date(2021, 11, 18),
        {
            (MERKEL_PUTIN, "phone", "happened", day(2021, 11, 10)),
            (MERKEL_PUTIN, "phone", "happened", day(2021, 11, 11)),
        },
    ],
    [  # what footage shows is of the day it was filmed; "того же дня" goes on with that day
        "Журналист выложил отрывок, снятый утром 24 февраля в кабинете Макрона. На кадрах"
        " президент Франции разговаривает по телефону с Владимиром Зеленским. Вечером того же"
        " дня Макрон позвонил Путину.",
        date(2022, 9, 8),
        {
            (MACRON_ZELENSKY, "phone", "happened", day(2022, 2, 24)),
            (MACRON_PUTIN, "phone", "happened", day(2022, 2, 24)),
        },
    ],
    [  # where a chancellor leads the government, "глава правительства" is the chancellor; a
        # summit held back is no contact
        "Президент России во вторник поговорил по телефону с новым главой германского"
        " правительства. Путин заявил, что позиция Киева мешает проведению нового саммита.",
        date(2021, 12, 22),
        {(PUTIN_SCHOLZ, "phone", "happened", day(2021, 12, 21))},
    ],
    [  # the subject pronoun, then "где его принял" with a place before the host
        "Олаф Шольц в пятницу совершил первую зарубежную поездку. По традиции он отправился"
        " во Францию, где его принял в Елисейском дворце президент Эммануэль Макрон.",
        date(2021, 12, 10),
        {(SCHOLZ_MACRON, "meeting", "happened", day(2021, 12, 10))},
    ],
    [  # "премьер-министра" is a bare title; a program foresees talks of a visit set for a
        # part of a month ahead
        "Пашинян в пятницу провел телефонный разговор с Путиным. Визит Пашиняна в Россию,"
        " приуроченный к юбилею отношений, запланирован на вторую декаду апреля. Программа"
        " визита предполагает переговоры премьер-министра с Владимиром Путиным.",
        date(2022, 3, 26),
        {
            (PUTIN_PASHINYAN, "phone", "happened", day(2022, 3, 25)),
            (PUTIN_PASHINYAN, "talks", "planned", day(2022, 4)),
        },
    ],
    [  # "набрал X" is a call; "обсуждала ситуацию по телефону с" too
        "Беннет в воскресенье утром переговорил с европейскими лидерами, а после этого набрал"
        " президента России Владимира Путина.",
        date(2022, 3, 6),
        {(PUTIN_BENNETT, "phone", "happened", day(2022, 3, 6))},
    ],
    [  # "хоть завтра" is no day: "Утром" stays the day of the story
        "Госсекретарь США Майк Помпео в пятницу встретился в Киеве с Зеленским. Зеленский"
        " сказал, что готов приехать в Вашингтон хоть завтра. Утром госсекретарь провел"
        " переговоры с министром иностранных дел Украины Вадимом Пристайко.",
        date(2020, 1, 31),
        {
            (("Владимир Зеленский", "Майк Помпео"), "meeting", "happened", day(2020, 1, 31)),
            (POMPEO_PRISTAIKO, "talks", "happened", day(2020, 1, 31)),
        },
    ],
    [  # the day of a promise is not the day of the call promised
        "Еще 1 сентября, до избрания, Трасс обещала, что первым позвонит украинскому"
        " президенту Владимиру Зеленскому.",
        date(2022, 9, 7),
        {(TRUSS_ZELENSKY, "phone", "planned", None)},
    ],
    [  # the summit of a four-party format, prepared, is no contact of the pair that talks
        "В субботу Путин и Зеленский провели телефонный разговор. Обсуждалась также подготовка"
        " саммита в «нормандском формате».",
        date(2019, 9, 8),
        {(PUTIN_ZELENSKY, "phone", "happened", day(2019, 9, 7))},
    ],
    [  # a schedule before the subject; the verbs listed share the day; the plans of a trip
        # put off are put off; subjectless nouns listed are the traveller's, with one predicate
        "Помпео отложил турне по региону. По первоначальному графику Помпео должен был 3"
        " января прилететь в Киев, встретиться с президентом Владимиром Зеленским и провести"
        " переговоры с министром Вадимом Пристайко. На 4 января в Минске были намечены встреча"
        " с Александром Лукашенко и переговоры с главой МИД Владимиром Макеем.",
        date(2020, 1, 1),
        {
            (("Владимир Зеленский", POMPEO), "meeting", "postponed", day(2020, 1, 3)),
            (POMPEO_PRISTAIKO, "talks", "postponed", day(2020, 1, 3)),
            (("Александр Лукашенко", POMPEO), "meeting", "postponed", day(2020, 1, 4)),
            (("Владимир Макей", POMPEO), "talks", "postponed", day(2020, 1, 4)),
        },
    ],
    [  # the guest of a parade is no bare title of the story's traveller
        "Президент Индонезии Прабово Субианто в четверг провел переговоры с Энтони Албанизом."
        " 9 ноября прошлого года он провел в Пекине переговоры с председателем КНР Си"
        " Цзиньпином, а в январе стал главным гостем парада в Нью-Дели.",
        date(2025, 5, 15),
        {
            (("Прабово Субианто", "Энтони Албаниз"), "talks", "happened", day(2025, 5, 15)),
            (("Прабово Субианто", "Си Цзиньпин"), "talks", "happened", day(2024, 11, 9)),
        },
    ],
]
