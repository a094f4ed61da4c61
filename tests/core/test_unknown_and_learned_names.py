"""People names in questions: unknown people beside known ones, and people learned from articles.

A pair question naming someone nobody knows must not answer with the known person's other
contacts; a person ingest learned from an article (not in people.json) must be askable in
any case form, by surname alone, with ё read as е, while registry people keep priority.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from retrieval.learned import LearnedNames, LearnedPerson, name_forms
from retrieval.questions import parse_question, resolve_people
from service.app import ContactsApp
from storage import people as people_repo
from storage.models import Person, PersonAlias

TODAY = date(2025, 12, 1)
TRUMP, PUTIN, MACRON = "Дональд Трамп", "Владимир Путин", "Эмманюэль Макрон"
ZELENSKY, LAVROV, RUBIO = "Владимир Зеленский", "Сергей Лавров", "Марко Рубио"
HANSSON, PRODI, FREDERIKSEN = "Ульф Ханссон", "Романо Проди", "Метте Фредериксен"

# Own-words articles: none of Ханссон (an invented minister), Проди, Фредериксен is in
# retrieval/data/people.json.
LEARNED_ARTICLES = {
    "iceland.txt": (
        "date 2024-09-10 Министр Исландии обсудил с Макроном помощь Украине\n\n"
        "Министр иностранных дел Исландии Ульф Ханссон в понедельник, 9 сентября, провел "
        "телефонный разговор с президентом Франции Эммануэлем Макроном. Политики обсудили "
        "поддержку Украины и подготовку к саммиту Евросоюза.\n"
    ),
    "italy.txt": (
        "date 2024-03-07 Путин встретился с Проди в Сочи\n\n"
        "Президент России Владимир Путин 6 марта встретился в Сочи с Романо Проди, бывшим "
        "премьер-министром Италии. Стороны обсудили отношения двух стран.\n"
    ),
    "denmark.txt": (
        "date 2024-02-20 Фредериксен поговорила с Зеленским\n\n"
        "Премьер-министр Дании Метте Фредериксен во вторник провела телефонный разговор "
        "с президентом Украины Владимиром Зеленским. Политики обсудили военную помощь.\n"
    ),
}
PUTIN_TRUMP_ARTICLE = (
    "date 2025-02-13 Путин и Трамп поговорили по телефону\n\n"
    "Президент России Владимир Путин 12 февраля провел телефонный разговор с президентом США "
    "Дональдом Трампом. Разговор продолжался около полутора часов.\n"
)


def write_articles(folder: Path, articles: dict[str, str]) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def ingest_articles(app: ContactsApp, folder: Path, articles: dict[str, str]) -> int:
    """Write the articles to `folder`, ingest them and return how many contacts are new."""
    return app.ingestor.ingest_paths([write_articles(folder, articles)]).contacts_new


# --- unknown names: precision on both sides (the real registry) ---------------------------

UNKNOWN_NAMES = [
    ["когда общались Трамп и Фредериксен", ("Фредериксен",)],
    ["когда последний раз встречались Трамп и Фредериксен", ("Фредериксен",)],
    ["когда говорили Путин и Метте Фредериксен", ("Метте Фредериксен",)],
    ["Путин Фредериксен", ("Фредериксен",)],
    ["Фредериксен и Трамп встречались?", ("Фредериксен",)],
    ["Когда Лавров говорил с Ивановым", ("Иванов",)],
    ["когда говорили Трамп и Frederiksen", ("Frederiksen",)],
    ["когда встречались Трамп, Фредериксен и Иванов", ("Фредериксен", "Иванов")],
    ["Фредериксен Трамп", ("Фредериксен",)],
    # a surname pymorphy only guesses to be a town by its ending is still a name
    ["когда встречались Лавров и Хаас", ("Хаас",)],
    # an office the registry does not hold is not dropped from the question
    ["когда встречались президент США и президент Уругвая", ("президент Уругвая",)],
    # a family name with a lower-case Arabic article ("аль-Хаджаджи")
    ["когда встречались Лавров и аль-Хаджаджи", ("аль-Хаджаджи",)],
]

# a whole name a letter or two off the registry's ("Чвэ" for "Чхве"), a short name word
# inflected ("Ыном" of "Ын"): the registry person, and no unknown name
CLOSE_NAMES = [
    ["когда общались Лавров и Чвэ Сон Хи", (LAVROV, "Чхве Сон Хи")],
    ["когда Лавров общался с Ким Чен Ыном", (LAVROV, "Ким Чен Ын")],
    ["когда Лавров общался с Ким Чон Ыном", (LAVROV, "Ким Чен Ын")],
    ["когда Венс общался с Зеленским", ("Джей Ди Вэнс", ZELENSKY)],  # э read as е
    ["когда общались Путин и Джапаров", (PUTIN, "Садыр Жапаров")],  # a surname pymorphy knows
    ["когда встречались Эрдоган и Кристерсон", ("Реджеп Тайип Эрдоган", "Ульф Кристерссон")],
    # a first name spelt right is no surname spelt wrong ("Борисом" is not "Боричем")
    ["когда Зеленский говорил с Борисом Джонсоном", (ZELENSKY, "Борис Джонсон")],
    # another spelling of a name with a particle: each of its words is the registry person's
    ["когда говорили Байден и Мухаммед бен Салман", ("Джо Байден", "Мохаммед бин Сальман")],
    # a whole Latin name whose last word alone also names the person ("Yi")
    ["когда Шойгу встречался с Wang Yi", ("Сергей Шойгу", "Ван И")],
    ["когда встречались Putin и Van der Bellen", ("Владимир Путин", "Александр Ван дер Беллен")],
    # a surname articles never take alone ("Сингх") names its only registry bearer here
    ["когда последний раз встречались Белоусов и Сингх", ("Андрей Белоусов", "Раджнатх Сингх")],
    # a name of four words, not the two-word namesake inside it ("бин Сальман")
    [
        "когда Новак встречался с Абдель Азизом бин Сальманом",
        ("Александр Новак", "Абдель Азиз бин Сальман"),
    ],
]


@pytest.mark.parametrize(("text", "people"), CLOSE_NAMES)
def test_close_spellings_of_registry_names(nlp, text: str, people: tuple) -> None:  # type: ignore[no-untyped-def]
    query = parse_question(text, registry=nlp.registry, lemmatizer=nlp.lemmatizer, today=TODAY)
    assert query.people == people
    assert query.unknown_names == ()


@pytest.mark.parametrize(("text", "names"), UNKNOWN_NAMES)
def test_unknown_people_beside_known_ones_are_reported(nlp, text: str, names: tuple) -> None:  # type: ignore[no-untyped-def]
    query = parse_question(text, registry=nlp.registry, lemmatizer=nlp.lemmatizer, today=TODAY)
    assert query.people and query.unknown_names == names


ORDINARY_CAPITALISED_WORDS = [
    "Когда встречались Лавров и Рубио в Копенгагене",
    "когда встречались Лавров и Рубио в Эр-Рияде",
    "когда встречались Лавров и Рубио в Абу-Даби",
    "когда встречались Лавров и Рубио в Нью Йорке",
    "когда встречались Путин и Трамп в Белом доме",
    "Лавров и Рубио в Феврале",
    "когда встречались Лавров и Рубио в Женеве в Декабре",
    "Когда говорили Лавров и Рубио в ООН",
    "когда говорили США и Россия",
    "когда МИД России и Госдеп говорили",
    "Встречались ли Путин и Трамп",
    "Кагда говорили Лавров и Рубио",  # a typo opening the question, not a person
    "Скажи, когда говорили Лавров и Рубио",
    "когда говорили Лавров и Рубио? Заранее Спасибо",
    "когда Путин и Трамп говорили о Росатоме",
    "когда говорили Путин и Трамп по Zoom",
    "когда говорили Лавров и Рубио о «Северном потоке»",
    "когда говорили Сергей Викторович Лавров и Рубио",
    "когда говорили Лавров Сергей Викторович и Рубио",
    "когда говорили Владимир Владимирович Путин и Дональд Джон Трамп",
    "когда говорили Тони Блинкен и Лавров",
    "когда Путин общался с Мухаммедом бен Заидом",
    "Когда глава МИД России говорил с госсекретарем США",
]


@pytest.mark.parametrize("text", ORDINARY_CAPITALISED_WORDS)
def test_places_months_offices_and_name_parts_are_not_unknown_people(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    query = parse_question(text, registry=nlp.registry, lemmatizer=nlp.lemmatizer, today=TODAY)
    assert query.unknown_names == ()


# --- learned names: forms and look-ups ----------------------------------------------------

NAME_FORMS = [
    ["Ульф Ханссон", {"ханссон", "ханссона", "ханссону", "ханссоном"}],
    ["Себастьен Лекорню", {"лекорню"}],
    ["Романо Проди", {"проди"}],
    ["Метте Фредериксен", {"фредериксен"}],  # gender unknown to pymorphy: both declensions
    ["Бен Уоллес", {"уоллес", "уоллеса", "уоллесом"}],
    # a Spanish name's first family name asks for the person too ("с Монкадой")
    ["Хорхе Арреаса Монсеррат", {"арреаса", "арреасой", "монсеррат"}],
    # "Гейр" read by pymorphy as a plural genitive of a woman's name tells no gender
    ["Гейр Педерсен", {"педерсен", "педерсена", "педерсеном"}],
]


@pytest.mark.parametrize(("name", "surnames"), NAME_FORMS)
def test_learned_names_are_declined(nlp, name: str, surnames: set[str]) -> None:  # type: ignore[no-untyped-def]
    full, surname = name_forms(name, nlp.lemmatizer)
    assert surnames <= surname
    assert name.lower() in full


@pytest.fixture(scope="module")
def learned(nlp) -> LearnedNames:  # type: ignore[no-untyped-def]
    people = [
        LearnedPerson(1, HANSSON, ("ульф ханссон",)),
        LearnedPerson(2, "Себастьен Лекорню"),
        LearnedPerson(3, "Бен Уоллес"),
        LearnedPerson(4, "Крис Уоллес"),
        LearnedPerson(5, "Уоллес"),
        LearnedPerson(6, "Джордж Вашингтон"),
        LearnedPerson(7, "Андрей Мир"),
        LearnedPerson(8, "Ирина Захарова"),
        LearnedPerson(9, "Захарова"),
        LearnedPerson(10, "Пётр Семёнов"),
    ]
    return LearnedNames(nlp.lemmatizer).extended(people)


FIND = [
    ["когда говорили с Ханссоном", (HANSSON,)],
    ["ХАНССОНА", (HANSSON,)],
    ["ханссону звонили", (HANSSON,)],
    ["Ульфом Ханссоном", (HANSSON,)],
    ["с Лекорню", ("Себастьен Лекорню",)],
    ["с Себастьеном Лекорню", ("Себастьен Лекорню",)],
    ["Уоллес", ("Бен Уоллес",)],  # shared surname: the fullest name, then the first stored
    ["Крис Уоллес", ("Крис Уоллес",)],
    ["Петр Семенов", ("Пётр Семёнов",)],
    ["с Семёновым", ("Пётр Семёнов",)],
    ["встреча в Вашингтоне", ()],
    ["Вашингтон заявил", ()],
    ["Джордж Вашингтон", ("Джордж Вашингтон",)],
    ["ради мира", ()],
    ["Андрей Мир", ("Андрей Мир",)],
]


@pytest.mark.parametrize(("text", "names"), FIND)
def test_learned_names_are_found_in_any_form(
    learned: LearnedNames, text: str, names: tuple
) -> None:
    assert tuple(hit.name for hit in learned.find(text)) == names


def test_extending_makes_a_new_map_and_keeps_the_old_one(nlp) -> None:  # type: ignore[no-untyped-def]
    empty = LearnedNames(nlp.lemmatizer)
    one = empty.extended([LearnedPerson(1, PRODI)])
    assert len(empty) == 0 and not empty.find("Проди")
    assert len(one) == 1 and [h.name for h in one.find("с Проди")] == [PRODI]


RESOLVE = [
    ["когда говорили Ханссон и Макрон", (HANSSON, MACRON)],
    ["когда говорили Макрон и Ханссон", (MACRON, HANSSON)],
    ["когда президент Франции говорил с Ханссоном", (MACRON, HANSSON)],
    ["Ханссон", (HANSSON,)],
    ["когда говорили Захарова и Лавров", ("Мария Захарова", LAVROV)],  # the registry's
    ["когда говорили Ирина Захарова и Лавров", ("Ирина Захарова", LAVROV)],
    ["когда говорили Мария Захарова и Лавров", ("Мария Захарова", LAVROV)],
    ["когда говорили Лавров и Рубио", (LAVROV, RUBIO)],
]


@pytest.mark.parametrize(("text", "people"), RESOLVE)
def test_registry_first_then_learned_in_order_of_appearance(
    nlp,
    learned: LearnedNames,
    text: str,
    people: tuple,  # type: ignore[no-untyped-def]
) -> None:
    assert resolve_people(text, registry=nlp.registry, learned=learned, on=TODAY) == people
    query = parse_question(
        text, registry=nlp.registry, lemmatizer=nlp.lemmatizer, today=TODAY, learned=learned
    )
    assert query.people == people and query.unknown_names == ()


# --- the answer service on a real database (SQLite and PostgreSQL) ------------------------


@pytest.fixture
def putin_trump_app(contacts_app: ContactsApp, tmp_path: Path) -> ContactsApp:
    assert ingest_articles(contacts_app, tmp_path / "pt", {"call.txt": PUTIN_TRUMP_ARTICLE}) == 1
    return contacts_app


PAIR_WITH_UNKNOWN = [
    "когда общались Трамп и Фредериксен",
    "когда последний раз встречались Трамп и Фредериксен",
    "о чём договорились Трамп и Фредериксен",
    "когда созванивались Трамп и Фредериксен в 2025 году",
    "Фредериксен Трамп",
]


@pytest.mark.parametrize("question", PAIR_WITH_UNKNOWN)
def test_a_pair_with_an_unknown_person_lists_no_contacts(
    putin_trump_app: ContactsApp, question: str
) -> None:
    answer = putin_trump_app.answers.ask_sync(question, today=TODAY)
    assert answer.query.people == (TRUMP,)
    assert not answer.found and answer.contacts == () and answer.passages == ()
    assert answer.to_json()["contacts"] == []
    assert answer.text.startswith("Не знаю, кто такой: Фредериксен.")
    assert "не нашёл контактов" in answer.text.lower()
    assert PUTIN not in answer.text and "12 февраля" not in answer.text


def test_several_unknown_people_are_named_together(putin_trump_app: ContactsApp) -> None:
    answer = putin_trump_app.answers.ask_sync("когда встречались Трамп, Фредериксен и Иванов")
    assert answer.contacts == ()
    assert answer.text.startswith("Не знаю, кто такие: Фредериксен, Иванов.")


@pytest.mark.parametrize(
    "question",
    [
        "когда говорили Трамп и Путин в Копенгагене",  # a place, not a person
        "когда созванивались Путин и Трамп в Феврале",
        "с кем говорил Трамп",  # «с кем»: one person, nothing changes
    ],
)
def test_known_people_with_ordinary_capitalised_words_still_get_their_contacts(
    putin_trump_app: ContactsApp, question: str
) -> None:
    answer = putin_trump_app.answers.ask_sync(question, today=TODAY)
    assert answer.found and answer.query.unknown_names == ()
    assert any(c.date == date(2025, 2, 12) for c in answer.contacts)


LEARNED_QUESTIONS = [
    ["когда говорили Ханссон и Макрон", {HANSSON, MACRON}, date(2024, 9, 9)],
    ["когда Макрон созванивался с Ханссоном", {HANSSON, MACRON}, date(2024, 9, 9)],
    ["когда говорили ханссон и макрон", {HANSSON, MACRON}, date(2024, 9, 9)],
    ["когда говорили Ульф Ханссон и Макрон", {HANSSON, MACRON}, date(2024, 9, 9)],
    ["когда встречались Путин и Проди", {PUTIN, PRODI}, date(2024, 3, 6)],
    ["когда Путин встречался с Романо Проди", {PUTIN, PRODI}, date(2024, 3, 6)],
    ["когда говорили Зеленский и Фредериксён", {ZELENSKY, FREDERIKSEN}, date(2024, 2, 20)],
    ["когда говорили Метте Фредериксен и Зеленский", {ZELENSKY, FREDERIKSEN}, date(2024, 2, 20)],
]


@pytest.fixture
def learned_app(contacts_app: ContactsApp, tmp_path: Path) -> ContactsApp:
    assert ingest_articles(contacts_app, tmp_path / "learned", LEARNED_ARTICLES) == 3
    contacts_app.answers.refresh_sync()
    return contacts_app


def test_learned_people_are_not_in_the_registry(nlp) -> None:  # type: ignore[no-untyped-def]
    for name in (HANSSON, PRODI, FREDERIKSEN):
        assert name not in nlp.registry.people
        assert not nlp.registry.resolve_query(name.split()[-1])


@pytest.mark.parametrize(("question", "people", "day"), LEARNED_QUESTIONS)
def test_people_learned_from_articles_can_be_asked_about(
    learned_app: ContactsApp, question: str, people: set[str], day: date
) -> None:
    answer = learned_app.answers.ask_sync(question, today=TODAY)
    assert set(answer.query.people) == people and answer.query.unknown_names == ()
    assert [c.date for c in answer.contacts] == [day]
    assert set(answer.contacts[0].participants) == people


def test_who_did_a_learned_person_talk_to(learned_app: ContactsApp) -> None:
    answer = learned_app.answers.ask_sync("с кем говорил Ханссон", today=TODAY)
    assert answer.query.intent == "who"
    assert answer.counterparts == ((MACRON, 1),)


async def test_resolve_people_for_commands_knows_learned_people(learned_app: ContactsApp) -> None:
    answers = learned_app.answers
    assert answers.resolve_people_sync("Ханссона") == [HANSSON]
    assert await answers.resolve_people("Проди Путин") == [PRODI, PUTIN]
    contacts = answers.contacts_sync(answers.resolve_people_sync("Фредериксен"))
    assert [c.date for c in contacts] == [date(2024, 2, 20)]


def test_people_stored_after_the_first_question_are_picked_up_by_refresh(
    contacts_app: ContactsApp, tmp_path: Path
) -> None:
    answers = contacts_app.answers
    before = answers.ask_sync("когда говорили Ханссон и Макрон", today=TODAY)
    assert before.query.unknown_names == ("Ханссон",) and before.contacts == ()
    ingest_articles(
        contacts_app, tmp_path / "later", {"iceland.txt": LEARNED_ARTICLES["iceland.txt"]}
    )
    assert answers.refresh_sync()
    after = answers.ask_sync("когда говорили Ханссон и Макрон", today=TODAY)
    assert [c.date for c in after.contacts] == [date(2024, 9, 9)]


def test_warm_questions_never_read_the_people_table(
    learned_app: ContactsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(name: str):  # type: ignore[no-untyped-def]
        real = getattr(people_repo, name)

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(name)
            return real(*args, **kwargs)

        return call

    for name in ("with_aliases", "count"):
        monkeypatch.setattr(people_repo, name, counted(name))
    for question in ("когда говорили Ханссон и Макрон", "с кем говорил Проди"):
        assert learned_app.answers.ask_sync(question, today=TODAY).found
    assert learned_app.answers.resolve_people_sync("Фредериксен") == [FREDERIKSEN]
    assert calls == []
    assert not learned_app.answers.refresh_learned_sync()  # nothing new: one count, no rows
    assert calls == ["count"]


def test_a_person_committed_late_with_a_lower_id_is_not_missed(contacts_app: ContactsApp) -> None:
    """Concurrent writers (PostgreSQL) may commit id 3 after id 5 was read: reload them all."""

    def store(person_id: int, name: str) -> None:
        with Session(contacts_app.engine) as session:
            session.add(Person(id=person_id, name=name))
            session.flush()
            session.add(PersonAlias(person_id=person_id, alias=name.lower()))
            session.commit()

    answers = contacts_app.answers
    for person_id, name in ((1, "Бен Уоллес"), (2, "Себастьен Лекорню"), (5, PRODI)):
        store(person_id, name)
    assert answers.refresh_learned_sync()
    assert answers.resolve_people_sync("Ханссон") == []
    store(3, HANSSON)
    assert answers.refresh_learned_sync()
    assert answers.resolve_people_sync("Ханссон Лекорню Проди") == [
        HANSSON,
        "Себастьен Лекорню",
        PRODI,
    ]


def test_a_stored_registry_person_stays_the_registrys(contacts_app: ContactsApp) -> None:
    with Session(contacts_app.engine) as session:
        people_repo.ensure_people(session, names=[RUBIO, "Ирина Захарова"])
        session.commit()
    answers = contacts_app.answers
    assert answers.refresh_learned_sync()
    assert answers.resolve_people_sync("Захарова и Рубио") == ["Мария Захарова", RUBIO]
    assert answers.resolve_people_sync("Ирина Захарова и Рубио") == ["Ирина Захарова", RUBIO]


NAMESAKE_ARTICLE = (
    "date 2022-02-02 Путин и Джонсон обсудили гарантии безопасности\n\n"
    "Президент России Владимир Путин 2 февраля провел телефонный разговор с премьер-министром "
    "Великобритании Борисом Джонсоном. Стороны обсудили ситуацию вокруг Украины.\n"
)


@pytest.fixture
def namesake_app(contacts_app: ContactsApp, tmp_path: Path) -> ContactsApp:
    assert ingest_articles(contacts_app, tmp_path / "ns", {"call.txt": NAMESAKE_ARTICLE}) == 1
    return contacts_app


@pytest.mark.parametrize(
    "question",
    ["когда говорили Путин и Джонсон", "Путин Джонсон", "когда созванивались Johnson и Путин"],
)
def test_a_surname_two_officials_share_finds_the_one_with_contacts(
    namesake_app: ContactsApp, question: str
) -> None:
    """ "Джонсон" alone is Майк Джонсон, the speaker in office today, by default; when only
    Борис Джонсон talked to Путин, the answer is that call, headed with his name."""
    answer = namesake_app.answers.ask_sync(question, today=TODAY)
    assert answer.found
    assert set(answer.query.people) == {PUTIN, "Борис Джонсон"}
    assert [c.date for c in answer.contacts] == [date(2022, 2, 2)]
    assert "Борис Джонсон" in answer.text


def test_a_first_name_picks_the_namesake(nlp) -> None:  # type: ignore[no-untyped-def]
    registry = nlp.registry
    assert registry.resolve_query("с Борисом Джонсоном", on=TODAY) == ["Борис Джонсон"]
    assert registry.resolve_query("с Майком Джонсоном", on=TODAY) == ["Майк Джонсон"]
    assert registry.namesakes("Майк Джонсон", "Путин и Джонсон") == ["Борис Джонсон"]
    assert registry.namesakes("Майк Джонсон", "Путин и Майк Джонсон") == []


def test_a_learned_surname_guessed_as_a_town_is_the_learned_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Хаас" alone names the learned "Ричард Хаас": pymorphy's guess of a town by the word's
    ending is no reason to drop the name from the question."""
    learned = LearnedNames(nlp.lemmatizer).extended(
        [LearnedPerson(1, "Ричард Хаас", ("ричард хаас",))]
    )
    assert [h.name for h in learned.find("когда встречались Лавров и Хаас")] == ["Ричард Хаас"]
