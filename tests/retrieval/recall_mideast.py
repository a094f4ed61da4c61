"""Contacts of Middle East diplomacy (rules read from dev set 34): an earlier call counted
("Это второй разговор … Первый состоялся"), a purpose done, an object pronoun after a named
partner, a guest named after the day he was received, a traveller's talks, "в тот же день"
after a plan ahead, each side's delegation head, meetings that are not in the schedule, a
two-word family name of the namesake named in full, and a meeting put off after its relative
clause. Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

PUTIN = "Владимир Путин"
NETANYAHU = "Биньямин Нетаньяху"
LARIJANI = "Али Лариджани"
HANIYEH = "Исмаил Хания"
ARAGHCHI = "Аббас Аракчи"
AL_THANI = "Мухаммед бен Абдель Рахман Аль Тани"

# text, publication date, expected {(participants, kind, status, date)}
MIDEAST = [
    [  # "Первый состоялся 16 октября" after "Это второй разговор": the earlier call
        "Нетаньяху в воскресенье провел телефонный разговор с Путиным. Это второй разговор"
        " двух лидеров за два месяца. Первый состоялся 16 октября.",
        date(2023, 12, 10),
        {
            ((NETANYAHU, PUTIN), "phone", "happened", day(2023, 12, 10)),
            ((NETANYAHU, PUTIN), "phone", "happened", day(2023, 10, 16)),
        },
    ],
    [  # "покинул заседание, чтобы провести разговор": the purpose of a thing done, held
        "Премьер Биньямин Нетаньяху в воскресенье покинул заседание правительства, чтобы"
        " провести телефонный разговор с Владимиром Путиным.",
        date(2023, 12, 11),
        {((NETANYAHU, PUTIN), "phone", "happened", day(2023, 12, 10))},
    ],
    [  # "принимал его": the partner named before; Хаменеи is the adviser's boss, and the
        # security council's secretary is of another clause
        "Путин в пятницу встретился с Али Лариджани. Путин принимал его и в июле, тогда еще в"
        " качестве советника Хаменеи, а секретарем совбеза его назначили в начале августа.",
        date(2025, 10, 17),
        {
            ((LARIJANI, PUTIN), "meeting", "happened", day(2025, 10, 17)),
            ((LARIJANI, PUTIN), "meeting", "happened", day(2025, 7)),
        },
    ],
    [  # the guest received "накануне" is named in the next sentence
        "В Кремле накануне вечером принимали иранского гостя. Путин встретился с Али Лариджани.",
        date(2025, 10, 17),
        {((LARIJANI, PUTIN), "meeting", "happened", day(2025, 10, 16))},
    ],
    [  # the traveller of the day told is the party of the talks told next
        "Эрдоган в среду приехал в Москву. Переговоры с Путиным продолжались два часа.",
        date(2025, 10, 17),
        {((PUTIN, "Реджеп Тайип Эрдоган"), "talks", "happened", day(2025, 10, 15))},
    ],
    [  # the trip's day, not the day of the relative clause after it ("где накануне")
        "Стив Уиткофф в субботу прилетел в Иерусалим из Дохи, где накануне вел консультации."
        " Встреча с Нетаньяху прошла напряженно.",
        date(2025, 1, 11),
        {((NETANYAHU, "Стив Уиткофф"), "meeting", "happened", day(2025, 1, 11))},
    ],
    [  # "в тот же день" of a meeting held: the Wednesday told, not the day of the plan
        "Исмаил Хания 20 апреля прибудет в Стамбул, где его примет Эрдоган. Эрдоган, выступая"
        " в среду перед депутатами, сказал, что ждет гостя. В тот же день Хакан Фидан"
        " встретился в Дохе с Ханией.",
        date(2024, 4, 18),
        {
            ((HANIYEH, "Реджеп Тайип Эрдоган"), "meeting", "planned", day(2024, 4, 20)),
            ((HANIYEH, "Хакан Фидан"), "meeting", "happened", day(2024, 4, 17)),
        },
    ],
    [  # the round's day after "он состоится" is not the meeting's; each side's head
        "Путин в четверг встретился с Аббасом Аракчи. Встреча прошла накануне второго раунда"
        " переговоров Ирана и США: он состоится в субботу. Первый раунд прошел 12 апреля в"
        " Маскате; иранскую делегацию возглавлял Аракчи, американскую — спецпосланник Стив"
        " Уиткофф.",
        date(2025, 4, 17),
        {
            ((ARAGHCHI, PUTIN), "meeting", "happened", day(2025, 4, 17)),
            ((ARAGHCHI, "Стив Уиткофф"), "talks", "happened", day(2025, 4, 12)),
        },
    ],
    [  # no meeting in the schedule: no contact at all
        "У Путина на этой неделе нет в графике встречи с Аракчи, заявил Песков. Песков"
        " говорил, что в официальном графике Путина встречи с Асадом нет.",
        date(2025, 12, 9),
        set(),
    ],
    [  # "Аль Тани" alone: the one named in full before, not the emir
        "Госсекретарь Энтони Блинкен в четверг встретился с премьер-министром Катара"
        " Мухаммедом бен Абдель Рахманом Аль Тани. В марте Аль Тани был в Вашингтоне, где"
        " встречался с Блинкеном.",
        date(2024, 10, 24),
        {
            ((AL_THANI, "Энтони Блинкен"), "meeting", "happened", day(2024, 10, 24)),
            ((AL_THANI, "Энтони Блинкен"), "meeting", "happened", day(2024, 3)),
        },
    ],
    [  # the predicate after the relative clause puts the meeting off
        "Встречу Рубио и Лаврова, которая должна была подготовить саммит, отложили.",
        date(2025, 10, 22),
        {(("Марко Рубио", "Сергей Лавров"), "meeting", "postponed", None)},
    ],
]
