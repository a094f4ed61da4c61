"""Questions to queries: people, unknown names, periods, kinds, intent and search lemmas."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from retrieval.lemmas import Lemmatizer
from retrieval.questions import PersonResolver, parse_period, parse_question
from retrieval.types import Query

Ask = Callable[[str], Query]

TODAY = date(2025, 12, 1)
LAVROV, RUBIO, PUTIN, TRUMP = "Сергей Лавров", "Марко Рубио", "Владимир Путин", "Дональд Трамп"
MEETING_LIKE = frozenset({"meeting", "visit", "talks"})


@pytest.fixture(scope="module")
def ask(registry: PersonResolver, lemmatizer: Lemmatizer) -> Ask:
    """parse_question bound to the fake registry, the lemmatiser and TODAY."""

    def parse(text: str) -> Query:
        return parse_question(text, registry=registry, lemmatizer=lemmatizer, today=TODAY)

    return parse


PEOPLE = [
    ["когда говорили Лавров и Рубио", (LAVROV, RUBIO)],
    ["КОГДА ГОВОРИЛИ ЛАВРОВ И РУБИО", (LAVROV, RUBIO)],
    ["lavrov rubio", (LAVROV, RUBIO)],
    ["Когда Лаврв звонил Рубио", (LAVROV, RUBIO)],
    ["переговоры Путина и Трампа", (PUTIN, TRUMP)],
    ["что нового в мире", ()],
]


@pytest.mark.parametrize(("text", "people"), PEOPLE)
def test_people(ask: Ask, text: str, people: tuple[str, ...]) -> None:
    assert ask(text).people == people


UNKNOWN_NAMES = [
    ["Когда встречались Иванов и Лавров", ("Иванов",)],
    ["Иванов и Петров встречались?", ("Иванов", "Петров")],
    ["Когда Лавров говорил с Ивановым", ("Иванов",)],
    ["Кто звонил Лаврову в мае", ()],
    ["С кем говорил Лавров", ()],
    ["Когда Марко Рубио встречался с Лавровым в Москве", ()],
    ["Когда Лавров говорил с Smith", ("Smith",)],
    ["Что обсуждали США и Россия", ()],
]


@pytest.mark.parametrize(("text", "names"), UNKNOWN_NAMES)
def test_unknown_names(ask: Ask, text: str, names: tuple[str, ...]) -> None:
    assert ask(text).unknown_names == names


PERIODS = [
    ["Лавров и Рубио в феврале 2025", (date(2025, 2, 1), date(2025, 2, 28))],
    ["Лавров и Рубио в марте 2020", (date(2020, 3, 1), date(2020, 3, 31))],
    ["Лавров и Рубио в 2021 году", (date(2021, 1, 1), date(2021, 12, 31))],
    ["Лавров и Рубио в мае", (date(2025, 5, 1), date(2025, 5, 31))],
    ["Лавров и Рубио в декабре", (date(2025, 12, 1), date(2025, 12, 31))],
    ["Лавров и Рубио за последний месяц", (date(2025, 11, 1), TODAY)],
    ["Лавров и Рубио за последние 3 месяца", (date(2025, 9, 1), TODAY)],
    ["Лавров и Рубио за последнюю неделю", (date(2025, 11, 24), TODAY)],
    ["Лавров и Рубио в прошлом году", (date(2024, 1, 1), date(2024, 12, 31))],
    ["Лавров и Рубио в этом году", (date(2025, 1, 1), date(2025, 12, 31))],
    ["Лавров и Рубио в прошлом месяце", (date(2025, 11, 1), date(2025, 11, 30))],
    ["Лавров и Рубио с 2020 по 2022", (date(2020, 1, 1), date(2022, 12, 31))],
    ["Лавров и Рубио с 2020 года по 2022 год", (date(2020, 1, 1), date(2022, 12, 31))],
    ["Лавров и Рубио в 2020-2022 годах", (date(2020, 1, 1), date(2022, 12, 31))],
    ["Лавров и Рубио с марта по май 2025", (date(2025, 3, 1), date(2025, 5, 31))],
    ["Лавров и Рубио с 1 по 15 февраля 2025", (date(2025, 2, 1), date(2025, 2, 15))],
    ["Лавров и Рубио с 2024 года", (date(2024, 1, 1), TODAY)],
    ["Лавров и Рубио 15 февраля 2025", (date(2025, 2, 15), date(2025, 2, 15))],
    ["Лавров и Рубио 15.02.2025", (date(2025, 2, 15), date(2025, 2, 15))],
    ["Лавров и Рубио 20 декабря", (date(2024, 12, 20), date(2024, 12, 20))],
    ["Лавров и Рубио вчера", (date(2025, 11, 30), date(2025, 11, 30))],
    ["Лавров и Рубио 31 февраля 2025", None],
    ["Лавров и Рубио", None],
    ["Ма Чжаосюй и Лавров", None],
]


@pytest.mark.parametrize(("text", "period"), PERIODS)
def test_period(ask: Ask, text: str, period: tuple[date, date] | None) -> None:
    assert ask(text).period == period


def test_month_without_year_is_the_latest_one_not_after_today() -> None:
    assert parse_period("в мае", date(2025, 3, 10)) == (date(2024, 5, 1), date(2024, 5, 31))
    assert parse_period("в мае", date(2025, 5, 10)) == (date(2025, 5, 1), date(2025, 5, 31))


KINDS = [
    ["когда созванивались Лавров и Рубио", frozenset({"phone"})],
    ["когда Лавров звонил Рубио", frozenset({"phone"})],
    ["телефонный разговор Лаврова и Рубио", frozenset({"phone"})],
    ["когда встречались Лавров и Рубио", MEETING_LIKE],
    ["когда виделись Лавров и Рубио", MEETING_LIKE],
    ["переговоры Путина и Трампа", frozenset({"talks", "meeting"})],
    ["визит Рубио", frozenset({"visit"})],
    ["когда говорили Лавров и Рубио", None],
    ["контакты Лаврова и Рубио", None],
    ["Лавров Рубио", None],
]


@pytest.mark.parametrize(("text", "kinds"), KINDS)
def test_kinds(ask: Ask, text: str, kinds: frozenset[str] | None) -> None:
    assert ask(text).kinds == kinds


INTENTS = [
    ["когда говорили Лавров и Рубио", "when"],
    ["Лавров Рубио", "when"],
    ["Когда последний раз говорили Лавров и Рубио?", "last"],
    ["последний контакт Лаврова и Рубио", "last"],
    ["последняя встреча Путина и Трампа", "last"],
    ["Лавров и Рубио за последний месяц", "when"],
    ["с кем говорил Лавров в октябре 2025", "who"],
    ["кому звонил Путин", "who"],
    ["с кем говорили Лавров и Рубио", "when"],
    ["о чем договорились Лавров и Рубио", "about"],
    ["о чём говорили Лавров и Рубио", "about"],
    ["что обсуждали Путин и Трамп", "about"],
    ["санкции против России", "search"],
    ["о чем договорились США и Россия", "search"],
]


@pytest.mark.parametrize(("text", "intent"), INTENTS)
def test_intent(ask: Ask, text: str, intent: str) -> None:
    assert ask(text).intent == intent


LEMMAS = [
    ["когда говорили Лавров и Рубио", ("говорить",)],
    ["Когда последний раз созванивались Лавров и Рубио в феврале 2025?", ("созваниваться",)],
    ["о чем договорились Лавров и Рубио", ("договориться",)],
    ["санкции против России", ("санкция", "против", "россия")],
    ["Когда встречались Иванов и Лавров", ("встречаться", "иванов")],
]


@pytest.mark.parametrize(("text", "lemmas"), LEMMAS)
def test_search_lemmas(ask: Ask, text: str, lemmas: tuple[str, ...]) -> None:
    assert ask(text).lemmas == lemmas


HOSTILE = [
    "",
    "   ",
    "😀😀😀",
    "а" * 4000,
    "Лавров " * 600,
    "<b>Лавров</b> <script>alert(1)</script>",
    "'; DROP TABLE contacts; --",
    "When did Lavrov talk to Rubio?",
    "Лавров and Rubio в 2025 году 🤝",
    "с 9999 по 0000",
    "00.00.0000",
    "за последние 999 лет",
    "\x00\x1b[31m",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(ask: Ask, text: str) -> None:
    query = ask(text)
    assert query.text == text.strip()
    assert query.intent in {"when", "last", "who", "about", "search"}


OFFICE_QUESTIONS = [
    [
        "когда говорили президент России и президент США в 2021 году",
        ("Владимир Путин", "Джо Байден"),
    ],
    [
        "когда общались глава МИД России и госсекретарь США в 2019 году",
        ("Сергей Лавров", "Майк Помпео"),
    ],
    ["когда канцлер Германии разговаривал с Путиным в 2024 году", ("Олаф Шольц", "Владимир Путин")],
    ["когда говорили президенты России и США", ("Владимир Путин", "Дональд Трамп")],
]


@pytest.mark.parametrize(("text", "people"), OFFICE_QUESTIONS)
def test_offices_resolve_to_holders_of_the_asked_period(
    lemmatizer: Lemmatizer, text: str, people: tuple[str, ...]
) -> None:
    from retrieval.people import PersonRegistry

    registry = PersonRegistry.load_default()
    query = parse_question(text, registry=registry, lemmatizer=lemmatizer, today=TODAY)
    assert query.people == people
