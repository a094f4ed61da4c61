"""Contacts whose people, kind or status hang on a word around the names (rules read from
dev sets 24 and 34): a newspaper's claim the article denies, a middle name, an aide's boss
named with his own title, a namesake's first name, a guest told by his side, a companion
after a dash, a guest listed with his title, a plan with the pronoun of a partner named
before, a bare "разговор" with no setting, the eve of a meeting, the expectations of a
summit, and a traveller's day told one sentence back. Every text is written for the test;
the rows run in `test_contact_events.test_events_of_one_article`."""

from datetime import date

from tests.retrieval.conftest import day

PUTIN = "Владимир Путин"
LAVROV = "Сергей Лавров"
ERDOGAN = "Реджеп Тайип Эрдоган"
ABBAS = "Махмуд Аббас"
MACRON = "Эмманюэль Макрон"
MODI = "Нарендра Моди"
KHALID = "Халид бин Сальман"
MBS = "Мохаммед бин Сальман"

# text, publication date, expected {(participants, kind, status, date)}
COMPANIONS = [
    [  # "Газета … написала, что" is the claim the denial two sentences before is about
        "МИД России опроверг сообщения американских СМИ о встрече Сергея Лаврова с Илоном"
        " Маском. Официальный представитель МИД Мария Захарова в субботу назвала эту историю"
        " выдумкой. Газета The Wall Street Journal в четверг со ссылкой на источники написала,"
        " что Маск встретился с Лавровым в понедельник в Нью-Йорке.",
        date(2024, 3, 16),
        {(("Илон Маск", LAVROV), "meeting", "denied", day(2024, 3, 11))},
    ],
    [  # a middle name between the first name and the family name
        "Глава МИД России Сергей Лавров провел в среду в Москве переговоры с министром"
        " иностранных дел Сирии Асаадом Хасаном аш-Шибани.",
        date(2025, 1, 16),
        {(("Асаад аш-Шейбани", LAVROV), "talks", "happened", day(2025, 1, 15))},
    ],
    [  # the adviser's boss named with his own title is no party
        "Президент России Владимир Путин в воскресенье принял в Кремле советника верховного"
        " лидера Ирана аятоллы Али Хаменеи Али Лариджани.",
        date(2025, 7, 21),
        {(("Али Лариджани", PUTIN), "meeting", "happened", day(2025, 7, 20))},
    ],
    [  # another first name before "бин Сальман": not the crown prince; "саудовского
        # министра" is the guest just named
        "Министр обороны Саудовской Аравии принц Халид бин Сальман во вторник прибыл в Анкару"
        " и провел переговоры с министром обороны Турции Яшаром Гюлером. Вечером саудовского"
        " министра принял президент Турции Реджеп Тайип Эрдоган.",
        date(2025, 2, 5),
        {
            ((KHALID, "Яшар Гюлер"), "talks", "happened", day(2025, 2, 4)),
            ((ERDOGAN, KHALID), "meeting", "happened", day(2025, 2, 4)),
        },
    ],
    [  # "принимал его … — вместе с X": the pronoun guest, and X who came along
        "Президент Турции Реджеп Тайип Эрдоган в субботу принял главу ХАМАС Исмаила Ханию. В"
        " прошлый раз турецкий лидер принимал его в июле прошлого года в Анкаре, в"
        " президентском дворце, — вместе с председателем Палестинской национальной"
        " администрации Махмудом Аббасом.",
        date(2024, 4, 21),
        {
            (("Исмаил Хания", ERDOGAN), "meeting", "happened", day(2024, 4, 20)),
            (("Исмаил Хания", ABBAS, ERDOGAN), "meeting", "happened", day(2023, 7)),
        },
    ],
    [  # a second guest listed with a title that holds an acronym
        "Президент России Владимир Путин в пятницу принимал в Кремле Сергея Лаврова и"
        " председателя ПНА Махмуда Аббаса.",
        date(2024, 4, 21),
        {((PUTIN, ABBAS, LAVROV), "meeting", "happened", day(2024, 4, 19))},
    ],
    [  # "не виделся с X, но планирует с ним встретиться": the subject's plan with X
        "Президент Турции Реджеп Тайип Эрдоган сказал журналистам, что пока не виделся с"
        " Ильхамом Алиевым после выборов, но планирует с ним встретиться.",
        date(2024, 12, 20),
        {(("Ильхам Алиев", ERDOGAN), "meeting", "planned", None)},
    ],
    [  # a bare "разговор" with no setting is a call
        'Президент Франции Эмманюэль Макрон во вторник провел, по его словам, "долгий'
        ' разговор" с премьер-министром Индии Нарендрой Моди.',
        date(2025, 3, 12),
        {((MODI, MACRON), "phone", "happened", day(2025, 3, 11))},
    ],
    [  # "поговорили в кулуарах": face to face
        "Эмманюэль Макрон и Нарендра Моди во вторник поговорили в кулуарах саммита.",
        date(2025, 3, 12),
        {((MODI, MACRON), "meeting", "happened", day(2025, 3, 11))},
    ],
    [  # "поговорил … в Елисейском дворце": face to face
        "Эмманюэль Макрон во вторник поговорил с Нарендрой Моди в Елисейском дворце.",
        date(2025, 3, 12),
        {((MODI, MACRON), "meeting", "happened", day(2025, 3, 11))},
    ],
    [  # "за несколько дней до встречи": the day told is not the meeting's
        "Звонок состоялся за несколько дней до встречи Трампа и Путина на Аляске.",
        date(2025, 8, 12),
        {((PUTIN, "Дональд Трамп"), "meeting", "happened", None)},
    ],
    [  # "об ожиданиях от саммита": a summit to come
        "Лидеры говорили об ожиданиях от саммита Дональда Трампа и Владимира Путина.",
        date(2025, 8, 14),
        {((PUTIN, "Дональд Трамп"), "meeting", "planned", None)},
    ],
    [  # the traveller's day, one sentence with no contact or date between
        "Глава МИД России Сергей Лавров в пятницу неожиданно появился в Джидде на саммите"
        " арабских стран. Министр выступил перед участниками встречи с речью. На полях саммита"
        " Лавров встретился с наследным принцем Саудовской Аравии Мохаммедом бин Сальманом.",
        date(2023, 5, 20),
        {((MBS, LAVROV), "meeting", "happened", day(2023, 5, 19))},
    ],
]
