"""Contacts of Moscow's summitry with Africa, the Gulf, Latin America and Asia (rules read
from dev set 31): monarchs, rotating chairs, airport welcomes, the last time two leaders
met. Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from retrieval.types import PartialDate
from tests.retrieval.conftest import day

PUTIN = "Владимир Путин"
KING = "Хамад бен Иса Аль Халифа"
PUTIN_KING = (PUTIN, KING)
PUTIN_ARCE = (PUTIN, "Луис Арсе")
PUTIN_AFWERKI = (PUTIN, "Исайяс Афеворки")

# text, publication date, expected {(participants, kind, status, date)}
SUMMITS = [
    [  # "монарх" is a bare title of the story's king
        "Король Бахрейна Хамад бин Иса Аль Халифа в среду прибудет с визитом в Москву."
        " Переговоры монарха с российским лидером ожидаются в четверг.",
        date(2024, 5, 21),
        {(PUTIN_KING, "talks", "planned", day(2024, 5, 23))},
    ],
    [  # "в ходе переговоров" with nobody named: the joint subject of the sentence before
        "Председатель КНР Си Цзиньпин и король Бахрейна Хамад бен Иса Аль Халифа в пятницу"
        " объявили о партнерстве. Решение было принято в ходе переговоров в Пекине.",
        date(2024, 5, 31),
        {(("Си Цзиньпин", KING), "talks", "happened", day(2024, 5, 31))},
    ],
    [  # "не встречались с 2016 года": they last met then
        "Путин в четверг провел переговоры с королем Бахрейна Хамадом бен Исой Аль Халифой."
        " Путин заметил, что лично лидеры не встречались с 2016 года.",
        date(2024, 5, 23),
        {
            (PUTIN_KING, "talks", "happened", day(2024, 5, 23)),
            (PUTIN_KING, "meeting", "happened", PartialDate(2016)),
        },
    ],
    [  # the chair of the African Union is the one of that year; a Lao name spelt two ways
        "Путин в среду поговорил по телефону с председателем Африканского союза. Накануне он"
        " встретился с премьер-министром Лаоса Сонсаем Сипхандоном.",
        date(2022, 3, 9),
        {
            ((PUTIN, "Маки Салл"), "phone", "happened", day(2022, 3, 9)),
            ((PUTIN, "Сонексай Сипхандон"), "meeting", "happened", day(2022, 3, 8)),
        },
    ],
    [  # a welcome at the airport is no meeting
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. В аэропорту его встретил"
        " министр иностранных дел России Сергей Лавров.",
        date(2024, 11, 27),
        set(),
    ],
    [  # "к встрече президентов стороны готовят": ahead; "Это первая встреча" is the talks
        # told before it, not of the arrival's day
        "Путин в среду провел переговоры с президентом Эритреи Исайасом Афеворки. Гость"
        " прилетел в Москву накануне. Это первая встреча двух президентов. К следующей встрече"
        " президентов стороны готовят новые соглашения.",
        date(2023, 5, 31),
        {
            (PUTIN_AFWERKI, "talks", "happened", day(2023, 5, 31)),
            (PUTIN_AFWERKI, "meeting", "planned", None),
        },
    ],
    [  # the day of the event congratulated on is not the contact's
        "В среду, 5 июня, Лавров провел в Нджамене переговоры с президентом Махаматом Идрисом"
        " Деби и поздравил его с вступлением в должность 23 мая.",
        date(2024, 6, 6),
        {(("Махамат Деби", "Сергей Лавров"), "talks", "happened", day(2024, 6, 5))},
    ],
    [  # a verb summed up before a colon is the contact dated after it
        "Путин и Арсе уже встречались в этом году: 6 июня они провели двусторонние переговоры"
        " в Санкт-Петербурге, а на следующий день вместе выступили на пленарном заседании.",
        date(2024, 10, 24),
        {(PUTIN_ARCE, "talks", "happened", day(2024, 6, 6))},
    ],
    [  # a slip of the tongue about a conversation: no such contact (a bare "разговор" with
        # no setting: a call)
        "Песков пояснил, что Путин оговорился, когда упомянул о своем разговоре с бразильским"
        " коллегой Луисом Инасиу Лулой да Силвой.",
        date(2025, 4, 22),
        {((PUTIN, "Луис Инасиу Лула да Силва"), "phone", "denied", None)},
    ],
    [  # "а с X он не разговаривал": denied, not on the day of the statement; mixed up with
        # the call the article tells, a call
        "Песков во вторник пояснил, что Путин оговорился, упомянув о разговоре с Лулой да"
        " Силвой. По словам Пескова, президент имел в виду разговор с Сирилом Рамафосой, а с"
        " президентом Бразилии он не разговаривал. О телефонном разговоре Путина с Рамафосой"
        " Кремль сообщил в понедельник.",
        date(2025, 4, 22),
        {
            ((PUTIN, "Луис Инасиу Лула да Силва"), "phone", "denied", None),
            ((PUTIN, "Сирил Рамафоса"), "phone", "happened", day(2025, 4, 21)),
        },
    ],
]
