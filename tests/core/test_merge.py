"""When two reports are one contact (table-driven)."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.merge import (
    Report,
    best_match,
    match_score,
    merged_date,
    merged_kind,
    merged_status,
    more_precise,
)
from retrieval.types import PartialDate as D

SAME_TEXT = frozenset(
    ["лавров", "рубио", "телефонный", "разговор", "канал", "коммуникации", "дипмиссия"]
)
OTHER_TEXT = frozenset(["путин", "трамп", "позиция", "пересмотреть", "резиденция", "атака"])


def report(
    kind: str, date: D | None, lemmas: frozenset[str] = SAME_TEXT, status: str = "happened"
) -> Report:
    return Report(kind, date, status, lemmas)


@pytest.mark.parametrize(
    ("existing", "new", "same"),
    [
        [report("phone", D(2025, 2, 15)), report("phone", D(2025, 2, 15), OTHER_TEXT), True],
        [report("phone", D(2025, 2, 15)), report("phone", D(2025, 2, 16)), False],
        [report("phone", D(2025, 2, 15)), report("phone", None, status="denied"), False],
        [report("meeting", D(2025, 9, 24)), report("meeting", None, status="postponed"), False],
        [
            report("meeting", D(2025, 8, 15), status="planned"),
            report("talks", D(2025, 8, 15)),
            True,
        ],
        [report("phone", D(2025, 2, 15)), report("meeting", D(2025, 2, 15)), False],
        [report("meeting", D(2025, 2, 18)), report("talks", D(2025, 2, 18)), True],
        [report("phone", D(2025, 2, 15)), report("phone", D(None, 2, 15), OTHER_TEXT), True],
        [report("phone", D(2025, 2, 15)), report("phone", D(None, 2, 12)), False],
        [report("phone", D(2025, 2, 15)), report("phone", None), True],
        [report("phone", D(2025, 2, 12)), report("phone", None, OTHER_TEXT), False],
        [report("phone", D(2025, 2)), report("phone", D(2025, 2, 15)), True],
        [
            report("meeting", D(2021, 5, 20), status="planned"),
            report("meeting", D(2021, 5, 20)),
            True,
        ],
        # a plan for another place is not the meeting held; one day, two names of one place
        [
            Report("meeting", None, "planned", SAME_TEXT, "Будапешт"),
            Report("meeting", D(2025, 8, 15), "happened", SAME_TEXT, "Аляска"),
            False,
        ],
        [
            Report("meeting", D(2025, 8, 15), "happened", SAME_TEXT, "Анкоридж"),
            Report("meeting", D(2025, 8, 15), "happened", OTHER_TEXT, "Аляска"),
            True,
        ],
        # an undated report of the meeting in the same place is that meeting
        [
            Report("meeting", D(2025, 10, 30), "happened", SAME_TEXT, "Пусан"),
            Report("meeting", None, "happened", OTHER_TEXT, "Пусан"),
            True,
        ],
        # a visit postponed in October and held in December is one contact when the stories
        # agree; a postponement told after the contact was held is the next one
        [
            Report("visit", D(2024, 10), "postponed", SAME_TEXT, told=date(2024, 10, 9)),
            Report("talks", D(2024, 12, 3), "happened", SAME_TEXT),
            True,
        ],
        [
            Report("talks", D(2024, 12, 3), "happened", SAME_TEXT),
            Report("visit", None, "postponed", SAME_TEXT, told=date(2024, 10, 9)),
            True,
        ],
        [
            Report("talks", D(2024, 12, 3), "happened", SAME_TEXT),
            Report("visit", None, "postponed", OTHER_TEXT, told=date(2024, 10, 9)),
            False,
        ],
        [
            Report("talks", D(2024, 12, 3), "happened", SAME_TEXT),
            Report("visit", None, "postponed", SAME_TEXT, told=date(2024, 12, 10)),
            False,
        ],
        [
            Report("talks", D(2024, 10, 3), "happened", SAME_TEXT),
            Report("visit", D(2024, 12), "postponed", SAME_TEXT, told=date(2024, 9, 1)),
            False,
        ],
        # a call put off from a Monday and held that Wednesday is one contact whatever the
        # words; held three weeks later it needs the same story
        [
            Report("phone", D(2022, 1, 31), "postponed", OTHER_TEXT, told=date(2022, 1, 31)),
            Report("phone", D(2022, 2, 2), "happened", SAME_TEXT),
            True,
        ],
        [
            Report("phone", D(2022, 1, 31), "postponed", OTHER_TEXT, told=date(2022, 1, 31)),
            Report("phone", D(2022, 2, 21), "happened", SAME_TEXT),
            False,
        ],
        # a meeting of a trip put off is held weeks later: within a month, one contact
        [
            Report("meeting", D(2020, 1, 4), "postponed", OTHER_TEXT, told=date(2020, 1, 1)),
            Report("meeting", D(2020, 2, 1), "happened", SAME_TEXT),
            True,
        ],
        [
            Report("meeting", D(2020, 1, 4), "postponed", OTHER_TEXT, told=date(2020, 1, 1)),
            Report("meeting", D(2020, 3, 1), "happened", SAME_TEXT),
            False,
        ],
        # ... unless the held one's story tells it was put off ("перенесен"), within weeks
        [
            Report("talks", D(2023, 3, 28), "postponed", OTHER_TEXT, told=date(2023, 3, 25)),
            Report("talks", D(2023, 4, 14), "happened", SAME_TEXT | {"перенести"}),
            True,
        ],
        [
            Report("talks", D(2023, 3, 28), "postponed", OTHER_TEXT, told=date(2023, 3, 25)),
            Report("talks", D(2023, 9, 14), "happened", SAME_TEXT | {"перенести"}),
            False,
        ],
        [  # a cancelled contact never took place later
            Report("talks", D(2024, 12, 3), "happened", SAME_TEXT),
            Report("visit", None, "cancelled", SAME_TEXT, told=date(2024, 10, 9)),
            False,
        ],
    ],
)
def test_same_event(existing: Report, new: Report, same: bool) -> None:
    assert (match_score(existing, new) is not None) is same


def test_best_match_prefers_the_exact_day() -> None:
    candidates = [
        report("phone", D(2025, 2)),
        report("phone", D(2025, 2, 15)),
        report("phone", D(2025, 3, 1)),
    ]
    assert best_match(candidates, report("phone", D(2025, 2, 15))) == 1


@pytest.mark.parametrize(
    ("old", "new", "result"),
    [
        ["planned", "happened", "happened"],
        ["happened", "planned", "happened"],
        ["planned", "postponed", "postponed"],
        ["postponed", "planned", "postponed"],
    ],
)
def test_status_after_a_new_report(old: str, new: str, result: str) -> None:
    assert merged_status(old, new) == result


def test_more_precise_date_wins() -> None:
    assert more_precise(D(2025, 2), D(2025, 2, 15)) == D(2025, 2, 15)
    assert more_precise(None, D(None, 2, 15)) == D(None, 2, 15)
    assert more_precise(D(None, 2, 15), D(2025, 2, 15)) == D(2025, 2, 15)


def test_the_day_a_postponed_contact_was_held_wins() -> None:
    assert merged_date(D(2024, 10, 15), "postponed", D(2024, 12), "happened") == D(2024, 12)
    assert merged_date(D(2024, 12, 3), "happened", D(2024, 10, 15), "postponed") == D(2024, 12, 3)
    assert merged_date(D(2024, 12), "planned", D(2024, 12, 3), "happened") == D(2024, 12, 3)
    # the talks were set for 10 March and are reported as held in March: that day
    assert merged_date(D(2022, 3, 10), "planned", D(2022, 3), "happened") == D(2022, 3, 10)


MERGED_KINDS = [
    [("meeting", "planned", "talks", "happened"), "talks"],
    [("talks", "happened", "meeting", "happened"), "talks"],
    [("phone", "happened", "phone", "planned"), "phone"],
    # the report that tells the day words the event; one no finer keeps the first word
    [("meeting", "happened", "talks", "happened", D(2025, 7), D(2025, 7, 28)), "talks"],
    [("meeting", "happened", "talks", "happened", D(2025, 7, 28), D(2025, 7, 28)), "meeting"],
    [("talks", "happened", "meeting", "happened", D(2025, 7, 28), D(2025, 7)), "talks"],
]


@pytest.mark.parametrize(("reports", "expected"), MERGED_KINDS)
def test_merged_kind(reports: tuple, expected: str) -> None:  # type: ignore[type-arg]
    assert merged_kind(*reports) == expected
