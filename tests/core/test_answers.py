"""Question forms a user types, answered on the bundled sample corpus."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.cli import sample_corpus
from service.app import ContactsApp
from storage.db import make_engine, migrate

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def sample_app(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[ContactsApp]:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('answers') / 'a.db'}")
    migrate(engine)
    app = ContactsApp.build(engine, nlp)
    report = app.ingestor.ingest_paths([str(sample_corpus())])
    assert report.new >= 13 and report.failed == 0
    yield app
    app.close()


def ask(app: ContactsApp, question: str):  # type: ignore[no-untyped-def]
    return app.answers.ask_sync(question, today=TODAY)


def ingest_text(app: ContactsApp, text: str, published: date) -> None:
    """Ingest one article given as text."""
    from ingest.types import RawDocument

    app.ingestor.ingest_items([RawDocument(text=text, origin="test", published=published)])


def feb15(answer) -> list:  # type: ignore[no-untyped-def]
    return [c for c in answer.contacts if c.date == date(2025, 2, 15) and c.kind == "phone"]


@pytest.mark.parametrize(
    "question",
    [
        "когда говорили Лавров и Рубио",
        "Лавров Рубио",
        "Lavrov Rubio",
        "когда Лаврову звонил Рубио",
        "когда говорили Лавраов и Рубио",  # a typo
        "КОГДА ГОВОРИЛИ ЛАВРОВ И РУБИО?!",
    ],
)
def test_people_in_any_form_find_the_call(sample_app: ContactsApp, question: str) -> None:
    answer = ask(sample_app, question)
    assert set(answer.query.people) == {"Сергей Лавров", "Марко Рубио"}
    assert len(feb15(answer)) == 1


def test_contacts_come_newest_first_with_sources(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "когда говорили Путин и Трамп")
    dated = [c.date for c in answer.contacts if c.date]
    assert dated == sorted(dated, reverse=True)
    assert all(c.sources and c.sources[0].snippet for c in answer.contacts)


def test_period_limits_the_answer(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "когда говорили Путин и Трамп в феврале 2025")
    assert answer.contacts
    assert all(c.date and (c.date.year, c.date.month) == (2025, 2) for c in answer.contacts)
    none = ask(sample_app, "когда говорили Путин и Трамп в 2019 году")
    assert none.contacts == () and "не нашёл" in none.text.lower()


def test_kind_words_filter(sample_app: ContactsApp) -> None:
    phone = ask(sample_app, "когда созванивались Путин и Трамп")
    assert phone.contacts and {c.kind for c in phone.contacts} == {"phone"}
    met = ask(sample_app, "когда встречались Лавров и Блинкен")
    assert met.contacts and {c.kind for c in met.contacts} <= {"meeting", "visit", "talks"}


def test_last_gives_only_the_newest_that_happened(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "когда последний раз говорили Путин и Трамп")
    assert answer.query.intent == "last"
    assert len(answer.contacts) == 1 and answer.contacts[0].status == "happened"
    everything = ask(sample_app, "когда говорили Путин и Трамп")
    happened = [c for c in everything.contacts if c.status == "happened" and c.date]
    assert answer.contacts[0].date == max(c.date for c in happened)


def test_who_lists_counterparts(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "с кем говорил Лавров в феврале 2025")
    assert answer.query.intent == "who"
    names = [name for name, _ in answer.counterparts]
    assert "Марко Рубио" in names and "Сергей Лавров" not in names


def test_planned_and_denied_are_labelled(sample_app: ContactsApp) -> None:
    every = sample_app.answers.contacts_sync([])
    labels = {
        "planned": "запланирован",
        "denied": "опровергнут",
        "cancelled": "отменён",
        "postponed": "отложен",
    }
    not_happened = [c for c in every if c.status != "happened"]
    assert not_happened
    for contact in not_happened:
        answer = ask(sample_app, " и ".join(p.split()[-1] for p in contact.participants))
        assert labels[contact.status] in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "🙂🙂🙂",
        "<b>Лавров</b> & <script>",
        "'; DROP TABLE contact; --",
        "а" * 4000,
        "Lavrov и Рубио talks",
    ],
)
def test_hostile_input_gets_a_sensible_answer(sample_app: ContactsApp, question: str) -> None:
    answer = ask(sample_app, question)
    assert answer.text.strip()
    assert sample_app.answers.contacts_sync([])  # nothing was dropped


def test_free_text_falls_back_to_cited_passages(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "телефонный разговор по инициативе американской стороны")
    assert answer.passages
    assert all(p.source.article_id or p.source.url for p in answer.passages)


def test_unknown_people_are_never_invented(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "когда говорили Иванов и Петров")
    assert answer.contacts == ()


def test_sample_corpus_path_is_packaged() -> None:
    folder = sample_corpus()
    assert isinstance(folder, Path) and len(list(folder.iterdir())) >= 10


def test_office_titles_without_period_cover_every_holder(sample_app: ContactsApp) -> None:
    answer = ask(sample_app, "когда говорили глава МИД России и госсекретарь США")
    assert answer.query.offices
    people = {frozenset(c.participants) for c in answer.contacts}
    assert frozenset({"Сергей Лавров", "Марко Рубио"}) in people
    assert frozenset({"Сергей Лавров", "Энтони Блинкен"}) in people  # the 2021 holder
    for contact in answer.contacts:
        assert contact.date is not None
        if "Энтони Блинкен" in contact.participants:
            assert date(2021, 1, 26) <= contact.date < date(2025, 1, 21)
    # holders of different times: the heading names only the one every contact shares
    assert answer.text.splitlines()[0].startswith("Сергей Лавров:")


def test_an_earlier_office_holder_is_named_in_the_heading(contacts_app: ContactsApp) -> None:
    """«директор ЦРУ» with no period finds the meeting of the director of that time, and the
    answer names him, not today's director."""
    ingest_text(
        contacts_app,
        "Директор ЦРУ Уильям Бёрнс встретился в понедельник в Анкаре с директором Службы"
        " внешней разведки России Сергеем Нарышкиным.",
        date(2022, 11, 15),
    )
    answer = contacts_app.answers.ask_sync(
        "когда встречались директор СВР и директор ЦРУ", today=TODAY
    )
    assert [str(c.date) for c in answer.contacts] == ["2022-11-14"]
    assert set(answer.people) == {"Сергей Нарышкин", "Уильям Бернс"}
    assert answer.text.splitlines()[0].startswith("Сергей Нарышкин — Уильям Бернс:")


def test_index_picks_up_passages_stored_by_another_process(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = make_engine(url)
    migrate(engine)
    reader = ContactsApp.build(engine, nlp)  # the process answering questions
    writer = ContactsApp.build(make_engine(url), nlp)  # another process that ingests
    question = "телефонный разговор о поставках зерна"
    assert not reader.answers.ask_sync(question, today=TODAY).passages
    from ingest.types import RawDocument

    writer.ingestor.ingest_items(
        [
            RawDocument(
                text="Министры провели телефонный разговор о поставках зерна через порты.",
                origin="x",
            )
        ]
    )
    assert not reader.answers.ask_sync(question, today=TODAY).passages  # its snapshot is older
    assert reader.answers.refresh_sync() is True
    assert reader.answers.ask_sync(question, today=TODAY).passages
    assert reader.answers.refresh_sync() is False  # nothing new: no rebuild
    writer.close()
    reader.close()


def test_last_never_returns_a_denied_contact(contacts_app: ContactsApp) -> None:
    ingest_text(
        contacts_app,
        "МОСКВА, 4 марта 2025. В Кремле опровергли сообщения о телефонном разговоре "
        "Владимира Путина и Эммануэля Макрона. Пресс-секретарь президента Дмитрий Песков "
        "назвал эти сообщения ложью.",
        date(2025, 3, 4),
    )
    everything = contacts_app.answers.ask_sync("когда говорили Путин и Макрон", today=TODAY)
    assert [c.status for c in everything.contacts] == ["denied"]
    last = contacts_app.answers.ask_sync("когда последний раз говорили Путин и Макрон", today=TODAY)
    assert last.contacts == () and "не нашёл состоявшихся" in last.text.lower()


def test_what_was_discussed_is_told_of_the_asked_contact(contacts_app: ContactsApp) -> None:
    """«о чём» quotes what follows the contact's own sentence, never the sentence of an
    earlier meeting the article recalls, even where that one says «обсуждали»."""
    ingest_text(
        contacts_app,
        "Путин и Макрон провели переговоры в Кремле. "
        "Беседа за длинным столом продлилась больше пяти часов. "
        "По словам российского лидера, ряд идей французского коллеги может стать основой "
        "для дальнейших шагов. "
        "Французский гость назвал главной целью деэскалацию на границе. "
        "В августе 2019 года лидеры встречались в форте Брегансон и тогда обсуждали "
        "нормандский формат.",
        date(2022, 2, 8),
    )
    answer = contacts_app.answers.ask_sync(
        "о чем говорили Путин и Макрон в феврале 2022", today=TODAY
    )
    assert answer.query.intent == "about"
    quoted = " ".join(p.text for p in answer.passages)
    assert "идей французского коллеги" in quoted
    assert "деэскалацию" in quoted
    assert "Брегансон" not in quoted


def test_two_events_of_one_article_stay_two(contacts_app: ContactsApp) -> None:
    """A day and a month of the same pair told apart in one article are two contacts, even
    though a month report of another article would join the only day contact."""
    ingest_text(
        contacts_app,
        "Президенты России и Ирана в пятницу провели переговоры в Кремле. Путин и Пезешкиан"
        " впервые встретились 11 октября прошлого года в Ашхабаде, а затем в том же месяце"
        " лидеры виделись в Казани.",
        date(2025, 1, 18),
    )
    answer = contacts_app.answers.ask_sync(
        "когда встречались Путин и Пезешкиан в октябре 2024 года", today=TODAY
    )
    assert sorted(str(c.date) for c in answer.contacts) == ["2024-10-01", "2024-10-11"]


def test_an_undated_retelling_in_one_article_joins_its_dated_contact(
    contacts_app: ContactsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article that tells a dated call and, further on, the same call without a date
    (as the extractor may leave it) holds one contact, not a dated and an undated one."""
    from dataclasses import replace

    analyser = contacts_app.ingestor.analyser
    real = analyser.extractor

    class Retelling:
        def extract(self, text: str, **kwargs):  # type: ignore[no-untyped-def]
            found = real.extract(text, **kwargs)
            return [*found, *(replace(c, date=None) for c in found)]

    monkeypatch.setattr(analyser, "extractor", Retelling())
    ingest_text(
        contacts_app,
        "Президент России Владимир Путин 28 декабря провел телефонный разговор с президентом"
        " Азербайджана Ильхамом Алиевым.",
        date(2024, 12, 29),
    )
    answer = contacts_app.answers.ask_sync("когда созванивались Путин и Алиев", today=TODAY)
    assert [str(c.date) for c in answer.contacts] == ["2024-12-28"]


POSTPONED = (
    "Президент США Джо Байден откладывает запланированную на эту неделю поездку в Анголу из-за"
    " урагана, сообщили в Белом доме. В Луанде Байден должен был провести переговоры с"
    " президентом Анголы Жоау Лоуренсу о железнодорожном коридоре и инвестициях."
)
HELD = (
    "Вчера в Луанде президент США Джо Байден провел переговоры с президентом Анголы Жоау"
    " Лоуренсу. Визит, отложенный из-за урагана, был посвящен железнодорожному коридору и"
    " инвестициям."
)


@pytest.mark.parametrize("held_first", [False, True])
def test_a_postponed_visit_held_later_is_one_contact(
    contacts_app: ContactsApp, held_first: bool
) -> None:
    """A trip put off in October and made in December is one contact with both sources,
    held on the December day, whichever report arrives first."""
    stories = [(POSTPONED, date(2024, 10, 9)), (HELD, date(2024, 12, 4))]
    for text, published in reversed(stories) if held_first else stories:
        ingest_text(contacts_app, text, published)
    answer = contacts_app.answers.ask_sync("когда Байден говорил с Лоуренсу", today=TODAY)
    assert [(str(c.date), c.status) for c in answer.contacts] == [("2024-12-03", "happened")]
    assert answer.contacts[0].source_count == 2


def test_an_office_in_a_period_is_each_holder_within_his_term(contacts_app: ContactsApp) -> None:
    """«президент США в 2025 году»: the call Trump made as president-elect on 17 January is
    not the president's; his call of November is."""
    ingest_text(
        contacts_app,
        "Избранный президент США Дональд Трамп 17 января провел телефонный разговор с"
        " председателем КНР Си Цзиньпином. 24 ноября Трамп и Си Цзиньпин снова поговорили по"
        " телефону.",
        date(2025, 11, 25),
    )
    answer = contacts_app.answers.ask_sync(
        "когда говорили президент США и председатель КНР в 2025 году", today=TODAY
    )
    assert [str(c.date) for c in answer.contacts] == ["2025-11-24"]
    both = contacts_app.answers.ask_sync("когда говорили Трамп и Си в 2025 году", today=TODAY)
    assert sorted(str(c.date) for c in both.contacts) == ["2025-01-17", "2025-11-24"]


def test_an_office_holder_of_part_of_a_month_counts_for_that_month(
    contacts_app: ContactsApp,
) -> None:
    """A meeting known only as «в сентябре 2022 года» with Truss, prime minister from 6
    September, is a meeting of the prime minister."""
    ingest_text(
        contacts_app,
        "В сентябре прошлого года в Нью-Йорке президент США Джо Байден встречался с тогдашним"
        " премьер-министром Великобритании Лиз Трасс.",
        date(2023, 6, 9),
    )
    answer = contacts_app.answers.ask_sync(
        "когда встречались премьер-министр Великобритании и президент США", today=TODAY
    )
    assert [(str(c.date)[:7], c.date_precision) for c in answer.contacts] == [("2022-09", "month")]


def test_an_office_nobody_is_known_to_have_held_finds_nothing(contacts_app: ContactsApp) -> None:
    """«министр обороны Вьетнама» with no holder in the registry's data: no contact can be his, so
    the answer lists none, never every contact of the other person asked about."""
    ingest_text(
        contacts_app,
        "Президент России Владимир Путин в среду провел телефонный разговор с президентом"
        " Казахстана Касым-Жомартом Токаевым.",
        date(2024, 6, 6),
    )
    assert contacts_app.answers.ask_sync("когда говорил Путин", today=TODAY).contacts
    answer = contacts_app.answers.ask_sync(
        "когда говорили президент России и министр обороны Вьетнама", today=TODAY
    )
    assert answer.contacts == ()
