"""One article, several events: which report is the news, which is a past contact, which kind."""

from datetime import date

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.types import PartialDate
from tests.retrieval.conftest import (
    PUTIN_ERDOGAN,
    PUTIN_LUKASHENKO,
    PUTIN_MODI,
    PUTIN_SCHOLZ,
    PUTIN_TRUMP,
    day,
    events_of,
)
from tests.retrieval.recall_caucasus import CAUCASUS
from tests.retrieval.recall_chronicles import CHRONICLES
from tests.retrieval.recall_companions import COMPANIONS, LATAM
from tests.retrieval.recall_east_asia import EAST_ASIA
from tests.retrieval.recall_mediators import MEDIATORS
from tests.retrieval.recall_mideast import MIDEAST
from tests.retrieval.recall_retold import RETOLD
from tests.retrieval.recall_roundups import ROUNDUPS
from tests.retrieval.recall_summits import SUMMITS
from tests.retrieval.recall_visits import VISITS
from tests.retrieval.recall_wires import WIRES
from tests.retrieval.test_contact_recall import RECALL

PUTIN = "Владимир Путин"
PUTIN_BIDEN = ("Владимир Путин", "Джо Байден")
PUTIN_POMPEO = ("Владимир Путин", "Майк Помпео")
LAVROV_POMPEO = ("Майк Помпео", "Сергей Лавров")
LAVROV_RUBIO = ("Марко Рубио", "Сергей Лавров")
LAVROV_TRUMP = ("Дональд Трамп", "Сергей Лавров")
LAVROV_WANG = ("Ван И", "Сергей Лавров")
PUTIN_ARAGHCHI = ("Аббас Аракчи", "Владимир Путин")


# text, publication date, expected {(participants, kind, status, date)}
EVENTS = [
    [  # the lead report is the fresh call; "предыдущий ... в декабре 2022" is another one
        "Президент России Владимир Путин провел телефонный разговор с канцлером Германии Олафом"
        " Шольцем. Беседа прошла по инициативе немецкой стороны. Собеседники обсудили Украину."
        " Это первый разговор Путина со Шольцем почти за два года: предыдущий телефонный"
        " разговор состоялся в декабре 2022 года.",
        date(2024, 11, 15),
        {
            (PUTIN_SCHOLZ, "phone", "happened", day(2024, 11, 15)),
            (PUTIN_SCHOLZ, "phone", "happened", day(2022, 12)),
        },
    ],
    [  # "последний раз ... встречались 19 июля" is not the date of the lead's talks
        "Президент России Владимир Путин и президент Турции Реджеп Тайип Эрдоган провели в Сочи"
        " переговоры. Путин поблагодарил турецкого коллегу. Новак сообщил журналистам о газе."
        " Последний раз Путин и Эрдоган встречались 19 июля в Тегеране.",
        date(2022, 8, 5),
        {
            (PUTIN_ERDOGAN, "talks", "happened", day(2022, 8, 5)),
            (PUTIN_ERDOGAN, "meeting", "happened", day(2022, 7, 19)),
        },
    ],
    [  # a later sentence dated a few days before publication is the same news
        "Путин и Эрдоган провели переговоры в Сочи. Встреча Путина и Эрдогана прошла 4 августа.",
        date(2022, 8, 5),
        {(PUTIN_ERDOGAN, "talks", "happened", day(2022, 8, 4))},
    ],
    [  # one pair, two days: talks today, an informal meeting the evening before
        "В Кремле во вторник прошли российско-индийские переговоры на высшем уровне. Президент"
        " России Владимир Путин и премьер-министр Индии Нарендра Моди обсудили торговлю."
        " Накануне вечером Путин и Моди встретились в Ново-Огарево.",
        date(2024, 7, 9),
        {
            (PUTIN_MODI, "talks", "happened", day(2024, 7, 9)),
            (PUTIN_MODI, "meeting", "happened", day(2024, 7, 8)),
        },
    ],
    [  # a video conference is a call, whatever noun describes it
        "Путин и Байден провели переговоры в режиме видеоконференции.",
        date(2021, 12, 7),
        {(PUTIN_BIDEN, "phone", "happened", day(2021, 12, 7))},
    ],
    [
        "Путин поговорил по телефону с Байденом. Предыдущий разговор Путина и Байдена"
        " в формате видеоконференции состоялся 7 декабря.",
        date(2021, 12, 31),
        {
            (PUTIN_BIDEN, "phone", "happened", day(2021, 12, 31)),
            (PUTIN_BIDEN, "phone", "happened", day(2021, 12, 7)),
        },
    ],
    [  # the lead's word decides the kind of one in-person event told with two words
        "Переговоры президентов России и США Владимира Путина и Джо Байдена в Женеве завершились."
        " Байден отметил, что провел встречу в позитивном ключе."
        " Это первая очная встреча лидеров с момента вступления Байдена в должность.",
        date(2021, 6, 16),
        {(PUTIN_BIDEN, "talks", "happened", day(2021, 6, 16))},
    ],
    [  # "на полях" frames a meeting; it is no contact word of its own
        "Президент России Владимир Путин и президент США Дональд Трамп провели встречу на полях"
        " саммита G20 в Осаке. Последний раз полноформатные переговоры лидеры проводили"
        " 16 июля 2018 года в Хельсинки.",
        date(2019, 6, 28),
        {
            (PUTIN_TRUMP, "meeting", "happened", day(2019, 6, 28)),
            (PUTIN_TRUMP, "talks", "happened", day(2018, 7, 16)),
        },
    ],
    [  # the guest before "принял", the host after it; "в тот же день" takes the story's date
        "Министр иностранных дел России Сергей Лавров и госсекретарь США Майк Помпео во вторник"
        " провели переговоры в Сочи. Предыдущая встреча министров состоялась 6 мая."
        " Позднее в тот же день Помпео принял президент России Владимир Путин.",
        date(2019, 5, 14),
        {
            (LAVROV_POMPEO, "talks", "happened", day(2019, 5, 14)),
            (LAVROV_POMPEO, "meeting", "happened", day(2019, 5, 6)),
            (PUTIN_POMPEO, "meeting", "happened", day(2019, 5, 14)),
        },
    ],
    [  # a pronoun guest is the person named before it
        "Сергей Лавров накануне провел переговоры с Майком Помпео. После переговоров Лавров"
        " отправился в Белый дом, где его принял президент США Дональд Трамп.",
        date(2019, 12, 11),
        {
            (LAVROV_POMPEO, "talks", "happened", day(2019, 12, 10)),
            (LAVROV_TRUMP, "meeting", "happened", day(2019, 12, 10)),
        },
    ],
    [  # the agent of a passive participle: "достигнутых президентами ... в ходе беседы"
        "В понедельник Лавров и Рубио провели телефонный разговор. Министры обсудили шаги по"
        " реализации договоренностей, достигнутых президентами двух стран в ходе телефонной"
        " беседы 16 октября.",
        date(2025, 10, 22),
        {
            (LAVROV_RUBIO, "phone", "happened", day(2025, 10, 20)),
            (PUTIN_TRUMP, "phone", "happened", day(2025, 10, 16)),
        },
    ],
    [  # no header date: the lead takes the full date the text states
        "Президент России Владимир Путин провел переговоры с Дональдом Трампом. Встреча прошла"
        " без прессы. Утром 24 июня 2023 года Путин и Лукашенко провели телефонный разговор.",
        None,
        {
            (PUTIN_TRUMP, "talks", "happened", day(2023, 6, 24)),
            (PUTIN_LUKASHENKO, "phone", "happened", day(2023, 6, 24)),
        },
    ],
    [  # "обсудили" elaborates the call; another group's summit is no contact of theirs
        "Путин провел телефонный разговор с Байденом. Президенты также обсудили вопросы,"
        " связанные с предложением России провести саммит постоянных членов Совбеза ООН.",
        date(2021, 1, 26),
        {(PUTIN_BIDEN, "phone", "happened", day(2021, 1, 26))},
    ],
    [  # a framing noun ("по итогам визита") does not take the clause's modality
        "Сергей Лавров провел переговоры с главой МИД КНР Ван И."
        " По итогам визита министры намерены принять совместное заявление.",
        date(2021, 3, 22),
        {(LAVROV_WANG, "talks", "happened", day(2021, 3, 22))},
    ],
    [  # a date next to one contact word is not the date of another in the same clause
        "Рубио провел сегодня телефонную беседу с Сергеем Лавровым в развитие разговора Трампа"
        " с Путиным, состоявшегося ранее на этой неделе.",
        date(2025, 2, 15),
        {
            (LAVROV_RUBIO, "phone", "happened", day(2025, 2, 15)),
            # (a bare "разговор" with no setting: a call)
            (PUTIN_TRUMP, "phone", "happened", day(2025, 2)),
        },
    ],
    [  # a first name read as another person's surname gives way to the full name
        "Президент России Владимир Путин встретился в Кремле с министром иностранных дел"
        " Исламской Республики Иран Аббасом Аракчи.",
        date(2025, 6, 23),
        {(PUTIN_ARAGHCHI, "meeting", "happened", day(2025, 6, 23))},
    ],
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    EVENTS
    + RECALL
    + WIRES
    + RETOLD
    + SUMMITS
    + CHRONICLES
    + CAUCASUS
    + VISITS
    + EAST_ASIA
    + MEDIATORS
    + MIDEAST
    + COMPANIONS
    + LATAM
    + ROUNDUPS,
)
def test_events_of_one_article(
    extractor: ContactExtractor,
    text: str,
    published: date | None,
    expected: set[tuple[tuple[str, ...], str, str, PartialDate | None]],
) -> None:
    assert events_of(extractor, text, published) == expected


def test_a_headline_puts_off_the_trip_its_plans_belong_to(extractor: ContactExtractor) -> None:
    """ "Госсекретарь США отложил поездку в Киев" (headline) … "X должен был встретиться с
    Y": the meeting of the trip is put off, not still planned."""
    text = (
        "Госсекретарь США Майк Помпео не поедет на этой неделе на Украину, сообщил Госдеп."
        " Новые сроки пока не определены. Помпео должен был 3 января прилететь в Киев и"
        " встретиться с президентом Владимиром Зеленским."
    )
    [contact] = extractor.extract(
        text, published=date(2020, 1, 1), title="Госсекретарь США отложил поездку в Киев"
    )
    assert (contact.participants, contact.status, contact.date) == (
        ("Владимир Зеленский", "Майк Помпео"),
        "postponed",
        PartialDate(2020, 1, 3),
    )


def test_joined_people_are_in_the_snippet(extractor: ContactExtractor) -> None:
    text = "В Кремле прошли российско-индийские переговоры. Путин и Моди обсудили торговлю."
    [contact] = extractor.extract(text, published=date(2024, 7, 9))
    assert contact.participants == PUTIN_MODI
    assert "Моди" in contact.snippet
    assert text[contact.start : contact.end] == contact.snippet


def test_a_headline_names_the_host_of_a_series(extractor: ContactExtractor) -> None:
    """ "Си Цзиньпин провел на Бали марафон встреч. … Главной из них стала встреча с X": the
    headline's subject is the one who met X."""
    text = (
        "Саммит на Бали стал для китайского лидера первой за три года большой поездкой."
        " Главной из них стала встреча с президентом США Джо Байденом, которая прошла в"
        " понедельник."
    )
    contacts = extractor.extract(
        text, published=date(2022, 11, 16), title="Си Цзиньпин провел на Бали марафон встреч"
    )
    assert {(c.participants, c.date) for c in contacts} == {
        (("Джо Байден", "Си Цзиньпин"), day(2022, 11, 14))
    }


def test_a_chronicle_of_one_persons_trip(extractor: ContactExtractor) -> None:
    """ "Турне Эрдогана" with entries "3 июня, Доха. Встреча с X.": each entry is the
    headline's person meeting X on the entry's day."""
    text = (
        "Вот как выглядел его маршрут.\n\n3 июня, Доха. Встреча с Тамимом Аль Тани во дворце."
        "\n\n5 июня, Эр-Рияд. Переговоры с Мохаммедом бин Сальманом.\n\n6 июня, Абу-Даби."
        " Встреча с Мухаммедом бен Заидом."
    )
    contacts = extractor.extract(text, published=date(2023, 6, 9), title="Турне Эрдогана")
    assert {(c.participants, c.kind, c.date) for c in contacts} == {
        (("Реджеп Тайип Эрдоган", "Тамим Аль Тани"), "meeting", day(2023, 6, 3)),
        (("Мохаммед бин Сальман", "Реджеп Тайип Эрдоган"), "talks", day(2023, 6, 5)),
        (("Мухаммед бен Заид", "Реджеп Тайип Эрдоган"), "meeting", day(2023, 6, 6)),
    }


def test_a_headline_names_the_kind_over_a_reception(extractor: ContactExtractor) -> None:
    """ "Лавров и Маас провели переговоры" over the body's "принял коллегу": talks."""
    text = (
        "Министр иностранных дел России Сергей Лавров в пятницу принял в особняке МИД на"
        " Спиридоновке своего германского коллегу Хайко Мааса."
    )
    contacts = extractor.extract(
        text, published=date(2019, 1, 18), title="Лавров и Маас провели переговоры в Москве"
    )
    assert {(c.participants, c.kind) for c in contacts} == {
        (("Сергей Лавров", "Хайко Маас"), "talks")
    }
    [received] = extractor.extract(text, published=date(2019, 1, 18))
    assert received.kind == "meeting"


def test_a_delegation_of_the_other_side_is_the_headline_people(extractor: ContactExtractor) -> None:
    """ "X провел переговоры с американской делегацией" under a headline naming X, Y and Z:
    the headline's people, as the body tells them no other way."""
    contacts = extractor.extract(
        "Кирилл Дмитриев в выходные провел во Флориде переговоры с американской делегацией.",
        published=date(2025, 12, 22),
        title="Дмитриев провел выходные в Майами на переговорах с Уиткоффом и Кушнером",
    )
    assert {(c.participants, c.kind) for c in contacts} == {
        (("Джаред Кушнер", "Кирилл Дмитриев", "Стив Уиткофф"), "talks")
    }


def test_a_readout_title_names_the_guest_and_its_lead_the_owner(
    extractor: ContactExtractor,
) -> None:
    """ "Телефонный разговор с Президентом X" over a lead with no contact word: the call of
    the one the lead names first, of the page's day, cited by the title."""
    text = (
        "Владимир Путин тепло поздравил Садыра Жапарова с днем рождения, пожелал ему крепкого"
        " здоровья. Российский Президент также поблагодарил киргизского коллегу за"
        " гостеприимство."
    )
    title = "Телефонный разговор с Президентом Киргизской Республики Садыром Жапаровым"
    [call] = extractor.extract(text, published=date(2025, 12, 6), title=title)
    assert (call.participants, call.kind, call.status, call.date) == (
        ("Владимир Путин", "Садыр Жапаров"),
        "phone",
        "happened",
        day(2025, 12, 6),
    )
    assert call.snippet == title
    # a title that is no readout tells nothing of a body without contact words
    assert not extractor.extract(text, published=date(2025, 12, 6), title="Жапарову 67 лет")


def test_an_event_of_the_headline_travellers_trip(extractor: ContactExtractor) -> None:
    """ "Зачем Токаев поехал в Анкару" … "Главным событием поездки стали переговоры с X":
    the headline's traveller and X, on the day told."""
    text = (
        "Официальный визит Касым-Жомарта Токаева в Турцию завершился подписанием 18"
        " документов. Главным событием поездки стали переговоры с президентом Реджепом Тайипом"
        " Эрдоганом во вторник."
    )
    contacts = extractor.extract(
        text, published=date(2025, 7, 30), title="Зачем Токаев поехал в Анкару"
    )
    assert {(c.participants, c.kind, c.date) for c in contacts} == {
        (("Касым-Жомарт Токаев", "Реджеп Тайип Эрдоган"), "talks", day(2025, 7, 29))
    }


def test_a_chronicle_of_two_ministers_named_by_the_title(extractor: ContactExtractor) -> None:
    """ "Хроника: как министры Армении и Азербайджана искали мир": an entry's "встреча с
    обоими министрами" is with the two the title names by their offices."""
    text = (
        "Ниже — встречи глав дипломатических ведомств двух стран.\n\n16 июля, Тбилиси."
        " Арарат Мирзоян и Джейхун Байрамов провели двустороннюю встречу.\n\n19 сентября,"
        " Нью-Йорк. Госсекретарь США Энтони Блинкен провел встречу с обоими министрами."
    )
    contacts = extractor.extract(
        text,
        published=date(2022, 10, 20),
        title="Хроника: как министры Армении и Азербайджана искали мир",
    )
    assert {(c.participants, c.date) for c in contacts} == {
        (("Арарат Мирзоян", "Джейхун Байрамов"), day(2022, 7, 16)),
        (("Арарат Мирзоян", "Джейхун Байрамов", "Энтони Блинкен"), day(2022, 9, 19)),
    }


def test_the_place_of_an_invitation_is_not_the_meetings(extractor: ContactExtractor) -> None:
    """ "встретился с Путиным и принял приглашение на саммит в Казани": Kazan is where he is
    invited to, not where they met."""
    [contact] = extractor.extract(
        "В начале сентября малайзийский премьер Анвар Ибрагим побывал на форуме во"
        " Владивостоке, где 4 сентября встретился с Владимиром Путиным и принял приглашение"
        " на саммит БРИКС в Казани.",
        published=date(2024, 11, 7),
    )
    assert contact.participants == ("Анвар Ибрагим", "Владимир Путин")
    assert contact.place != "Казань"


def test_the_trip_of_a_pronoun_is_its_travellers(extractor: ContactExtractor) -> None:
    """ "Его прощальный визит в Рим, в программе которого была встреча с Мелони, отменили":
    the meeting called off is the traveller's (the one "его" stands for), not the meeting of
    the story's pair told before."""
    text = (
        "Президент Украины Владимир Зеленский в четверг встретился в Риме с Джорджей Мелони. В"
        " итальянской столице ждали и президента США Джо Байдена. Его прощальный визит в Рим, в"
        " программе которого была встреча с Мелони, отменили из-за пожаров."
    )
    contacts = extractor.extract(text, published=date(2025, 1, 10))
    assert {(c.participants, c.status) for c in contacts} == {
        (("Владимир Зеленский", "Джорджа Мелони"), "happened"),
        (("Джо Байден", "Джорджа Мелони"), "cancelled"),
    }


def test_a_headline_day_dates_the_chronicle_it_heads(extractor: ContactExtractor) -> None:
    """ "9 мая в Москве: хроника встреч" (headline) over "Днем. Путин провел переговоры с X":
    the day the headline names, not an undated contact or the day of the page."""
    text = (
        "Утро. На Красной площади прошел парад. Среди гостей — лидеры двух десятков стран."
        " Днем. Путин провел в Кремле переговоры с Робертом Фицо. Вечер. В Кремле прошли"
        " переговоры Путина и Александра Вучича."
    )
    contacts = extractor.extract(
        text, published=date(2025, 5, 10), title="9 мая в Москве: хроника встреч"
    )
    assert {(c.participants, c.date) for c in contacts} == {
        ((PUTIN, "Роберт Фицо"), PartialDate(2025, 5, 9)),
        (("Александр Вучич", PUTIN), PartialDate(2025, 5, 9)),
    }
