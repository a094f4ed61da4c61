"""Contacts of the South Caucasus and Central Asia (rules read from dev set 32): a title in
another case than the name after it, one more call told with "также", a schedule's dash,
a trip told by a participle, a guest "был также принят", the eve of a meeting, Armenia's
presidents by date. Every text is written for the test; the rows run in
`test_contact_events.test_events_of_one_article`."""

from datetime import date

from retrieval.types import PartialDate
from tests.retrieval.conftest import day

LAVROV = "Сергей Лавров"
PASHINYAN = "Никол Пашинян"
ALIYEV = "Ильхам Алиев"
BLINKEN = "Энтони Блинкен"

# text, publication date, expected {(participants, kind, status, date)}
CAUCASUS = [
    [  # "с российским президентом Пашинян": a title in the instrumental is not the name's
        "Ночью Пашинян поговорил по телефону с Путиным. После разговора с российским"
        " президентом Пашинян связался по телефону с канцлером Германии Олафом Шольцем.",
        date(2022, 9, 13),
        {
            (("Владимир Путин", PASHINYAN), "phone", "happened", day(2022, 9, 13)),
            ((PASHINYAN, "Олаф Шольц"), "phone", "happened", day(2022, 9, 13)),
        },
    ],
    [  # "во вторник X также звонил Y": one more call, not the one the news is about
        "Госсекретарь США Энтони Блинкен в телефонном разговоре с президентом Азербайджана"
        " Ильхамом Алиевым призвал соблюдать перемирие. Это их второй разговор за неделю: во"
        " вторник Блинкен также звонил Алиеву.",
        date(2022, 9, 18),
        {
            ((ALIYEV, BLINKEN), "phone", "happened", day(2022, 9, 18)),
            ((ALIYEV, BLINKEN), "phone", "happened", day(2022, 9, 13)),
        },
    ],
    [  # "Во вторник визит продолжится: в программе — переговоры с X": planned, that Tuesday
        "Президент Азербайджана Ильхам Алиев в понедельник принял Сергея Лаврова. Во вторник"
        " визит главы МИД РФ продолжится: в программе — переговоры с азербайджанским коллегой"
        " Джейхуном Байрамовым.",
        date(2021, 5, 10),
        {
            ((ALIYEV, LAVROV), "meeting", "happened", day(2021, 5, 10)),
            (("Джейхун Байрамов", LAVROV), "talks", "planned", day(2021, 5, 11)),
        },
    ],
    [  # the trip of a participle ("прилетевший с визитом в среду") is no contact of its own
        "Сергей Лавров, прилетевший в Армению с рабочим визитом в среду, в четверг провел"
        " переговоры с армянским коллегой Араратом Мирзояном. В тот же день Лаврова принял"
        " президент Армении.",
        date(2022, 6, 9),
        {
            (("Арарат Мирзоян", LAVROV), "talks", "happened", day(2022, 6, 9)),
            (("Ваагн Хачатурян", LAVROV), "meeting", "happened", day(2022, 6, 9)),
        },
    ],
    [  # "был также принят": the host in the instrumental after an adverb; Armenia's
        # president of 2020 is another than of 2022
        "Министр иностранных дел России Сергей Лавров в субботу встретился в Ереване с"
        " президентом Армении. В ходе визита российский министр был также принят"
        " премьер-министром Николом Пашиняном.",
        date(2020, 11, 21),
        {
            (("Армен Саркисян", LAVROV), "meeting", "happened", day(2020, 11, 21)),
            ((PASHINYAN, LAVROV), "meeting", "happened", PartialDate(2020, 11)),
        },
    ],
    [  # "Накануне встречи с X": the eve of the meeting told before is not its day
        "АСТАНА, 29 июля. Президенты Казахстана и Турции провели переговоры 28 июля. Накануне"
        " встречи с турецким лидером Токаев подписал указ о визите.",
        date(2025, 7, 29),
        {(("Касым-Жомарт Токаев", "Реджеп Тайип Эрдоган"), "talks", "happened", day(2025, 7, 28))},
    ],
]
