"""A month report of two people of a multi-party contact is that contact, in either order."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.types import RawDocument
from service.app import ContactsApp

LAVROV_RUBIO = ["Сергей Лавров", "Марко Рубио"]
RIYADH = RawDocument(
    text=(
        "ЭР-РИЯД, 18 февраля. Министр иностранных дел России Сергей Лавров и госсекретарь США"
        " Марко Рубио провели переговоры в Эр-Рияде. В переговорах также участвовали помощник"
        " президента России Юрий Ушаков и советник президента США по национальной безопасности"
        " Майк Уолтц."
    ),
    origin="riyadh",
    url="https://a.test/riyadh",
    published=date(2025, 2, 18),
    outlet="День",
)
RECALLED = RawDocument(
    text=(
        "Сергей Лавров и Марко Рубио встретились в Куала-Лумпуре. До этого Лавров и Рубио"
        " провели переговоры в феврале в Эр-Рияде."
    ),
    origin="recalled",
    url="https://b.test/kl",
    published=date(2025, 7, 10),
    outlet="Месяц",
)
OTHER_CALL = RawDocument(
    text="Сергей Лавров и Марко Рубио 12 февраля провели телефонный разговор.",
    origin="call",
    url="https://c.test/call",
    published=date(2025, 2, 12),
    outlet="Звонок",
)


@pytest.mark.parametrize("order", [(RIYADH, RECALLED), (RECALLED, RIYADH)])
def test_month_report_joins_the_wider_contact_of_that_month(
    contacts_app: ContactsApp, order: tuple[RawDocument, RawDocument]
) -> None:
    contacts_app.ingestor.ingest_items([OTHER_CALL, *order])
    contacts = contacts_app.answers.contacts_sync(LAVROV_RUBIO)
    february = [c for c in contacts if c.date and c.date.month == 2 and c.kind != "phone"]
    [riyadh] = february
    assert riyadh.date == date(2025, 2, 18)
    assert {"Юрий Ушаков", "Майк Уолтц"} <= set(riyadh.participants)
    assert {s.outlet for s in riyadh.sources} == {"День", "Месяц"}
    # the call that month is another kind of contact and stays apart
    assert [c.date for c in contacts if c.kind == "phone"] == [date(2025, 2, 12)]


def test_month_report_stays_apart_when_the_pair_met_twice_that_month(
    contacts_app: ContactsApp,
) -> None:
    second = RawDocument(
        text=("ЖЕНЕВА, 25 февраля. Сергей Лавров, Марко Рубио и Майк Уолтц встретились в Женеве."),
        origin="geneva",
        url="https://d.test/geneva",
        published=date(2025, 2, 25),
        outlet="Женева",
    )
    contacts_app.ingestor.ingest_items([RIYADH, second, RECALLED])
    february = [
        c for c in contacts_app.answers.contacts_sync(LAVROV_RUBIO) if c.date and c.date.month == 2
    ]
    # which of the two February contacts the month report tells cannot be known
    assert sorted(c.date_precision or "" for c in february) == ["day", "day", "month"]


PLANNED = RawDocument(
    text=(
        "Во вторник в Эр-Рияде пройдут переговоры российской и американской делегаций во главе"
        " с Сергеем Лавровым и Марко Рубио."
    ),
    origin="planned",
    url="https://e.test/planned",
    published=date(2025, 2, 17),
    outlet="Анонс",
)
AT_THE_TABLE = RawDocument(
    text=(
        "ЭР-РИЯД, 18 февраля. Переговоры в Эр-Рияде продолжались четыре с половиной часа."
        " Сергей Лавров и Марко Рубио провели переговоры, сидя друг напротив друга."
    ),
    origin="table",
    url="https://f.test/table",
    published=date(2025, 2, 18),
    outlet="Стол",
)


@pytest.mark.parametrize("order", [(RIYADH, PLANNED), (PLANNED, RIYADH)])
def test_talks_planned_for_two_are_the_wider_talks_held_that_day(
    contacts_app: ContactsApp, order: tuple[RawDocument, ...]
) -> None:
    """Talks planned for a day between two of the people of that day's talks with more
    people are those talks, whichever report comes first."""
    contacts_app.ingestor.ingest_items(list(order))
    [talks] = [c for c in contacts_app.answers.contacts_sync(LAVROV_RUBIO) if c.kind == "talks"]
    assert talks.date == date(2025, 2, 18) and talks.status == "happened"
    assert {"Юрий Ушаков", "Майк Уолтц"} <= set(talks.participants)
    assert {s.outlet for s in talks.sources} == {"День", "Анонс"}


def test_talks_of_two_held_that_day_stay_apart_from_the_wider_ones(
    contacts_app: ContactsApp,
) -> None:
    """ "Макрон провел переговоры с Си, затем прошла трехсторонняя встреча": two events."""
    contacts_app.ingestor.ingest_items([RIYADH, AT_THE_TABLE])
    talks = [c for c in contacts_app.answers.contacts_sync(LAVROV_RUBIO) if c.kind == "talks"]
    assert sorted(len(c.participants) for c in talks) == [2, 4]
