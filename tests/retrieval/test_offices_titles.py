"""Office titles: templated country titles, the literal gate, name declension by rule."""

from __future__ import annotations

import re

import pytest

from retrieval.declension import decline_name
from retrieval.offices import find_titles
from retrieval.people import PersonRegistry

TITLES = [
    ["министр обороны Российской Федерации", "ru_defense_minister"],
    ["глава внешнеполитического ведомства Турции", "tr_foreign_minister"],
    ["премьер-министром Пакистана", "pk_prime_minister"],
    ["президента Южной Кореи", "kr_president"],
    ["глава японского МИД", "jp_foreign_minister"],
    ["немецкий канцлер", "de_chancellor"],
    ["китайский министр обороны", "cn_defense_minister"],
]


@pytest.mark.parametrize(("text", "office"), TITLES)
def test_templated_titles(registry: PersonRegistry, text: str, office: str) -> None:
    assert [key for _, _, key in find_titles(text, registry.offices)] == [office]


def test_literal_gate_finds_what_every_pattern_finds(registry: PersonRegistry) -> None:
    text = (
        "Хозяин Кремля и глава Пентагона, госсекретарь и генсек НАТО, председатель КНР, "
        "помощник президента по международным вопросам и рахбар встретились"
    )
    every = sorted(
        (m.start(), m.end(), o.key)
        for o in registry.offices.values()
        for m in o.pattern.finditer(text)
    )
    found = find_titles(text, registry.offices)
    assert {s for s, _, _ in found} == {s for s, _, _ in every}


DECLENSION = [
    [("Шольц", "m", True), "ablt", {"Шольцем", "Шольцом"}],
    [("Остин", "m", True), "ablt", {"Остином", "Остиным"}],
    [("Ллойд", "m", False), "ablt", {"Ллойдом"}],
    [("Нарендра", "m", False), "ablt", {"Нарендрой", "Нарендрей"}],
    [("Рубио", "m", True), "gent", {"Рубио"}],
    [("Меркель", "f", True), "datv", {"Меркель"}],
    [("Захарова", "f", True), "ablt", {"Захаровой"}],
    [("Зеленский", "m", True), "gent", {"Зеленского"}],
    [("Дмитрий", "m", False), "datv", {"Дмитрию"}],
    [("бин Сальман", "m", True), "gent", {"бин Сальмана"}],
    [("Касым-Жомарт", "m", False), "datv", {"Касым-Жомарту"}],
]


@pytest.mark.parametrize(("name", "case", "forms"), DECLENSION)
def test_declension(name: tuple[str, str, bool], case: str, forms: set[str]) -> None:
    word, gender, surname = name
    assert decline_name(word, gender, surname=surname)[case] == forms


def test_every_office_compiles_and_names_a_side(registry: PersonRegistry) -> None:
    for office in registry.offices.values():
        assert office.side and isinstance(office.pattern, re.Pattern)
