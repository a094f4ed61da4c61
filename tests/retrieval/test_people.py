from datetime import date

import pytest

from retrieval.people import PersonRegistry

FEB_2025 = date(2025, 2, 15)

MENTIONS = [
    ["Сергей Лавров провел переговоры.", ["Сергей Лавров"]],
    ["Встреча с Лавровым прошла в Москве.", ["Сергей Лавров"]],
    ["С.В.Лавров и Э.Блинкен договорились.", ["Сергей Лавров", "Энтони Блинкен"]],
    ["Рубио прилетел, Ван И тоже.", ["Марко Рубио", "Ван И"]],
    ["Переговоры с Си Цзиньпином.", ["Си Цзиньпин"]],
    [
        "Уолц и Уолтц, Виткофф и Уиткоффом.",
        ["Майк Уолтц", "Майк Уолтц", "Стив Уиткофф", "Стив Уиткофф"],
    ],
    ["Lavrov met Rubio.", ["Сергей Лавров", "Марко Рубио"]],
    ["Захарова заявила, что Шольцем недовольны.", ["Мария Захарова", "Олаф Шольц"]],
    # a surname alone is the namesake the text names in full ("Аббас" is not Махмуд Аббас
    # here), and a surname never taken alone is taken once the full name is given
    [
        "Переговоры вели Сергей Шойгу и Али Махмуд Аббас. Шойгу и Аббас договорились.",
        ["Сергей Шойгу", "Али Махмуд Аббас", "Сергей Шойгу", "Али Махмуд Аббас"],
    ],
    [
        "Белоусов встретился с Раджнатхом Сингхом. Сингх поблагодарил.",
        ["Андрей Белоусов", "Раджнатх Сингх", "Раджнатх Сингх"],
    ],
    ["Сингх поблагодарил.", []],
    ["Довалем и Довалом", ["Аджит Довал", "Аджит Довал"]],
    ["с Меиром Бен-Шабатом и Меиром Бен-Шаббатом", ["Меир Бен-Шаббат", "Меир Бен-Шаббат"]],
    ["Путь был долгим. Лавра открыта. Коллега молчит.", []],
    ["Встреча прошла в Вашингтоне и Москве.", []],
    ["Моди прибыл в Москву.", ["Нарендра Моди"]],
    ["Встреча с Чавушоглу.", ["Мевлют Чавушоглу"]],
    ["госсекретарем США Марко Рубио", ["Марко Рубио"]],
    ["глава МИД РФ и госсекретарь США", ["Сергей Лавров", "Марко Рубио"]],
    [
        "Лавров поговорил по телефону со своим американским коллегой",
        ["Сергей Лавров", "Марко Рубио"],
    ],
    [
        "Виторио Сандали встретился с Александром Налбандовым.",
        ["Виторио Сандали", "Александр Налбандов"],
    ],
    ["переговоры с канцлером ФРГ Олафом Шольцем", ["Олаф Шольц"]],
    ["министром обороны США Ллойдом Остином", ["Ллойд Остин"]],
    ["с Мевлютом Чавушоглу", ["Мевлют Чавушоглу"]],
    ["с президентом США Джозефом Байденом", ["Джо Байден"]],
    ["с Евгением Пригожиным", ["Евгений Пригожин"]],
    ["с Нарендрой Моди и Реджепом Тайипом Эрдоганом", ["Нарендра Моди", "Реджеп Тайип Эрдоган"]],
    ["с Анналеной Бербок и Урсулой фон дер Ляйен", ["Анналена Бербок", "Урсула фон дер Ляйен"]],
    ["Мухаммедом бен Салманом и Эммануэлем Макроном", ["Мохаммед бин Сальман", "Эмманюэль Макрон"]],
    ["помощник президента РФ Юрий Ушаков", ["Юрий Ушаков"]],
    [
        "Путин принял спецпосланника президента США Стива Виткоффа",
        ["Владимир Путин", "Стив Уиткофф"],
    ],
    # a spelling the registry lacks is still its person; a namesake is not
    [
        "Министр иностранных дел России Сергей Лавров провел переговоры со своим иранским"
        " коллегой Хосейном Амир-Абдоллахианом.",
        ["Сергей Лавров", "Хосейн Амир Абдоллахиан"],
    ],
    ["Сергей Лавров встретился с Фейсалом Микдадом.", ["Сергей Лавров", "Фейсал Мекдад"]],
    ["Посол Джон Салливан встретился с Сергеем Лавровым.", ["Джон Салливан", "Сергей Лавров"]],
    # foreign surnames alone in any case: indeclinable, -ин/-ын with «-ом», a fleeting vowel
    ["Лихачев обсудил с Гросси работу ЗАЭС.", ["Алексей Лихачев", "Рафаэль Гросси"]],
    ["Встречи с Калыном и Паролином.", ["Ибрагим Калын", "Пьетро Паролин"]],
    ["Москалькова передала Лубинцу списки.", ["Татьяна Москалькова", "Дмитрий Лубинец"]],
    [
        "Лавров встретился с Мухаммедом бен Абдель Рахманом Аль Тани.",
        ["Сергей Лавров", "Мухаммед бен Абдель Рахман Аль Тани"],
    ],
    ["Папа Римский Лев XIV принял Зеленского.", ["Лев XIV", "Владимир Зеленский"]],
    ["XIV съезд прошел во Дворце Людовика XIV.", []],
    # a particle of a compound surname and a regnal number are nobody alone
    ["Марин Ле Пен и Николай II", ["Марин Ле Пен"]],
    ["Ле Дриан встретился с Ди Майо.", ["Жан-Ив Ле Дриан", "Луиджи Ди Майо"]],
    # an office title before its holder's name is one mention, whatever the title's form
    ["главы дипломатии ЕС Жозепа Борреля", ["Жозеп Боррель"]],
    ["глава дипломатии Евросоюза и глава МИД РФ", ["Кая Каллас", "Сергей Лавров"]],
    # the Italian spelling of a Portuguese name
    ["Антонио Коста и Кошта, с Костой.", ["Антониу Кошта", "Антониу Кошта", "Антониу Кошта"]],
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_find_mentions(registry: PersonRegistry, text: str, expected: list[str]) -> None:
    assert [m.person for m in registry.find_mentions(text, on=FEB_2025)] == expected


def test_apposition_is_one_mention(registry: PersonRegistry) -> None:
    text = "Лавров говорил с госсекретарем США Марко Рубио."
    mentions = registry.find_mentions(text, on=FEB_2025)
    assert [m.person for m in mentions] == ["Сергей Лавров", "Марко Рубио"]
    assert text[mentions[1].start : mentions[1].end] == "госсекретарем США Марко Рубио"
    assert not mentions[1].via_office


OFFICE_ONLY = [
    [
        "глава МИД России провел переговоры с госсекретарем США",
        date(2019, 5, 1),
        ["Сергей Лавров", "Майк Помпео"],
    ],
    [
        "глава МИД России провел переговоры с госсекретарем США",
        date(2021, 3, 1),
        ["Сергей Лавров", "Энтони Блинкен"],
    ],
    [
        "президент США позвонил российскому лидеру",
        date(2025, 2, 12),
        ["Дональд Трамп", "Владимир Путин"],
    ],
    [
        "президент США позвонил российскому лидеру",
        date(2022, 2, 12),
        ["Джо Байден", "Владимир Путин"],
    ],
]


OFFICE_ONLY += [
    [
        "Министр обороны Российской Федерации провел разговор с американским коллегой",
        date(2022, 5, 13),
        ["Сергей Шойгу", "Ллойд Остин"],
    ],
    ["переговоры президентов России и США", date(2021, 6, 16), ["Владимир Путин", "Джо Байден"]],
    [
        "встреча министров иностранных дел России, Турции и Украины",
        date(2022, 3, 10),
        ["Сергей Лавров", "Мевлют Чавушоглу", "Дмитрий Кулеба"],
    ],
    ["глава МИД Франции и канцлер Австрии", date(2023, 1, 1), ["Катрин Колонна", "Карл Нехаммер"]],
    ["премьер-министр Японии", date(2022, 1, 1), ["Фумио Кисида"]],
    ["гендиректор МАГАТЭ", date(2024, 3, 6), ["Рафаэль Гросси"]],
    # the president-elect is the office's next holder; a former one is nobody by title
    ["беседа с избранным президентом США", date(2024, 11, 7), ["Дональд Трамп"]],
    ["разговор избранного президента США", date(2020, 11, 20), ["Джо Байден"]],
    ["бывший президент США", date(2024, 11, 7), []],
    ["министр финансов США", date(2022, 1, 1), ["Джанет Йеллен"]],
    ["министр обороны Израиля", date(2023, 3, 1), ["Йоав Галант"]],
    ["министр обороны Израиля", date(2025, 3, 1), ["Исраэль Кац"]],
    [
        "Секретарь Совбеза России провел переговоры с иранским коллегой",
        date(2025, 9, 1),
        ["Сергей Шойгу", "Али Лариджани"],
    ],
]


@pytest.mark.parametrize(("text", "on", "expected"), OFFICE_ONLY)
def test_office_mentions_resolve_on_date(
    registry: PersonRegistry, text: str, on: date, expected: list[str]
) -> None:
    mentions = registry.find_mentions(text, on=on)
    assert [m.person for m in mentions] == expected
    assert all(m.via_office for m in mentions)


NOT_THE_HOLDER = [
    ["помощник президента России сообщил", date(2021, 12, 7)],
    ["бывший президент США заявил", date(2022, 1, 1)],
    ["советник президента США по Украине", date(2025, 3, 1)],
]


@pytest.mark.parametrize(("text", "on"), NOT_THE_HOLDER)
def test_dependent_titles_name_nobody(registry: PersonRegistry, text: str, on: date) -> None:
    assert registry.find_mentions(text, on=on) == []


def test_coordinated_titles_before_names_defer_to_names(registry: PersonRegistry) -> None:
    text = "Переговоры президентов России и США Владимира Путина и Джо Байдена"
    mentions = registry.scan(text, on=date(2021, 6, 16))
    assert [(m.person, m.text) for m in mentions] == [
        ("Владимир Путин", "Владимира Путина"),
        ("Джо Байден", "Джо Байдена"),
    ]


def test_office_without_date_resolves_only_single_holders(registry: PersonRegistry) -> None:
    assert registry.find_mentions("госсекретарь США", on=None) == []
    assert [m.person for m in registry.find_mentions("глава МИД РФ", on=None)] == ["Сергей Лавров"]


QUERIES = [
    ["когда говорили Лавров и Рубио", ["Сергей Лавров", "Марко Рубио"]],
    ["Lavrov Rubio", ["Сергей Лавров", "Марко Рубио"]],
    ["лавров рубио", ["Сергей Лавров", "Марко Рубио"]],
    ["Лавраов и Рубио", ["Сергей Лавров", "Марко Рубио"]],
    ["встреча путина с си цзиньпином", ["Владимир Путин", "Си Цзиньпин"]],
    ["Лавров и Лавров", ["Сергей Лавров"]],
    ["когда говорили президенты России и США", ["Владимир Путин", "Дональд Трамп"]],
    ["когда Путин встречался с Пригожиным", ["Владимир Путин", "Евгений Пригожин"]],
    ["Lavrov and Cavusoglu", ["Сергей Лавров", "Мевлют Чавушоглу"]],
    # a Latin family name of several words, and its first word alone
    ["когда общались Lula и Trump", ["Луис Инасиу Лула да Силва", "Дональд Трамп"]],
    ["Lula da Silva", ["Луис Инасиу Лула да Силва"]],
    ["что нового?", []],
    # a family name written first names its only bearer; a hyphenated name by its last part
    ["когда говорили Трамп и Ким", ["Дональд Трамп", "Ким Чен Ын"]],
    ["Лавров и Абдоллахиан", ["Сергей Лавров", "Хосейн Амир Абдоллахиан"]],
    # a surname shared by nobody else in the registry, though never taken alone in articles;
    # a surname that is also a first name stays nobody
    ["Белоусов и Сингх", ["Андрей Белоусов", "Раджнатх Сингх"]],
    ["Путин и Павел", ["Владимир Путин"]],
    # a whole name is its bearer's, not a close spelling of a namesake's longer name
    ["Си Цзиньпин с Махмудом Аббасом", ["Си Цзиньпин", "Махмуд Аббас"]],
    ["Шойгу и Али Махмуд Аббас", ["Сергей Шойгу", "Али Махмуд Аббас"]],
]


@pytest.mark.parametrize(("text", "expected"), QUERIES)
def test_resolve_query(registry: PersonRegistry, text: str, expected: list[str]) -> None:
    assert registry.resolve_query(text, on=FEB_2025) == expected


def test_resolve_query_offices(registry: PersonRegistry) -> None:
    got = registry.resolve_query("глава МИД России и госсекретарь США", on=date(2022, 1, 1))
    assert got == ["Сергей Лавров", "Энтони Блинкен"]
    # the government's head by the country's adjective
    got = registry.resolve_query(
        "глава британского правительства и канцлер Германии", on=date(2022, 4, 8)
    )
    assert got == ["Борис Джонсон", "Олаф Шольц"]


HOLDERS = [
    ["us_secretary_of_state", date(2019, 1, 1), "Майк Помпео"],
    ["us_secretary_of_state", date(2021, 1, 26), "Энтони Блинкен"],
    ["us_secretary_of_state", date(2025, 1, 21), "Марко Рубио"],
    ["ru_foreign_minister", date(2016, 6, 1), "Сергей Лавров"],
    ["de_chancellor", date(2023, 1, 1), "Олаф Шольц"],
    ["us_secretary_of_state", date(1950, 1, 1), None],
    ["va_pope", date(2025, 6, 1), "Лев XIV"],
    ["ir_foreign_minister", date(2024, 6, 15), "Али Багери Кани"],
    ["pk_foreign_minister", date(2022, 6, 1), "Билавал Бхутто-Зардари"],
]


@pytest.mark.parametrize(("office", "on", "expected"), HOLDERS)
def test_office_holder(
    registry: PersonRegistry, office: str, on: date, expected: str | None
) -> None:
    assert registry.office_holder(office, on) == expected


def test_aliases_cover_case_forms(registry: PersonRegistry) -> None:
    aliases = registry.aliases("Сергей Лавров")
    assert {"Лавров", "Лавровым", "Сергея Лаврова", "Sergey Lavrov"} <= set(aliases)


def test_registry_is_large_and_consistent(registry: PersonRegistry) -> None:
    assert len(registry.people) >= 150
    for person in registry.people.values():
        assert all(role.office in registry.offices for role in person.roles)


def test_a_shared_family_name_in_a_question_is_the_one_in_office(
    registry: PersonRegistry,
) -> None:
    """ "Деби" is the son while he is president; the father stays nameable in full."""
    assert registry.resolve_query("встречались ли Путин и Деби", on=date(2025, 1, 1)) == [
        "Владимир Путин",
        "Махамат Деби",
    ]
    assert "Идрис Деби" in registry.resolve_query("Идрис Деби и Путин", on=date(2025, 1, 1))


def test_model_name_wins_over_the_pair_it_holds_beside_other_names(
    registry: PersonRegistry,
) -> None:
    text = (
        "Путин поговорил с королем Бахрейна Хамадом бен Исой Аль Халифой, а Лавров — с"
        " министром Венесуэлы Иваном Хилем."
    )
    names = {f.person for f in registry.names.find(text)}
    assert "Хамад Иса Аль Халифа" in names  # not the pair "Иса Аль Халифа" inside it
    assert "Иса Аль Халифа" not in names
    assert "Иван Хиль" in names
