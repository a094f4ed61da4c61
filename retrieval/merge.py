"""Deciding whether two reports describe the same contact (pure, no storage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.types import PRECISION_RANK, Kind, PartialDate, Status

IN_PERSON: frozenset[str] = frozenset({"meeting", "visit", "talks"})
# Two undated reports (or an undated and a dated one) of one pair are one event only when
# their articles share this much vocabulary (Jaccard of lemma sets).
SIMILAR_CONTENT = 0.18
# the score of a month-precision report against a day-precision one with little shared
# vocabulary: a match only when no other contact of the pair fits
UNIQUE_ONLY = 0.5
# a postponed contact held up to this many days after its first date is the same contact
POSTPONED_WITHIN = 365
# ... and one held this few days after the day it was put off from needs no shared words
POSTPONED_SOON = 10
# ... a trip takes longer to set again: a meeting or talks put off, held within a month
POSTPONED_SOON_IN_PERSON = 31
# ... and one whose held report tells it was put off, this many
MOVED_SOON = 60
MOVED_LEMMAS = frozenset(
    {"перенести", "переносить", "перенестись", "переноситься", "отложить", "откладывать",
     "отложиться", "откладываться"}
)  # fmt: skip
STATUS_RANK: dict[str, int] = {
    "planned": 0,
    "postponed": 1,
    "cancelled": 2,
    "denied": 3,
    "happened": 4,
}


@dataclass(frozen=True)
class Report:
    """What is known about one contact when deciding a merge."""

    kind: Kind | str
    date: PartialDate | None
    status: Status | str
    lemmas: frozenset[str]
    place: str | None = None
    told: dt.date | None = None  # publication day of its first report


def kind_group(kind: str) -> str:
    """Phone calls never merge with in-person contacts; meetings, visits and talks may."""
    return "in_person" if kind in IN_PERSON else kind


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two lemma sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def match_score(existing: Report, new: Report) -> float | None:
    """How well `new` fits `existing` as the same event, or None when it cannot be."""
    if kind_group(existing.kind) != kind_group(new.kind):
        return None
    sim = similarity(existing.lemmas, new.lemmas)
    a, b = existing.date, new.date
    undated = a is None or b is None
    if existing.place and new.place and existing.place != new.place and undated:
        # the undated summit planned in Budapest is not the meeting held in Alaska (dated
        # reports decide by their dates: "в Казани" and "на полях саммита БРИКС" may differ)
        return None
    if {existing.status, new.status} == {"postponed", "happened"}:
        held, moved = (existing, new) if existing.status == "happened" else (new, existing)
        if _held_later(moved.date, held.date) and _told_before(moved.told, held.date):
            # "визит, намеченный на октябрь, отложен" and the talks held in December: the
            # postponed contact took place later; the articles must tell the same story,
            # unless it was held within days ("разговор, ожидавшийся в понедельник, не
            # состоится в этот день" and the call of Wednesday)
            # (or the report of the held one tells it was put off: "визит, запланированный
            # на конец марта, был перенесен")
            in_person = kind_group(held.kind) == "in_person"
            soon = (
                MOVED_SOON
                if held.lemmas & MOVED_LEMMAS
                else POSTPONED_SOON_IN_PERSON
                if in_person
                else POSTPONED_SOON
            )
            if sim >= SIMILAR_CONTENT or _held_soon(moved.date, held.date, soon):
                return max(sim, SIMILAR_CONTENT)
            return None
    if _contradicts(existing.status, new.status) and not (
        a is not None and b is not None and a.precision == "day" and a == b
    ):
        # "the call happened" and "the call was denied / called off" are one event only
        # when both name the same day
        return None
    if a is not None and b is not None and a.year is not None and b.year is not None:
        if not a.compatible(b):
            return None
        if a.precision == "day" and b.precision == "day":
            return 2.0 + sim
        # one side is known only to the month or year: same event when the content agrees
        # or a planned contact was announced for that period
        if sim >= SIMILAR_CONTENT or "planned" in (existing.status, new.status):
            return 1.0 + sim
        if a.precision == b.precision == "month" and a == b:
            # "в октябре 2019 года в Сочи" twice: the same event, surely so in the same
            # place, else when the pair has no other contact in that month
            return 1.0 + sim if existing.place and existing.place == new.place else UNIQUE_ONLY
        if "month" in (a.precision, b.precision) and "day" in (a.precision, b.precision):
            # "в июне ... в Женеве" and "16 июня": the same event unless the pair has another
            # contact in that month (best_match takes it only when it is the only one)
            return UNIQUE_ONLY
        return None
    if a is not None and b is not None:
        # at least one year unknown: day and month must agree
        if a.compatible(b) and a.month is not None and b.month is not None:
            if a.day is not None and b.day is not None:
                return 1.5 + sim
            return 1.0 + sim if sim >= SIMILAR_CONTENT else None
        return None
    # one or both undated: the same place is the same story ("саммит в Пусане")
    if existing.place and existing.place == new.place:
        return max(sim, SIMILAR_CONTENT)
    return sim if sim >= SIMILAR_CONTENT else None


def best_match(candidates: Sequence[Report], new: Report) -> int | None:
    """Index of the candidate that is the same event as `new`, or None."""
    best: tuple[float, int] | None = None
    compatible = 0
    for i, cand in enumerate(candidates):
        score = match_score(cand, new)
        # an undated contact is no rival of a dated one for a month report
        compatible += score is not None and cand.date is not None
        if score is not None and (best is None or score > best[0]):
            best = (score, i)
    if best is None or (best[0] == UNIQUE_ONLY and compatible > 1):
        return None
    return best[1]


def merged_status(old: str, new: str) -> str:
    """The status after a new report: a contact that happened stays happened."""
    return new if STATUS_RANK.get(new, 0) > STATUS_RANK.get(old, 0) else old


def more_precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The more precise of two compatible dates."""
    if a is None:
        return b
    if b is None:
        return a
    if a.year is None and b.year is None:
        return a if (a.day is not None) >= (b.day is not None) else b
    return a if PRECISION_RANK[a.precision] >= PRECISION_RANK[b.precision] else b


def _held_later(moved: PartialDate | None, held: PartialDate | None) -> bool:
    """True when a contact postponed from `moved` may have been held on `held` (within
    POSTPONED_WITHIN days after, or either date unknown)."""
    a = moved.period() if moved is not None else None
    b = held.period() if held is not None else None
    if a is None or b is None:
        return True
    return a[0] <= b[1] and (b[0] - a[1]).days <= POSTPONED_WITHIN


def _held_soon(
    moved: PartialDate | None, held: PartialDate | None, soon: int = POSTPONED_SOON
) -> bool:
    """True when a contact postponed from a day was held within `soon` days after."""
    if moved is None or held is None or moved.precision != "day" or held.precision != "day":
        return False
    a, b = moved.to_date(), held.to_date()
    return a is not None and b is not None and 0 < (b - a).days <= soon


def _told_before(told: dt.date | None, held: PartialDate | None) -> bool:
    """A postponement told before the contact was held (one told after it is another
    plan: "the next meeting was postponed")."""
    period = held.period() if held is not None else None
    return told is not None and (period is None or told <= period[1])


def merged_date(
    old: PartialDate | None, old_status: str, new: PartialDate | None, new_status: str
) -> PartialDate | None:
    """The date after a new report: the more precise one, but when it was held wins over
    another time it was meant for (a postponed visit held later)."""
    if old is not None and new is not None and not old.compatible(new):
        if new_status == "happened" and old_status in ("planned", "postponed"):
            return new
        if old_status == "happened" and new_status in ("planned", "postponed"):
            return old
    return more_precise(old, new)


def _contradicts(a: str, b: str) -> bool:
    undone = {"denied", "cancelled", "postponed"}
    return (a == "happened" and b in undone) or (b == "happened" and a in undone)


def merged_kind(
    old_kind: str,
    old_status: str,
    new_kind: str,
    new_status: str,
    old_date: PartialDate | None = None,
    new_date: PartialDate | None = None,
) -> str:
    """The kind after a new report: a planned contact takes the kind of the held one.

    Within one article the extractor already chose the kind of an in-person event by its
    lead wording (retrieval.contact_candidates._combine: the earliest body sentence that names the
    event as "переговоры" or "встреча" decides). Across articles the first held report keeps
    its kind, unless a later one tells the day the first knew only to the month or year
    (the report of the day is the one about the event); "talks" and "meeting" of one event
    never split it into two contacts.
    """
    if old_status != "happened" and new_status == "happened":
        return new_kind
    if old_status == new_status == "happened" and _finer(new_date, old_date):
        return new_kind
    return old_kind


def _finer(a: PartialDate | None, b: PartialDate | None) -> bool:
    """True when `a` is known more finely than `b` (a missing date is the coarsest)."""
    coarse = PRECISION_RANK[b.precision if b is not None else None]
    return a is not None and PRECISION_RANK[a.precision] > coarse
