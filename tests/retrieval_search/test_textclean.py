"""Raw articles to clean text: seeds keep their paragraphs and lose site junk; passages."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.textclean import clean_text, parse_txt_article, split_passages

TITLE_000 = (
    "Лавров и Рубио подтвердили готовность совместно работать над восстановлением диалога"
    " России и США"
)
TITLE_002 = "Рубио и Лавров обсудили возможность сотрудничества в различных сферах"
TITLE_003 = "Лавров заявил об устойчивом характере диалога РФ и США по нормализации отношений"
SEED_HEADERS = [
    # seed, title, published, outlet
    ["000", TITLE_000, None, None],
    ["001", None, None, "Зеркало"],
    ["002", TITLE_002, date(2025, 2, 15), "ТАСС"],
    ["003", TITLE_003, date(2025, 12, 30), None],
    ["004", None, None, "Международная жизнь"],
]

SEED_KEPT = [
    ["000", "Министерство иностранных дел России сообщило, что глава ведомства Сергей Лавров"],
    ["000", "12 февраля президент РФ Владимир Путин поговорил по телефону с американским коллегой"],
    ["001", "В субботу, 15 февраля, министр иностранных дел России Сергей Лавров поговорил"],
    ["001", "Пресс-релиз американской стороны пока не опубликован."],
    ["002", "ВАШИНГТОН, 15 февраля. /ТАСС/. Госсекретарь США Марко Рубио обсудил"],
    ["002", "Москва и Вашингтон немедленно приступают к переговорам по урегулированию конфликта"],
    ["003", "Контакты Москвы и Вашинтона по нормализации отношений приобрели устойчивый характер"],
    ["003", "одно дело обороняться, а другое – атаковать резиденцию российского лидера."],
    ["004", "Министр иностранных дел России Сергей Лавров и госсекретарь США Энтони Блинкен"],
    ["004", "Сергей Лавров подтвердил, что российская сторона открыта для совместной работы"],
]  # fmt: skip

SEED_DROPPED = [
    ["000", TITLE_000],
    ["001", "Поддержать команду Зеркала"],
    ["001", "Беларусы на войне"],
    ["001", "В Беларуси дорожает автомобильное топливо"],
    ["001", "Возобновление военной помощи, немедленное прекращение огня"],
    ["001", "Фото: wikipedia.org"],
    ["001", "\n/\n"],
    ["002", "15.02.2025, 23:43"],
    ["002", "Читать на сайте"],
    ["002", "Источник: ТАСС"],
    ["002", "В тренде"],
    ["002", "Популярные новости"],
    ["002", "Вице-президент США отчитал Зеленского"],
    ["002", "Больше новостей"],
    ["003", "date 2025-12-30"],
    ["003", "Форма поиска по сайту"],
    ["003", "depositphotos"],
    ["003", "возобновление прямого авиасообщения с США давно назрело"],
    ["004", "Фото: сайт МИД РФ"],
    ["004", "Читайте другие материалы"],
    ["004", "Подписывайтесь на наш Telegram"],
]  # fmt: skip


@pytest.mark.parametrize(("seed", "title", "published", "outlet"), SEED_HEADERS)
def test_seed_header(
    seeds: dict[str, str], seed: str, title: str | None, published: date | None, outlet: str | None
) -> None:
    parsed = parse_txt_article(seeds[seed], name=seed)
    assert (parsed.title, parsed.published, parsed.outlet) == (title, published, outlet)


@pytest.mark.parametrize(("seed", "fragment"), SEED_KEPT)
def test_seed_keeps_article_paragraphs(seeds: dict[str, str], seed: str, fragment: str) -> None:
    assert fragment in parse_txt_article(seeds[seed]).text


@pytest.mark.parametrize(("seed", "fragment"), SEED_DROPPED)
def test_seed_drops_site_junk(seeds: dict[str, str], seed: str, fragment: str) -> None:
    assert fragment not in parse_txt_article(seeds[seed]).text


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_keeps_every_real_paragraph(seeds: dict[str, str], seed: str) -> None:
    raw_paragraphs = [
        line.strip()
        for line in seeds[seed].splitlines()
        if len(line.split()) >= 15 and line.strip().endswith((".", "»", '"'))
    ]
    text = parse_txt_article(seeds[seed]).text
    kept = [p for p in raw_paragraphs if " ".join(p.split()) in text]
    assert len(kept) == len(raw_paragraphs) >= 4


DIRTY_TEXTS = [
    # text, fragments that must stay, fragments that must go
    [
        "Главная\nНовости\nПутин провел телефонный разговор с Трампом, сообщили в Кремле.\n"
        "Поделиться\nВКонтакте",
        ["Путин провел телефонный разговор с Трампом"],
        ["Главная", "Поделиться", "ВКонтакте"],
    ],
    [
        "Лавров встретился с Ван И в Пекине, стороны обсудили Украину.\n"
        "Читайте также:\nЛавров прибыл в Китай\nВан И назвал Лаврова другом\n"
        "Встреча продолжалась три часа, сообщил МИД России журналистам.",
        ["Лавров встретился с Ван И", "Встреча продолжалась три часа"],
        ["Читайте также", "Лавров прибыл в Китай", "назвал Лаврова другом"],
    ],
    [
        "Лавров и Блинкен созвонились, сообщает МИД России по итогам беседы.\n"
        "Лавров и Блинкен созвонились, сообщает МИД России по итогам беседы.",
        ["Лавров и Блинкен созвонились"],
        ["беседы.\nЛавров"],
    ],
    [
        "Фото: Reuters\nСтороны договорились о новом раунде переговоров в Стамбуле.\n"
        "Самое читаемое\nВ Москве выпал снег\nКурс доллара вырос",
        ["новом раунде переговоров"],
        ["Reuters", "Самое читаемое", "выпал снег", "Курс доллара"],
    ],
    [
        "Поддержать инициативу Анкары о переговорах в Стамбуле призвал Лавров в пятницу.\n"
        "По теме переговоров стороны пока не высказывались, сообщили в МИД России.",
        ["Поддержать инициативу Анкары", "По теме переговоров стороны"],
        [],
    ],
    [
        "О проекте | Реклама | Контакты | Политика конфиденциальности\n"
        "Лавров и Фидан провели переговоры в Анкаре, сообщили в МИД России.\n"
        "Читать еще:\nКурс рубля: итоги торгов понедельника\n",
        ["Лавров и Фидан провели переговоры"],
        ["О проекте", "Читать еще", "Курс рубля"],
    ],
]


@pytest.mark.parametrize(("text", "kept", "dropped"), DIRTY_TEXTS)
def test_clean_text(text: str, kept: list[str], dropped: list[str]) -> None:
    cleaned = clean_text(text)
    assert [fragment for fragment in kept if fragment not in cleaned] == []
    assert [fragment for fragment in dropped if fragment in cleaned] == []


# site chrome above the headline: [raw page, title, published, body start, dropped menu word]
HEADLINES = [
    [
        "Главная | Политика | Экономика | Спорт\nВойти   Подписаться на рассылку   RU / EN\n"
        "16 февраля 2025\nГосдеп и МИД РФ по-разному описали разговор глав ведомств\n\n"
        "Госсекретарь Марко Рубио в субботу позвонил министру иностранных дел Сергею Лаврову.",
        "Госдеп и МИД РФ по-разному описали разговор глав ведомств",
        date(2025, 2, 16),
        "Госсекретарь Марко Рубио в субботу позвонил",
        "Подписаться",
    ],
    [  # a menu spaced by runs of spaces
        " date 2022-04-25\nНовости  Украина  Мир  Экономика  Спецпроекты  Подкасты\n\n"
        "Блинкен и Остин встретились с Зеленским в Киеве\n\n"
        "Госсекретарь США и глава Пентагона в воскресенье побывали в Киеве.",
        "Блинкен и Остин встретились с Зеленским в Киеве",
        date(2022, 4, 25),
        "Госсекретарь США и глава Пентагона",
        "Подкасты",
    ],
    [  # breadcrumbs after the header date
        " date 2020-09-05 Главная / В мире / Азия / Оборона\n\n"
        "Министры обороны двух стран провели переговоры в Москве\n\n"
        "Министры обороны в пятницу вечером провели переговоры на полях совещания.",
        "Министры обороны двух стран провели переговоры в Москве",
        date(2020, 9, 5),
        "Министры обороны в пятницу",
        "Главная",
    ],
]


@pytest.mark.parametrize(("raw", "title", "published", "start", "menu"), HEADLINES)
def test_everything_above_the_headline_is_dropped(
    raw: str, title: str, published: date, start: str, menu: str
) -> None:
    parsed = parse_txt_article(raw)
    assert parsed.title == title
    assert parsed.published == published
    assert parsed.text.startswith(start)
    assert menu not in parsed.text


HEADER_DATES = [
    ["Заголовок о переговорах в Женеве\n15 февраля 2025, 12:00\nТекст.", date(2025, 2, 15)],
    ["Заголовок о переговорах в Женеве\n15.02.2025\nТекст статьи.", date(2025, 2, 15)],
    [" date 2024-03-08 Меню\nЗаголовок статьи о переговорах\nТекст.", date(2024, 3, 8)],
    ["МОСКВА, 15 февраля. /ТАСС/. Лавров и Рубио поговорили по телефону в субботу вечером.", None],
    ["Заголовок о переговорах в Женеве\n31.02.2025\nТекст статьи.", None],
    # a stamp with the site menu on its line
    ["14.02.2025, 08:30 Мир | Азия | США\n\nЗаголовок о переговорах\n\nТекст.", date(2025, 2, 14)],
    ["05.02.2025, 09:00 | Мир\nЗаголовок о переговорах\n\nТекст.", date(2025, 2, 5)],
    # the time before the date
    ["Си Цзиньпин встретился на Бали с президентом Аргентины\n\n17:55 15.11.2022\n\nТекст.", date(2022, 11, 15)],
    ["☁ +4°С Москва | USD 71.78\n22:25 8 ноября 2021\nПолитика\n\nЛавров обсудил с коллегой Карабах\n\nТекст.", date(2021, 11, 8)],
    # a European site's stamp: day/month/year, a dash before the time
    ["Новости | Европа | Мир\n\nСоюзники подписали договор о дружбе\n\n19/01/2023 - 15:40\n\nТекст.", date(2023, 1, 19)],
    ["Заголовок о переговорах\n\n23/09/2021 - 08:15\nОбновлено 23/09/2021 - 09:02\n\nТекст.", date(2021, 9, 23)],
    # a headline ending in a quoted name is no paragraph; a quoted sentence is
    ["Байден отложил визит в Анголу из-за урагана «Милтон»\n09.10.2024, 06:50\nТекст.", date(2024, 10, 9)],
    ["Лавров сказал журналистам, что переговоры прошли «очень полезно.»\n09.10.2024\nТекст.", None],
    # a stamp with its update time in brackets ends like a sentence, yet is a stamp
    ["Лидеры трех стран собрались вместе\n\n27.05.2024, 14:10 (обновлено: 15:02)\n\nТекст.", date(2024, 5, 27)],
    # a post's stamp under its text, before the channel's buttons
    ["Кремль. Главное\n\nПутин провел телефонный разговор с Алиевым.\n\n#Кремль\n28.12.2024, 16:52\nПодписаться | Переслать", date(2024, 12, 28)],
    # an interview signed with its place and date at the end
    ["Интервью\n\nDW: Как прошла встреча?\n\nТ.Р.: Хорошо.\n\nБеседовала Ольга Краузе. Берлин, 6 июня 2025 года.\n\nПоделиться | Ссылка", date(2025, 6, 6)],
    # ... after the post's view counter and an icon
    # a year of two digits; an ISO stamp with its source on the line; a readout's title that
    # ends with its place and day
    ["Коэн и Лавров поговорили по телефону\n03.01.23 17:40\nТекст.", date(2023, 1, 3)],
    ["Ван И встретился с Руденко\n2024-10-31 09:12:40 | Источник: Синьхуа | Версия для печати\nТекст.", date(2024, 10, 31)],
    ["Лавров по итогам переговоров с Фейсалом бен Фарханом, Москва, 4 июля 2025 года\n\nТекст.", date(2025, 7, 4)],
    ["Дипломатический дневник\n📌 Звонок в Баку\n\nПутин провел телефонный разговор с Алиевым. Стороны обсудили транзит.\n\n👁 12,4K   ✏️ 29.12.2024 16:52", date(2024, 12, 29)],
]  # fmt: skip


@pytest.mark.parametrize(("raw", "published"), HEADER_DATES)
def test_published_date_from_header_only(raw: str, published: date | None) -> None:
    assert parse_txt_article(raw).published == published


OUTLETS = [
    ["МОСКВА, 15 февраля. /ТАСС/. Лавров провел переговоры с коллегой в Анкаре.", "ТАСС"],
    ["МОСКВА, 15 фев - РИА Новости. Лавров провел переговоры в Анкаре.", "РИА Новости"],
    ["Лавров провел переговоры, приводит РИА Новости слова министра в Анкаре.", None],
    ["Лавров провел переговоры в Анкаре в пятницу.\nИсточник: Интерфакс", "Интерфакс"],
]  # fmt: skip


@pytest.mark.parametrize(("raw", "outlet"), OUTLETS)
def test_outlet_only_when_stated(raw: str, outlet: str | None) -> None:
    assert parse_txt_article(raw).outlet == outlet


def test_an_agency_dateline_above_the_headline_stays_with_the_story() -> None:
    """ "КАЗАНЬ, 24 окт — РИА Новости." above the headline dates the story; other lines
    above it are site chrome."""
    raw = (
        "Главная | Политика | Экономика\n\nКАЗАНЬ, 24 окт — РИА Новости.\n\n"
        "Путин провел переговоры с президентом Лаоса\n\n"
        "Путин провел переговоры с президентом Лаоса на полях саммита в Казани.\n"
    )
    parsed = parse_txt_article(raw)
    assert parsed.title == "Путин провел переговоры с президентом Лаоса"
    assert parsed.text.startswith("КАЗАНЬ, 24 окт — РИА Новости.")
    assert "Главная" not in parsed.text


HOSTILE = ["", "\n\n\n", "/", "😀" * 50, "<p>html</p>", "1. a\n2. b\n3. c", "а" * 5000]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_text_never_raises(raw: str) -> None:
    parsed = parse_txt_article(raw)
    assert isinstance(parsed.text, str)
    assert all(span.text for span in split_passages(parsed.text))


PASSAGES = [
    # text, expected sentence count
    ["Лавров поговорил с Рубио. Разговор длился полчаса. Стороны договорились о встрече.", 3],
    ["ВАШИНГТОН, 15 февраля. /ТАСС/. Госсекретарь США Марко Рубио обсудил с Лавровым Украину.", 1],
    ["Да. Лавров и Рубио поговорили по телефону в субботу.", 1],
    ["Первый абзац о встрече Лаврова с коллегой\n\nВторой абзац о переговорах в Женеве.", 2],
    ["", 0],
]  # fmt: skip


@pytest.mark.parametrize(("text", "count"), PASSAGES)
def test_split_passages_merges_short_fragments(text: str, count: int) -> None:
    spans = split_passages(text)
    assert len(spans) == count
    assert all(text[span.start : span.end] == span.text for span in spans)


def test_passage_offsets_on_seed(seeds: dict[str, str]) -> None:
    text = parse_txt_article(seeds["002"]).text
    spans = split_passages(text)
    assert spans[0].text.startswith("ВАШИНГТОН, 15 февраля. /ТАСС/. Госсекретарь")
    assert all(text[span.start : span.end] == span.text for span in spans)
    assert [span.start for span in spans] == sorted(span.start for span in spans)


HEADER_LINES = [
    # raw page, expected title, expected publication date
    [
        "Астана, 27 ноября 2024 года\n\nНОВОСТИ | Политика | Экономика\n\n"
        "Токаев и Путин провели переговоры\n\nПрезиденты двух стран в среду провели переговоры.",
        "Токаев и Путин провели переговоры",
        date(2024, 11, 27),
    ],
    [  # a place and a day ending like a sentence
        "Хельсинки, 12 сентября 2025 года.\n\n«Стубб говорит с Киевом как сосед»\n\n"
        "Президент Финляндии в четверг провел в Киеве переговоры.",
        "«Стубб говорит с Киевом как сосед»",
        date(2025, 9, 12),
    ],
    [
        "Нур-Султан, 5 мая 2021 г.\nМинистры обсудили транзит грузов через Казахстан\n\nСтороны провели встречу.",
        "Министры обсудили транзит грузов через Казахстан",
        date(2021, 5, 5),
    ],
    [
        "Лавров и Фидан встретились в Анкаре\n\n12.03.2024, 10:15\n\nСтороны провели переговоры.",
        "Лавров и Фидан встретились в Анкаре",
        date(2024, 3, 12),
    ],
]


@pytest.mark.parametrize(("raw", "title", "published"), HEADER_LINES)
def test_a_place_and_date_line_is_the_date_not_the_headline(
    raw: str, title: str, published: date
) -> None:
    parsed = parse_txt_article(raw)
    assert (parsed.title, parsed.published) == (title, published)


def test_a_live_blog_keeps_its_entry_stamps_and_a_story_drops_its_one_stamp() -> None:
    """The stamps of a live blog's entries date them, so they stay in the text; a single
    stamp under a story's headline is its publication date only."""
    blog = parse_txt_article(
        "Визит Довала в Москву: онлайн\n\n08.08, 17:05\nМантуров провел встречу с Довалом.\n\n"
        "07.08, 11:05\nШойгу встретился с Довалом.\n"
    )
    assert "08.08, 17:05" in blog.text and "07.08, 11:05" in blog.text
    story = parse_txt_article(
        "Лавров и Фидан встретились в Анкаре\n\n12.03.2024, 10:15\n\nСтороны провели переговоры."
    )
    assert "10:15" not in story.text
