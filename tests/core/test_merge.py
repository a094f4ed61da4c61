"""When two reports are one contact (table-driven)."""

from __future__ import annotations

import pytest

from retrieval.merge import (
    Report,
    best_match,
    match_score,
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


MERGED_KINDS = [
    [("meeting", "planned", "talks", "happened"), "talks"],
    [("talks", "happened", "meeting", "happened"), "talks"],
    [("phone", "happened", "phone", "planned"), "phone"],
]


@pytest.mark.parametrize(("reports", "expected"), MERGED_KINDS)
def test_merged_kind(reports: tuple[str, str, str, str], expected: str) -> None:
    assert merged_kind(*reports) == expected
