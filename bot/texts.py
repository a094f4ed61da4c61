"""Every user-facing string of the bot and the render_* functions that build messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from aiogram.utils.formatting import (
    Bold,
    ExpandableBlockQuote,
    Italic,
    Text,
    TextLink,
    as_list,
)

from service.render import KIND_ICONS as SERVICE_KIND_ICONS
from service.render import KIND_NAMES as SERVICE_KIND_NAMES
from service.render import MONTHS_GEN, contact_date, plural

if TYPE_CHECKING:
    from bot.services import SourceHealth, SourceProbe
    from ingest.types import IngestReport
    from service.views import Answer, ContactView, SourceView
    from storage.models import Source
    from storage.subscriptions import AlertPreferences, SubscriptionRecord

MESSAGE_LIMIT: Final = 4096
PAGE_BUDGET: Final = 3600  # UTF-16 units per page, leaving room for the page footer
CAPTION_LIMIT: Final = 1024
SNIPPET_CHARS: Final = 280
QUESTION_ECHO_CHARS: Final = 80
QUOTES_PER_CONTACT: Final = 2
LISTED_SUBSCRIPTIONS: Final = 40

MONTHS_GENITIVE: Final = MONTHS_GEN
KIND_NAMES: Final = SERVICE_KIND_NAMES
KIND_PLURALS: Final = {
    "phone": "звонки",
    "meeting": "встречи",
    "visit": "визиты",
    "talks": "переговоры",
}
KIND_ICONS: Final = SERVICE_KIND_ICONS
STATUS_LABELS: Final = {
    "planned": "🗓 запланирован",
    "cancelled": "❌ отменён",
    "postponed": "⏸ перенесён",
    "denied": "🚫 опровергнут",
}
KIND_WORDS: Final = {
    "звонок": "phone", "звонки": "phone", "звонков": "phone", "телефон": "phone",
    "разговоры": "phone", "разговор": "phone",
    "встреча": "meeting", "встречи": "meeting", "встреч": "meeting",
    "визит": "visit", "визиты": "visit", "визитов": "visit",
    "переговоры": "talks", "переговоров": "talks",
}  # fmt: skip

EXAMPLE_QUESTIONS: Final = (
    "Когда говорили Лавров и Рубио?",
    "Последняя встреча Путина и Трампа",
    "С кем встречался Лавров?",
)

USER_COMMANDS: Final = (
    ("start", "Начать и примеры вопросов"),
    ("help", "Как задавать вопросы"),
    ("contacts", "Контакты: /contacts Лавров Рубио"),
    ("timeline", "Хронология картинкой"),
    ("subscribe", "Следить: /subscribe Лавров Рубио"),
    ("subscriptions", "Мои подписки"),
    ("alerts", "Оповещения: сразу, дайджест, тишина"),
)
ADMIN_COMMANDS: Final = (
    ("addsource", "Добавить источник"),
    ("sources", "Источники и их здоровье"),
    ("delsource", "Удалить источник"),
    ("pause", "Приостановить источник"),
    ("resume", "Возобновить источник"),
    ("ingest", "Опросить источники сейчас"),
    ("stats", "Статистика базы"),
)

BUTTON_FOLLOW: Final = "🔔 Следить"
BUTTON_TIMELINE: Final = "📈 Хронология"
BUTTON_UNSUBSCRIBE: Final = "Отписаться"
BUTTON_PREVIOUS: Final = "◀️"
BUTTON_NEXT: Final = "▶️"
BUTTON_CONFIRM_SOURCE: Final = "✅ Добавить"
BUTTON_CANCEL: Final = "Отмена"
BUTTON_INLINE_HELP: Final = "Как искать контакты"

THROTTLED: Final = "Не так быстро 🙂 Подождите секунду и спросите снова."
APOLOGY: Final = "Простите, что-то пошло не так. Попробуйте ещё раз чуть позже."
ADMIN_ONLY: Final = "Эта команда только для администраторов бота."
STALE_BUTTON: Final = "Эта кнопка устарела — спросите ещё раз."
SUBSCRIBED_TOAST: Final = "Готово, слежу 🔔"
ALREADY_SUBSCRIBED_TOAST: Final = "Вы уже следите за этим"
UNSUBSCRIBED_TOAST: Final = "Подписка удалена"
UNKNOWN_SUBSCRIPTION_TOAST: Final = "Такой подписки уже нет"
CANCELLED_TOAST: Final = "Отменено"
TIMELINE_EMPTY: Final = "Пока нечего рисовать: нет контактов с датами."
UNSUPPORTED_FILE: Final = "Я читаю файлы .txt, .html и .jsonl — пришлите один из них."
FILE_TOO_BIG: Final = "Файл слишком большой: до {limit} МБ, пожалуйста."
NOT_A_QUESTION: Final = "Я понимаю вопросы текстом. Например: «когда говорили Лавров и Рубио»."

SOURCE_ERRORS: Final = {
    "bad_url": "Это не похоже на адрес сайта: нужен http:// или https://.",
    "private": "Этот адрес ведёт во внутреннюю сеть — такие источники не добавляю.",
    "fetch": "Не удалось загрузить страницу",
    "too_big": "Страница слишком большая.",
    "exists": "Этот источник уже есть в списке.",
    "not_found": "Нет источника с таким номером. Посмотрите /sources.",
    "usage_add": "Укажите адрес: /addsource https://example.com/news [минут]",
    "usage_id": "Укажите номер источника из /sources, например: /pause 3",
    "expired": "Проверка устарела — отправьте /addsource ещё раз.",
}


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def text_size(content: Text) -> int:
    """Length of the message text the user will see."""
    return utf16_len(content.render()[0])


def shorten(text: str, limit: int) -> str:
    """Collapse whitespace and cut to `limit` UTF-16 units with an ellipsis."""
    flat = " ".join(text.split())
    if utf16_len(flat) <= limit:
        return flat
    size, end = 0, 0
    for end, char in enumerate(flat):  # noqa: B007  (end is used after the loop)
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit - 1:
            break
    return flat[:end].rstrip() + "…"


def contacts_count(number: int) -> str:
    """«3 контакта»."""
    return f"{number} {plural(number, 'контакт', 'контакта', 'контактов')}"


def format_day(value: dt.date) -> str:
    """«15 февраля 2025»."""
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}"


def format_contact_date(contact: ContactView) -> str:
    """The contact's date at its known precision."""
    return contact_date(contact)


def format_people(people: Sequence[str]) -> str:
    """«Сергей Лавров и Марко Рубио»."""
    names = list(people)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " и " + names[-1]


def kind_name(kind: str | None) -> str:
    """Russian name of a kind of contact."""
    return KIND_NAMES.get(kind or "", kind or "контакт")


def parse_kind(word: str) -> str | None:
    """Kind of contact named by a Russian word («звонки» -> phone), or None."""
    return KIND_WORDS.get(word.strip().lower().replace("ё", "е"))


def _outlet(source: SourceView) -> str:
    if source.outlet:
        return shorten(source.outlet, 60)
    if source.url and urlsplit(source.url).netloc:
        return shorten(urlsplit(source.url).netloc, 60)
    if source.title:
        return f"«{shorten(source.title, 50)}»"
    return "источник"


def _is_link(url: str | None) -> bool:
    if not url or len(url) > 2000 or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def render_citation(source: SourceView) -> Text:
    """«— ТАСС, 15 февраля 2025» with a link when the source has one."""
    outlet = _outlet(source)
    name: Text | str = outlet
    if source.url and _is_link(source.url):
        name = TextLink(outlet, url=source.url)
    parts: list[Text | str] = ["— ", name]
    if source.published:
        parts.append(f", {format_day(source.published)}")
    return Text(*parts)


def render_quote(snippet: str, source: SourceView) -> Text:
    """A short cited snippet in an expandable blockquote."""
    return ExpandableBlockQuote(f"«{shorten(snippet, SNIPPET_CHARS)}»\n", render_citation(source))


def render_contact_fact(contact: ContactView, *, asked: Sequence[str] = ()) -> Text:
    """The fact line(s) of a contact: date, kind, place, status, and who if not obvious."""
    icon = KIND_ICONS.get(contact.kind, "•")
    line: list[Text | str] = [f"{icon} ", Bold(format_contact_date(contact)), " — "]
    line.append(kind_name(contact.kind))
    if contact.place:
        line.append(f", {shorten(contact.place, 60)}")
    if contact.status in STATUS_LABELS:
        line.append(" · ")
        line.append(Italic(STATUS_LABELS[contact.status]))
    lines: list[Text] = [Text(*line)]
    if set(contact.participants) != set(asked):
        lines.append(Text("   ", shorten(format_people(contact.participants[:6]), 200)))
    return as_list(*lines)


def render_contact_block(contact: ContactView, *, asked: Sequence[str] = ()) -> Text:
    """A contact: its fact, then up to two quotes."""
    items: list[Text] = [render_contact_fact(contact, asked=asked)]
    quoted = contact.sources[:QUOTES_PER_CONTACT]
    items.extend(render_quote(s.snippet, s) for s in quoted)
    more = max(contact.source_count, len(contact.sources)) - len(quoted)
    if more > 0:
        items.append(Italic(f"   +{more} {plural(more, 'источник', 'источника', 'источников')}"))
    return as_list(*items)


def render_contact_card(contact: ContactView) -> Text:
    """A self-contained card for sharing a contact (inline mode)."""
    return as_list(
        Bold(shorten(format_people(contact.participants[:6]), 200)),
        render_contact_block(contact, asked=contact.participants),
    )


def contact_card_title(contact: ContactView) -> str:
    """Title of an inline result."""
    return shorten(f"{format_contact_date(contact)} — {kind_name(contact.kind)}", 100)


def contact_card_description(contact: ContactView) -> str:
    """Description of an inline result."""
    status = STATUS_LABELS.get(contact.status, "")
    return shorten(" · ".join(p for p in (format_people(contact.participants), status) if p), 200)


def paginate(header: Text, blocks: Sequence[Text]) -> list[Text]:
    """Pack blocks into pages under the message limit; each page starts with the header."""
    header_size = text_size(header)
    pages: list[list[Text]] = [[]]
    size = header_size
    for block in blocks:
        block_size = text_size(block) + 2
        if pages[-1] and size + block_size > PAGE_BUDGET:
            pages.append([])
            size = header_size
        pages[-1].append(block)
        size += block_size
    total = len(pages)
    rendered = []
    for number, page in enumerate(pages, start=1):
        parts: list[Text] = [header, *page]
        if total > 1:
            parts.append(Italic(f"Страница {number} из {total}"))
        rendered.append(as_list(*parts, sep="\n\n"))
    return rendered


def _people_header(people: Sequence[str], contacts: Sequence[ContactView]) -> Text:
    who = shorten(format_people(people), 300) if people else "Найденные контакты"
    return Text(Bold(who), f": {contacts_count(len(contacts))}")


def render_answer_pages(answer: Answer) -> list[Text]:
    """The answer to a question, paged: the facts first, then the cited quotes.

    «О чём договорились» leads with what was agreed; «с кем» leads with the counterparts.
    """
    people = list(answer.people)
    if answer.contacts:
        header = _people_header(people, answer.contacts)
        if answer.query.intent == "last":
            header = Text(Bold(shorten(format_people(people), 300)), ": последний контакт")
        lead: list[Text] = []
        if answer.query.intent == "about" and answer.passages:
            lead.append(
                as_list(
                    Bold("О чём договорились и что обсуждали:"),
                    *(render_quote(p.text, p.source) for p in answer.passages),
                )
            )
        if answer.query.intent == "who" and answer.counterparts:
            lead.append(
                as_list(
                    Bold("Собеседники:"),
                    *(
                        Text(f"• {shorten(name, 100)} — {contacts_count(n)}")
                        for name, n in answer.counterparts
                    ),
                )
            )
        blocks = [*lead, *(render_contact_block(c, asked=people) for c in answer.contacts)]
        return paginate(header, blocks)
    if answer.passages:
        header = Text(
            "Контактов не нашёл, но вот что пишут по запросу ",
            Italic(f"«{shorten(answer.question, QUESTION_ECHO_CHARS)}»"),
            ":",
        )
        blocks = [render_quote(p.text, p.source) for p in answer.passages]
        return paginate(header, blocks)
    return [render_not_found(answer)]


def render_not_found(answer: Answer) -> Text:
    """A polite «nothing found» with a suggestion; never an invented contact."""
    lines: list[Text | str] = []
    if answer.query.unknown_names:
        names = ", ".join(f"«{shorten(n, 40)}»" for n in answer.query.unknown_names[:5])
        lines.append(Text("Не знаю, кто это: ", names, "."))
    if answer.query.people:
        lines.append(
            Text(
                "Не нашёл контактов: ",
                Bold(shorten(format_people(answer.query.people), 300)),
                ".",
            )
        )
    else:
        lines.append("Не нашёл ответа на этот вопрос.")
    lines.append(
        Text(
            "Попробуйте назвать двух людей по фамилии, например: ",
            Italic(f"«{EXAMPLE_QUESTIONS[0]}»"),
            ". Подробнее — /help.",
        )
    )
    return as_list(*lines)


def render_contacts_pages(people: Sequence[str], contacts: Sequence[ContactView]) -> list[Text]:
    """The /contacts list of one person or a pair, paged."""
    if not contacts:
        return [
            as_list(
                Text("Пока не знаю контактов: ", Bold(shorten(format_people(people), 300)), "."),
                "Загляните позже или подпишитесь — /subscribe.",
            )
        ]
    header = _people_header(people, contacts)
    return paginate(header, [render_contact_block(c, asked=people) for c in contacts])


def render_unknown_people(text: str) -> Text:
    """Nobody recognised in a command's argument."""
    return as_list(
        Text("Не узнал никого в ", Italic(f"«{shorten(text, QUESTION_ECHO_CHARS)}»"), "."),
        "Назовите людей по фамилии, например: /contacts Лавров Рубио",
    )


def render_usage(command: str) -> Text:
    """How to call a command that needs names."""
    return Text("Назовите одного или двух людей, например: ", f"/{command} Лавров Рубио")


def render_too_many_people(people: Sequence[str]) -> Text:
    """Subscriptions and timelines follow one person or a pair."""
    return Text(
        "Можно следить за одним человеком или парой, а вы назвали: ",
        shorten(format_people(people), 300),
        ".",
    )


def render_start(*, reactivated: bool = False) -> Text:
    """The greeting with what the bot can do."""
    lines: list[Text | str] = [
        Bold("Здравствуйте! Я слежу за дипломатическими контактами в новостях."),
        "Спросите, кто с кем говорил, встречался или созванивался, — "
        "отвечу датами и цитатами со ссылками на источники.",
        "Можно подписаться на человека или пару и получать оповещения о новых контактах.",
    ]
    if reactivated:
        lines.append("С возвращением! Ваши подписки снова работают 🔔")
    lines.append("Попробуйте один из вопросов ниже или напишите свой:")
    return as_list(*lines, sep="\n\n")


def render_help() -> Text:
    """Question forms, subscriptions and sources."""
    return as_list(
        Bold("Как спрашивать"),
        "• «Когда говорили Лавров и Рубио?» — все контакты пары с датами;",
        "• «Последняя встреча Путина и Трампа» — самый свежий контакт;",
        "• «С кем встречался Лавров?» — собеседники человека;",
        "• «Лавров Рубио февраль 2025» — контакты за период.",
        "",
        Bold("Команды"),
        "/contacts Лавров Рубио — список контактов;",
        "/timeline Лавров Рубио — хронология картинкой.",
        "",
        Bold("Подписки"),
        "/subscribe Лавров — все контакты человека;",
        "/subscribe Лавров Рубио — контакты пары;",
        "/subscribe Лавров Рубио звонки — только звонки (или встречи, визиты, переговоры);",
        "/subscriptions — список, отписаться в одно касание;",
        "/alerts — когда присылать оповещения: сразу или дайджестом, часы тишины, пояс.",
        "",
        Bold("Источники"),
        "Я читаю русскоязычные новостные ленты и сайты, которые добавили администраторы. "
        "Под каждым ответом — цитаты и ссылки, по ним можно проверить факт.",
        "",
        "В группах я отвечаю на команды и на сообщения, где меня упомянули. "
        "В любом чате можно набрать моё имя и фамилии — и поделиться карточкой контакта.",
    )


def render_timeline_caption(people: Sequence[str], count: int) -> Text:
    """Caption of a timeline picture."""
    return Text("📈 ", Bold(shorten(format_people(people), 300)), f": {contacts_count(count)}")


def describe_subscription(person_a: str, person_b: str | None, kind: str | None) -> str:
    """«Сергей Лавров и Марко Рубио — звонки»."""
    who = format_people([person_a, person_b] if person_b else [person_a])
    return shorten(f"{who} — {KIND_PLURALS.get(kind, kind)}" if kind else who, 200)


def render_subscribed(record: SubscriptionRecord, *, created: bool) -> Text:
    """The reply to /subscribe."""
    what = describe_subscription(record.person_a, record.person_b, record.kind)
    if not created:
        return Text("Вы уже следите: ", Bold(what), ".")
    return as_list(
        Text("🔔 Слежу: ", Bold(what), "."),
        "Напишу, когда появятся новые контакты. Все подписки — /subscriptions.",
    )


def render_subscriptions(records: Sequence[SubscriptionRecord]) -> Text:
    """The /subscriptions list."""
    if not records:
        return as_list(
            "Подписок пока нет.",
            "Например: /subscribe Лавров Рубио — и я напишу о новых контактах пары.",
        )
    lines = [
        Text(f"{n}. ", shorten(describe_subscription(r.person_a, r.person_b, r.kind), 100))
        for n, r in enumerate(records[:LISTED_SUBSCRIPTIONS], start=1)
    ]
    if len(records) > LISTED_SUBSCRIPTIONS:
        lines.append(Text(f"…и ещё {len(records) - LISTED_SUBSCRIPTIONS}"))
    return as_list(Bold("Ваши подписки:"), *lines, "Нажмите кнопку, чтобы отписаться.")


def unsubscribe_label(number: int, record: SubscriptionRecord) -> str:
    """Label of a one-tap unsubscribe button."""
    who = describe_subscription(record.person_a, record.person_b, record.kind)
    return shorten(f"✖ {number}. {who}", 60)


def render_probe(probe: SourceProbe, interval_minutes: int) -> Text:
    """The dry run of /addsource, asking to confirm."""
    contacts = "станет ясно после добавления" if probe.contacts is None else str(probe.contacts)
    return as_list(
        Bold("Проверка источника"),
        Text("Адрес: ", shorten(probe.url, 300)),
        Text("Тип: ", probe.kind),
        Text("Заголовок: ", shorten(probe.title or "—", 200)),
        Text(f"Статей сейчас: {probe.articles}"),
        Text("Контактов в них: ", contacts),
        Text(f"Опрашивать каждые {interval_minutes} мин."),
        "Добавить?",
    )


def render_source_added(source: Source) -> Text:
    """Confirmation that a source was stored."""
    return Text("✅ Источник №", str(source.id), " добавлен: ", shorten(source.url, 300))


def _ago(moment: dt.datetime | None, now: dt.datetime) -> str:
    if moment is None:
        return "ни разу"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return "только что"
    if minutes < 60:
        return f"{minutes} мин назад"
    if minutes < 48 * 60:
        return f"{minutes // 60} ч назад"
    return f"{minutes // 1440} дн назад"


def render_sources(health: Sequence[SourceHealth], *, now: dt.datetime | None = None) -> list[Text]:
    """The /sources list with health figures, paged."""
    if not health:
        return [Text("Источников пока нет. Добавьте: /addsource https://example.com/news")]
    now = now or dt.datetime.now(dt.UTC)
    blocks = []
    for item in health:
        state = "⏸ на паузе" if item.paused else ("⚠️" if item.consecutive_failures else "✅")
        lines: list[Text | str] = [
            Text(Bold(f"№{item.id}"), f" {state} ", shorten(item.title or item.url, 120)),
            Text(
                "   ",
                shorten(item.url, 200),
                f" · {item.kind} · каждые {item.interval_minutes} мин",
            ),
            Text(
                f"   успех: {_ago(item.last_success_at, now)} · ошибок подряд: "
                f"{item.consecutive_failures} · статей в день: {item.articles_per_day:.1f}"
                f" · контактов: {item.contacts_found}"
            ),
        ]
        if item.last_error:
            lines.append(Text("   ошибка: ", Italic(shorten(item.last_error, 200))))
        blocks.append(as_list(*lines))
    return paginate(Bold(f"Источники: {len(health)}"), blocks)


def render_source_changed(action: str, source_id: int) -> Text:
    """Confirmation of /delsource, /pause, /resume."""
    verbs = {"delete": "удалён", "pause": "на паузе", "resume": "снова опрашивается"}
    return Text(f"Источник №{source_id} {verbs.get(action, action)}.")


def render_source_error(reason: str, detail: str = "") -> Text:
    """A source operation that failed, in words."""
    message = SOURCE_ERRORS.get(reason, APOLOGY)
    if detail:
        return Text(message, ": ", shorten(detail, 300))
    return Text(message)


def render_ingest_report(report: IngestReport, *, what: str = "Опрос источников") -> Text:
    """What an ingest run found."""
    lines: list[Text | str] = [
        Bold(shorten(what, 200)),
        f"Новых статей: {report.new}, повторов: {report.duplicate}, ошибок: {report.failed}.",
        f"Новых контактов: {report.contacts_new}, обновлено: {report.contacts_updated}.",
    ]
    for failure in report.failures[:5]:
        lines.append(
            Text("⚠️ ", shorten(failure.origin, 100), ": ", Italic(shorten(failure.reason, 200)))
        )
    return as_list(*lines)


STAT_LABELS: Final = {
    "articles": "Статей",
    "passages": "Фрагментов",
    "contacts": "Контактов",
    "people": "Людей",
    "sources": "Источников",
    "last_ingested": "Последнее поступление",
}


def render_stats(stats: Mapping[str, int | str | None]) -> Text:
    """Corpus figures for /stats."""
    lines: list[Text] = [Bold("База контактов")]
    for key, value in stats.items():
        label = STAT_LABELS.get(key, shorten(key, 60))
        lines.append(Text(f"{label}: ", "—" if value is None else shorten(str(value), 100)))
    return as_list(*lines)


def render_admin_refusal() -> Text:
    """The polite refusal of an admin command."""
    return Text(ADMIN_ONLY)


def render_apology() -> Text:
    """The short apology of the error router."""
    return Text(APOLOGY)


ALERTS_USAGE: Final = (
    "/alerts сразу — присылать сразу (по умолчанию);",
    "/alerts дайджест 9 — одним сообщением раз в день в 9:00;",
    "/alerts тишина 23-8 — ночью не беспокоить (оповещения придут утром);",
    "/alerts тишина выкл — без часов тишины;",
    "/alerts пояс Europe/Berlin — часовой пояс (по умолчанию Москва).",
)


def render_alert_preferences(prefs: AlertPreferences, *, changed: bool = False) -> Text:
    """The chat's alert settings and how to change them."""
    mode = (
        f"дайджест раз в день в {prefs.digest_hour}:00"
        if prefs.digest_hour is not None
        else "сразу"
    )
    quiet = (
        f"с {prefs.quiet_from}:00 до {prefs.quiet_to}:00"
        if prefs.quiet_from is not None and prefs.quiet_to is not None
        else "нет"
    )
    return as_list(
        Bold("✅ Сохранено. Оповещения:" if changed else "🔔 Оповещения:"),
        Text("• присылать: ", Bold(mode)),
        Text("• часы тишины: ", Bold(quiet)),
        Text("• часовой пояс: ", Bold(shorten(prefs.timezone, 60))),
        "",
        *ALERTS_USAGE,
    )


def render_preference_error(reason: str) -> Text:
    """A polite refusal of /alerts arguments."""
    return as_list(Text("🤔 ", shorten(reason, 300)), "", *ALERTS_USAGE)
