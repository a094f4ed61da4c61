from datetime import date

import pytest

from retrieval.contacts import ContactExtractor
from retrieval.types import PartialDate

PUBLISHED = date(2025, 2, 15)
LAVROV_RUBIO = ("Марко Рубио", "Сергей Лавров")
PUTIN_TRUMP = ("Владимир Путин", "Дональд Трамп")

# text, expected (participants, kind, status) set
CONTACTS = [
    [
        "Сергей Лавров поговорил по телефону с госсекретарем США Марко Рубио.",
        {(LAVROV_RUBIO, "phone", "happened")},
    ],
    ["Лавров и Рубио созвонились.", {(LAVROV_RUBIO, "phone", "happened")}],
    ["Путин принял в Кремле Дональда Трампа.", {(PUTIN_TRUMP, "meeting", "happened")}],
    ["Путин встретился с Трампом в Анкоридже.", {(PUTIN_TRUMP, "meeting", "happened")}],
    ["Лавров созвонится с Рубио на следующей неделе.", {(LAVROV_RUBIO, "phone", "planned")}],
    ["Путин и Трамп могут встретиться в Будапеште.", {(PUTIN_TRUMP, "meeting", "planned")}],
    ["Встреча Путина и Трампа в Будапеште отложена.", {(PUTIN_TRUMP, "meeting", "postponed")}],
    ["Встреча Путина и Трампа отменена.", {(PUTIN_TRUMP, "meeting", "cancelled")}],
    ["В Кремле опровергли разговор Путина и Трампа.", {(PUTIN_TRUMP, "talks", "denied")}],
    [
        "Путин провел телефонный разговор с американским коллегой Дональдом Трампом.",
        {(PUTIN_TRUMP, "phone", "happened")},
    ],
    [
        "Глава МИД России провел переговоры с госсекретарем США.",
        {(LAVROV_RUBIO, "talks", "happened")},
    ],
    [
        "Виторио Сандали встретился с заместителем министра Александром Налбандовым.",
        {(("Александр Налбандов", "Виторио Сандали"), "meeting", "happened")},
    ],
    ["Лавров и Рубио договорились о регулярных контактах.", set()],
    ["Лавров и Рубио договорились организовать встречу экспертов.", set()],
    [
        # (a bare "разговор" with no setting: a call)
        "Песков заявил, что разговор Путина и Трампа длился полтора часа.",
        {(PUTIN_TRUMP, "phone", "happened")},
    ],
    ["Начатая администрацией Барака Обамы линия обсуждалась на встрече Лаврова.", set()],
    ["Марко Рубио, Сергей Лавров. Фото: wikipedia.org", set()],
    ["Лавров встретился с журналистами.", set()],
    ["Путин принял решение о встрече.", set()],
    [
        "Госсекретарь Марко Рубио в субботу позвонил министру иностранных дел России"
        " Сергею Лаврову.",
        {(LAVROV_RUBIO, "phone", "happened")},
    ],
    [
        "Трамп допустил встречу с Путиным в Саудовской Аравии.",
        {(PUTIN_TRUMP, "meeting", "planned")},
    ],
    [
        "Песков назвал ложью публикацию о том, что Трамп якобы уже поговорил по телефону"
        " с Путиным.",
        {(PUTIN_TRUMP, "phone", "denied")},
    ],
    [
        "Песков опроверг утверждения о том, что Трамп мог разговаривать с Путиным по телефону.",
        {(PUTIN_TRUMP, "phone", "denied")},
    ],
    [
        "Подготовка к встрече Лаврова и Рубио приостановлена, сообщили СМИ.",
        {(LAVROV_RUBIO, "meeting", "postponed")},
    ],
    # a trip's cancellation undoes the meeting that was to take place on it
    [
        "Отменен визит в Венгрию, где в Будапеште должна была состояться встреча Трампа с Путиным.",
        {(PUTIN_TRUMP, "meeting", "cancelled")},
    ],
    [
        "В Будапеште должна была пройти встреча Путина и Трампа.",
        {(PUTIN_TRUMP, "meeting", "planned")},
    ],
    [
        "Встреча Путина и Трампа в Будапеште в намеченном формате не пройдет.",
        {(PUTIN_TRUMP, "meeting", "cancelled")},
    ],
    [
        "Встреча Путина и Трампа должна была пройти в Будапеште, но ее отменили.",
        {(PUTIN_TRUMP, "meeting", "cancelled")},
    ],
    [
        "Встреча Путина и Трампа должна была пройти в Будапеште, но затем она была перенесена.",
        {(PUTIN_TRUMP, "meeting", "postponed")},
    ],
    [
        "Видеоконференция президентов России и США состоится во вторник.",
        {(PUTIN_TRUMP, "phone", "planned")},
    ],
    [
        "Переговоры президентов России и США Владимира Путина и Дональда Трампа завершились.",
        {(PUTIN_TRUMP, "talks", "happened")},
    ],
    [
        "Делегации России и США провели переговоры в Эр-Рияде. С российской стороны участвовал"
        " Сергей Лавров. Американскую делегацию представлял госсекретарь Марко Рубио.",
        {(LAVROV_RUBIO, "talks", "happened")},
    ],
]


@pytest.mark.parametrize(("text", "expected"), CONTACTS)
def test_extract_kind_status_participants(
    extractor: ContactExtractor, text: str, expected: set[tuple[tuple[str, ...], str, str]]
) -> None:
    got = {(c.participants, c.kind, c.status) for c in extractor.extract(text, published=PUBLISHED)}
    assert got == expected


DATES = [
    ["12 февраля Путин и Трамп провели телефонный разговор.", PUBLISHED, PartialDate(2025, 2, 12)],
    ["12 февраля Путин и Трамп провели телефонный разговор.", None, PartialDate(None, 2, 12)],
    ["Путин и Трамп провели телефонный разговор.", PUBLISHED, PartialDate(2025, 2, 15)],
    ["Путин и Трамп провели телефонный разговор.", None, None],
    [
        "В субботу, 15 февраля, министр иностранных дел России Сергей Лавров"
        " поговорил по телефону с госсекретарем США Марко Рубио.",
        None,
        PartialDate(2025, 2, 15),
    ],
    [
        "Лавров и Рубио провели телефонный разговор в пятницу. Это первый телефонный разговор"
        " Лаврова и Рубио с момента вступления последнего в должность в январе.",
        PUBLISHED,
        PartialDate(2025, 2, 14),
    ],
    ["Лавров созвонится с Рубио во вторник.", PUBLISHED, PartialDate(2025, 2, 18)],
    [
        "Лавров поговорил с Рубио по телефону."
        " В 2016 году администрация Барака Обамы выслала дипломатов.",
        None,
        None,
    ],
]


@pytest.mark.parametrize(("text", "published", "expected"), DATES)
def test_contact_date(
    extractor: ContactExtractor, text: str, published: date | None, expected: PartialDate | None
) -> None:
    [contact] = extractor.extract(text, published=published)
    assert contact.date == expected


def test_snippet_offsets_point_into_text(extractor: ContactExtractor) -> None:
    text = "Главное за день.\n\nЛавров провел переговоры с Рубио в Эр-Рияде. Других новостей нет."
    [contact] = extractor.extract(text, published=PUBLISHED)
    assert text[contact.start : contact.end] == contact.snippet
    assert contact.snippet.startswith("Лавров провел переговоры")


def test_place_and_initiator(extractor: ContactExtractor) -> None:
    text = (
        "Лавров провел переговоры с Рубио в Эр-Рияде. "
        "Путин поговорил по телефону с Трампом."
        " Звонок состоялся по инициативе американской стороны."
    )
    got = {c.participants: c for c in extractor.extract(text, published=PUBLISHED)}
    assert got[LAVROV_RUBIO].place == "Эр-Рияд"
    assert got[PUTIN_TRUMP].initiator == "США"
    assert got[PUTIN_TRUMP].place is None


PLACES = [
    ["В Анкаре в понедельник Путин встретился с Эрдоганом.", "Анкара"],
    ["Путин и Трамп встретились на Аляске.", "Аляска"],
    ["Байден встретился с Зеленским во Львове.", "Львов"],
    ["Путин встретился с Эрдоганом на полях саммита в Астане.", "Астана"],
    ["Путин встретился с Эрдоганом в турецком Стамбуле.", "Стамбул"],
    # a side of the world is no place
    ["На Западе заметили: Путин встретился с Эрдоганом.", None],
    # the place of the clause before a contrast is not this contact's
    [
        "Переговоры прошли в Сочи, а в сентябре Путин и Эрдоган встретились в турецкой столице.",
        None,
    ],
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_place_is_the_contacts_own(
    extractor: ContactExtractor, text: str, place: str | None
) -> None:
    [contact] = [c for c in extractor.extract(text, published=PUBLISHED) if c.kind == "meeting"]
    assert contact.place == place


def test_one_record_per_contact(extractor: ContactExtractor) -> None:
    text = (
        "Лавров и Рубио провели телефонный разговор. "
        "В ходе разговора Лавров и Рубио обсудили Украину. "
        "Разговор Лаврова и Рубио длился час."
    )
    contacts = extractor.extract(text, published=PUBLISHED)
    assert [(c.participants, c.kind) for c in contacts] == [(LAVROV_RUBIO, "phone")]
    assert contacts[0].snippet.startswith("Лавров и Рубио провели")


def test_no_cue_no_work(extractor: ContactExtractor) -> None:
    assert extractor.extract("Лавров и Рубио прокомментировали ситуацию.", published=None) == []
