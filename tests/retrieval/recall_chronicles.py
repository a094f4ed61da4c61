"""Contacts told by chronicles and live blogs (rules read from dev set 24's war diplomacy):
bulleted dated entries, a chronicle's present tense, delegations and their heads, inline
entry stamps. Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

PUTIN = "Владимир Путин"
ERDOGAN = "Реджеп Тайип Эрдоган"
ZELENSKY = "Владимир Зеленский"
MEDINSKY = "Владимир Мединский"
UMEROV = "Рустем Умеров"
FIDAN = "Хакан Фидан"
PUTIN_ERDOGAN = (PUTIN, ERDOGAN)
HEADS = (MEDINSKY, UMEROV)

# text, publication date, expected {(participants, kind, status, date)}
CHRONICLES = [
    [  # a bulleted entry: its day alone, then the contact with no verb
        "Турция остается площадкой для контактов. Главные даты.\n\n"
        "• 4 апреля 2022 года. Телефонный разговор Эрдогана и Путина.\n\n"
        "• 20 июня 2022 года. Телефонная беседа Эрдогана и Зеленского.",
        date(2025, 7, 1),
        {
            (PUTIN_ERDOGAN, "phone", "happened", day(2022, 4, 4)),
            ((ZELENSKY, ERDOGAN), "phone", "happened", day(2022, 6, 20)),
        },
    ],
    [  # a chronicle's present: "по телефону поочередно обсуждает" is a call with each one
        "Хроника посредничества.\n\n"
        "• 2 августа 2022 года. Эрдоган по телефону поочередно обсуждает с Путиным и"
        " Зеленским обмен пленными.\n\n"
        "• 5 августа 2022 года. Путин принимает Эрдогана в Сочи.",
        date(2025, 7, 1),
        {
            (PUTIN_ERDOGAN, "phone", "happened", day(2022, 8, 2)),
            ((ZELENSKY, ERDOGAN), "phone", "happened", day(2022, 8, 2)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 8, 5)),
        },
    ],
    [  # "переговоры делегаций во главе с X и Y"; "Арахамией" is "Арахамия", as "Берией"
        "Десятого марта делегации провели новый раунд консультаций. Переговоры делегаций во"
        " главе с Владимиром Мединским и Давидом Арахамией прошли в режиме видеосвязи.",
        date(2022, 3, 10),
        {((MEDINSKY, "Давид Арахамия"), "phone", "happened", day(2022, 3, 10))},
    ],
    [  # "Первый за три года раунд: X и Y, при посредничестве Z": all three take part
        "Хроника.\n\n• 16 мая 2025 года. Первый за три года раунд: Мединский и министр"
        " обороны Украины Рустем Умеров, при посредничестве главы МИД Турции Хакана Фидана."
        "\n\n• 2 июня 2025 года. Делегации обменялись меморандумами.",
        date(2025, 7, 1),
        {((MEDINSKY, UMEROV, FIDAN), "talks", "happened", day(2025, 5, 16))},
    ],
    [  # a new entry is not the last one's people: the heads named next (the other side's
        # head in a sentence of its own) are this round's
        "Хроника.\n\n• 10 июля 2025 года. Телефонный разговор Эрдогана и Путина: турецкий"
        " лидер предлагает провести новый раунд.\n\n• 23 июля 2025 года. В Стамбуле прошел"
        " очередной раунд переговоров. Украинскую делегацию вновь возглавил Умеров, который"
        " недавно сменил должность. Российскую, как и прежде, — Мединский.",
        date(2025, 7, 25),
        {
            (PUTIN_ERDOGAN, "phone", "happened", day(2025, 7, 10)),
            (HEADS, "talks", "happened", day(2025, 7, 23)),
        },
    ],
    [  # entry stamps opening their paragraphs date a live blog's entries ("первые с весны
        # 2022 года" is a time since, not the day); "встреча Турции, США и Украины: X, Y, Z"
        "09:10 Доброе утро, сегодня в Стамбуле день переговоров.\n\n"
        "10:52 Началась трехсторонняя встреча Турции, США и Украины: Фидан, госсекретарь"
        " Марко Рубио и министр обороны Рустем Умеров.\n\n"
        "13:38 Начались переговоры делегаций России и Украины, первые прямые с весны 2022"
        " года. Российскую делегацию возглавляет Мединский, украинскую — Умеров.",
        date(2025, 5, 16),
        {
            (("Марко Рубио", UMEROV, FIDAN), "meeting", "happened", day(2025, 5, 16)),
            (HEADS, "talks", "happened", day(2025, 5, 16)),
        },
    ],
    [  # the head of a delegation to a summit is no party of the pair's talks told before
        "Переговоры Эрдогана с Путиным, намеченные на апрель, были отложены. В саммите"
        " участвует также Зеленский. Турецкую делегацию возглавляет Хакан Фидан.",
        date(2025, 3, 2),
        {(PUTIN_ERDOGAN, "talks", "postponed", day(2025, 4))},
    ],
]
