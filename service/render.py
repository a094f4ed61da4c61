"""Plain-text rendering of answers (the CLI's text, also the `answer` field of --json)."""

from __future__ import annotations

from datetime import date

from service.views import ContactView, SourceView

MONTHS_GEN = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
MONTHS_NOM = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
KIND_NAMES = {
    "phone": "телефонный разговор",
    "meeting": "встреча",
    "visit": "визит",
    "talks": "переговоры",
}
KIND_ICONS = {"phone": "📞", "meeting": "🤝", "visit": "✈️", "talks": "🗣"}
STATUS_LABELS = {
    "happened": "",
    "planned": "запланирован",
    "cancelled": "отменён",
    "postponed": "отложен",
    "denied": "опровергнут",
}
SNIPPET_CHARS = 220


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form for a count: 1 контакт, 2 контакта, 5 контактов."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_date(
    value: date | None, precision: str | None, hint: tuple[int | None, int | None] = (None, None)
) -> str:
    """«15 февраля 2025», «февраль 2025», «2021 год», or «дата не указана»."""
    if value is None:
        month, day = hint
        if month and day:
            return f"{day} {MONTHS_GEN[month - 1]} (год не указан)"
        return "дата не указана"
    if precision == "year":
        return f"{value.year} год"
    if precision == "month":
        return f"{MONTHS_NOM[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS_GEN[value.month - 1]} {value.year}"


def contact_date(contact: ContactView) -> str:
    """The date of a contact as a user reads it."""
    return format_date(contact.date, contact.date_precision, (contact.hint_month, contact.hint_day))


def contact_headline(contact: ContactView) -> str:
    """«📞 15 февраля 2025, телефонный разговор (по инициативе США), Эр-Рияд»."""
    parts = [
        f"{KIND_ICONS.get(contact.kind, '•')} {contact_date(contact)}, "
        f"{KIND_NAMES.get(contact.kind, contact.kind)}"
    ]
    extras = []
    if contact.initiator:
        extras.append(f"по инициативе {contact.initiator}")
    if contact.status != "happened":
        extras.append(STATUS_LABELS.get(contact.status, contact.status))
    line = parts[0] + (f" ({'; '.join(extras)})" if extras else "")
    if contact.place:
        line += f", {contact.place}"
    return line


def shorten(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The text cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def source_name(source: SourceView) -> str:
    """The outlet of a source, or its (shortened) title, or its id."""
    if source.outlet:
        return source.outlet
    if source.title:
        return f"«{shorten(source.title, 40)}»"
    return source.article_id or "источник"


def render_contact(contact: ContactView, *, quotes: int = 1) -> list[str]:
    """Lines for one contact: headline, a quote, the outlets."""
    lines = [contact_headline(contact)]
    if contact.sources:
        for source in contact.sources[:quotes]:
            lines.append(f"  «{shorten(source.snippet)}»")
        names: list[str] = []
        for s in contact.sources:
            name = source_name(s)
            if name not in names:
                names.append(name)
        shown = " · ".join(names[:2])
        # every article beyond those of the named outlets, loaded or not
        named = sum(source_name(s) in names[:2] for s in contact.sources)
        rest = max(contact.source_count, len(contact.sources)) - named
        more = (
            f" · +{rest} {plural(rest, 'источник', 'источника', 'источников')}" if rest > 0 else ""
        )
        lines.append(f"  — {shown}{more}")
        for s in contact.sources:
            if s.url:
                lines.append(f"    {s.url}")
    return lines
